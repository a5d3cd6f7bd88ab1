using BenchmarkDotNet.Attributes;
using Crm.Sdk.Outbox;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// Dispatch throughput: <see cref="Messages"/> pending messages (one per account) sent by one <c>DispatchPendingAsync</c> to
/// a fake Protheus over loopback HTTP, at <see cref="Concurrency"/> sends at once: claims, the HTTP exchange, the account's
/// ERP code recorded and the row marked sent. Each iteration starts from a copy of the same database (the messages
/// pending) and a fresh fake ERP (run it with <c>--strategy Monitoring --runOncePerIteration</c>). Messages per second =
/// <see cref="Messages"/> / the mean.
/// </summary>
[MemoryDiagnoser]
public class OutboxDispatchBenchmarks
{
    private string _template = null!;
    private OutboxBenchHost _host = null!;

    /// <summary>Pending messages to send.</summary>
    [Params(200, 1_000)]
    public int Messages { get; set; }

    /// <summary>Sends at once.</summary>
    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        await using var seed = await OutboxBenchHost.CreateAsync(integrated: true, o => o.RunInBackground = false);
        for (var n = 1; n <= Messages; n++)
            Engine.EngineHost.Ok(await seed.Seller.Accounts.RegisterAsync(OutboxBenchHost.Form(n)));
        SqliteConnection.ClearAllPools();
        _template = Path.Combine(Path.GetTempPath(), $"crm-bench-outbox-{Messages}-{Guid.NewGuid():N}.db");
        File.Copy(seed.File, _template);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_template);

    [IterationSetup]
    public void IterationSetup() => _host = OutboxBenchHost.CreateAsync(integrated: true, o =>
        (o.RunInBackground, o.Concurrency, o.BatchSize) = (false, Concurrency, 200), _template).GetAwaiter().GetResult();

    [IterationCleanup]
    public void IterationCleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Sends every pending message.</summary>
    [Benchmark]
    public async Task<int> Dispatch()
    {
        var report = await _host.Engine.Outbox.DispatchPendingAsync();
        return report.Sent == Messages ? report.Sent : throw new InvalidOperationException($"Sent {report.Sent} of {Messages}: {report}.");
    }
}
