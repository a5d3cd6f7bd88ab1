using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Mega;

/// <summary>Registers the Mega adapter.</summary>
public static class MegaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MegaAdapter"/> with <paramref name="configure"/>d <see cref="MegaOptions"/>, validated now:
    /// a missing URL, tenant, key or secret throws <see cref="OptionsValidationException"/> listing every failure.
    /// </summary>
    public static IServiceCollection AddMegaAdapter(this IServiceCollection services, Action<MegaOptions>? configure = null) =>
        services.AddErpAdapter(configure, new MegaOptionsValidator(), _ => new MegaAdapter());
}
