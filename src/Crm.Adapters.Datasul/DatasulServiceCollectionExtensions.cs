using Crm.Sdk;
using Crm.Sdk.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>Registers the Datasul adapter.</summary>
public static class DatasulServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatasulAdapter"/> with <paramref name="configure"/>d <see cref="DatasulOptions"/>, validated now:
    /// an invalid parameter throws <see cref="OptionsValidationException"/> listing every failure.
    /// </summary>
    public static IServiceCollection AddDatasulAdapter(this IServiceCollection services, Action<DatasulOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = EagerOptions.Validated(configure, new DatasulOptionsValidator());
        services.TryAddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatasulOptions>, DatasulOptionsValidator>());
        return services.AddErpAdapter(new DatasulAdapter(options));
    }
}
