using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Crm.Tests.Shared;

namespace Crm.Sdk.Properties.Infrastructure;

/// <summary>
/// An engine as a host builds it (<c>AddCrm</c>) on one fresh database of a provider: a SQLite file in a temp folder, or a
/// new database on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c>. Every generated scenario provisions its own tenant in
/// it, so one migration serves a whole property run. Deleted on dispose.
/// </summary>
public sealed class EngineDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Func<Task> _drop;

    private EngineDatabase(string provider, ServiceProvider services, Func<Task> drop) =>
        (Provider, _provider, _drop) = (provider, services, drop);

    public string Provider { get; }

    public CrmEngine Engine => _provider.GetRequiredService<CrmEngine>();

    public FakeTimeProvider Time => (FakeTimeProvider)_provider.GetRequiredService<TimeProvider>();

    public CrmDbContext Open(Crm.Domain.Identity.TenantId tenant) => Engine.Database.Open(tenant);

    /// <summary>Provisions <paramref name="tenant"/> with a user of the standard role Diretor, and opens that user's session.</summary>
    public async Task<CrmSession> DiretorAsync(Crm.Domain.Identity.TenantId tenant)
    {
        Assert.True((await Engine.Tenants.ProvisionAsync(tenant, "Propriedades", Crm.Domain.Tenancy.Package.Freemium)).Succeeded);
        Crm.Domain.Identity.UserId support;
        Dictionary<string, Crm.Domain.Identity.RoleId> roles;
        await using (var db = Open(tenant))
        {
            support = (await db.Users.SingleAsync(u => u.Login == Crm.Domain.Access.User.SupportLogin)).Id;
            roles = await db.Roles.ToDictionaryAsync(r => r.Name, r => r.Id);
        }
        var diretor = new Crm.Domain.Identity.UserId(Guid.NewGuid());
        Assert.True((await Engine.Tenants.AddUserAsync(tenant, diretor, "diretor", "Diretor", "diretor@exemplo.com.br")).Succeeded);
        Assert.True((await Engine.Tenants.AssignRolesAsync(tenant, support, diretor, [roles[Crm.Domain.Access.StandardRoles.Diretor.Name]])).Succeeded);
        return Engine.Session(tenant, diretor);
    }

    public static async Task<EngineDatabase> Create(string provider)
    {
        var (use, drop) = provider switch
        {
            Providers.Sqlite => Sqlite(),
            Providers.Postgres => await Postgres(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)))
            .AddCrm(use)
            .BuildServiceProvider();
        var database = new EngineDatabase(provider, services, drop);
        await database.Engine.MigrateAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _drop();
    }

    private static (Action<CrmOptions> Use, Func<Task> Drop) Sqlite()
    {
        var (file, drop) = ScratchDatabase.Sqlite("crm-props-");
        return (crm => crm.UseSqlite(file), drop);
    }

    private static async Task<(Action<CrmOptions> Use, Func<Task> Drop)> Postgres()
    {
        var (connection, drop) = await ScratchDatabase.Postgres("crm_p_");
        var keys = Directory.CreateTempSubdirectory("crm-props-keys-");
        return (crm => { crm.UsePostgres(connection); crm.Database.KeyRingFolder = keys.FullName; }, async () =>
        {
            keys.Delete(recursive: true);
            await drop();
        });
    }
}

/// <summary>The providers every property runs on.</summary>
public static class Providers
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}

/// <summary>A fact on PostgreSQL: skipped, with the reason shown, when scripts/postgres.sh could not start a server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ScratchDatabase.PostgresServer is null)
            Skip = $"No PostgreSQL server: {ScratchDatabase.PostgresVariable} is not set (run `. scripts/postgres.sh`, which installs and starts one).";
    }
}
