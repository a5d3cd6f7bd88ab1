using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Mega;

/// <summary>Registers the Mega adapter.</summary>
public static class MegaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MegaAdapter"/>. Its <see cref="MegaOptions"/> come from the options pipeline: the section
    /// <c>Adapters:mega</c> of <c>AddCrm(configuration)</c>, then <paramref name="configure"/>, then any
    /// <c>services.Configure&lt;MegaOptions&gt;(...)</c>; they are validated at start-up (an
    /// <see cref="OptionsValidationException"/> lists every failure, never quoting a secret). A second adapter for the ERP
    /// fails here.
    /// </summary>
    public static IServiceCollection AddMegaAdapter(this IServiceCollection services, Action<MegaOptions>? configure = null) =>
        services.AddErpAdapter(configure, new MegaOptionsValidator(), _ => new MegaAdapter());
}
