using BenchmarkDotNet.Attributes;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Sdk;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// The authorization check a use case makes on the session's cached access (<see cref="CrmAccess"/>, loaded once per
/// session from the database): module × action allowed, then the visibility of one record (owner, company, branch) — for a
/// Coordenador (reach Team) heading a hierarchy of <see cref="TeamSize"/> users (a tree of fan-out 5), every user limited
/// to one company of two. The record belongs to the last subordinate, in the allowed company (target: ≤ 1 µs, 0 B).
/// </summary>
[MemoryDiagnoser]
public class EngineAuthorizationBenchmarks
{
    private readonly CompanyId _company = new(Guid.Parse("be000000-0000-4000-8000-00000000c001"));
    private EngineHost _host = null!;
    private CrmAccess _access = null!;
    private UserId _owner;

    /// <summary>Users in the Coordenador's hierarchy, itself included.</summary>
    [Params(10, 1_000)]
    public int TeamSize { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await EngineHost.CreateAsync();
        var (_, roles) = await _host.SupportAndRolesAsync();
        var team = Enumerable.Range(0, TeamSize).Select(i =>
        {
            var user = User.Arrive(new UserId(new Guid(i + 1, 0xC, 0, new byte[8])), EngineHost.Tenant, $"team{i}", $"Team {i}", null,
                Package.Freemium).AsT0;
            user.AssignRoles([roles[i == 0 ? StandardRoles.Coordenador.Name : StandardRoles.Usuario.Name]]);
            user.AllowCompanies([new CompanyBranch(_company, null)]);
            return user;
        }).ToList();
        var hierarchy = Hierarchy.Of(team).AsT0;
        for (var i = 1; i < TeamSize; i++)
            _ = team[i].ReportTo(team[(i - 1) / 5].Id, hierarchy).AsT0;
        await using (var db = _host.Engine.Database.Open(EngineHost.Tenant))
        {
            db.Users.AddRange(team);
            if (!(await db.SaveAsync()).IsSaved)
                throw new InvalidOperationException("The team was not saved.");
        }
        _access = await _host.Engine.Session(EngineHost.Tenant, team[0].Id).AccessAsync();
        _owner = team[^1].Id;
        if (!Authorize())
            throw new InvalidOperationException("The Coordenador should see its last subordinate's record.");
        if (_access.Sees(EngineHost.Seller, _company, null) || _access.Sees(_owner, new CompanyId(Guid.NewGuid()), null))
            throw new InvalidOperationException("The Coordenador should not see records outside its team or company.");
    }

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>Module × action: may the user view accounts.</summary>
    [Benchmark]
    public bool Allows() => _access.Allows(Module.Accounts, Permission.Access | Permission.View);

    /// <summary>Visibility of one record: owner in the team, company among the user's.</summary>
    [Benchmark]
    public bool Sees() => _access.Sees(_owner, _company, null);

    /// <summary>The whole check a use case makes: the permission (as a denial or null), then the record's visibility.</summary>
    [Benchmark(Baseline = true)]
    public bool Authorize() => _access.Check(Module.Accounts, Permission.Access | Permission.View) is null && _access.Sees(_owner, _company, null);
}
