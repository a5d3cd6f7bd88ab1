using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>Registers the Datasul adapter.</summary>
public static class DatasulServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatasulAdapter"/> with <paramref name="configure"/>d <see cref="DatasulOptions"/>, validated now:
    /// an invalid option throws <see cref="OptionsValidationException"/> listing every failure.
    /// </summary>
    public static IServiceCollection AddDatasulAdapter(this IServiceCollection services, Action<DatasulOptions>? configure = null) =>
        services.AddErpAdapter(configure, new DatasulOptionsValidator(), options => new DatasulAdapter(options));
}
