namespace Crm.Imports.Reading;

/// <summary>A read-only view of a stream that refuses (through <see cref="LimitExceeded"/>) to read past <paramref name="maxBytes"/>.</summary>
internal sealed class BoundedStream(Stream inner, long maxBytes, string what) : ReadOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(n);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(int n)
    {
        _read += n;
        if (_read > maxBytes)
            throw new LimitExceeded(new FileProblem(FileCodes.TooLarge,
                $"{what} is larger than the {maxBytes:N0}-byte limit; split it or raise ImportLimits."));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
