using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;

namespace Crm.Benchmarks.Access;

/// <summary>
/// A Coordenador's visibility scope in a tenant of 100,000 users: the transitive subordinates (a tree of fan-out 5 under
/// the Coordenador), the scope, and the EF-translatable predicate built from it. The rest of the tenant hangs under a
/// Diretor in a tree of its own, so the walk must ignore it. Building the hierarchy of the whole tenant is measured too.
/// </summary>
[MemoryDiagnoser]
public class VisibilityScopeBenchmarks
{
    private const int TenantUsers = 100_000;
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    private (UserId User, UserId? Manager)[] _links = null!;
    private Hierarchy _hierarchy = null!;
    private User _coordenador = null!;
    private EffectiveAccess _access = null!;
    private VisibilityScope _scope = null!;

    /// <summary>The Coordenador's subordinates, direct or not.</summary>
    [Params(50, 5_000)]
    public int Subordinates { get; set; }

    /// <summary>Hierarchy of the tenant, the Coordenador and its role.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // Users 0..Subordinates: the Coordenador (0) and its team; the others: a Diretor and everyone below it.
        var director = Subordinates + 1;
        _links = new (UserId, UserId?)[TenantUsers];
        for (var i = 0; i < TenantUsers; i++)
            _links[i] = (Id(i), i == 0 || i == director ? null
                : i <= Subordinates ? Id((i - 1) / 5)
                : Id(director + (i - director - 1) / 5));
        _hierarchy = Hierarchy.Build(_links).AsT0;

        _coordenador = User.Arrive(Id(0), Tenant, "coordenador", "Coordenador", null, Package.Freemium).AsT0;
        var role = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "CRM - Coordenador", DataReach.Team,
            [new ModuleGrant(Module.Accounts, Permission.All)]).AsT0;
        _coordenador.AssignRoles([role.Id]);
        _coordenador.AllowCompanies([new CompanyBranch(new CompanyId(Guid.NewGuid()), null), new CompanyBranch(new CompanyId(Guid.NewGuid()), new BranchId(Guid.NewGuid()))]);
        _access = EffectiveAccess.Of(_coordenador, [role]);
        _scope = VisibilityScope.Of(_coordenador, _access, _hierarchy);
        if (_scope.Owners!.Count != Subordinates + 1)
            throw new InvalidOperationException($"Expected {Subordinates + 1} owners, found {_scope.Owners.Count}.");
    }

    /// <summary>The transitive subordinates alone.</summary>
    [Benchmark]
    public int SubordinatesOf() => _hierarchy.SubordinatesOf(_coordenador.Id).Count;

    /// <summary>The whole scope: subordinates, owner set, company/branch pairs.</summary>
    [Benchmark(Baseline = true)]
    public VisibilityScope ScopeOf() => VisibilityScope.Of(_coordenador, _access, _hierarchy);

    /// <summary>The predicate handed to EF Core, from a computed scope.</summary>
    [Benchmark]
    public Expression<Func<Row, bool>> PredicateFor() => _scope.For<Row>(r => r.Owner, r => r.Company, r => r.Branch);

    /// <summary>The hierarchy of the whole 100,000-user tenant, cycle check included (independent of the team size).</summary>
    [Benchmark]
    public int BuildTenantHierarchy() => Hierarchy.Build(_links).AsT0.Count;

    private static UserId Id(int n) => new(new Guid(n, 0, 0, new byte[8]));

    /// <summary>A record with an owner, company and branch.</summary>
    /// <param name="Owner">Owner.</param>
    /// <param name="Company">Company.</param>
    /// <param name="Branch">Branch.</param>
    public sealed record Row(UserId? Owner, CompanyId? Company, BranchId? Branch);
}
