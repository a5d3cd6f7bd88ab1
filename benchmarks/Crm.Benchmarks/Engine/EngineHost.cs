using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// A host as an application builds it (<c>AddCrm(crm =&gt; crm.UseSqlite(file))</c>, no logging) on a SQLite file of its
/// own, deleted on dispose: a tenant provisioned through the engine and a seller (role CRM - Usuário: sees its own records)
/// who owns every stored account. Databases with stored accounts are seeded once and cached under
/// <c>/tmp/crm-bench-engine/&lt;last migration&gt;-&lt;accounts&gt;.db</c>; each run works on a copy, so every run starts
/// from the same state and a schema change seeds new files. The copy is made in the temp folder (<c>TMPDIR</c>).
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public static readonly TenantId Tenant = new(Guid.Parse("be000000-0000-4000-8000-0000000000e1"));
    public static readonly UserId Seller = new(Guid.Parse("be000000-0000-4000-8000-0000000000e2"));

    // The seeded files stay on disk; a run's copy goes to the temp folder (TMPDIR=/dev/shm takes the disk's fsync out).
    private const string CacheFolder = "/tmp/crm-bench-engine";

    private readonly ServiceProvider _provider;
    private readonly DirectoryInfo _folder;

    private EngineHost(DirectoryInfo folder, SqliteDurability durability = SqliteDurability.Full)
    {
        _folder = folder;
        File = Path.Combine(folder.FullName, "crm.db");
        _provider = new ServiceCollection().AddCrm(crm => crm.UseSqlite(File, durability)).BuildServiceProvider();
        Engine = _provider.GetRequiredService<CrmEngine>();
    }

    public CrmEngine Engine { get; }

    /// <summary>The database file.</summary>
    public string File { get; }

    /// <summary>The id of stored account <paramref name="n"/> (1-based), ascending with n as seeded.</summary>
    public static AccountId AccountOf(int n) => new(Guid.Parse($"{n:X8}-0000-4000-8000-{n:X12}"));

    /// <summary>A fresh database: migrated, the tenant provisioned, the seller added.</summary>
    public static async Task<EngineHost> CreateAsync()
    {
        var host = new EngineHost(Directory.CreateTempSubdirectory("crm-bench-engine-"));
        await host.Engine.MigrateAsync();
        Ok(await host.Engine.Tenants.ProvisionAsync(Tenant, "Benchmark", Package.Freemium));
        var (support, roles) = await host.SupportAndRolesAsync();
        Ok(await host.Engine.Tenants.AddUserAsync(Tenant, Seller, "vendedor", "Vendedor", "vendedor@bench.com.br"));
        Ok(await host.Engine.Tenants.AssignRolesAsync(Tenant, support, Seller, [roles[StandardRoles.Usuario.Name]]));
        return host;
    }

    /// <summary>
    /// A run's own copy of the cached database holding <paramref name="accounts"/> accounts (seeded on first use), migrated
    /// as a host does at start (which turns write-ahead logging on).
    /// </summary>
    public static async Task<EngineHost> CopyOfAsync(int accounts, SqliteDurability durability = SqliteDurability.Full)
    {
        var cached = await CachedAsync(accounts);
        var host = new EngineHost(Directory.CreateTempSubdirectory("crm-bench-engine-"), durability);
        System.IO.File.Copy(cached, host.File);
        await host.Engine.MigrateAsync();
        return host;
    }

    /// <summary>The support user (who may assign roles) and the standard roles by name.</summary>
    public async Task<(UserId Support, Dictionary<string, RoleId> Roles)> SupportAndRolesAsync()
    {
        await using var db = Engine.Database.Open(Tenant);
        var support = await db.Users.AsNoTracking().SingleAsync(u => u.Login == User.SupportLogin);
        return (support.Id, await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id));
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>The success of <paramref name="result"/>; a failure stops the benchmark, naming its problems.</summary>
    public static T Ok<T>(CrmResult<T> result) => result.TryPickT0(out var value, out _)
        ? value
        : throw new InvalidOperationException($"{result.Outcome}: {string.Join("; ", result.Problems)}");

    private static async Task<string> CachedAsync(int accounts)
    {
        var schema = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(":memory:")).Open(default).Database.GetMigrations().Last();
        var file = Path.Combine(CacheFolder, $"{schema}-{accounts}.db");
        if (System.IO.File.Exists(file))
            return file;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var host = await CreateAsync())
        {
            await AccountSeeder.SeedAsync(host.Engine, host.File, accounts);
            SqliteConnection.ClearAllPools();
            System.IO.File.Copy(host.File, file + ".tmp", overwrite: true);
        }
        System.IO.File.Move(file + ".tmp", file);
        return file;
    }
}
