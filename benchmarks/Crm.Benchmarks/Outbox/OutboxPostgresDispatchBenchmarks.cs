using BenchmarkDotNet.Attributes;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Npgsql;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// Dispatch throughput on PostgreSQL with one or two dispatchers at once (two engines on one database, as two application
/// instances run): <see cref="Messages"/> pending messages (one per account), sent at concurrency 8 each to a fake Protheus
/// over loopback HTTP until none is left. Each iteration starts from a copy of the seeded database (<c>CREATE DATABASE …
/// TEMPLATE</c>) and a fresh fake ERP; run it with <c>--strategy Monitoring --runOncePerIteration</c> and CRM_TEST_POSTGRES
/// set (source scripts/postgres.sh). Messages per second = <see cref="Messages"/> / the mean.
/// </summary>
[MemoryDiagnoser]
public class OutboxPostgresDispatchBenchmarks
{
    private readonly List<OutboxBenchHost> _dispatchers = [];
    private string _server = null!;
    private string _keys = null!;
    private string _template = null!;
    private string _database = null!;
    private FakeProtheusServer _erp = null!;

    /// <summary>Pending messages to send.</summary>
    [Params(1_000, 5_000)]
    public int Messages { get; set; }

    /// <summary>Dispatchers sending at once.</summary>
    [Params(1, 2)]
    public int Dispatchers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (source scripts/postgres.sh) to benchmark PostgreSQL.");
        _keys = Directory.CreateTempSubdirectory("crm-bench-outbox-keys-").FullName;
        _template = $"crm_bench_outbox_{Messages}_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE {_template}");
        await using var erp = await FakeProtheusServer.StartAsync(new FakeProtheus());
        await using (var seed = await OutboxBenchHost.CreatePostgresAsync(Connection(_template), _keys, erp, seed: true, o => o.RunInBackground = false))
            for (var n = 1; n <= Messages; n++)
                Engine.EngineHost.Ok(await seed.Seller.Accounts.RegisterAsync(OutboxBenchHost.Form(n)));
        NpgsqlConnection.ClearAllPools(); // a template database takes no connections
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await AdminAsync($"DROP DATABASE IF EXISTS {_template} WITH (FORCE)");
        Directory.Delete(_keys, recursive: true);
    }

    [IterationSetup]
    public void IterationSetup() => IterationSetupAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void IterationCleanup() => IterationCleanupAsync().GetAwaiter().GetResult();

    /// <summary>Sends every pending message with <see cref="Dispatchers"/> dispatchers at once.</summary>
    [Benchmark]
    public async Task<int> Dispatch()
    {
        var reports = await Task.WhenAll(_dispatchers.Select(d => Task.Run(() => d.Engine.Outbox.DispatchPendingAsync())));
        var sent = reports.Sum(r => r.Sent);
        return sent == Messages ? sent : throw new InvalidOperationException($"Sent {sent} of {Messages}.");
    }

    private async Task IterationSetupAsync()
    {
        _database = $"crm_bench_outbox_run_{Guid.NewGuid():N}";
        // A pool the seeding engine kept (its own data source, out of ClearAllPools' reach) would make the copy fail
        // with "source database is being accessed by other users".
        await Engine.BenchPostgres.EndConnectionsAsync(_template);
        await AdminAsync($"CREATE DATABASE {_database} TEMPLATE {_template}");
        _erp = await FakeProtheusServer.StartAsync(new FakeProtheus());
        for (var i = 0; i < Dispatchers; i++)
            _dispatchers.Add(await OutboxBenchHost.CreatePostgresAsync(Connection(_database), _keys, _erp, seed: false,
                o => (o.RunInBackground, o.Concurrency, o.BatchSize) = (false, 8, 200)));
    }

    private async Task IterationCleanupAsync()
    {
        foreach (var dispatcher in _dispatchers)
            await dispatcher.DisposeAsync();
        _dispatchers.Clear();
        await _erp.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private string Connection(string database) => new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString;

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
