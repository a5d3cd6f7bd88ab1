using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Http;

/// <summary>The parts of an account's ERP state an ERP may or may not expose.</summary>
[Flags]
public enum ErpStateFields
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Whether the ERP blocks the customer (<see cref="ErpAccountState.Blocked"/>).</summary>
    Blocked = 1,

    /// <summary>The last purchase (<see cref="ErpAccountState.LastPurchase"/>).</summary>
    LastPurchase = 2,

    /// <summary>The credit limit and its due date (<see cref="ErpAccountState.CreditLimit"/>).</summary>
    CreditLimit = 4,

    /// <summary>What the customer owes (<see cref="ErpAccountState.OpenBalance"/>).</summary>
    OpenBalance = 8,

    /// <summary>The credit left (<see cref="ErpAccountState.AvailableCredit"/>).</summary>
    AvailableCredit = 16,
}

/// <summary>
/// What the pull reads of one integrated account in its ERP: its code and situation always; whether it is blocked, its last
/// purchase and its credit where the ERP exposes them. <see cref="NotExposed"/> names what this ERP's contract does not carry
/// (those values are always null), so a caller can tell "not exposed" from "none".
/// </summary>
public sealed record ErpAccountState
{
    /// <summary>The customer's code in the ERP.</summary>
    public required string ErpCode { get; init; }

    /// <summary>Ativo ERP or Inativo ERP.</summary>
    public required ErpSituation Situation { get; init; }

    /// <summary>What this ERP does not expose; the matching values are null.</summary>
    public required ErpStateFields NotExposed { get; init; }

    /// <summary>
    /// True when the ERP blocks the customer's sales (Protheus <c>A1_MSBLQL</c> 1, Datasul credit indicator <c>ind-cre-cli</c>
    /// 3 Só Impede Pedido or 4 Suspenso), false when it says they are free, null when it did not say.
    /// </summary>
    public bool? Blocked { get; init; }

    /// <summary>The last purchase (Datasul <c>dt-ult-venda</c>).</summary>
    public LocalDate? LastPurchase { get; init; }

    /// <summary>The credit limit, in the limit's currency (Datasul <c>lim-credito</c>, Protheus <c>A1_LC</c>).</summary>
    public decimal? CreditLimit { get; init; }

    /// <summary>When the credit limit expires (Datasul <c>dt-lim-cred</c>, Protheus <c>A1_VENCLC</c>).</summary>
    public LocalDate? CreditLimitDueDate { get; init; }

    /// <summary>What the customer owes on invoices not yet paid (Protheus <c>A1_SALDUP</c>).</summary>
    public decimal? OpenBalance { get; init; }

    /// <summary>The credit left to buy with (Protheus <c>A1_LC − A1_SALDUPM − A1_SALPEDL</c>).</summary>
    public decimal? AvailableCredit { get; init; }

    /// <summary>The state the adapter contract carries (<see cref="ErpCustomerState"/>).</summary>
    public ErpCustomerState ToCustomerState() => new(ErpCode, Situation, LastPurchase);

    /// <summary>
    /// What the account stores of this read (<see cref="Domain.Accounts.Account.RecordErpStanding"/>, with <see cref="ErpCode"/>):
    /// the situation, last purchase, credit limit and its due date, open balance and whether the ERP blocks the customer's
    /// sales (<see cref="ErpStanding.Blocked"/>), each left null when this ERP does not expose it (<see cref="NotExposed"/>)
    /// or did not say, never zero or false. <paramref name="readAt"/> is when the pull read it. <see cref="AvailableCredit"/>
    /// has no place in <see cref="ErpStanding"/>: the credit left is what <c>CreditPosition.From(standing, openOrders)</c>
    /// computes from the limit and the open balance.
    /// </summary>
    public ErpStanding ToStanding(Instant readAt) => new(
        Situation,
        Exposed(ErpStateFields.LastPurchase, LastPurchase),
        Exposed(ErpStateFields.CreditLimit, CreditLimit),
        Exposed(ErpStateFields.CreditLimit, CreditLimitDueDate),
        Exposed(ErpStateFields.OpenBalance, OpenBalance),
        readAt)
    {
        Blocked = Exposed(ErpStateFields.Blocked, Blocked),
    };

    private T? Exposed<T>(ErpStateFields field, T? value) where T : struct => NotExposed.HasFlag(field) ? null : value;
}
