using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Sdk.Accounts;
using Crm.Sdk.Activities;
using Crm.Sdk.Boards;
using Crm.Sdk.Catalog;
using Crm.Sdk.Documents;
using Crm.Sdk.Engine;
using Crm.Sdk.Funnel;
using Crm.Sdk.Imports;
using Crm.Sdk.Indicators;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Crm.Sdk.Outbox;
using Crm.Sdk.Servers;
using Crm.Sdk.Service;
using Crm.Sdk.Settings;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk;

/// <summary>
/// A user's session in a tenant (<see cref="CrmEngine.Session"/>): the modules whose use cases it runs, each as one unit of
/// work, authorized against the user's access (loaded once, at the first use case) and logged. Not thread-safe: one use case at a
/// time (they share one EF Core context); one session per request or screen.
/// </summary>
public sealed class CrmSession
{
    private CrmAccess? _access;

    // One context for the session's life, emptied before each use case: opening a context is most of the cost of a short
    // use case (a read by id). It holds no connection between commands, so the session needs no disposal.
    private CrmDbContext? _context;

    internal CrmSession(CrmEngine engine, TenantId tenant, UserId user)
    {
        (Engine, Tenant, User) = (engine, tenant, user);
        Accounts = new AccountsModule(this);
        Leads = new LeadsModule(this);
        Contacts = new ContactsModule(this);
        Settings = new SettingsModule(this);
        Funnel = new FunnelModule(this);
        Boards = new BoardsModule(this);
        Outbox = new OutboxModule(this);
        Notifications = new Notifications.NotificationsModule(this);
        Imports = new ImportsModule(this);
        Exports = new ExportsModule(this);
        Servers = new ServersModule(this);
        Catalog = new CatalogModule(this);
        Orders = new OrdersModule(this);
        Matrices = new MatrixModule(this);
        Service = new ServiceModule(this);
        Activities = new ActivitiesModule(this);
        Documents = new DocumentsModule(this);
        Indicators = new IndicatorsModule(this);
    }

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>The user acting.</summary>
    public UserId User { get; }

    /// <summary>Accounts: register, update, merge, read, duplicate check.</summary>
    public AccountsModule Accounts { get; }

    /// <summary>Leads: register, update, convert into an account, read.</summary>
    public LeadsModule Leads { get; }

    /// <summary>Contact people of leads and accounts.</summary>
    public ContactsModule Contacts { get; }

    /// <summary>The tenant's settings: registration (client types × account types, client groups, mandatory fields) and opportunities.</summary>
    public SettingsModule Settings { get; }

    /// <summary>The sales funnel: pipelines and opportunities (create, move, win, lose), stage automations applied.</summary>
    public FunnelModule Funnel { get; }

    /// <summary>Kanban boards of prospect cards: every card action with its effects applied (board release enforced).</summary>
    public BoardsModule Boards { get; }

    /// <summary>The ERP outbox: what was sent, what waits, what was parked; re-queuing a parked message.</summary>
    public OutboxModule Outbox { get; }

    /// <summary>The tenant's notification e-mails: list, re-queue a parked one, delete sent ones (module Settings).</summary>
    public Notifications.NotificationsModule Notifications { get; }

    /// <summary>Spreadsheet imports: customers (accounts by external code + origin).</summary>
    public ImportsModule Imports { get; }

    /// <summary>Exports in the imports' own columns (customers, leads, contacts, matrices) and a person's data for an LGPD request.</summary>
    public ExportsModule Exports { get; }

    /// <summary>The SMTP and FTP/SFTP settings of the companies and branches, and their connection tests.</summary>
    public ServersModule Servers { get; }

    /// <summary>The product catalog: products, warehouses, prices, stock, lots, quotas and promotions, saved in batches.</summary>
    public CatalogModule Catalog { get; }

    /// <summary>Sales orders from a draft to the ERP: items, recalculation, approvals, release, copy, proposal.</summary>
    public OrdersModule Orders { get; }

    /// <summary>The tax and commercial matrices orders are priced with: rules saved, read, imported (through <see cref="Imports"/>).</summary>
    public MatrixModule Matrices { get; }

    /// <summary>Customer service: occurrences (open, assign, answer, close, list) and call-center campaigns.</summary>
    public ServiceModule Service { get; }

    /// <summary>Appointments and follow-ups on accounts, opportunities, occurrences and cards; a user's agenda.</summary>
    public ActivitiesModule Activities { get; }

    /// <summary>Documents on accounts, opportunities, occurrences and cards: files on the company's FTP/SFTP server, or links.</summary>
    public DocumentsModule Documents { get; }

    /// <summary>The management indicators (registration, sales, service) over a period, compared with the previous one.</summary>
    public IndicatorsModule Indicators { get; }

    internal CrmEngine Engine { get; }

    internal IClock Clock => Engine.Clock;

    /// <summary>
    /// What the user may do (loaded once per session, then served from memory), e.g. to show only the actions it may take.
    /// </summary>
    public async Task<CrmAccess> AccessAsync(CancellationToken cancellationToken = default)
    {
        if (_access is not null)
            return _access;
        await using var db = Engine.Database.Open(Tenant);
        return await AccessAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a use case of <paramref name="module"/> that needs <paramref name="action"/>: the user's access is checked first
    /// (a <see cref="Denied"/> reads and writes nothing), then <paramref name="body"/> runs on one unit of work.
    /// </summary>
    internal Task<CrmResult<T>> RunAsync<T>(string useCase, Module module, Permission action,
        Func<UnitOfWork, Task<CrmResult<T>>> body, CancellationToken cancellationToken) =>
        Engine.Runner.RunAsync(useCase, Tenant, User, _context ??= Engine.Database.Open(Tenant), async db =>
        {
            var access = await AccessAsync(db, cancellationToken).ConfigureAwait(false);
            return access.Check(module, Permission.Access | action) is { } denied
                ? denied
                : await body(new UnitOfWork(db, access, this, cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<CrmAccess> AccessAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        if (_access is not null)
            return _access;
        // The whole tenant's users: the hierarchy is transitive. A tenant's users are few (hundreds), roles fewer.
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var roles = await db.Roles.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return _access = CrmAccess.Of(users.Find(u => u.Id == User), tenant, users, roles);
    }
}
