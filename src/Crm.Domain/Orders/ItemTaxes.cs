using Crm.Domain.Taxes;

namespace Crm.Domain.Orders;

/// <summary>
/// An item's taxes from its last pricing, kept with the order so that the ERP order carries them per item (Protheus
/// <c>ListOfTaxesItem</c> of the EAI <c>Order</c>, Datasul <c>val-ipi</c>/<c>aliquota-ipi</c>) without pricing again.
/// Each line is the NF-e's base, rate and value; a tax that does not apply is <see cref="TaxLine.None"/>.
/// </summary>
public sealed record ItemTaxes
{
    /// <summary>The ICMS CST (or CSOSN).</summary>
    public required string IcmsCst { get; init; }

    /// <summary>ICMS (vBC, pICMS, vICMS).</summary>
    public required TaxLine Icms { get; init; }

    /// <summary>FCP on the ICMS base.</summary>
    public required TaxLine Fcp { get; init; }

    /// <summary>ICMS-ST (vBCST, pICMSST, vICMSST).</summary>
    public required TaxLine IcmsSt { get; init; }

    /// <summary>FCP-ST.</summary>
    public required TaxLine FcpSt { get; init; }

    /// <summary>DIFAL to the destination state (vICMSUFDest).</summary>
    public required TaxLine Difal { get; init; }

    /// <summary>The IPI CST.</summary>
    public required string IpiCst { get; init; }

    /// <summary>IPI (vBC, pIPI, vIPI; for a per-unit IPI the base is the quantity and the rate the amount per unit).</summary>
    public required TaxLine Ipi { get; init; }

    /// <summary>The PIS/COFINS CST.</summary>
    public required string PisCofinsCst { get; init; }

    /// <summary>PIS.</summary>
    public required TaxLine Pis { get; init; }

    /// <summary>COFINS.</summary>
    public required TaxLine Cofins { get; init; }

    /// <summary>CBS (reforma tributária, LC 214/2025).</summary>
    public required TaxLine Cbs { get; init; }

    /// <summary>IBS of the state.</summary>
    public required TaxLine IbsUf { get; init; }

    /// <summary>IBS of the municipality.</summary>
    public required TaxLine IbsMun { get; init; }

    /// <summary>The item's taxes from its <paramref name="breakdown"/>.</summary>
    public static ItemTaxes From(TaxBreakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        return new ItemTaxes
        {
            IcmsCst = breakdown.IcmsCst,
            Icms = breakdown.Icms,
            Fcp = breakdown.Fcp,
            IcmsSt = breakdown.IcmsSt,
            FcpSt = breakdown.FcpSt,
            Difal = breakdown.Difal,
            IpiCst = breakdown.IpiCst,
            Ipi = breakdown.Ipi,
            PisCofinsCst = breakdown.PisCofinsCst,
            Pis = breakdown.Pis,
            Cofins = breakdown.Cofins,
            Cbs = breakdown.Cbs,
            IbsUf = breakdown.IbsUf,
            IbsMun = breakdown.IbsMun,
        };
    }
}
