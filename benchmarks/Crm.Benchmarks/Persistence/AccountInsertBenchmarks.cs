using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence;
using NodaTime;

namespace Crm.Benchmarks.Persistence;

/// <summary>
/// Inserting accounts (three addresses, two phones, e-mail, history) in batches of 2,000 through the unit of work, into
/// a fresh database per iteration: a SQLite file, and PostgreSQL (CRM_TEST_POSTGRES, started by scripts/postgres.sh).
/// The accounts are built in the iteration setup: only the writes are measured. A custom short job (no warmup, two
/// cold iterations): one 100,000-account iteration takes minutes, and each needs a fresh database anyway.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class AccountInsertBenchmarks
{
    private Account[] _accounts = [];
    private CrmDatabase _database = null!;
    private Func<Task> _drop = () => Task.CompletedTask;

    /// <summary>Accounts inserted per operation.</summary>
    [Params(10_000, 100_000)]
    public int Accounts { get; set; }

    /// <summary>The database engine.</summary>
    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [IterationSetup]
    public void Setup()
    {
        var clock = SystemClock.Instance;
        var owner = new UserId(Guid.NewGuid());
        var company = new CompanyId(Guid.NewGuid());
        _accounts = [.. Enumerable.Range(1, Accounts).Select(i => BenchmarkDatabase.Account(i, owner, company, clock))];
        (_database, _drop) = BenchmarkDatabase.Create(Provider);
    }

    [IterationCleanup]
    public void Cleanup() => _drop().GetAwaiter().GetResult();

    [Benchmark]
    public Task Insert() => BenchmarkDatabase.InsertAsync(_database, _accounts);
}
