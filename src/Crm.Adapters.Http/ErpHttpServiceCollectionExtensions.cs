using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Http;

/// <summary>Registers HTTP ERP transports as typed clients with their resilience pipeline.</summary>
public static class ErpHttpServiceCollectionExtensions
{
    /// <summary>The name of the typed client of <paramref name="erp"/>'s transport, e.g. <c>crm-erp-protheus</c>.</summary>
    public static string ClientName(ErpId erp) => $"crm-erp-{erp.Value}";

    /// <summary>
    /// The name of the <see cref="HttpStandardResilienceOptions"/> of <paramref name="erp"/>'s transport, e.g.
    /// <c>crm-erp-protheus-standard</c>: a host tunes retries, the circuit breaker and timeouts with
    /// <c>services.Configure&lt;HttpStandardResilienceOptions&gt;(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(erp), o => ...)</c>.
    /// </summary>
    public static string ResilienceOptionsName(ErpId erp) => $"{ClientName(erp)}-standard";

    /// <summary>
    /// Registers <typeparamref name="TTransport"/> as a typed client named <see cref="ClientName"/> and as an
    /// <see cref="IErpTransport"/> and as an <see cref="IErpReader"/> (every <see cref="ErpHttpTransport"/> is one, so
    /// <c>GetServices&lt;IErpReader&gt;()</c> finds one per configured ERP), behind the standard resilience handler: each attempt times out (10 s by default), 408,
    /// 429, 5xx, dropped connections and timeouts are retried with exponential back-off and jitter (3 retries from 2 s), a
    /// circuit breaker per ERP opens when too many fail, and the whole send has a total timeout (30 s). Retrying is safe
    /// because every request carries the message's idempotency key. <c>HttpClient.Timeout</c> is left to the pipeline.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="erp">The ERP.</param>
    /// <param name="address">Where the ERP is, read from the adapter's validated <typeparamref name="TOptions"/>; none
    /// leaves every send <see cref="Unavailable"/> until it is configured.</param>
    public static IHttpClientBuilder AddErpHttpTransport<TTransport, TOptions>(this IServiceCollection services, ErpId erp,
        Func<TOptions, Uri?> address) where TTransport : class, IErpTransport where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(address);
        var builder = services.AddHttpClient<TTransport>(ClientName(erp), (sp, client) =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.BaseAddress = AsBaseAddress(address(sp.GetRequiredService<IOptions<TOptions>>().Value));
        });
        builder.AddStandardResilienceHandler();
        // The host's clock when it registers one (AddCrm does); the transports read Retry-After dates by it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<IErpTransport>(sp => sp.GetRequiredService<TTransport>());
        if (typeof(IErpReader).IsAssignableFrom(typeof(TTransport)))
            services.AddTransient(sp => (IErpReader)sp.GetRequiredService<TTransport>());
        return builder;
    }

    // Relative paths must append to the address rather than replace its last segment.
    private static Uri? AsBaseAddress(Uri? url) =>
        url is null ? null : url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
