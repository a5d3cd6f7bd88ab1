using BenchmarkDotNet.Attributes;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Sdk;
using Crm.Sdk.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// Loading one account by id through the engine (<c>session.Accounts.GetAsync</c>: permission, visibility, the aggregate
/// and its version) beside plain ADO.NET reading the same row into the same values (<see cref="RawAccountReader"/>, the
/// baseline), in a tenant of <see cref="StoredAccounts"/> accounts (target: the engine ≤ 2× raw). The ids cycle through
/// 1,024 accounts spread over the table. Two diagnostics split the engine's cost: <see cref="RawThenModelConverters"/> adds
/// to the raw read what EF's value converters do per row (the registration parsed and re-validated by the rules, the
/// history parsed); <see cref="PersistenceNoTracking"/> is the persistence layer alone (a context and an untracked query),
/// <see cref="PersistenceTracked"/> the same query tracked, and <see cref="PersistenceAsEngine"/> the engine's query on its own
/// (visibility predicate, tracked, stored version read).
/// </summary>
[MemoryDiagnoser]
public class EngineLoadBenchmarks
{
    private const int Ids = 1_024;
    private EngineHost _host = null!;
    private CrmSession _session = null!;
    private CrmAccess _access = null!;
    private RawAccountReader _raw = null!;
    private AccountId[] _ids = [];
    private ValueConverter _data = null!;
    private ValueConverter _history = null!;
    private int _next;

    /// <summary>Accounts stored in the tenant.</summary>
    [Params(10_000, 100_000)]
    public int StoredAccounts { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await EngineHost.SeededAsync(StoredAccounts);
        _session = _host.Engine.Session(EngineHost.Tenant, EngineHost.Seller);
        _access = await _session.AccessAsync();
        _raw = new RawAccountReader(_host.File, EngineHost.Tenant, EngineHost.Seller);
        await using (var db = _host.Engine.Database.Open(EngineHost.Tenant))
        {
            var model = db.Model.FindEntityType(typeof(Account))!;
            _data = model.FindProperty(nameof(Account.Data))!.GetValueConverter()!;
            _history = model.FindProperty(nameof(Account.History))!.GetValueConverter()!;
            var first = _ids.Length > 0 ? _ids[0] : EngineHost.AccountOf(1);
            Console.WriteLine($"// The engine's query:\n{db.Accounts.VisibleTo(_access.Scope!).Where(a => a.Id == first).ToQueryString()}");
        }
        _ids = [.. Enumerable.Range(0, Ids).Select(i => EngineHost.AccountOf(1 + (int)((long)i * StoredAccounts / Ids)))];
        // Both read the same account, the same registration.
        var engine = await Engine();
        _next = 0;
        var raw = await Raw() ?? throw new InvalidOperationException("The raw reader found nothing.");
        if (engine.Account.Id != raw.Id || engine.Version != raw.Version || engine.Account.Data.LegalName != raw.Registration.LegalName
            || engine.Account.Data.Addresses.Count != raw.Registration.Addresses.Count)
            throw new InvalidOperationException("The engine and the raw reader disagree.");
    }

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>Plain ADO.NET: one pooled connection, one command, the row's values and its registration parsed.</summary>
    [Benchmark(Baseline = true)]
    public Task<RawAccount?> Raw() => _raw.ReadAsync(NextId());

    /// <summary>Through the engine's session (its access already loaded).</summary>
    [Benchmark]
    public async Task<AccountRead> Engine() => EngineHost.Ok(await _session.Accounts.GetAsync(NextId()));

    /// <summary>The raw read, then the two documents through the model's converters as EF materializes them.</summary>
    [Benchmark]
    public async Task<(object? Data, object? History)> RawThenModelConverters()
    {
        var raw = await _raw.ReadAsync(NextId()) ?? throw new InvalidOperationException("Not found.");
        return (_data.ConvertFromProvider(raw.RegistrationJson), _history.ConvertFromProvider(raw.History));
    }

    /// <summary>The persistence layer alone: a new context and an untracked query by id (no permission, no visibility).</summary>
    [Benchmark]
    public async Task<Account?> PersistenceNoTracking()
    {
        var id = NextId();
        await using var db = _host.Engine.Database.Open(EngineHost.Tenant);
        return await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>The persistence layer, the account tracked (as a use case that may change it reads it).</summary>
    [Benchmark]
    public async Task<Account?> PersistenceTracked()
    {
        var id = NextId();
        await using var db = _host.Engine.Database.Open(EngineHost.Tenant);
        return await db.Accounts.SingleOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>What the engine's use case does inside its unit of work, without the session and runner around it.</summary>
    [Benchmark]
    public async Task<(Account?, long)> PersistenceAsEngine()
    {
        var id = NextId();
        await using var db = _host.Engine.Database.Open(EngineHost.Tenant);
        var account = await db.Accounts.VisibleTo(_access.Scope!).SingleOrDefaultAsync(a => a.Id == id);
        return (account, account is null ? 0 : (long)db.Entry(account).Property("Version").CurrentValue!);
    }

    private AccountId NextId() => _ids[_next++ % Ids];
}
