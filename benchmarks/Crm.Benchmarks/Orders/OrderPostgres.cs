using Crm.Benchmarks.Engine;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Benchmarks.Orders;

/// <summary>
/// The order benchmarks' database on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c>: a seeded database kept per schema
/// (<c>crm_bench_orders_&lt;last migration&gt;_&lt;size&gt;</c>, seeded through the engine on first use) and, per run, a copy of
/// it (<c>CREATE DATABASE … TEMPLATE</c>) with an engine over it, dropped on dispose.
/// </summary>
internal sealed class OrderPostgres : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _database;
    private readonly string _keys;

    private OrderPostgres(string database, string keys)
    {
        (_database, _keys) = (database, keys);
        _provider = new ServiceCollection().AddCrm(crm =>
        {
            crm.UsePostgres(BenchPostgres.Connection(database));
            crm.Database.KeyRingFolder = keys;
        }).BuildServiceProvider();
        Engine = _provider.GetRequiredService<CrmEngine>();
    }

    public CrmEngine Engine { get; }

    public IServiceProvider Services => _provider;

    /// <summary>A copy of the seeded database (seeded by <paramref name="seed"/> when there is none yet).</summary>
    public static async Task<OrderPostgres> CopyAsync(int size, Func<CrmEngine, (UserId, Dictionary<string, RoleId>), Task> seed)
    {
        var keys = Path.Combine(Path.GetTempPath(), "crm-bench-orders-pg-keys");
        var template = $"crm_bench_orders_{EngineHost.Schema().ToLowerInvariant()}_{size}";
        if ((long)(await BenchPostgres.AdminAsync($"SELECT COUNT(*) FROM pg_database WHERE datname = '{template}'"))! == 0)
        {
            await BenchPostgres.AdminAsync($"CREATE DATABASE {template}_seeding");
            await using (var host = new OrderPostgres($"{template}_seeding", keys))
            {
                await host.Engine.MigrateAsync();
                EngineHost.Ok(await host.Engine.Tenants.ProvisionAsync(EngineHost.Tenant, "Benchmark", Package.Freemium));
                await using (var db = host.Engine.Database.Open(EngineHost.Tenant))
                {
                    var support = (await db.Users.AsNoTracking().SingleAsync(u => u.Login == User.SupportLogin)).Id;
                    var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id);
                    EngineHost.Ok(await host.Engine.Tenants.AddUserAsync(EngineHost.Tenant, EngineHost.Seller, "vendedor", "Vendedor", "vendedor@bench.com.br"));
                    EngineHost.Ok(await host.Engine.Tenants.AssignRolesAsync(EngineHost.Tenant, support, EngineHost.Seller, [roles[StandardRoles.Usuario.Name]]));
                    await seed(host.Engine, (support, roles));
                }
            }
            // The seeding engine's pool (its own data source, out of ClearAllPools' reach) still holds connections.
            await BenchPostgres.EndConnectionsAsync($"{template}_seeding");
            await BenchPostgres.AdminAsync($"ALTER DATABASE {template}_seeding RENAME TO {template}");
        }
        var copy = $"crm_bench_orders_run_{Guid.NewGuid():N}";
        await BenchPostgres.EndConnectionsAsync(template);
        await BenchPostgres.AdminAsync($"CREATE DATABASE {copy} TEMPLATE {template}");
        return new OrderPostgres(copy, keys);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_database.StartsWith("crm_bench_orders_run_", StringComparison.Ordinal))
            await BenchPostgres.AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }
}
