using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Protheus;

/// <summary>Registers the Protheus adapter.</summary>
public static class ProtheusServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProtheusAdapter"/>. Its <see cref="ProtheusOptions"/> come from the options pipeline: the section
    /// <c>Adapters:protheus</c> of <c>AddCrm(configuration)</c>, then <paramref name="configure"/>, then any
    /// <c>services.Configure&lt;ProtheusOptions&gt;(...)</c>; they are validated at start-up (an
    /// <see cref="OptionsValidationException"/> lists every failure, never quoting a secret). A second adapter for the ERP
    /// fails here.
    /// </summary>
    public static IServiceCollection AddProtheusAdapter(this IServiceCollection services, Action<ProtheusOptions>? configure = null) =>
        services.AddErpAdapter(configure, new ProtheusOptionsValidator(), options => new ProtheusAdapter(options));
}
