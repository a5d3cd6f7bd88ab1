using BenchmarkDotNet.Attributes;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Sdk;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// Registering one company account through the engine (<c>session.Accounts.RegisterAsync</c>): permission and placement
/// checks, the tenant's stored settings, the short name's owner and the duplicate check against the database (index
/// seeks), the domain's rules, the insert of the account and its duplicate-key rows in one transaction — on a SQLite file
/// already holding <see cref="StoredAccounts"/> accounts (target: ≤ 2 ms, and the 10⁶ case within 1.5× of the 10⁴ case).
/// Every registration is new (no duplicate): its keys are distinct from every stored one. <see cref="Register"/> keeps one
/// session (its access loaded once); <see cref="RegisterInNewSession"/> opens one per registration, as a web request would;
/// each with <see cref="SqliteDurability"/> Full (a disk flush per commit) and Normal.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SeedingConfig))]
public class EngineRegisterBenchmarks
{
    private EngineHost _host = null!;
    private CrmSession _session = null!;
    private int _next = 50_000_000;

    /// <summary>Accounts stored before the run.</summary>
    [Params(10_000, 1_000_000)]
    public int StoredAccounts { get; set; }

    /// <summary>Whether each commit waits for the disk (Full) or not (Normal).</summary>
    [Params(SqliteDurability.Full, SqliteDurability.Normal)]
    public SqliteDurability Durability { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await EngineHost.SeededAsync(StoredAccounts, Durability);
        _session = _host.Engine.Session(EngineHost.Tenant, EngineHost.Seller);
        await _session.AccessAsync();
        // The seeded keys answer: a stored account's CNPJ is a duplicate; a new form warns of nothing.
        var stored = await _session.Accounts.RegisterAsync(EngineForms.Company(StoredAccounts / 2, EngineHost.Seller));
        if (!stored.IsT2)
            throw new InvalidOperationException($"Expected a duplicate of stored account {StoredAccounts / 2}, got {stored.Outcome}.");
        if (EngineHost.Ok(await _session.Accounts.RegisterAsync(EngineForms.Company(_next++, EngineHost.Seller))).Warnings is { Count: > 0 } warnings)
            throw new InvalidOperationException($"A new registration warns: {string.Join("; ", warnings)}");
        Console.WriteLine($"// {StoredAccounts:N0} stored accounts, {new FileInfo(_host.File).Length / 1_048_576:N0} MiB ({_host.File})");
    }

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>One registration on a session kept open.</summary>
    [Benchmark(Baseline = true)]
    public async Task<AccountId> Register() =>
        EngineHost.Ok(await _session.Accounts.RegisterAsync(EngineForms.Company(_next++, EngineHost.Seller))).Id;

    /// <summary>One registration on a new session (the user's access read again).</summary>
    [Benchmark]
    public async Task<AccountId> RegisterInNewSession() =>
        EngineHost.Ok(await _host.Engine.Session(EngineHost.Tenant, EngineHost.Seller).Accounts
            .RegisterAsync(EngineForms.Company(_next++, EngineHost.Seller))).Id;
}
