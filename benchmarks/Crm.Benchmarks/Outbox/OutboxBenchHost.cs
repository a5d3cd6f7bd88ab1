using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Benchmarks.Engine;
using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Sdk;
using Crm.Sdk.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// A host on a SQLite file of its own (deleted on dispose), or on a PostgreSQL database, whose tenant integrates with Protheus (or with no ERP), the
/// adapter's transport posting to a fake Protheus REST server on 127.0.0.1; client type REV sends accounts to the ERP.
/// </summary>
internal sealed class OutboxBenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly DirectoryInfo? _folder;

    private OutboxBenchHost(DirectoryInfo? folder, string file, Action<CrmOptions> database, FakeProtheusServer server, Action<OutboxOptions> outbox)
    {
        (_folder, File, Server) = (folder, file, server);
        var services = new ServiceCollection().AddCrm(crm =>
        {
            database(crm);
            outbox(crm.Outbox);
        });
        services.AddProtheusAdapter(o => o.BaseUrl = server.BaseUrl);
        services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(ProtheusAdapter.Id), o =>
            (o.CircuitBreaker.FailureRatio, o.CircuitBreaker.MinimumThroughput) = (1.0, 1000));
        _provider = services.BuildServiceProvider();
        Engine = _provider.GetRequiredService<CrmEngine>();
    }

    public CrmEngine Engine { get; }
    public string File { get; }
    public FakeProtheusServer Server { get; }
    public CrmSession Seller => Engine.Session(EngineHost.Tenant, EngineHost.Seller);

    /// <summary>A fresh database: migrated, the tenant provisioned (with Protheus when <paramref name="integrated"/>), the seller added, REV mapped.</summary>
    public static async Task<OutboxBenchHost> CreateAsync(bool integrated, Action<OutboxOptions>? outbox = null, string? copyOf = null)
    {
        var folder = Directory.CreateTempSubdirectory("crm-bench-outbox-");
        var file = Path.Combine(folder.FullName, "crm.db");
        if (copyOf is not null)
            System.IO.File.Copy(copyOf, file);
        var host = new OutboxBenchHost(folder, file, crm => crm.UseSqlite(file, SqliteDurability.Normal), await FakeProtheusServer.StartAsync(new FakeProtheus()),
            outbox ?? (_ => { }));
        await host.Engine.MigrateAsync();
        if (copyOf is null)
            await host.SeedAsync(integrated);
        return host;
    }

    /// <summary>
    /// A host on PostgreSQL database <paramref name="connection"/> (its key ring in <paramref name="keys"/>) sending to
    /// <paramref name="server"/>, left as it is (<paramref name="seed"/> false: another host seeded it) or migrated and seeded.
    /// </summary>
    public static async Task<OutboxBenchHost> CreatePostgresAsync(string connection, string keys, FakeProtheusServer server, bool seed,
        Action<OutboxOptions>? outbox = null)
    {
        var host = new OutboxBenchHost(null, connection, crm => { crm.UsePostgres(connection); crm.Database.KeyRingFolder = keys; }, server,
            outbox ?? (_ => { }));
        if (seed)
        {
            await host.Engine.MigrateAsync();
            await host.SeedAsync(integrated: true);
        }
        return host;
    }

    private async Task SeedAsync(bool integrated)
    {
        var host = this;
        EngineHost.Ok(await host.Engine.Tenants.ProvisionAsync(EngineHost.Tenant, "Benchmark", Package.Freemium, integrated ? DefaultIntegration.Protheus : null));
        await using (var db = host.Engine.Database.Open(EngineHost.Tenant))
        {
            var support = await db.Users.AsNoTracking().SingleAsync(u => u.Login == User.SupportLogin);
            var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id);
            EngineHost.Ok(await host.Engine.Tenants.AddUserAsync(EngineHost.Tenant, EngineHost.Seller, "vendedor", "Vendedor", "vendedor@bench.com.br"));
            EngineHost.Ok(await host.Engine.Tenants.AssignRolesAsync(EngineHost.Tenant, support.Id, EngineHost.Seller, [roles[StandardRoles.Diretor.Name]]));
        }
        var revenda = MasterDataCode.Of("REV");
        var cliente = MasterDataCode.Of("CLI");
        EngineHost.Ok(await host.Seller.Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(cliente, "Cliente", IntegratesWithErp: true)], [(revenda, cliente)])));
    }

    /// <summary>Company <paramref name="n"/> as Protheus accepts it (client type REV, an e-mail that fits A1_EMAIL).</summary>
    public static Crm.Domain.Accounts.Registration.RegistrationForm Form(int n) =>
        EngineForms.Company(n, EngineHost.Seller) with { ClientType = "REV", Emails = [new($"c{n}@cli{n % 997}.com.br")] };

    /// <summary>Stops the engine; a SQLite host also stops its fake ERP and deletes its folder (a PostgreSQL host's are the caller's).</summary>
    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_folder is null)
            return;
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
