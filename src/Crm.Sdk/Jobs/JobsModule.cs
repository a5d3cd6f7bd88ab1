using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>The ERP situations were recomputed.</summary>
/// <param name="Accounts">How many accounts were read.</param>
/// <param name="Changed">How many changed situation (and were saved).</param>
public sealed record ErpSituationsRecomputed(int Accounts, int Changed);

/// <summary>
/// The engine's periodic jobs (<see cref="CrmEngine.Jobs"/>), for the host's scheduler to call (there is no built-in
/// scheduler): each run is logged and measured like a use case, with no user.
/// </summary>
public sealed class JobsModule
{
    private const int BatchSize = 500;

    private readonly CrmEngine _engine;

    internal JobsModule(CrmEngine engine) => _engine = engine;

    /// <summary>
    /// CRM1003: recomputes the ERP situation of every account of <paramref name="tenant"/> as of today in
    /// <paramref name="zone"/> (active, inactive after <paramref name="monthsInactive"/> months without a purchase, ...).
    /// Accounts are read and saved in batches of 500, each batch one transaction, so a tenant of any size runs in bounded
    /// memory; a <see cref="Conflict"/> stops the run at that batch (the earlier ones are saved; running again finishes).
    /// </summary>
    public Task<CrmResult<ErpSituationsRecomputed>> RecomputeErpSituationsAsync(TenantId tenant, IntegrationSystem system, int monthsInactive,
        DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsInactive);
        ArgumentNullException.ThrowIfNull(zone);
        return _engine.Runner.RunAsync("jobs.recompute_erp_situations", tenant, null, async _ =>
        {
            var today = _engine.Clock.GetCurrentInstant().InZone(zone).Date;
            var (read, changed) = (0, 0);
            for (var batch = 0; ; batch++)
            {
                await using var db = _engine.Database.Open(tenant);
                var accounts = await db.Accounts.OrderBy(a => a.Id).Skip(batch * BatchSize).Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (accounts.Count == 0)
                    return new ErpSituationsRecomputed(read, changed);
                var changes = ErpStatusRecompute.Changes(accounts, system, monthsInactive, today).ToList();
                foreach (var change in changes)
                    accounts.Find(a => a.Id == change.Account)!.Apply(change);
                var saved = await db.SaveAsync(cancellationToken).ConfigureAwait(false);
                if (!saved.IsSaved)
                    return saved.Match<CrmResult<ErpSituationsRecomputed>>(_ => throw new InvalidOperationException(), conflict => conflict, invalid => invalid);
                (read, changed) = (read + accounts.Count, changed + changes.Count);
            }
        }, cancellationToken);
    }
}
