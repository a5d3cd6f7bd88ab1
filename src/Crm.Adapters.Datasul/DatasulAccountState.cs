using System.Globalization;
using Crm.Adapters.Http;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration.Mapping;
using NodaTime;

namespace Crm.Adapters.Datasul;

/// <summary>
/// What an EMS customer (<c>customerPublic</c>, ERP.md §1.2) says of the account for the pull. <c>customerPublic</c> carries
/// the last sale (<c>dt-ult-venda</c>), the credit indicator (<c>ind-cre-cli</c>) and the credit limit (<c>lim-credito</c>,
/// <c>dt-lim-cred</c>) and the open balance (<c>CustomerBalance</c>, <c>val-sdo-atual</c>), but not the credit left: that is
/// <see cref="ErpAccountState.NotExposed"/>.
/// </summary>
public static class DatasulAccountState
{
    /// <summary><c>ind-cre-cli</c> 3 Só Impede Pedido: EMS takes no new order from the customer.</summary>
    public const int OrdersOnly = 3;

    /// <summary><c>ind-cre-cli</c> 4 Suspenso: the customer's credit is suspended.</summary>
    public const int Suspended = 4;

    /// <summary>
    /// The state in <paramref name="payload"/>, null without <c>cod-emitente</c>: active until the months since the last sale (or
    /// the implantation) exceed <c>nr-mesina</c> (<see cref="ErpStatus.Of"/>, as CRM1003); blocked when <c>ind-cre-cli</c>
    /// (<c>CustomerPublic_1_000.json</c> <c>Credit</c>: 1 Normal, 2 Automático, 3 Só Impede Pedido, 4 Suspenso, 5 Pagamento à
    /// Vista; ERP.md §1.2) is 3 or 4, the two that stop a new order (our reading of "Só Impede Pedido"), free for 1, 2 and 5,
    /// unknown (null) when absent or outside the enum.
    /// </summary>
    public static ErpAccountState? Of(DatasulCustomer payload, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.CustomerCode is not { } code)
            return null;
        var erpCode = code.ToString(CultureInfo.InvariantCulture);
        var lastSale = PayloadText.ParseIso(payload.LastSale);
        var implanted = PayloadText.ParseIso(payload.ImplementationDate) ?? lastSale ?? today;
        var situation = payload.MonthsInactive is { } months and >= 0
            ? ErpStatus.Of(IntegrationSystem.Erp, new IntegratedWithErp(erpCode, implanted), lastSale, months, today).Situation
            : ErpSituation.Active;
        return new ErpAccountState
        {
            ErpCode = erpCode,
            Situation = situation,
            NotExposed = ErpStateFields.AvailableCredit,
            Blocked = payload.Credit switch
            {
                OrdersOnly or Suspended => true,
                1 or 2 or 5 => false,
                _ => null,
            },
            LastPurchase = lastSale,
            CreditLimit = payload.CreditLimit,
            CreditLimitDueDate = PayloadText.ParseIso(payload.CreditLimitDate),
            OpenBalance = payload.CustomerBalance,
        };
    }
}
