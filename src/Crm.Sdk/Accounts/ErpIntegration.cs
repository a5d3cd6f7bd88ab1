using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Sdk.Accounts;

/// <summary>Integrating an account under the code its ERP knows it by: the dispatcher's acknowledgment and a recorded standing.</summary>
internal static class ErpIntegration
{
    /// <summary>Integrates <paramref name="account"/> under <paramref name="erpCode"/>; false when it already is (nothing changed).</summary>
    public static bool IntegrateUnder(this Account account, string erpCode, UserId by, IClock clock)
    {
        if (account.Integration.TryPickT1(out var known, out _) && known.ErpCode == erpCode)
            return false;
        account.RecordErpState(new IntegratedWithErp(erpCode, clock.GetCurrentInstant().InUtc().Date), account.LastPurchase, by, clock);
        return true;
    }
}
