using NodaTime;

namespace Crm.Domain.Accounts.ErpLink;

/// <summary>
/// What the ERP said of an integrated account when the pull last read it: its situation, last purchase and credit. Each part
/// is null when the ERP does not expose it (Mega exposes no credit at all), so "unknown" is never
/// read as zero. Amounts are in the currency the ERP keeps the customer in.
/// </summary>
/// <param name="Situation">Active or inactive, as the ERP says.</param>
/// <param name="LastPurchase">The last purchase (Datasul <c>dt-ult-venda</c>).</param>
/// <param name="CreditLimit">The credit limit (Datasul <c>lim-credito</c>, Protheus <c>A1_LC</c>).</param>
/// <param name="CreditLimitExpiresOn">The last day the limit is valid (Datasul <c>dt-lim-cred</c>, Protheus <c>A1_VENCLC</c>).</param>
/// <param name="OpenBalance">What the customer owes on invoices not yet paid (Protheus <c>A1_SALDUP</c>, Datasul <c>CustomerBalance</c>, <c>val-sdo-atual</c>).</param>
/// <param name="ReadAt">When the pull read these values.</param>
public sealed record ErpStanding(ErpSituation? Situation, LocalDate? LastPurchase, decimal? CreditLimit,
    LocalDate? CreditLimitExpiresOn, decimal? OpenBalance, Instant ReadAt)
{
    /// <summary>Active or inactive, as the ERP says; null when not exposed.</summary>
    public ErpSituation? Situation { get; init; } = Situation;

    /// <summary>The last purchase; null when not exposed or none.</summary>
    public LocalDate? LastPurchase { get; init; } = LastPurchase;

    /// <summary>The credit limit; null when not exposed.</summary>
    public decimal? CreditLimit { get; init; } = CreditLimit;

    /// <summary>The last day the limit is valid; null when it does not expire or is not exposed.</summary>
    public LocalDate? CreditLimitExpiresOn { get; init; } = CreditLimitExpiresOn;

    /// <summary>What the customer owes on invoices not yet paid; null when not exposed.</summary>
    public decimal? OpenBalance { get; init; } = OpenBalance;

    /// <summary>When the pull read these values.</summary>
    public Instant ReadAt { get; init; } = ReadAt;

    /// <summary>
    /// True when the ERP blocks the customer's sales (Protheus <c>A1_MSBLQL</c> 1, Datasul credit indicator <c>ind-cre-cli</c>
    /// 3 Só Impede Pedido or 4 Suspenso), whatever credit is left; null when not exposed or not said. Release refuses a blocked
    /// customer.
    /// </summary>
    public bool? Blocked { get; init; }

    /// <summary>True when <paramref name="other"/> says the same, whenever each was read.</summary>
    public bool SaysTheSameAs(ErpStanding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { ReadAt = other.ReadAt } == other;
    }
}
