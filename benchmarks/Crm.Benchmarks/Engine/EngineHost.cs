using System.Globalization;
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
/// A host as an application builds it (<c>AddCrm(crm =&gt; crm.UseSqlite(file))</c>, no logging) on a SQLite file: a tenant
/// provisioned through the engine and a seller (role CRM - Usuário: sees its own records) who owns every stored account.
/// Databases with stored accounts are seeded once and cached under <c>/tmp/crm-bench-engine/&lt;last migration&gt;-&lt;accounts&gt;.db</c>
/// (a schema change seeds new files); a run works on the cached file itself (copying the 10⁶ file, ≈6 GB, took longer than
/// the run) after removing whatever an earlier run added beyond the seeded rows, so every run starts from the same state.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public static readonly TenantId Tenant = new(Guid.Parse("be000000-0000-4000-8000-0000000000e1"));
    public static readonly UserId Seller = new(Guid.Parse("be000000-0000-4000-8000-0000000000e2"));

    // The seeded files stay on disk; a run's copy goes to the temp folder (TMPDIR=/dev/shm takes the disk's fsync out).
    private const string CacheFolder = "/tmp/crm-bench-engine";

    private readonly ServiceProvider _provider;
    private readonly DirectoryInfo? _temporary;

    private EngineHost(string file, DirectoryInfo? temporary, SqliteDurability durability = SqliteDurability.Full)
    {
        (File, _temporary) = (file, temporary);
        _provider = new ServiceCollection().AddCrm(crm => crm.UseSqlite(File, durability)).BuildServiceProvider();
        Engine = _provider.GetRequiredService<CrmEngine>();
    }

    public CrmEngine Engine { get; }

    /// <summary>The host's services (the engine's <c>ISalesMatrices</c>, …).</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The database file.</summary>
    public string File { get; }

    /// <summary>The id of stored account <paramref name="n"/> (1-based), ascending with n as seeded.</summary>
    public static AccountId AccountOf(int n) => new(Guid.Parse($"{n:X8}-0000-4000-8000-{n:X12}"));

    /// <summary>A fresh database in a folder of its own (deleted on dispose): migrated, the tenant provisioned, the seller added.</summary>
    public static Task<EngineHost> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("crm-bench-engine-");
        return CreateAsync(new EngineHost(Path.Combine(folder.FullName, "crm.db"), folder));
    }

    private static async Task<EngineHost> CreateAsync(EngineHost host)
    {
        await host.Engine.MigrateAsync();
        Ok(await host.Engine.Tenants.ProvisionAsync(Tenant, "Benchmark", Package.Freemium));
        var (support, roles) = await host.SupportAndRolesAsync();
        Ok(await host.Engine.Tenants.AddUserAsync(Tenant, Seller, "vendedor", "Vendedor", "vendedor@bench.com.br"));
        Ok(await host.Engine.Tenants.AssignRolesAsync(Tenant, support, Seller, [roles[StandardRoles.Usuario.Name]]));
        return host;
    }

    /// <summary>
    /// A copy of <paramref name="template"/> (a database file closed by its host) in a folder of its own, deleted on dispose;
    /// migrated as a host does at start.
    /// </summary>
    public static async Task<EngineHost> CopyAsync(string template)
    {
        var folder = Directory.CreateTempSubdirectory("crm-bench-engine-");
        var file = Path.Combine(folder.FullName, "crm.db");
        System.IO.File.Copy(template, file);
        var host = new EngineHost(file, folder);
        await host.Engine.MigrateAsync();
        return host;
    }

    /// <summary>
    /// The cached database holding <paramref name="accounts"/> accounts (seeded on first use), as seeded: the accounts and
    /// duplicate keys an earlier run registered are deleted first (rows after the seed's last, by rowid). Migrated as a host
    /// does at start (which turns write-ahead logging on).
    /// </summary>
    public static async Task<EngineHost> SeededAsync(int accounts, SqliteDurability durability = SqliteDurability.Full)
    {
        var cached = await CachedAsync(accounts);
        await using (var connection = new SqliteConnection($"Data Source={cached};Pooling=False"))
        {
            await connection.OpenAsync();
            var marks = await System.IO.File.ReadAllLinesAsync(cached + ".marks");
            await using var reset = connection.CreateCommand();
            reset.CommandText = $"""
                DELETE FROM "DuplicateKeys" WHERE rowid > {long.Parse(marks[1], CultureInfo.InvariantCulture)};
                DELETE FROM "Accounts" WHERE rowid > {long.Parse(marks[0], CultureInfo.InvariantCulture)};
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            await reset.ExecuteNonQueryAsync();
            reset.CommandText = "SELECT COUNT(*) FROM \"Accounts\"";
            if ((long)(await reset.ExecuteScalarAsync())! != accounts)
                throw new InvalidOperationException($"{cached} does not hold {accounts:N0} accounts after its reset; delete it to seed it again.");
        }
        var host = new EngineHost(cached, null, durability);
        await host.Engine.MigrateAsync();
        return host;
    }

    /// <summary>The last migration: a cached database of another schema is seeded anew.</summary>
    public static string Schema() => new CrmDatabase(new CrmPersistenceOptions().UseSqlite(":memory:")).Open(default).Database.GetMigrations().Last();

    /// <summary>Copies this host's database, its log checkpointed into it, to <paramref name="target"/> (replaced).</summary>
    public async Task SaveCopyAsync(string target)
    {
        await using (var connection = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        System.IO.File.Copy(File, target + ".copying", overwrite: true);
        System.IO.File.Move(target + ".copying", target, overwrite: true);
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
        CrmSqliteFiles.ReleaseConnections(File);
        _temporary?.Delete(recursive: true);
    }

    /// <summary>The success of <paramref name="result"/>; a failure stops the benchmark, naming its problems.</summary>
    public static T Ok<T>(CrmResult<T> result) => result.TryPickT0(out var value, out _)
        ? value
        : throw new InvalidOperationException($"{result.Outcome}: {string.Join("; ", result.Problems)}");

    private static async Task<string> CachedAsync(int accounts)
    {
        var file = Path.Combine(CacheFolder, $"{Schema()}-{accounts}.db");
        if (System.IO.File.Exists(file) && System.IO.File.Exists(file + ".marks"))
            return file;
        Directory.CreateDirectory(CacheFolder);
        var seeding = file + ".seeding";
        foreach (var leftover in new[] { seeding, seeding + "-wal", seeding + "-shm" })
            System.IO.File.Delete(leftover);
        await using (var host = await CreateAsync(new EngineHost(seeding, null)))
            await AccountSeeder.SeedAsync(host.Engine, host.File, accounts);
        // The last seeded rows: whatever a run adds comes after them.
        await using (var connection = new SqliteConnection($"Data Source={seeding};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT (SELECT MAX(rowid) FROM "Accounts"), (SELECT MAX(rowid) FROM "DuplicateKeys"); PRAGMA wal_checkpoint(TRUNCATE);""";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                await System.IO.File.WriteAllLinesAsync(file + ".marks", [reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)]);
            }
        }
        System.IO.File.Move(seeding, file, overwrite: true);
        return file;
    }
}
