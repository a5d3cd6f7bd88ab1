using Crm.Domain.Servers;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence;

/// <summary>Registers the persistence of Crm.Sdk.</summary>
public static class CrmPersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CrmDatabase"/>, <see cref="TenantProvisioning"/> and the Data Protection
    /// <see cref="ISecretProtector"/> (singletons) for the database <paramref name="configure"/> chooses; both take the
    /// host's <see cref="ILoggerFactory"/> when one is registered (EF Core's SQL logs, the unprotected key ring's warning),
    /// e.g. <c>services.AddCrmPersistence(o => o.UseSqlite("crm.db"))</c>. Options are validated here, eagerly.
    /// </summary>
    public static IServiceCollection AddCrmPersistence(this IServiceCollection services, Action<CrmPersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new CrmPersistenceOptions();
        configure(options);
        options.ValidateKeyRing();
        services.TryAddSingleton(options);
        services.TryAddSingleton<CrmDatabase>();
        services.TryAddSingleton<TenantProvisioning>();
        services.TryAddSingleton<ISecretProtector>(provider => DataProtectionSecretProtector.InFolder(options.EffectiveKeyRingFolder,
            options.KeyRingProtection, provider.GetService<ILoggerFactory>()));
        return services;
    }
}
