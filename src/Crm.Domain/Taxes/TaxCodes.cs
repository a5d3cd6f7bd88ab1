namespace Crm.Domain.Taxes;

/// <summary>The stable problem codes of item tax calculation and apportionment.</summary>
public static class TaxCodes
{
    /// <summary>A quantity, price or amount below zero.</summary>
    public const string Negative = "tax.negative";

    /// <summary>A monetary amount with more than 2 decimal places where NF-e needs cents, or a unit price with more than 10.</summary>
    public const string Precision = "tax.precision";

    /// <summary>The unconditional discount is larger than the value it discounts.</summary>
    public const string DiscountExceedsValue = "tax.discount_exceeds_value";

    /// <summary>A rate, reduction or MVA with more than 4 decimal places: NF-e's percentage fields are TDec_0302a04 (pICMS, pRedBC, pMVAST, pIPI, pPIS, pCOFINS, pFCP…).</summary>
    public const string RatePrecision = "tax.rate_precision";

    /// <summary>A rate or reduction outside 0–100 % (or a rate that makes a divisor zero).</summary>
    public const string RateRange = "tax.rate_range";

    /// <summary>IPI parameters with both an ad valorem rate and an amount per unit: the IPI is one or the other.</summary>
    public const string IpiRateAndAmount = "tax.ipi.rate_and_amount";

    /// <summary>A CST or CSOSN that does not exist.</summary>
    public const string Cst = "tax.cst";

    /// <summary>ICMS-ST parameters given for a CST/CSOSN that does not carry ST, or the reverse.</summary>
    public const string StCstMismatch = "tax.icms_st.cst_mismatch";

    /// <summary>An ICMS rate or base reduction that the CST/CSOSN does not allow (a reduction outside CST 20/51/70/90, a rate on an exempt CST).</summary>
    public const string IcmsCstMismatch = "tax.icms.cst_mismatch";

    /// <summary>A parameter set without the id of the rule that produced it, so the breakdown could not explain itself.</summary>
    public const string SourceMissing = "tax.source_missing";

    /// <summary>An amount beyond what an invoice can hold (R$ 10^15).</summary>
    public const string Magnitude = "tax.magnitude";

    /// <summary>A document-level amount cannot be apportioned because every item weighs zero.</summary>
    public const string NoWeight = "tax.apportionment.no_weight";
}
