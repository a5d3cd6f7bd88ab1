using BenchmarkDotNet.Attributes;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Lists;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Benchmarks.Persistence;

/// <summary>
/// The first page (50 accounts by legal name) a Coordenador with 50 subordinates sees, in a tenant of 1,000 sellers
/// who own 1,000 accounts each, scattered through the name order (target: at most 20 ms at 1,000,000 accounts on SQLite),
/// as aggregates and as list rows; and the list rows of one seller (a sparse scope: 0.1% of the tenant). The SQLite file
/// is seeded once and cached (see <see cref="Setup"/>); the visibility is a WHERE on indexed search columns and the page's
/// ids come from covering indexes before any row is read (<see cref="Visibility.VisibleIdsByLegalNameAsync{T, TId}"/>).
/// </summary>
[MemoryDiagnoser]
public class VisiblePageBenchmarks
{
    private const int Sellers = 1_000;
    private CrmDatabase _database = null!;
    private VisibilityScope _scope = null!;
    private VisibilityScope _seller = null!;

    /// <summary>Accounts in the tenant.</summary>
    [Params(100_000, 1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Seeding 1,000,000 rows takes minutes: the seeded file is kept under /tmp, keyed by size and schema (the last
        // migration), and reused by later runs; a run that changes the schema seeds a new one.
        var schema = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(":memory:")).Open(default).Database.GetMigrations().Last();
        var file = Path.Combine(Path.GetTempPath(), "crm-bench-page", $"{schema}-{Accounts}.db");
        if (!File.Exists(file))
            Seed(file);
        _database = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(file));
        using var db = _database.Open(BenchmarkDatabase.Tenant);
        var coordenador = db.Users.AsNoTracking().Single(u => u.Login == "seller0").Id;
        _scope = db.ScopeOfAsync(coordenador).GetAwaiter().GetResult().AsT0;
        _seller = db.ScopeOfAsync(db.Users.AsNoTracking().Single(u => u.Login == "seller900").Id).GetAwaiter().GetResult().AsT0;
        Console.WriteLine($"// {Accounts:N0} accounts ({file}); the Coordenador sees {_scope.Owners!.Count} owners");
    }

    private void Seed(string file)
    {
        var (database, drop) = BenchmarkDatabase.Create("sqlite");
        var company = new CompanyId(Guid.NewGuid());
        var team = Role.Create(new RoleId(Guid.NewGuid()), BenchmarkDatabase.Tenant, "Coordenador", DataReach.Team, []).AsT0;
        var sellers = Enumerable.Range(0, Sellers).Select(i => Seller(i, company)).ToList();
        var coordenador = sellers[0];
        coordenador.AssignRoles([team.Id]);
        var hierarchy = Hierarchy.Of(sellers).AsT0;
        foreach (var subordinate in sellers.Skip(1).Take(50))
            subordinate.ReportTo(coordenador.Id, hierarchy);
        using (var db = database.Open(BenchmarkDatabase.Tenant))
        {
            db.Roles.Add(team);
            db.Users.AddRange(sellers);
            db.SaveChanges();
        }
        // One account written through EF, then cloned inside SQLite with its own id, owner (n × 7919 mod 1,000: every seller
        // owns 1,000 accounts, scattered through the name order), legal name and short name: the search columns vary as in real data, the JSON documents are the template's.
        BenchmarkDatabase.InsertAsync(database, [BenchmarkDatabase.Account(0, sellers[0].Id, company, SystemClock.Instance)]).GetAwaiter().GetResult();
        using (var db = database.Open(BenchmarkDatabase.Tenant))
        {
            CloneTemplate(db, sellers);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            db.Database.ExecuteSqlRaw("VACUUM INTO {0}", file + ".tmp");
        }
        File.Move(file + ".tmp", file);
        drop().GetAwaiter().GetResult();
    }

    private void CloneTemplate(CrmDbContext db, List<User> sellers)
    {
        db.Database.ExecuteSqlRaw("CREATE TEMP TABLE Sellers (k INTEGER PRIMARY KEY, Id TEXT NOT NULL)");
        for (var k = 0; k < sellers.Count; k++)
            db.Database.ExecuteSqlRaw("INSERT INTO Sellers VALUES ({0}, {1})", k, sellers[k].Id.Value.ToString().ToUpperInvariant());
        var columns = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Accounts')").ToList();
        var values = columns.Select(c => c switch
        {
            "Id" => "printf('%08X-0000-4000-8000-%012X', n, n)",
            "OwnerId" => "s.Id",
            "LegalName" => "printf('Cliente %07d Comércio Ltda', n)",
            "ShortName" => "printf('C%07d', n)",
            _ => $"a.\"{c}\"",
        });
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // Every part of this statement is a constant of this class or a column name read from the schema.
        var clone = $"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {Accounts - 1})
            INSERT INTO Accounts ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)} FROM seq JOIN Sellers s ON s.k = n * 7919 % {Sellers} CROSS JOIN Accounts a
            """;
        db.Database.ExecuteSqlRaw(clone);
        db.Database.ExecuteSqlRaw("ANALYZE");
    }

    /// <summary>The page as aggregates (registration data re-validated, history read).</summary>
    [Benchmark(Baseline = true)]
    public async Task<List<Account>> FirstPage()
    {
        await using var db = _database.Open(BenchmarkDatabase.Tenant);
        return await db.Accounts.AsNoTracking().VisiblePageByLegalNameAsync(_scope, a => a.Id, 0, 50);
    }

    /// <summary>The same page as list rows (search and plain columns only): what a list screen needs, no JSON document read.</summary>
    [Benchmark]
    public async Task<List<AccountListRow>> FirstPageRows()
    {
        await using var db = _database.Open(BenchmarkDatabase.Tenant);
        return await db.VisibleRowsByLegalNameAsync(_scope, 0, 50);
    }

    /// <summary>The first page of one seller's list rows: its accounts are too sparse for the name-index window.</summary>
    [Benchmark]
    public async Task<List<AccountListRow>> SellerPageRows()
    {
        await using var db = _database.Open(BenchmarkDatabase.Tenant);
        return await db.VisibleRowsByLegalNameAsync(_seller, 0, 50);
    }

    private static User Seller(int i, CompanyId company)
    {
        var user = User.Arrive(new UserId(Guid.NewGuid()), BenchmarkDatabase.Tenant, $"seller{i}", $"Seller {i}", null, Package.Freemium).AsT0;
        user.AllowCompanies([new CompanyBranch(company, null)]);
        return user;
    }
}
