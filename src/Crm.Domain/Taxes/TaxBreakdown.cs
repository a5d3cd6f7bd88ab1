using Crm.Domain.Matrices.Tax;

namespace Crm.Domain.Taxes;

/// <summary>
/// The explainable result of an item's taxes: the values the bases were built from, each tax's base,
/// rate, reduction, value and rule id, and the item total (vItem / the item's share of vNF).
/// </summary>
public sealed class TaxBreakdown
{
    internal TaxBreakdown() { }

    /// <summary>vProd = quantity × unit price, rounded.</summary>
    public decimal Product { get; internal init; }

    /// <summary>vFrete.</summary>
    public decimal Freight { get; internal init; }

    /// <summary>vSeg.</summary>
    public decimal Insurance { get; internal init; }

    /// <summary>vOutro.</summary>
    public decimal OtherExpenses { get; internal init; }

    /// <summary>vDesc, the unconditional discount.</summary>
    public decimal Discount { get; internal init; }

    /// <summary>The value of the operation: vProd + vFrete + vSeg + vOutro − vDesc.</summary>
    public decimal OperationValue { get; internal init; }

    /// <summary>IPI.</summary>
    public TaxLine Ipi { get; internal init; }

    /// <summary>The IPI CST.</summary>
    public string IpiCst { get; internal init; } = "";

    /// <summary>Whether the IPI value was added to the ICMS base (sales to final consumers and non-contributors).</summary>
    public bool IpiInIcmsBase { get; internal init; }

    /// <summary>The CST or CSOSN of the ICMS.</summary>
    public string IcmsCst { get; internal init; } = "";

    /// <summary>Own ICMS (<see cref="TaxLine.Reduction"/> is pRedBC).</summary>
    public TaxLine Icms { get; internal init; }

    /// <summary>FCP on the ICMS base.</summary>
    public TaxLine Fcp { get; internal init; }

    /// <summary>The MVA applied to the ST base, in % (adjusted when the rule asks for it, 4 places).</summary>
    public decimal StMva { get; internal init; }

    /// <summary>
    /// The own ICMS deducted from the ST: <see cref="Icms"/>'s value, or, for CST 30 and CSOSN 201–203 (own operation
    /// not taxed on the invoice), the ICMS the own operation would bear at its rate.
    /// </summary>
    public decimal StOwnIcms { get; internal init; }

    /// <summary>ICMS-ST: the ST rate on the ST base minus <see cref="StOwnIcms"/>, never below zero.</summary>
    public TaxLine IcmsSt { get; internal init; }

    /// <summary>FCP-ST: the FCP-ST rate on the ST base minus the own FCP, never below zero.</summary>
    public TaxLine FcpSt { get; internal init; }

    /// <summary>The DIFAL method used, when DIFAL applies.</summary>
    public DifalMethod? DifalMethod { get; internal init; }

    /// <summary>vICMSUFDest: the destination rate on the DIFAL base minus the own ICMS (100 % to the destination since 2019).</summary>
    public TaxLine Difal { get; internal init; }

    /// <summary>vFCPUFDest: the destination FCP on the DIFAL base.</summary>
    public TaxLine FcpDestination { get; internal init; }

    /// <summary>The PIS/COFINS CST.</summary>
    public string PisCofinsCst { get; internal init; } = "";

    /// <summary>PIS.</summary>
    public TaxLine Pis { get; internal init; }

    /// <summary>COFINS.</summary>
    public TaxLine Cofins { get; internal init; }

    /// <summary>The IBS/CBS CST (UB13).</summary>
    public string IbsCbsCst { get; internal init; } = "";

    /// <summary>The IBS/CBS cClassTrib (UB14).</summary>
    public string IbsCbsClassTrib { get; internal init; } = "";

    /// <summary>CBS (rate is pAliqEfet).</summary>
    public TaxLine Cbs { get; internal init; }

    /// <summary>IBS of the state (rate is pAliqEfet).</summary>
    public TaxLine IbsUf { get; internal init; }

    /// <summary>IBS of the municipality (rate is pAliqEfet).</summary>
    public TaxLine IbsMun { get; internal init; }

    /// <summary>vIBS = vIBSUF + vIBSMun.</summary>
    public decimal Ibs => IbsUf.Value + IbsMun.Value;

    /// <summary>Whether CBS and IBS are part of <see cref="ItemTotal"/> (not in 2026).</summary>
    public bool IbsCbsInTotal { get; internal init; }

    /// <summary>
    /// The item's total as it enters vNF (TAXES.md §1.8): vProd − vDesc + vICMSST + vFCPST + vFrete + vSeg + vOutro + vIPI,
    /// plus vIBS + vCBS when <see cref="IbsCbsInTotal"/>.
    /// </summary>
    public decimal ItemTotal { get; internal init; }
}
