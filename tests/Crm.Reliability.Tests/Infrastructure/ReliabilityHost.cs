using Crm.Adapters.Protheus;
using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Persistence;
using Crm.Persistence.Outbox;
using Crm.Sdk;
using Crm.Sdk.Outbox;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reliability.Tests.Infrastructure;

/// <summary>
/// The application side of a reliability run: <c>AddCrm</c> on a fresh database (a SQLite file, or a new PostgreSQL database),
/// the Protheus adapter pointed at the fake server, a tenant integrating with Protheus whose client type REV maps to an
/// integrating account type, and a Diretor who imports customers. <see cref="DispatcherSettings"/> configure a dispatcher
/// process on the same database. No dispatcher runs in this process (no generic host starts the hosted one).
/// </summary>
internal sealed class ReliabilityHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Func<Task> _drop;
    private readonly Action<CrmOptions> _use;
    private readonly Uri _erp;
    private readonly List<ServiceProvider> _others = [];

    private ReliabilityHost(ServiceProvider provider, Action<CrmOptions> use, Uri erp, IReadOnlyDictionary<string, string> database, Func<Task> drop) =>
        (_provider, _use, _erp, DispatcherSettings, _drop) = (provider, use, erp, database, drop);

    public CrmEngine Engine => _provider.GetRequiredService<CrmEngine>();
    public TenantId Tenant { get; } = new(Guid.NewGuid());
    public UserId Diretor { get; } = new(Guid.NewGuid());

    /// <summary>The database settings for a dispatcher process (configuration keys under <c>Crm:Database</c>).</summary>
    public IReadOnlyDictionary<string, string> DispatcherSettings { get; }

    public CrmSession Session => Engine.Session(Tenant, Diretor);

    public static async Task<ReliabilityHost> Create(bool postgres, Uri erp)
    {
        var keys = Directory.CreateTempSubdirectory("crm-reliability-keys-");
        Dictionary<string, string> settings = new() { ["Crm:Database:KeyRingFolder"] = keys.FullName };
        Func<Task> drop;
        Action<CrmOptions> use;
        if (postgres)
        {
            var (connection, dropDatabase) = await ScratchDatabase.Postgres("crm_r_");
            (settings["Crm:Database:PostgreSql"], drop) = (connection, dropDatabase);
            use = crm => crm.UsePostgres(connection);
        }
        else
        {
            var (file, dropFile) = ScratchDatabase.Sqlite("crm-reliability-");
            (settings["Crm:Database:Sqlite"], drop) = (file, dropFile);
            use = crm => crm.UseSqlite(file);
        }
        Action<CrmOptions> useWithKeys = crm => { use(crm); crm.Database.KeyRingFolder = keys.FullName; };
        var provider = new ServiceCollection().AddCrm(useWithKeys).AddProtheusAdapter(o => o.BaseUrl = erp).BuildServiceProvider();
        var host = new ReliabilityHost(provider, useWithKeys, erp, settings, async () =>
        {
            await drop();
            keys.Delete(recursive: true);
        });
        await host.Engine.MigrateAsync();
        await host.SeedAsync();
        return host;
    }

    private async Task SeedAsync()
    {
        Ok(await Engine.Tenants.ProvisionAsync(Tenant, "Tenant de confiabilidade", Package.Freemium, DefaultIntegration.Protheus));
        RoleId diretor;
        UserId support;
        await using (var db = Engine.Database.Open(Tenant))
        {
            support = db.Users.Single(u => u.Login == User.SupportLogin).Id;
            diretor = db.Roles.Single(r => r.Name == StandardRoles.Diretor.Name).Id;
        }
        Ok(await Engine.Tenants.AddUserAsync(Tenant, Diretor, "diretor", "Diretor", "diretor@exemplo.com.br"));
        Ok(await Engine.Tenants.AssignRolesAsync(Tenant, support, Diretor, [diretor]));
        var (revenda, cliente) = (MasterDataCode.Of("REV"), MasterDataCode.Of("CLI"));
        Ok(await Session.Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(cliente, "Cliente", IntegratesWithErp: true)], [(revenda, cliente)])));
    }

    /// <summary>
    /// Imports customers <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 as a CSV file through
    /// the Diretor's session, their trade name marked with <paramref name="version"/> (a new version of known rows updates them).
    /// </summary>
    public async Task<CustomerImportSummary> ImportAsync(int first, int count, int version, int batch = 500)
    {
        var file = new MemoryStream();
        SheetWriter.Write(file, ImportFormat.Csv, CustomerColumns.All, Enumerable.Range(first, count).Select(i => Customer(i, version)));
        file.Position = 0;
        return Ok(await Session.Imports.CustomersAsync(file, ImportFormat.Csv, new CustomerImportOptions { BatchSize = batch }));
    }

    /// <summary>
    /// A customer row Protheus takes: client type REV, its own key, CNPJ, short name, phone and e-mail (one that fits A1_EMAIL),
    /// no master data the CRM does not hold.
    /// </summary>
    private static string?[] Customer(int seed, int version)
    {
        var headers = CustomerColumns.All.Select(c => c.Header).ToList();
        string?[] cells = [.. CustomerColumns.Example];
        void Set(string column, string? value) => cells[headers.IndexOf(column)] = value;
        Set(CustomerColumns.ExternalCode, $"R{seed}");
        Set(CustomerColumns.Origin, "LEGADO");
        Set(CustomerColumns.ClientType, "REV");
        Set(CustomerColumns.TaxId, Cnpj.Parse(Enumerable.Range(0, 100).Select(dv => $"{seed:D8}0001{dv:D2}").First(Cnpj.IsValid)).AsT0.ToString());
        Set(CustomerColumns.LegalName, $"Cliente Confiavel {seed} Ltda");
        Set(CustomerColumns.TradeName, $"Confiavel {seed} v{version}");
        Set(CustomerColumns.ShortName, $"CONF{seed}");
        // Phones and e-mails of their own: a shared one would make every earlier account a duplicate alert of the row.
        Set(CustomerColumns.Phone, $"(11) 3{seed / 10_000 % 1_000:D3}-{seed % 10_000:D4}");
        Set(CustomerColumns.Email, $"c{seed}@cli{seed % 997}.com.br");
        foreach (var unknown in new[] { CustomerColumns.ClientGroup, CustomerColumns.FiscalCategory, CustomerColumns.SalesTable,
                     CustomerColumns.BillingLocation, CustomerColumns.Warehouse })
            Set(unknown, null);
        return cells;
    }

    public async Task<OutboxSummary> SummaryAsync() => Ok(await Session.Outbox.SummaryAsync());

    /// <summary>Every outbox message of the tenant, by account and sequence.</summary>
    public async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var db = Engine.Database.Open(Tenant);
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Account).ThenBy(m => m.Sequence).ToListAsync();
    }

    /// <summary>
    /// Another engine on the same database and fake ERP, as a second application instance would run, its outbox dispatched
    /// with <paramref name="outbox"/> (disposed with the host).
    /// </summary>
    public CrmEngine OtherInstance(Action<OutboxOptions> outbox)
    {
        var provider = new ServiceCollection().AddCrm(crm => { _use(crm); outbox(crm.Outbox); }).AddProtheusAdapter(o => o.BaseUrl = _erp)
            .BuildServiceProvider();
        _others.Add(provider);
        return provider.GetRequiredService<CrmEngine>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
            await other.DisposeAsync();
        await _provider.DisposeAsync();
        await _drop();
    }

    private static T Ok<T>(CrmResult<T> result) =>
        result.Match(ok => ok, _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result), _ => Fail<T>(result));

    private static T Fail<T>(CrmResult<T> result) =>
        throw new Xunit.Sdk.XunitException($"Expected success, got {result.Outcome}:\n{string.Join("\n", result.Problems)}");
}
