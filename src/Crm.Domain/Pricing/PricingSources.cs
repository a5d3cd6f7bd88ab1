using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>
/// The matrices a line is priced against. Required sources must resolve for every line (or the line has a
/// <see cref="PricingCodes.NoRule"/> problem); optional ones are simply skipped when absent or when no rule applies.
/// </summary>
public sealed record PricingSources
{
    /// <summary>The list price per unit (catalog); required.</summary>
    public required IResolver<decimal> ListPrice { get; init; }

    /// <summary>A customer or table price per unit that replaces the list price.</summary>
    public IResolver<decimal>? CustomerPrice { get; init; }

    /// <summary>A promotion: percentage off the price.</summary>
    public IResolver<decimal>? Promotion { get; init; }

    /// <summary>The PIS/COFINS repasse matrix: gross-up of the price, or the ZFM/ALC reduction.</summary>
    public IResolver<PisCofinsRepasseRule>? PisCofinsRepasse { get; init; }

    /// <summary>The customer × payment condition matrix: whether the condition is allowed, and its financial surcharge.</summary>
    public IResolver<CustomerPaymentConditionRule>? PaymentCondition { get; init; }

    /// <summary>The unit × product matrix: a line in a unit without a rule, or in a quantity that is not the rule's multiple, is refused.</summary>
    public IResolver<UnitConversionRule>? UnitConversion { get; init; }

    /// <summary>The discount/surcharge matrix: a percentage, positive for a surcharge, negative for a discount.</summary>
    public IResolver<decimal>? DiscountSurcharge { get; init; }

    /// <summary>The minimum value matrix: the lowest net unit price allowed.</summary>
    public IResolver<decimal>? MinimumPrice { get; init; }

    /// <summary>The minimum order value, resolved on the order header: the merchandise value (after line discounts and surcharges) may not be lower.</summary>
    public IResolver<decimal>? MinimumOrderValue { get; init; }

    /// <summary>The freight matrix, resolved on the order header, used when the order does not give its freight.</summary>
    public IResolver<FreightRule>? Freight { get; init; }

    /// <summary>The approval (alçada) matrix, keyed by role: the largest discount, in %, the seller may give without approval. Without a rule, any discount needs approval.</summary>
    public IResolver<decimal>? MaximumDiscount { get; init; }

    /// <summary>The commission matrix: the seller's commission in % of the line's net merchandise value (vProd − vDesc + vOutro).</summary>
    public IResolver<decimal>? Commission { get; init; }

    /// <summary>The negotiation matrix: the scenario an item is sold in (its price table, largest discount and minimum contribution margin).</summary>
    public IResolver<NegotiationRule>? Negotiation { get; init; }

    /// <summary>IPI; required.</summary>
    public required IResolver<IpiParameters> Ipi { get; init; }

    /// <summary>Own ICMS and FCP; required.</summary>
    public required IResolver<IcmsParameters> Icms { get; init; }

    /// <summary>ICMS-ST: a rule exists only for products under substitution.</summary>
    public IResolver<IcmsStParameters>? IcmsSt { get; init; }

    /// <summary>DIFAL; required when the seller owes it (interstate sale to a non-contributor final consumer).</summary>
    public IResolver<DifalParameters>? Difal { get; init; }

    /// <summary>PIS/COFINS; required.</summary>
    public required IResolver<PisCofinsParameters> PisCofins { get; init; }

    /// <summary>CBS/IBS; required.</summary>
    public required IResolver<IbsCbsParameters> IbsCbs { get; init; }

    /// <summary>
    /// The price tables are net of ICMS: each line's price is grossed up "por dentro" by the ICMS and FCP its own value
    /// will bear, price / (1 − (pICMS + pFCP) × (1 − pRedBC)) (TAXES.md §1.3), so that the seller keeps the table price
    /// once they are paid. Off by default (prices include ICMS, as the ERPs' tables usually do).
    /// </summary>
    public bool IcmsGrossUp { get; init; }

    /// <summary>Which line takes the cents left over when a document amount is apportioned (<see cref="Apportionment"/>).</summary>
    public ApportionmentResidual ApportionmentResidual { get; init; }

    /// <summary>The ERP's rounding profile.</summary>
    public RoundingProfile Rounding { get; init; }
}
