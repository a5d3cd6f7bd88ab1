namespace Crm.Domain.Pricing;

/// <summary>A step of the price of a line, in pipeline order.</summary>
public enum PriceStepKind
{
    /// <summary>The catalog list price.</summary>
    ListPrice,

    /// <summary>The customer or table price replacing it.</summary>
    CustomerPrice,

    /// <summary>A promotion's percentage off.</summary>
    Promotion,

    /// <summary>PIS/COFINS repasse: the price grossed up by the contributions, or reduced by them on ZFM/ALC sales.</summary>
    PisCofinsRepasse,

    /// <summary>
    /// ICMS "por dentro": a price table net of ICMS grossed up so that the ICMS (and FCP) the line bears leaves the
    /// net price to the seller: price / (1 − rate) (TAXES.md §1.3; <see cref="PricingSources.IcmsGrossUp"/>).
    /// </summary>
    IcmsGrossUp,

    /// <summary>The discount/surcharge matrix's percentage.</summary>
    DiscountSurcharge,

    /// <summary>The financial surcharge of the payment condition (customer × payment condition matrix).</summary>
    PaymentCondition,

    /// <summary>The discount the seller asked for.</summary>
    SellerDiscount,

    /// <summary>The minimum value check (the price is unchanged).</summary>
    MinimumPrice,

    /// <summary>
    /// A price the seller typed for the line (novo preço): it replaces the list, table and promotion prices and is the invoice
    /// unit price; its percentage is how far it is from the table price (negative below it).
    /// </summary>
    NewPrice,
}

/// <summary>One step of a line's price: the unit price after it, the percentage applied, and the rule that decided it.</summary>
/// <param name="Kind">Which step.</param>
/// <param name="UnitPrice">The unit price after the step, up to 10 decimal places as vUnCom (for <see cref="PriceStepKind.MinimumPrice"/>, the minimum).</param>
/// <param name="Percent">The percentage applied (negative for a discount); 0 for prices.</param>
/// <param name="RuleId">The matrix rule; <c>seller</c> for the seller's own discount.</param>
public readonly record struct PriceStep(PriceStepKind Kind, decimal UnitPrice, decimal Percent, string RuleId)
{
    /// <summary>Which step.</summary>
    public PriceStepKind Kind { get; } = Kind;

    /// <summary>The unit price after the step, up to 10 decimal places as vUnCom (for <see cref="PriceStepKind.MinimumPrice"/>, the minimum).</summary>
    public decimal UnitPrice { get; } = UnitPrice;

    /// <summary>The percentage applied (negative for a discount); 0 for prices.</summary>
    public decimal Percent { get; } = Percent;

    /// <summary>The matrix rule; <c>seller</c> for the seller's own discount.</summary>
    public string RuleId { get; } = RuleId;
}
