using NodaTime;
using Crm.Domain.Identity;

namespace Crm.Domain.Accounts.ErpLink;

/// <summary>A situation that changed when the statuses were recomputed.</summary>
/// <param name="Account">The account.</param>
/// <param name="Old">Its status before.</param>
/// <param name="New">Its status now.</param>
public sealed record ErpStatusChange(AccountId Account, ErpStatus Old, ErpStatus New);

/// <summary>
/// The periodic recomputation of ERP statuses (TOTVS program CRM1003, seed 000): over any number of accounts, yields the
/// ones whose situation changed. It changes nothing itself; the job applies each change with <see cref="Account.Apply"/>
/// and saves. Merged accounts are skipped.
/// </summary>
public static class ErpStatusRecompute
{
    /// <summary>The changes for <paramref name="accounts"/> as of <paramref name="today"/>, streamed in input order.</summary>
    public static IEnumerable<ErpStatusChange> Changes(IEnumerable<Account> accounts, IntegrationSystem system, int monthsInactive,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfNegative(monthsInactive);
        return Stream(accounts, system, monthsInactive, today);
    }

    private static IEnumerable<ErpStatusChange> Stream(IEnumerable<Account> accounts, IntegrationSystem system, int monthsInactive,
        LocalDate today)
    {
        foreach (var account in accounts)
        {
            if (account.MergedInto is not null)
                continue;
            var now = ErpStatus.Of(system, account.Integration, account.LastPurchase, monthsInactive, today);
            if (now.Situation != account.ErpSituation)
                yield return new ErpStatusChange(account.Id, new ErpStatus(system, account.ErpSituation), now);
        }
    }
}
