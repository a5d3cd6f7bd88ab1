using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Crm.Tests.Shared;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>
/// A host as an application builds it: <c>AddCrm</c> on a fresh database of one provider (a SQLite file in a temp folder,
/// or a new database on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c>), a fake <see cref="TimeProvider"/>, captured
/// logs; migrated, and a tenant provisioned through the engine with one user per standard role, a Usuário reporting to the
/// Coordenador, another Usuário, a user without roles and an inactive one. Deleted on dispose.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private readonly Func<ServiceProvider> _another;

    private TestHost(ServiceProvider provider, FakeTimeProvider time, CapturedLogs logs, Func<Task> drop, Func<ServiceProvider> another) =>
        (Provider, Time, Logs, _drop, _another) = (provider, time, logs, drop, another);

    public ServiceProvider Provider { get; }
    public FakeTimeProvider Time { get; }
    public CapturedLogs Logs { get; }
    public CrmEngine Engine => Provider.GetRequiredService<CrmEngine>();
    public TenantId Tenant { get; } = new(Guid.NewGuid());

    public UserId Support { get; private set; }
    public UserId Diretor { get; } = new(Guid.NewGuid());
    public UserId Coordenador { get; } = new(Guid.NewGuid());
    public UserId Usuario { get; } = new(Guid.NewGuid());
    public UserId Outro { get; } = new(Guid.NewGuid());
    public UserId SemPapel { get; } = new(Guid.NewGuid());
    public UserId Inativo { get; } = new(Guid.NewGuid());

    public CrmSession As(UserId user) => Engine.Session(Tenant, user);

    public CrmDbContext Open() => Engine.Database.Open(Tenant);

    /// <summary>Another host's services on the same database, as a second process would have (same clock and logs); the caller disposes it.</summary>
    public ServiceProvider AnotherProcess() => _another();

    public static async Task<TestHost> Create(string provider, Action<IServiceCollection>? configure = null, DefaultIntegration? integration = null)
    {
        var (use, drop) = provider switch
        {
            TestProviders.Sqlite => Sqlite(),
            TestProviders.Postgres => await Postgres(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        ServiceProvider Build()
        {
            var services = new ServiceCollection()
                .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
                .AddSingleton<TimeProvider>(time)
                .AddCrm(use);
            configure?.Invoke(services);
            return services.BuildServiceProvider();
        }
        var host = new TestHost(Build(), time, logs, drop, Build);
        await host.Engine.MigrateAsync();
        await host.Seed(integration);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await _drop();
    }

    private async Task Seed(DefaultIntegration? integration)
    {
        var report = Ok(await Engine.Tenants.ProvisionAsync(Tenant, "Tenant de teste", Package.Freemium, integration));
        Assert.True(report.Completed);
        await using (var db = Open())
            Support = db.Users.Single(u => u.Login == User.SupportLogin).Id;
        var roles = await RolesAsync();
        await AddUser(Diretor, "diretor", roles[StandardRoles.Diretor.Name]);
        await AddUser(Coordenador, "coordenador", roles[StandardRoles.Coordenador.Name]);
        await AddUser(Usuario, "usuario", roles[StandardRoles.Usuario.Name]);
        Ok(await Engine.Tenants.SetManagerAsync(Tenant, Support, Usuario, Coordenador));
        await AddUser(Outro, "outro", roles[StandardRoles.Usuario.Name]);
        await AddUser(SemPapel, "sempapel", null);
        await AddUser(Inativo, "inativo", roles[StandardRoles.Usuario.Name]);
        await using (var db = Open())
        {
            db.Users.Single(u => u.Id == Inativo).Deactivate();
            Assert.True((await db.SaveAsync()).IsSaved);
        }
    }

    /// <summary>Stores an account of the Diretor without the engine (as an import before it would), duplicates allowed.</summary>
    public async Task<AccountId> StoreDirectly(RegistrationForm form)
    {
        var valid = RegistrationRules.Validate(form with { Owner = Diretor }, new(AccountSettings.Default, RegistrationKind.Account)).AsT0;
        var account = Account.Register(new AccountId(Guid.NewGuid()), Tenant, valid, Diretor, Engine.Clock);
        await using var db = Open();
        db.Accounts.Add(account);
        Assert.True((await db.SaveAsync()).IsSaved);
        return account.Id;
    }

    /// <summary>An account stored directly as integrated with the ERP under <paramref name="erpCode"/> (as a sent and acknowledged one).</summary>
    public async Task<AccountId> StoreIntegrated(RegistrationForm form, string erpCode)
    {
        var id = await StoreDirectly(form);
        await using var db = Open();
        var account = await db.Accounts.SingleAsync(a => a.Id == id);
        account.RecordErpState(new Crm.Domain.Accounts.ErpLink.IntegratedWithErp(erpCode, new NodaTime.LocalDate(2025, 1, 10)), null, Diretor, Engine.Clock);
        Assert.True((await db.SaveAsync()).IsSaved);
        return id;
    }

    public async Task<Dictionary<string, RoleId>> RolesAsync()
    {
        await using var db = Open();
        return db.Roles.ToDictionary(r => r.Name, r => r.Id);
    }

    private async Task AddUser(UserId id, string login, RoleId? role)
    {
        Ok(await Engine.Tenants.AddUserAsync(Tenant, id, login, login, $"{login}@exemplo.com.br"));
        if (role is { } r)
            Ok(await Engine.Tenants.AssignRolesAsync(Tenant, Support, id, [r]));
    }

    /// <summary>The success of <paramref name="result"/>, or a failure naming what came instead.</summary>
    public static T Ok<T>(CrmResult<T> result) =>
        result.Match(ok => ok, _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result));

    private static T Fail<T>(CrmResult<T> result) =>
        throw new Xunit.Sdk.XunitException($"Expected success, got {result.Outcome}:\n{string.Join("\n", result.Problems)}");

    private static (Action<CrmOptions> Use, Func<Task> Drop) Sqlite()
    {
        var (file, drop) = ScratchDatabase.Sqlite("crm-sdk-");
        return (crm => crm.UseSqlite(file), drop);
    }

    private static async Task<(Action<CrmOptions> Use, Func<Task> Drop)> Postgres()
    {
        var (connection, drop) = await ScratchDatabase.Postgres("crm_s_");
        var keys = Directory.CreateTempSubdirectory("crm-sdk-keys-");
        return (crm => { crm.UsePostgres(connection); crm.Database.KeyRingFolder = keys.FullName; }, async () =>
        {
            keys.Delete(recursive: true);
            await drop();
        });
    }
}
