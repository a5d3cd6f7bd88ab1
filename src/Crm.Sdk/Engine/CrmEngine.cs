using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Servers;
using Crm.Persistence;
using Crm.Sdk.Discovery;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Crm.Sdk.Orders;
using Crm.Sdk.Outbox;
using Crm.Sdk.Jobs;
using Crm.Sdk.Matrices;
using Crm.Sdk.Tenants;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Sdk;

/// <summary>
/// The CRM engine a host resolves after <c>AddCrm</c>: migrates the database, runs the platform-level operations
/// (<see cref="Tenants"/>) and opens sessions bound to a tenant and a user, through which every use case runs.
/// A singleton, thread-safe; sessions are cheap and not shared between threads.
/// </summary>
public sealed class CrmEngine
{
    private readonly Func<IEnumerable<IErpReader>> _readers;

    internal CrmEngine(CrmDatabase database, IClock clock, ILoggerFactory loggers, ErpAdapterCatalog adapters, OutboxDispatcher outbox,
        NotificationDispatcher notifications, ISecretProtector protector, SmtpMailer mailer, FileServerClient files, ISalesMatrices matrices,
        StoredMatrices stored, Func<IEnumerable<IErpReader>> readers, Func<CrmOptions> options)
    {
        (_readers, Options) = (readers, options);
        (Matrices, StoredMatrices) = (matrices, stored);
        Database = database;
        Clock = clock;
        Adapters = adapters;
        Outbox = outbox;
        Notifications = notifications;
        (Protector, Mailer, Files) = (protector, mailer, files);
        OutboxLogger = loggers.CreateLogger<OutboxDispatcher>();
        NotificationLogger = loggers.CreateLogger<NotificationDispatcher>();
        JobsLogger = loggers.CreateLogger<JobsModule>();
        Logger = loggers.CreateLogger<CrmEngine>();
        Runner = new UseCaseRunner(database, Logger);
        Tenants = new TenantsModule(this);
        Jobs = new JobsModule(this);
    }

    /// <summary>The database the engine works on.</summary>
    public CrmDatabase Database { get; }

    /// <summary>The clock stamping every history entry (the host's <see cref="TimeProvider"/>).</summary>
    public IClock Clock { get; }

    /// <summary>Platform-level operations: provisioning, companies and branches, users.</summary>
    public TenantsModule Tenants { get; }

    /// <summary>
    /// The periodic jobs: the ERP standing pull, CRM1003's situation recompute, the initial load of ERP master data, the
    /// clean-up of delivered outbox rows; run by the host or by the hosted scheduler (<see cref="JobsOptions"/>).
    /// </summary>
    public JobsModule Jobs { get; }

    /// <summary>The ERP adapters registered, one per ERP.</summary>
    public ErpAdapterCatalog Adapters { get; }

    /// <summary>
    /// The ERP outbox's dispatcher: <see cref="OutboxDispatcher.DispatchPendingAsync"/> for hosts without a generic host (with
    /// one, a background service calls it every <see cref="OutboxOptions.Interval"/>).
    /// </summary>
    public OutboxDispatcher Outbox { get; }

    /// <summary>
    /// The notification e-mails' dispatcher: <see cref="NotificationDispatcher.DispatchPendingAsync"/> for hosts without a
    /// generic host (with one, the background service calls it every <see cref="OutboxOptions.Interval"/>, after the ERP outbox).
    /// </summary>
    public NotificationDispatcher Notifications { get; }

    internal UseCaseRunner Runner { get; }

    /// <summary>The tax and commercial matrices orders are priced with: the stored ones (<see cref="StoredMatrices"/>) unless the host registered its own <see cref="ISalesMatrices"/>.</summary>
    internal ISalesMatrices Matrices { get; }

    /// <summary>The stored matrices held in memory, which matrix saves keep up to date.</summary>
    internal StoredMatrices StoredMatrices { get; }

    internal ILogger Logger { get; }

    internal ILogger OutboxLogger { get; }

    internal ILogger NotificationLogger { get; }

    internal ILogger JobsLogger { get; }

    /// <summary>The reader of <paramref name="erp"/> (the last registered, as the outbox takes the last transport); null when none is.</summary>
    internal IErpReader? ReaderFor(ErpId erp) => _readers().LastOrDefault(r => r.Erp == erp);

    /// <summary>The engine's options as they are now.</summary>
    internal Func<CrmOptions> Options { get; }

    /// <summary>The master data each tenant's ERP listed in its initial load, as the outbox's eligibility reads it.</summary>
    internal StoredMasterData MasterData { get; } = new();

    /// <summary>Protects the SMTP/FTP passwords a form carries.</summary>
    internal ISecretProtector Protector { get; }

    /// <summary>Sends through a company's SMTP server (Crm.Connectors).</summary>
    internal SmtpMailer Mailer { get; }

    /// <summary>Talks to a company's FTP/SFTP server (Crm.Connectors).</summary>
    internal FileServerClient Files { get; }

    /// <summary>Creates the database or brings it to the latest migration; safe to run at every start.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(cancellationToken);

    /// <summary>
    /// A session of <paramref name="user"/> in <paramref name="tenant"/>. The user's access (roles, hierarchy, company/branch
    /// pairs) is read by the session's first use case and kept for the session's life: open a new session to see changes.
    /// </summary>
    public CrmSession Session(TenantId tenant, UserId user) => new(this, tenant, user);
}
