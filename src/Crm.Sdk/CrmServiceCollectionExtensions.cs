using Crm.Connectors;
using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Servers;
using Crm.Persistence;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Secrets;
using Crm.Sdk.Configuration;
using Crm.Sdk.Discovery;
using Crm.Sdk.Engine;
using Crm.Sdk.Hosting;
using Crm.Sdk.Jobs;
using Crm.Sdk.Notifications;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Crm.Sdk.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Sdk;

/// <summary>Registers the CRM engine: persistence, ERP adapters, clock, options, telemetry and health check.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (<see cref="CrmEngine"/>), logging (<c>AddLogging</c>: the host's own logging, if any, wins), its database (<see cref="CrmDatabase"/>, <see cref="TenantProvisioning"/>,
    /// the Data Protection <see cref="ISecretProtector"/> of SMTP/FTP passwords), the ERP adapters found by
    /// scanning <see cref="CrmOptions.AdapterAssemblies"/> and in <see cref="CrmOptions.PluginFolders"/> (into the
    /// <see cref="ErpAdapterCatalog"/>), a NodaTime <see cref="IClock"/> driven by the host's <see cref="TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> unless the host registers one) and the <c>crm</c> health check, e.g.
    /// <c>services.AddCrm(crm =&gt; crm.UseSqlite("crm.db"))</c>. <see cref="CrmOptions"/> also honour
    /// <c>services.Configure&lt;CrmOptions&gt;(...)</c> and are validated at start-up (every failure listed), so are the
    /// adapters' options. Two adapters for one ERP, an adapter built for another contract version or a bad plugin folder fail
    /// here: <see cref="CrmConfigurationException"/>, <see cref="OptionsValidationException"/>.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, Action<CrmOptions>? configure = null) =>
        Register(services, null, configure);

    /// <summary>
    /// As <see cref="AddCrm(IServiceCollection, Action{CrmOptions}?)"/>, with <see cref="CrmOptions"/> bound from
    /// <paramref name="configuration"/> (e.g. <c>configuration.GetSection("Crm")</c>: <c>Database:Sqlite</c>,
    /// <c>Database:PostgreSql</c>, <c>Database:KeyRingFolder</c>, <c>PluginFolders</c>) and each adapter's options from
    /// <c>Adapters:&lt;erp id&gt;</c> of it (e.g. <c>Crm:Adapters:datasul:Modality</c>); <paramref name="configure"/> runs after the binding.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration, Action<CrmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, new CrmConfiguration(configuration), configure);
    }

    private static IServiceCollection Register(IServiceCollection services, CrmConfiguration? binding, Action<CrmOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (binding is not null)
            services.AddSingleton(binding);
        // The adapters are found now, from the options known now, so that a bad combination stops the registration.
        var known = new CrmOptions();
        binding?.Apply(known);
        configure?.Invoke(known);
        if (CrmOptionsValidator.PluginFailures(known) is { Count: > 0 } failures)
            throw new OptionsValidationException(Options.DefaultName, typeof(CrmOptions), failures);
        var registry = RegistryOf(services);
        foreach (var type in AdapterDiscovery.AdapterTypes(known.AdapterAssemblies))
            Add(registry, new RegisteredAdapter(AdapterDiscovery.Create(type), AdapterSource.Scanned, type.Assembly.GetName().Name ?? "?"));
        foreach (var folder in known.PluginFolders)
            foreach (var type in AdapterDiscovery.AdapterTypes(AdapterDiscovery.LoadPlugins(folder)))
                Add(registry, new RegisteredAdapter(AdapterDiscovery.Create(type), AdapterSource.Plugin, type.Assembly.Location));

        var options = services.AddOptions<CrmOptions>();
        if (binding is not null)
            options.Configure(binding.Apply);
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());

        if (services.Any(d => d.ServiceType == typeof(CrmEngine)))
            return services; // AddCrm called again: its options and adapters are added, the services exist
        // TryAdd semantics: a host's own logging wins; without one, services that need ILogger<T> (the health check) still resolve.
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CrmDatabase(sp.GetRequiredService<IOptions<CrmOptions>>().Value.Database, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<TenantProvisioning>();
        // Orders are priced with the stored matrices, unless the host registers its own ISalesMatrices.
        services.TryAddSingleton(sp => new StoredMatrices(sp.GetRequiredService<CrmDatabase>(), sp.GetRequiredService<TimeProvider>(),
            () => sp.GetRequiredService<IOptionsMonitor<CrmOptions>>().CurrentValue.Matrices));
        services.TryAddSingleton<ISalesMatrices>(sp => sp.GetRequiredService<StoredMatrices>());
        services.TryAddSingleton<ISecretProtector>(sp =>
        {
            // The validator made sure a folder exists: the one set, or the provider's (next to a SQLite file).
            var database = sp.GetRequiredService<IOptions<CrmOptions>>().Value.Database;
            return DataProtectionSecretProtector.InFolder(database.KeyRingFolder ?? database.Provider!.DefaultKeyRingFolder!,
                database.KeyRingProtection, sp.GetRequiredService<ILoggerFactory>());
        });
        // The company's own servers: notification e-mails, the SMTP and FTP/SFTP tests (a host's AddCrmConnectors(options) first wins).
        services.AddCrmConnectors();
        services.AddSingleton(sp =>
        {
            // Hosts without a generic host (a plain service provider) get the start-up validation here, every failure listed.
            sp.GetService<IStartupValidator>()?.Validate();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var options = sp.GetRequiredService<IOptionsMonitor<CrmOptions>>();
            var outbox = new OutboxDispatcher(sp.GetRequiredService<CrmDatabase>(), sp.GetRequiredService<ErpAdapterCatalog>(),
                sp.GetServices<IErpTransport>, sp.GetRequiredService<IClock>(), () => options.CurrentValue.Outbox,
                loggers.CreateLogger<OutboxDispatcher>());
            var notifications = new NotificationDispatcher(sp.GetRequiredService<CrmDatabase>(), sp.GetRequiredService<SmtpMailer>(),
                sp.GetRequiredService<IClock>(), () => options.CurrentValue, loggers.CreateLogger<NotificationDispatcher>());
            return new CrmEngine(sp.GetRequiredService<CrmDatabase>(), sp.GetRequiredService<IClock>(), loggers,
                sp.GetRequiredService<ErpAdapterCatalog>(), outbox, notifications, sp.GetRequiredService<ISecretProtector>(),
                sp.GetRequiredService<SmtpMailer>(), sp.GetRequiredService<FileServerClient>(), sp.GetRequiredService<ISalesMatrices>(),
                sp.GetRequiredService<StoredMatrices>(), sp.GetServices<IErpReader>, () => options.CurrentValue);
        });
        services.AddHostedService<OutboxBackgroundService>();
        services.AddHostedService<JobsBackgroundService>();
        services.AddHealthChecks().AddCheck<CrmHealthCheck>(CrmHealthCheck.Name, HealthStatus.Unhealthy, ["crm", "database"]);
        return services;
    }

    /// <summary>
    /// Registers <paramref name="adapter"/>, checked at once against the host's contract version and the adapters already
    /// registered (before or after <c>AddCrm</c>). Adapter packages call it from their <c>Add…Adapter</c> method.
    /// </summary>
    public static IServiceCollection AddErpAdapter(this IServiceCollection services, IErpAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(adapter);
        Add(RegistryOf(services), new RegisteredAdapter(adapter, AdapterSource.Explicit, adapter.GetType().Assembly.GetName().Name ?? "?"));
        return services;
    }

    /// <summary>
    /// Registers an adapter that takes options. <typeparamref name="TOptions"/> are built by the options pipeline: bound from
    /// <c>Adapters:&lt;erp id&gt;</c> of the section given to <c>AddCrm(configuration)</c>, then <paramref name="configure"/>,
    /// then any <c>services.Configure&lt;TOptions&gt;(...)</c> of the host; <see cref="IOptions{TOptions}"/> and
    /// <see cref="IOptionsMonitor{TOptions}"/> agree, and <paramref name="validator"/> checks them at start-up (every failure
    /// listed). The adapter the host runs is <paramref name="create"/>d from those options; the ERP and contract checks run
    /// now, on an adapter made from <paramref name="configure"/> alone. Adapter packages build their <c>Add…Adapter</c> on it.
    /// </summary>
    public static IServiceCollection AddErpAdapter<TOptions>(this IServiceCollection services, Action<TOptions>? configure,
        IValidateOptions<TOptions> validator, Func<TOptions, IErpAdapter> create) where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(create);
        var known = new TOptions();
        configure?.Invoke(known);
        var probe = create(known);
        var section = $"Adapters:{probe.Descriptor.Erp.Value}";
        var options = services.AddOptions<TOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<CrmConfiguration>()?.Section.GetSection(section).Bind(o));
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        RegistryOf(services).Add(new RegisteredAdapter(probe, AdapterSource.Explicit, probe.GetType().Assembly.GetName().Name ?? "?"),
            sp => create(sp.GetRequiredService<IOptions<TOptions>>().Value));
        return services;
    }

    private static void Add(AdapterRegistry registry, RegisteredAdapter adapter) => registry.Add(adapter, _ => adapter.Adapter);

    private static AdapterRegistry RegistryOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(AdapterRegistry))?.ImplementationInstance is AdapterRegistry registry)
            return registry;
        registry = new AdapterRegistry();
        services.AddSingleton(registry);
        services.TryAddSingleton(sp => registry.Build(sp));
        return registry;
    }
}
