using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Duplicates;

/// <summary>
/// The domain's <see cref="IShortNameRegistry"/> answered by the session tenant's database: the live account (not merged
/// away) or else the open lead whose short name has the same key (case ignored), each found by one seek of the
/// <c>(TenantId, ShortNameKey)</c> index. A unique index on the accounts' key (live accounts with a short name) turns a
/// concurrent second account with the same short name into <see cref="CrmDbContext.DuplicateCode"/> at the save.
/// </summary>
/// <param name="db">The tenant's unit of work.</param>
public sealed class DatabaseShortNames(CrmDbContext db) : IShortNameRegistry
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is not the session's tenant.</exception>
    public async ValueTask<RegistrationRef?> FindOwnerAsync(TenantId tenant, ShortName shortName, CancellationToken cancellationToken = default)
    {
        if (tenant != db.Tenant)
            throw new ArgumentException($"This registry answers for tenant {db.Tenant.Value}, not {tenant.Value}.", nameof(tenant));
        var key = shortName.Key;
        if (db.Preloaded is { } preloaded && preloaded.TryOwner(key, out var owner))
            return owner;
        var account = await db.Accounts.AsNoTracking()
            .Where(a => EF.Property<string?>(a, CrmQueries.ShortNameKey) == key && a.MergedInto == null)
            .Select(a => (AccountId?)a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (account is { } found)
            return found;
        var lead = await db.Leads.AsNoTracking()
            .Where(l => EF.Property<string?>(l, CrmQueries.ShortNameKey) == key && l.Status == LeadStatus.Open)
            .Select(l => (LeadId?)l.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return lead is { } open ? open : null;
    }
}
