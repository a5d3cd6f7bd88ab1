using Crm.Domain.Integration;
using Crm.Sdk.Discovery;
using Crm.Sdk.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Registers the CRM engine and its ERP adapters.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: validates <see cref="CrmOptions"/> now, then takes the adapters found by scanning
    /// <see cref="CrmOptions.AdapterAssemblies"/> and in <see cref="CrmOptions.PluginFolders"/> into the
    /// <see cref="ErpAdapterCatalog"/>. Everything is checked here, so a misconfiguration fails at start-up, not at the first
    /// integration: <see cref="OptionsValidationException"/> for bad options, <see cref="CrmConfigurationException"/> for two
    /// adapters of one ERP or an adapter built for another contract version.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, Action<CrmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = EagerOptions.Validated(configure, new CrmOptionsValidator());
        var catalog = CatalogOf(services);
        foreach (var type in AdapterDiscovery.AdapterTypes(options.AdapterAssemblies))
            catalog.Add(new RegisteredAdapter(AdapterDiscovery.Create(type), AdapterSource.Scanned, type.Assembly.GetName().Name ?? "?"));
        foreach (var folder in options.PluginFolders)
            foreach (var type in AdapterDiscovery.AdapterTypes(AdapterDiscovery.LoadPlugins(folder)))
                catalog.Add(new RegisteredAdapter(AdapterDiscovery.Create(type), AdapterSource.Plugin, type.Assembly.Location));
        services.TryAddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Registers <paramref name="adapter"/>, checked at once against the host's contract version and the adapters already
    /// registered (before or after <see cref="AddCrm"/>). Adapter packages call it from their <c>Add…Adapter</c> method.
    /// </summary>
    public static IServiceCollection AddErpAdapter(this IServiceCollection services, IErpAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(adapter);
        CatalogOf(services).Add(new RegisteredAdapter(adapter, AdapterSource.Explicit, adapter.GetType().Assembly.GetName().Name ?? "?"));
        return services;
    }

    /// <summary>
    /// Registers an adapter that takes options: builds <typeparamref name="TOptions"/> with <paramref name="configure"/>,
    /// validates them now with <paramref name="validator"/> (an <see cref="OptionsValidationException"/> lists every failure),
    /// registers them as <see cref="IOptions{TOptions}"/> with the validator, and adds the adapter <paramref name="create"/>
    /// makes from them. Adapter packages build their <c>Add…Adapter</c> method on it.
    /// </summary>
    public static IServiceCollection AddErpAdapter<TOptions>(this IServiceCollection services, Action<TOptions>? configure,
        IValidateOptions<TOptions> validator, Func<TOptions, IErpAdapter> create) where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(create);
        var options = EagerOptions.Validated(configure, validator);
        services.TryAddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<TOptions>), validator));
        return services.AddErpAdapter(create(options));
    }

    // One catalog per service collection, kept in it as an instance so every registration sees the others.
    private static ErpAdapterCatalog CatalogOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ErpAdapterCatalog))?.ImplementationInstance is ErpAdapterCatalog catalog)
            return catalog;
        catalog = new ErpAdapterCatalog(ContractVersion.Current);
        services.TryAddSingleton(catalog);
        return catalog;
    }
}
