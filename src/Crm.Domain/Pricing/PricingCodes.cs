namespace Crm.Domain.Pricing;

/// <summary>The stable problem codes of the pricing pipeline.</summary>
public static class PricingCodes
{
    /// <summary>A required matrix has no rule for the line (list price, IPI, ICMS, PIS/COFINS, CBS/IBS, DIFAL when due).</summary>
    public const string NoRule = "pricing.no_rule";

    /// <summary>The product's NCM is missing or malformed.</summary>
    public const string Ncm = "pricing.ncm";

    /// <summary>The quantity is zero or negative, or a discount percentage is outside [0, 100).</summary>
    public const string Input = "pricing.input";

    /// <summary>The net unit price is below the minimum value matrix.</summary>
    public const string BelowMinimum = "pricing.below_minimum";

    /// <summary>The order's merchandise value is below the minimum order value matrix.</summary>
    public const string BelowMinimumOrder = "pricing.below_minimum_order";

    /// <summary>The unit × product matrix has no conversion factor for the unit sold.</summary>
    public const string UnitConversionMissing = "pricing.unit_conversion_missing";

    /// <summary>The quantity is not a multiple of the unit × product matrix's multiple.</summary>
    public const string QuantityMultiple = "pricing.quantity_multiple";

    /// <summary>The customer × payment condition matrix refuses the order's payment condition.</summary>
    public const string PaymentConditionNotAllowed = "pricing.payment_condition_not_allowed";

    /// <summary>The seller's discount is above the role's limit: the line needs approval (a warning).</summary>
    public const string NeedsApproval = "pricing.needs_approval";
}
