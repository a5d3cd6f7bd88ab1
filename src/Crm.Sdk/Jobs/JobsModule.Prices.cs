using Crm.Domain.Identity;
using Crm.Sdk.Imports;

namespace Crm.Sdk.Jobs;

public sealed partial class JobsModule
{
    private const string PricesJob = "jobs.process_price_imports";

    /// <summary>
    /// Processes <paramref name="tenant"/>'s queued price imports (<see cref="ImportsModule.PricesAsync"/>), oldest first, each
    /// batch in its own transaction: every pending row's price applied to the price tables of its customer's sales tables, or
    /// the row refused with its problem; the batch then <c>Processado</c> with its counts. A batch a crash left
    /// <c>Processando</c> is processed again; one whose save is refused is left <c>Falhou</c> with the codes. A row without a
    /// start date starts today in <see cref="JobsOptions.TimeZone"/>.
    /// </summary>
    public Task<CrmResult<PricesProcessed>> ProcessPendingPricesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync(PricesJob, tenant, null, _ =>
            PriceImports.ProcessAsync(_engine.Database, tenant, _engine.Clock, Options.Zone ?? NodaTime.DateTimeZone.Utc, cancellationToken), cancellationToken);
}
