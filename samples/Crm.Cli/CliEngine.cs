using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Cli.Demo;
using Crm.Persistence;
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Crm.Cli;

/// <summary>The engine as every <c>crm</c> command registers it, so that what one command stages another can send.</summary>
internal static class CliEngine
{
    /// <summary>Runs <paramref name="run"/> as the demo tenant's Marina Diretora on the database at <paramref name="path"/>, migrated first.</summary>
    public static async Task<int> AsMarinaAsync(string path, Func<CrmSession, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var provider = Services(path).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        return await run(engine.Session(DemoData.Tenant, DemoData.Person("marina").Id));
    }

    /// <summary>
    /// <c>AddCrm</c> on the SQLite file <paramref name="path"/> with the Protheus adapter (the demo tenant's ERP): accounts
    /// written by any command stage their ERP message; the adapter's transport posts to <paramref name="protheus"/> (null:
    /// nothing is sent until a command is given the server's address). Retries are quick so the CLI answers in seconds: the
    /// transport retries once at once, the outbox after 200 ms, doubling up to 1 s.
    /// </summary>
    public static IServiceCollection Services(string path, Uri? protheus = null)
    {
        var services = new ServiceCollection().AddCrm(crm =>
        {
            crm.UseSqlite(path);
            (crm.Outbox.RetryDelay, crm.Outbox.MaxRetryDelay) = (TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        });
        services.AddProtheusAdapter(o =>
        {
            o.BaseUrl = protheus;
            o.BranchId = "01"; // the branch (C5_FILIAL) the demo company's orders are placed in
        });
        services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(ProtheusAdapter.Id), o =>
        {
            (o.Retry.MaxRetryAttempts, o.Retry.Delay) = (1, TimeSpan.Zero);
            (o.CircuitBreaker.FailureRatio, o.CircuitBreaker.MinimumThroughput) = (1.0, 1000);
        });
        return services;
    }
}
