using BenchmarkDotNet.Attributes;
using Crm.Benchmarks.Engine;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Persistence;
using Crm.Sdk;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.StoredMatrices;

/// <summary>
/// A stored ICMS matrix of <see cref="Rules"/> rules on a SQLite file, held in memory by two engines on that file (two
/// processes): one rule changed through <c>session.Matrices.SaveAsync</c> on the first — the version read, the cached matrix
/// changed by <c>Matrix.With</c> and checked, the rule's row replaced, the version and history rows written, the first
/// engine's copy replaced — and then the second engine's matrices asked for (it sees the new version, reads the one changed
/// rule from the history and applies it with <c>Matrix.With</c>). Target: the reload after one rule changes ≤ 50 ms at 10⁵ rules.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SeedingConfig))]
public class MatrixReloadBenchmarks
{
    private static readonly UserId Diretor = new(Guid.Parse("be000000-0000-4000-8000-0000000000d1"));

    private EngineHost _host = null!;
    private ServiceProvider _other = null!;
    private ISalesMatrices _elsewhere = null!;
    private CrmSession _session = null!;
    private long _version;

    /// <summary>Rules of the matrix.</summary>
    [Params(10_000, 100_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await EngineHost.CreateAsync();
        var (support, roles) = await _host.SupportAndRolesAsync();
        EngineHost.Ok(await _host.Engine.Tenants.AddUserAsync(EngineHost.Tenant, Diretor, "diretor", "Diretor", "diretor@bench.com.br"));
        EngineHost.Ok(await _host.Engine.Tenants.AssignRolesAsync(EngineHost.Tenant, support, Diretor, [roles[StandardRoles.Diretor.Name]]));
        _session = _host.Engine.Session(EngineHost.Tenant, Diretor);
        var rules = Enumerable.Range(0, Rules).Select(i => Rule(i, 18m)).ToList();
        _version = EngineHost.Ok(await _session.Matrices.SaveAsync(new MatrixChange<IcmsRule>(0, rules))).Version;
        _other = new ServiceCollection().AddCrm(crm => crm.UseSqlite(_host.File)).BuildServiceProvider();
        _elsewhere = _other.GetRequiredService<ISalesMatrices>();
        var loaded = await _elsewhere.ForAsync(EngineHost.Tenant, default);
        if (loaded.Taxes.Icms.Rules.Count != Rules)
            throw new InvalidOperationException($"the other engine loaded {loaded.Taxes.Icms.Rules.Count} rules");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _other.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>One rule's rate changed through the first engine's session.</summary>
    [Benchmark]
    public async Task<MatrixSaved> SaveOneRule() => await SaveAsync();

    /// <summary>One rule changed through the first engine, then the second engine's matrices (brought up to date).</summary>
    [Benchmark]
    public async Task<SalesMatrices> SaveThenReloadElsewhere()
    {
        await SaveAsync();
        return await _elsewhere.ForAsync(EngineHost.Tenant, default);
    }

    /// <summary>What every order pays when nothing changed: the versions read and compared.</summary>
    [Benchmark]
    public async Task<SalesMatrices> UnchangedCheck() => await _elsewhere.ForAsync(EngineHost.Tenant, default);

    private async Task<MatrixSaved> SaveAsync()
    {
        var saved = EngineHost.Ok(await _session.Matrices.SaveAsync(new MatrixChange<IcmsRule>(_version, Rule(Rules / 2, _version % 2 == 0 ? 18m : 17m))));
        _version = saved.Version;
        return saved;
    }

    private static MatrixRule<IcmsRule> Rule(int i, decimal rate) =>
        new($"R{i:D6}", new MatrixKey { Product = $"P{i:D6}", OriginUf = Uf.SP }, new IcmsRule("00", rate));
}
