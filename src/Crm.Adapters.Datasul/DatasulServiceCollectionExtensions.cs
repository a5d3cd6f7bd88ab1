using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>Registers the Datasul adapter.</summary>
public static class DatasulServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatasulAdapter"/>. Its <see cref="DatasulOptions"/> come from the options pipeline: the section
    /// <c>Adapters:datasul</c> of <c>AddCrm(configuration)</c>, then <paramref name="configure"/>, then any
    /// <c>services.Configure&lt;DatasulOptions&gt;(...)</c>; they are validated at start-up (an
    /// <see cref="OptionsValidationException"/> lists every failure, never quoting a secret). A second adapter for the ERP
    /// fails here.
    /// </summary>
    public static IServiceCollection AddDatasulAdapter(this IServiceCollection services, Action<DatasulOptions>? configure = null) =>
        services.AddErpAdapter(configure, new DatasulOptionsValidator(), options => new DatasulAdapter(options));
}
