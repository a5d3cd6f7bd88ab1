using Crm.Domain.Matrices;

namespace Crm.Domain.Pricing;

/// <summary>
/// The matrix contexts of an order's lines, made a batch at a time; before a batch is handed out, the matrix-backed sources
/// load into the cache what its lookups will read (<see cref="IPrefetching"/>), so that the misses of a large matrix overlap
/// instead of stalling each line in turn. A hint: the lines are then resolved one by one, with the same calls in the same
/// order, and the answers do not change.
/// </summary>
internal sealed class LineContexts
{
    /// <summary>
    /// Lines whose lookups are prefetched together: enough for their cache misses to overlap, few enough for what they load
    /// (a few cache lines per line and large matrix) to stay in the core's cache until used.
    /// </summary>
    private const int Batch = 64;

    private readonly PricingSources _sources;
    private readonly Func<int, MatrixContext> _contextOf;
    private readonly int _count;
    private readonly MatrixContext[] _batch;
    private int _first = -1; // the line the loaded batch starts at

    /// <param name="sources">The sources to prefetch.</param>
    /// <param name="count">How many lines the order has.</param>
    /// <param name="contextOf">The context of line i.</param>
    public LineContexts(PricingSources sources, int count, Func<int, MatrixContext> contextOf)
    {
        _sources = sources;
        _contextOf = contextOf;
        _count = count;
        _batch = new MatrixContext[Math.Min(count, Batch)];
    }

    /// <summary>The context of line <paramref name="line"/>, its batch made and prefetched on first use.</summary>
    public MatrixContext this[int line]
    {
        get
        {
            var first = line - line % Batch;
            if (first != _first)
                Load(first);
            return _batch[line - first];
        }
    }

    private void Load(int first)
    {
        var batch = _batch.AsSpan(0, Math.Min(_batch.Length, _count - first));
        for (var k = 0; k < batch.Length; k++)
            batch[k] = _contextOf(first + k);
        ReadOnlySpan<object?> all =
        [
            _sources.UnitConversion, _sources.PaymentCondition, _sources.ListPrice, _sources.CustomerPrice, _sources.Promotion,
            _sources.PisCofinsRepasse, _sources.DiscountSurcharge, _sources.MaximumDiscount, _sources.MinimumPrice,
            _sources.Ipi, _sources.Icms, _sources.PisCofins, _sources.IbsCbs, _sources.IcmsSt, _sources.Difal, _sources.Commission,
        ];
        foreach (var source in all)
            if (source is IPrefetching prefetching)
                prefetching.Prefetch(batch);
        _first = first;
    }
}

/// <summary>
/// A source backed by a matrix, which the pricer lets load what a batch of lines will read before it resolves them one by
/// one (<see cref="MatrixIndex{TPayload}.Prefetch"/>): a hint that changes no answer.
/// </summary>
internal interface IPrefetching
{
    /// <summary>Loads into the cache what resolving <paramref name="contexts"/> will read; returns a value made of it.</summary>
    int Prefetch(ReadOnlySpan<MatrixContext> contexts);
}
