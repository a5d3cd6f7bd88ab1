using System.Reflection;
using Crm.Persistence;
using Crm.Sdk.Jobs;
using Crm.Sdk.Notifications;
using Crm.Sdk.Outbox;

namespace Crm.Sdk;

/// <summary>
/// How <see cref="CrmServiceCollectionExtensions.AddCrm(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{CrmOptions}?)"/>
/// sets up the engine: the database, and where to look for ERP adapters. Bound from configuration (section <c>Crm</c>:
/// <c>Database:Sqlite</c>, <c>Database:PostgreSql</c>, <c>Database:KeyRingFolder</c>, <c>PluginFolders</c>) and from code;
/// validated at start-up by <see cref="CrmOptionsValidator"/>.
/// </summary>
public sealed class CrmOptions : ICrmDatabaseBuilder
{
    private readonly List<Assembly> _adapterAssemblies = [];
    private readonly List<string> _pluginFolders = [];

    /// <summary>
    /// Where and how the data is stored: <c>crm.UseSqlite(path)</c> (built in), or <c>crm.UsePostgres(connectionString)</c>
    /// with the package <c>Crm.Persistence.PostgreSql</c> and <see cref="CrmPersistenceOptions.KeyRingFolder"/>.
    /// </summary>
    public CrmPersistenceOptions Database { get; } = new();

    /// <summary>How the ERP outbox is dispatched (configuration: <c>Outbox:BatchSize</c>, <c>Outbox:MaxAttempts</c>, ...).</summary>
    public OutboxOptions Outbox { get; } = new();

    /// <summary>How notification e-mails are written (configuration: <c>Notifications:TimeZone</c>); dispatched at <see cref="Outbox"/>'s pace.</summary>
    public NotificationOptions Notifications { get; } = new();

    /// <summary>How the tenants' stored matrices are kept in memory (configuration: <c>Matrices:IdleTenantExpiry</c>).</summary>
    public Matrices.MatrixCacheOptions Matrices { get; } = new();

    /// <summary>
    /// The scheduled jobs (configuration: <c>Jobs:ErpStandingPullInterval</c>, <c>Jobs:ErpSituationInterval</c>,
    /// <c>Jobs:SentRetention</c>, ...): all off by default.
    /// </summary>
    public JobsOptions Jobs { get; } = new();

    /// <summary>What the configuration section held that could not be applied; reported by <see cref="CrmOptionsValidator"/>.</summary>
    internal List<string> ConfigurationFailures { get; } = [];

    /// <summary>The assemblies scanned for <c>IErpAdapter</c> implementations.</summary>
    public IReadOnlyList<Assembly> AdapterAssemblies => _adapterAssemblies;

    /// <summary>The folders whose assemblies are loaded as adapter plugins.</summary>
    public IReadOnlyList<string> PluginFolders => _pluginFolders;

    /// <summary>Scans <paramref name="assemblies"/> for public, non-abstract <c>IErpAdapter</c> classes.</summary>
    public CrmOptions ScanAdaptersIn(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        _adapterAssemblies.AddRange(assemblies.Where(a => !_adapterAssemblies.Contains(a)));
        return this;
    }

    /// <summary>
    /// Loads every assembly in <paramref name="folder"/> in a plugin load context that shares the contract assemblies with the
    /// host, and takes the adapters it contains.
    /// </summary>
    public CrmOptions LoadPluginsFrom(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!_pluginFolders.Contains(folder))
            _pluginFolders.Add(folder);
        return this;
    }
}
