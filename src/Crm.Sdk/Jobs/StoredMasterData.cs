using System.Collections.Concurrent;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>
/// The master data each tenant's ERP listed in its initial load (<see cref="JobsModule.LoadErpMasterDataAsync"/>), as
/// eligibility reads it, held in memory per tenant and ERP. Each use is checked against the stored loads' last completion
/// (one small query), so a load completed by any engine on the database is seen by the next use.
/// </summary>
internal sealed class StoredMasterData
{
    private readonly ConcurrentDictionary<(TenantId, ErpId), (Instant? Stamp, IntegratedMasterData Data)> _held = new();

    /// <summary>The master data <paramref name="erp"/> listed for <paramref name="db"/>'s tenant; <see cref="IntegratedMasterData.None"/> before any load.</summary>
    public async Task<IntegratedMasterData> ForAsync(CrmDbContext db, ErpId erp, CancellationToken cancellationToken)
    {
        var stamp = await db.ErpMasterDataLoads.Where(l => l.Erp == erp.Value).MaxAsync(l => l.CompletedAt, cancellationToken).ConfigureAwait(false);
        var key = (db.Tenant, erp);
        if (_held.TryGetValue(key, out var held) && held.Stamp == stamp)
            return held.Data;
        var rows = await db.ErpMasterData.AsNoTracking().Where(r => r.Erp == erp.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        var data = rows.Count == 0 ? IntegratedMasterData.None : new IntegratedMasterData(rows.Select(r =>
            new MasterDataRecord(r.Kind, MasterDataCode.Of(r.Code), r.Name, r.Active, r.Receivable)));
        _held[key] = (stamp, data);
        return data;
    }

    /// <summary>Forgets what is held of <paramref name="tenant"/>'s <paramref name="erp"/> (a load just completed a kind).</summary>
    public void Forget(TenantId tenant, ErpId erp) => _held.TryRemove((tenant, erp), out _);
}
