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
/// once and cached (see <see cref="Setup"/>); the visibility is a WHERE on indexed search columns and the page's ids come from the
/// (tenant, legal name, owner, company, branch, id) index before any row is read.
/// </summary>
[MemoryDiagnoser]
public class VisiblePageBenchmarks
{
    private const int Sellers = 1_000;
    private CrmDatabase _database = null!;
    private VisibilityScope _scope = null!;

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
        // One account written through EF, then cloned inside SQLite with its own id, owner (round-robin over the sellers),
        // legal name and short name: the search columns vary as in real data, the JSON documents are the template's.
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
            SELECT {string.Join(", ", values)} FROM seq JOIN Sellers s ON s.k = n % {Sellers} CROSS JOIN Accounts a
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

    /// <summary>The same page as list rows (search columns only): what a list screen needs, no JSON documents read.</summary>
    [Benchmark]
    public async Task<List<(AccountId Id, string Name, UserId? Owner)>> FirstPageRows()
    {
        await using var db = _database.Open(BenchmarkDatabase.Tenant);
        var rows = await db.Accounts.VisibleTo(_scope)
            .OrderBy(a => EF.Property<string>(a, CrmQueries.LegalName)).ThenBy(a => a.Id).Take(50)
            .Select(a => new { a.Id, Name = EF.Property<string>(a, CrmQueries.LegalName), Owner = EF.Property<UserId?>(a, CrmQueries.Owner) })
            .ToListAsync();
        return [.. rows.Select(r => (r.Id, r.Name, r.Owner))];
    }

    private static User Seller(int i, CompanyId company)
    {
        var user = User.Arrive(new UserId(Guid.NewGuid()), BenchmarkDatabase.Tenant, $"seller{i}", $"Seller {i}", null, Package.Freemium).AsT0;
        user.AllowCompanies([new CompanyBranch(company, null)]);
        return user;
    }
}
