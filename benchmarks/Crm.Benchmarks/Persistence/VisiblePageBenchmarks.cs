using BenchmarkDotNet.Attributes;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Persistence.Access;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Benchmarks.Persistence;

/// <summary>
/// The first page (50 accounts by legal name) a Coordenador with 50 subordinates sees, in a tenant of 1,000 sellers
/// whose accounts are spread evenly (target: at most 20 ms at 1,000,000 accounts on SQLite). The SQLite file is seeded
/// once in the global setup; the visibility is a WHERE on the (tenant, owner) and (tenant, legal name) indexed columns.
/// </summary>
[MemoryDiagnoser]
public class VisiblePageBenchmarks
{
    private const int Sellers = 1_000;
    private CrmDatabase _database = null!;
    private Func<Task> _drop = () => Task.CompletedTask;
    private VisibilityScope _scope = null!;

    /// <summary>Accounts in the tenant.</summary>
    [Params(100_000, 1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_database, _drop) = BenchmarkDatabase.Create("sqlite");
        var company = new CompanyId(Guid.NewGuid());
        var team = Role.Create(new RoleId(Guid.NewGuid()), BenchmarkDatabase.Tenant, "Coordenador", DataReach.Team, []).AsT0;
        var sellers = Enumerable.Range(0, Sellers).Select(i => Seller(i, company)).ToList();
        var coordenador = sellers[0];
        coordenador.AssignRoles([team.Id]);
        var hierarchy = Hierarchy.Of(sellers).AsT0;
        foreach (var subordinate in sellers.Skip(1).Take(50))
            subordinate.ReportTo(coordenador.Id, hierarchy);
        using (var db = _database.Open(BenchmarkDatabase.Tenant))
        {
            db.Users.AddRange(sellers);
            db.SaveChanges();
        }
        var clock = SystemClock.Instance;
        for (var start = 0; start < Accounts; start += 50_000)
            BenchmarkDatabase.InsertAsync(_database, [.. Enumerable.Range(start, Math.Min(50_000, Accounts - start))
                .Select(i => BenchmarkDatabase.Account(i, sellers[i % Sellers].Id, company, clock))]).GetAwaiter().GetResult();
        _scope = VisibilityScope.Of(coordenador, EffectiveAccess.Of(coordenador, [team]), Hierarchy.Of(sellers).AsT0);
        Console.WriteLine($"// {Accounts:N0} accounts; the Coordenador sees {_scope.Owners!.Count} owners");
    }

    [GlobalCleanup]
    public void Cleanup() => _drop().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<List<Account>> FirstPage()
    {
        await using var db = _database.Open(BenchmarkDatabase.Tenant);
        return await db.Accounts.AsNoTracking().VisibleTo(_scope)
            .OrderBy(a => EF.Property<string>(a, CrmQueries.LegalName)).Take(50).ToListAsync();
    }

    private static User Seller(int i, CompanyId company)
    {
        var user = User.Arrive(new UserId(Guid.NewGuid()), BenchmarkDatabase.Tenant, $"seller{i}", $"Seller {i}", null, Package.Freemium).AsT0;
        user.AllowCompanies([new CompanyBranch(company, null)]);
        return user;
    }
}
