using Crm.Domain.Problems;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>
/// A priced line: how its price was built step by step, the values it goes on the invoice with, and its taxes.
/// The invoice unit price (vUnCom, up to 10 decimal places) is the price after list, customer price, promotion,
/// PIS/COFINS repasse and the ICMS "por dentro" gross-up; the
/// discount/surcharge matrix, the payment condition's financial surcharge and the seller's discount become the
/// line's unconditional discount (vDesc) or other expenses (vOutro),
/// as TAXES.md §4 feeds them, so that vProd − vDesc + vOutro is exactly quantity × net unit price rounded to cents.
/// </summary>
public sealed class LinePricing
{
    internal LinePricing(string product, IReadOnlyList<PriceStep> steps, decimal unitPrice, decimal netUnitPrice, TaxBreakdown taxes, IReadOnlyList<Problem> warnings,
        LineCommission commission)
    {
        Commission = commission;
        Product = product;
        Steps = steps;
        UnitPrice = unitPrice;
        NetUnitPrice = netUnitPrice;
        Taxes = taxes;
        Warnings = warnings;
    }

    /// <summary>The product code.</summary>
    public string Product { get; }

    /// <summary>Every step of the price, in order, with the rule that decided it.</summary>
    public IReadOnlyList<PriceStep> Steps { get; }

    /// <summary>vUnCom: the unit price on the invoice, up to 10 decimal places.</summary>
    public decimal UnitPrice { get; }

    /// <summary>The unit price after every discount and surcharge of the line (document amounts excluded).</summary>
    public decimal NetUnitPrice { get; }

    /// <summary>The item's taxes and values, including its share of the document amounts.</summary>
    public TaxBreakdown Taxes { get; }

    /// <summary>Problems that do not stop the sale, such as a discount that needs approval.</summary>
    public IReadOnlyList<Problem> Warnings { get; }

    /// <summary>True when the seller's discount is above the role's limit.</summary>
    public bool NeedsApproval => Warnings.Any(w => w.Code == PricingCodes.NeedsApproval);

    /// <summary>The line total as it enters vNF.</summary>
    public decimal Total => Taxes.ItemTotal;

    /// <summary>The seller's commission on the line; <see cref="LineCommission.None"/> without a commission rule.</summary>
    public LineCommission Commission { get; }
}

/// <summary>
/// A line's commission: <paramref name="Rate"/> % of <paramref name="Base"/>, the net merchandise value vProd − vDesc + vOutro
/// (never the pass-through taxes, TAXES.md §4). The order's commission is its exact total rounded to cents once, and each
/// line's <paramref name="Amount"/> is its share of it (largest remainder), so the lines add up to the order's cent.
/// </summary>
/// <param name="Rate">The commission rate, in %.</param>
/// <param name="Base">vProd − vDesc + vOutro.</param>
/// <param name="Amount">The line's commission, in reais to the cent.</param>
/// <param name="RuleId">The commission matrix rule; null without one.</param>
public readonly record struct LineCommission(decimal Rate, decimal Base, decimal Amount, string? RuleId)
{
    /// <summary>The commission rate, in %.</summary>
    public decimal Rate { get; } = Rate;

    /// <summary>vProd − vDesc + vOutro.</summary>
    public decimal Base { get; } = Base;

    /// <summary>The line's commission, in reais to the cent.</summary>
    public decimal Amount { get; } = Amount;

    /// <summary>The commission matrix rule; null without one.</summary>
    public string? RuleId { get; } = RuleId;

    /// <summary>No commission rule applies.</summary>
    public static LineCommission None => default;
}

/// <summary>The document totals: each is the exact sum of the rounded line values (NT 2013.005).</summary>
/// <param name="Products">Σ vProd.</param>
/// <param name="Discount">Σ vDesc.</param>
/// <param name="Freight">Σ vFrete.</param>
/// <param name="Insurance">Σ vSeg.</param>
/// <param name="OtherExpenses">Σ vOutro.</param>
/// <param name="Ipi">Σ vIPI.</param>
/// <param name="IcmsBase">Σ vBC.</param>
/// <param name="Icms">Σ vICMS.</param>
/// <param name="Fcp">Σ vFCP.</param>
/// <param name="IcmsStBase">Σ vBCST.</param>
/// <param name="IcmsSt">Σ vST.</param>
/// <param name="FcpSt">Σ vFCPST.</param>
/// <param name="Difal">Σ vICMSUFDest.</param>
/// <param name="FcpDestination">Σ vFCPUFDest.</param>
/// <param name="Pis">Σ vPIS.</param>
/// <param name="Cofins">Σ vCOFINS.</param>
/// <param name="IbsCbsBase">Σ vBCIBSCBS.</param>
/// <param name="Cbs">Σ vCBS.</param>
/// <param name="Ibs">Σ vIBS.</param>
/// <param name="Total">vNF = Σ line totals.</param>
public readonly record struct OrderTotals(
    decimal Products, decimal Discount, decimal Freight, decimal Insurance, decimal OtherExpenses, decimal Ipi,
    decimal IcmsBase, decimal Icms, decimal Fcp, decimal IcmsStBase, decimal IcmsSt, decimal FcpSt, decimal Difal, decimal FcpDestination,
    decimal Pis, decimal Cofins, decimal IbsCbsBase, decimal Cbs, decimal Ibs, decimal Total)
{
    /// <summary>Σ vProd.</summary>
    public decimal Products { get; } = Products;

    /// <summary>Σ vDesc.</summary>
    public decimal Discount { get; } = Discount;

    /// <summary>Σ vFrete.</summary>
    public decimal Freight { get; } = Freight;

    /// <summary>Σ vSeg.</summary>
    public decimal Insurance { get; } = Insurance;

    /// <summary>Σ vOutro.</summary>
    public decimal OtherExpenses { get; } = OtherExpenses;

    /// <summary>Σ vIPI.</summary>
    public decimal Ipi { get; } = Ipi;

    /// <summary>Σ vBC.</summary>
    public decimal IcmsBase { get; } = IcmsBase;

    /// <summary>Σ vICMS.</summary>
    public decimal Icms { get; } = Icms;

    /// <summary>Σ vFCP.</summary>
    public decimal Fcp { get; } = Fcp;

    /// <summary>Σ vBCST.</summary>
    public decimal IcmsStBase { get; } = IcmsStBase;

    /// <summary>Σ vST.</summary>
    public decimal IcmsSt { get; } = IcmsSt;

    /// <summary>Σ vFCPST.</summary>
    public decimal FcpSt { get; } = FcpSt;

    /// <summary>Σ vICMSUFDest.</summary>
    public decimal Difal { get; } = Difal;

    /// <summary>Σ vFCPUFDest.</summary>
    public decimal FcpDestination { get; } = FcpDestination;

    /// <summary>Σ vPIS.</summary>
    public decimal Pis { get; } = Pis;

    /// <summary>Σ vCOFINS.</summary>
    public decimal Cofins { get; } = Cofins;

    /// <summary>Σ vBCIBSCBS.</summary>
    public decimal IbsCbsBase { get; } = IbsCbsBase;

    /// <summary>Σ vCBS.</summary>
    public decimal Cbs { get; } = Cbs;

    /// <summary>Σ vIBS.</summary>
    public decimal Ibs { get; } = Ibs;

    /// <summary>vNF = Σ line totals.</summary>
    public decimal Total { get; } = Total;

    /// <summary>
    /// The totals of a document whose items' taxes were computed one by one (<see cref="ItemTaxCalculator"/>), without the
    /// <see cref="Pricer"/>: each total is the sum of the items' rounded fields, as NF-e demands (W02 ICMSTot, W34 IBSCBSTot).
    /// </summary>
    /// <param name="items">The items' breakdowns, in any order.</param>
    public static OrderTotals Sum(IEnumerable<TaxBreakdown> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var totals = default(OrderTotals);
        foreach (var item in items)
            totals = totals.Add(item ?? throw new ArgumentException("An item's breakdown is null.", nameof(items)));
        return totals;
    }

    internal OrderTotals Add(TaxBreakdown breakdown)
    {
        ref readonly var t = ref breakdown.Values;
        return new(
            Products + t.Product, Discount + t.Discount, Freight + t.Freight, Insurance + t.Insurance, OtherExpenses + t.OtherExpenses,
            Ipi + t.Ipi, IcmsBase + t.IcmsBase, Icms + t.Icms, Fcp + t.Fcp, IcmsStBase + t.StBase,
            IcmsSt + t.IcmsSt, FcpSt + t.FcpSt, Difal + t.Difal, FcpDestination + t.FcpDestination,
            Pis + t.Pis, Cofins + t.Cofins, IbsCbsBase + t.IbsCbsBase, Cbs + t.Cbs, Ibs + breakdown.Ibs, Total + t.ItemTotal);
    }
}

/// <summary>A priced order: its lines and totals.</summary>
public sealed class OrderPricing
{
    internal OrderPricing(IReadOnlyList<LinePricing> lines, OrderTotals totals, string? freightRuleId)
    {
        Lines = lines;
        Totals = totals;
        FreightRuleId = freightRuleId;
    }

    /// <summary>The freight matrix rule that set the freight; null when the order gave it or no rule applied.</summary>
    public string? FreightRuleId { get; }

    /// <summary>The priced lines, in request order.</summary>
    public IReadOnlyList<LinePricing> Lines { get; }

    /// <summary>The document totals.</summary>
    public OrderTotals Totals { get; }

    /// <summary>The order's commission: the exact sum of the lines' rates × bases rounded to cents, which the lines' amounts add up to.</summary>
    public decimal Commission => Lines.Sum(l => l.Commission.Amount);

    /// <summary>True when any line needs approval.</summary>
    public bool NeedsApproval => Lines.Any(l => l.NeedsApproval);
}
