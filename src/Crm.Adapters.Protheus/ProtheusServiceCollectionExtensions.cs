using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Protheus;

/// <summary>Registers the Protheus adapter.</summary>
public static class ProtheusServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProtheusAdapter"/> with <paramref name="configure"/>d <see cref="ProtheusOptions"/>, validated now:
    /// an invalid option throws <see cref="OptionsValidationException"/> listing every failure.
    /// </summary>
    public static IServiceCollection AddProtheusAdapter(this IServiceCollection services, Action<ProtheusOptions>? configure = null) =>
        services.AddErpAdapter(configure, new ProtheusOptionsValidator(), options => new ProtheusAdapter(options));
}
