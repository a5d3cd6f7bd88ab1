using System.Diagnostics;
using Crm.Cli.Validation;

namespace Crm.Cli.Tests;

/// <summary>
/// <c>validate --file</c> on input without an end: refused with the limit named, in bounded memory and time. Memory is bounded
/// by the bytes allocated on the test's thread, where the CLI reads the file (an upper bound of what it holds): a row is refused
/// within a few buffers of 64 KiB, a stream of valid rows holds its rows until the 8 MiB size limit (before the limits,
/// /dev/zero grew the process to 1.8 GB and never stopped).
/// </summary>
public sealed class UnboundedInputTests : IDisposable
{
    private const long RowMemoryBound = 16 * 1024 * 1024;
    private const long SizeMemoryBound = 16 * DocumentFile.MaxFileBytes;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);
    private const string RowLimit = "a row longer than 64 KiB, the longest --file reads";
    private const string SizeLimit = "is larger than 8 MiB, the most --file reads";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-input-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Dev_zero_is_refused_at_the_row_limit() =>
        Bounded(() => CliRun.Of("validate", "--file", "/dev/zero")).AssertUsageError($"line 1: {RowLimit}");

    [Fact]
    public void A_fifo_fed_rows_forever_is_refused_at_the_size_limit()
    {
        var row = "cpf,111.444.777-35\n"u8.ToArray();
        var (run, written) = ThroughFifo(SizeMemoryBound, stream =>
        {
            stream.Write("kind,value\n"u8);
            while (true)
                stream.Write(row);
        });

        run.AssertUsageError(SizeLimit);
        Assert.True(written > DocumentFile.MaxFileBytes, $"the writer stopped after {written} bytes");
    }

    [Fact]
    public void A_fifo_fed_a_50_MB_cell_is_refused_at_the_row_limit()
    {
        var (run, written) = ThroughFifo(RowMemoryBound, stream =>
        {
            stream.Write("kind,value\ncpf,"u8);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'1');
            for (var i = 0; i < 50; i++)
                stream.Write(chunk);
            stream.Write("\n"u8);
        });

        run.AssertUsageError($"line 2: {RowLimit}");
        Assert.True(written < 50 * 1024 * 1024, "the CLI read the whole cell");
    }

    [Fact]
    public void A_50_MB_file_is_refused_by_its_size_before_it_is_read()
    {
        var path = Path.Combine(_folder.FullName, "large.csv");
        using (var file = File.Create(path))
        {
            file.Write("kind,value\n"u8);
            file.SetLength(50 * 1024 * 1024);
        }

        Bounded(() => CliRun.Of("validate", "--file", path)).AssertUsageError($"{path} {SizeLimit}"); // refused by its length, unread
    }

    [Fact]
    public void A_quoted_cell_running_over_many_lines_is_refused_at_the_row_limit_with_the_line_it_starts_on()
    {
        var path = Path.Combine(_folder.FullName, "cell.csv");
        File.WriteAllText(path, "kind,value\ncpf,11144477735\ncpf,\"" + string.Concat(Enumerable.Repeat("1\n", 512 * 1024)) + "\"\n");

        Bounded(() => CliRun.Of("validate", "--file", path)).AssertUsageError($"line 3: {RowLimit}");
    }

    [Fact]
    public void A_long_row_within_the_limit_is_read_and_validated()
    {
        var path = Path.Combine(_folder.FullName, "long.csv");
        File.WriteAllText(path, "kind,value\ncpf," + new string('1', 60_000) + "\ncpf,11144477735\n");

        var run = CliRun.Of("validate", "--file", path);

        Assert.Equal(1, run.Exit);
        Assert.Contains("invalid registry.length", run.Output, StringComparison.Ordinal);
        Assert.Equal("1 valid, 1 invalid", run.OutputLines[^1]);
    }

    /// <summary>Runs the CLI on the test's thread and checks it stayed within the memory and time bounds.</summary>
    private static CliRun Bounded(Func<CliRun> run, long memoryBound = RowMemoryBound)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = run();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(clock.Elapsed < TimeBound, $"took {clock.Elapsed}");
        Assert.True(allocated < memoryBound, $"allocated {allocated:N0} bytes");
        return result;
    }

    /// <summary>
    /// Runs <c>crm validate --file</c> on a FIFO made with <c>mkfifo</c>, fed by <paramref name="feed"/> on another thread until
    /// it ends or the CLI closes the FIFO; returns the run and how many bytes the writer managed to write.
    /// </summary>
    private (CliRun Run, long Written) ThroughFifo(long memoryBound, Action<Stream> feed)
    {
        var fifo = Path.Combine(_folder.FullName, "input.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var writer = Task.Factory.StartNew(() =>
        {
            using var counted = new CountingStream(new FileStream(fifo, FileMode.Open, FileAccess.Write));
            try
            {
                feed(counted);
            }
            catch (IOException)
            {
                // The CLI closed the FIFO: it stopped reading, which is what the test wants.
            }
            return counted.Written;
        }, TaskCreationOptions.LongRunning);

        var run = Bounded(() => CliRun.Of("validate", "--file", fifo), memoryBound);

        if (!writer.IsCompleted)
            using (new FileStream(fifo, FileMode.Open, FileAccess.Read)) { } // a CLI that never opened the FIFO leaves the writer waiting
        Assert.True(writer.Wait(TimeBound), "the writer is still writing: the CLI did not close the FIFO");
        return (run, writer.Result);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    inner.Dispose();
                }
                catch (IOException)
                {
                    // flushing into a FIFO whose reader is gone
                }
            }
            base.Dispose(disposing);
        }
    }
}
