using Crm.Domain.Identity;
using Crm.Sdk.Imports;

namespace Crm.Sdk.Jobs;

public sealed partial class JobsModule
{
    private const string PricesJob = "jobs.process_price_imports";

    /// <summary>
    /// Processes <paramref name="tenant"/>'s queued price imports (<see cref="ImportsModule.PricesAsync"/>), oldest first, each
    /// batch claimed and processed in its own transaction (two processors at once never apply a batch twice): every pending
    /// row's price applied to the price tables of its customer's sales tables (or the account's own price table), or the row
    /// refused with its problem; the batch then <c>Processado</c> with its counts. A batch whose save is refused, or whose
    /// processing throws, is left <c>Falhou</c> with the codes (or the exception's type) and the next batch runs. A row
    /// without a start date starts today in Brasília, the orders' business date.
    /// </summary>
    public Task<CrmResult<PricesProcessed>> ProcessPendingPricesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync(PricesJob, tenant, null, _ => PriceImports.ProcessAsync(_engine.Database, tenant, _engine.Clock, cancellationToken),
            cancellationToken);
}
