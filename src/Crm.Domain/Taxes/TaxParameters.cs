using System.Diagnostics.CodeAnalysis;
using Crm.Domain.Matrices.Tax;

namespace Crm.Domain.Taxes;

/// <summary>indIEDest: how the recipient stands towards ICMS.</summary>
public enum IeIndicator
{
    /// <summary>1 — ICMS contributor with an IE.</summary>
    Contributor = 1,

    /// <summary>2 — contributor exempt from IE registration.</summary>
    Exempt = 2,

    /// <summary>9 — not an ICMS contributor.</summary>
    NonContributor = 9,
}

/// <summary>The recipient of the operation, as the taxes see it.</summary>
/// <param name="IeIndicator">indIEDest.</param>
/// <param name="FinalConsumer">indFinal = 1: the goods are for the buyer's own use, consumption or fixed assets.</param>
/// <param name="Interstate">idDest = 2: origin and destination UFs differ.</param>
public readonly record struct Recipient(IeIndicator IeIndicator, bool FinalConsumer, bool Interstate)
{
    /// <summary>indIEDest.</summary>
    public IeIndicator IeIndicator { get; } = IeIndicator;

    /// <summary>indFinal = 1: the goods are for the buyer's own use, consumption or fixed assets.</summary>
    public bool FinalConsumer { get; } = FinalConsumer;

    /// <summary>idDest = 2: origin and destination UFs differ.</summary>
    public bool Interstate { get; } = Interstate;

    /// <summary>
    /// IPI enters the ICMS base unless the sale is between contributors for resale or industrialization
    /// (CF art. 155 §2 XI; coded by OCA as <c>ind_ie_dest in (2, 9) or ind_final</c>).
    /// </summary>
    public bool IpiInIcmsBase => IeIndicator != IeIndicator.Contributor || FinalConsumer;

    /// <summary>DIFAL is due by the seller: an interstate sale to a non-contributor final consumer (EC 87/2015).</summary>
    public bool SellerOwesDifal => Interstate && FinalConsumer && IeIndicator == IeIndicator.NonContributor;
}

/// <summary>IPI as resolved by the IPI matrix.</summary>
/// <param name="Rate">pIPI, ad valorem, in %.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="AmountPerUnit">vUnid for specific (per-unit) IPI; when above zero it replaces the rate: vIPI = quantity × vUnid.</param>
/// <param name="FreightInBase">RIPI art. 190 §1 puts freight in the base (default); a company with a court order excludes it.</param>
/// <param name="Cst">The IPI CST (50 taxed, 52 exempt…), echoed on the breakdown.</param>
/// <param name="TaxableUnitsPerUnit">
/// For IPI pauta when the taxable unit (uTrib) is not the unit sold (uCom): taxable units in one unit sold (qTrib / qCom,
/// e.g. 12 for a box of 12 taxed per unit), so that vIPI = quantity × this × vUnid. Zero or one: the same unit. A fact of
/// the item, which carries it (<see cref="TaxItem.TaxableUnitsPerUnit"/>, used when set); kept here for existing callers.
/// </param>
public readonly record struct IpiParameters(
    decimal Rate, string Source, decimal AmountPerUnit = 0m, bool FreightInBase = true, string Cst = "", decimal TaxableUnitsPerUnit = 0m)
{
    /// <summary>pIPI, ad valorem, in %.</summary>
    public decimal Rate { get; } = Rate;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>vUnid for specific (per-unit) IPI; when above zero it replaces the rate: vIPI = quantity × vUnid.</summary>
    public decimal AmountPerUnit { get; } = AmountPerUnit;

    /// <summary>RIPI art. 190 §1 puts freight in the base (default); a company with a court order excludes it.</summary>
    public bool FreightInBase { get; } = FreightInBase;

    /// <summary>The IPI CST (50 taxed, 52 exempt…), echoed on the breakdown.</summary>
    public string Cst { get; } = Cst;

    /// <summary>
    /// For IPI pauta when the taxable unit (uTrib) is not the unit sold (uCom): taxable units in one unit sold (qTrib / qCom,
    /// e.g. 12 for a box of 12 taxed per unit), so that vIPI = quantity × this × vUnid. Zero or one: the same unit. A fact of
    /// the item, which carries it (<see cref="TaxItem.TaxableUnitsPerUnit"/>, used when set); kept here for existing callers.
    /// </summary>
    public decimal TaxableUnitsPerUnit { get; } = TaxableUnitsPerUnit;

    /// <summary>
    /// Specific IPI ("pauta"): a known amount per unit sold, vIPI = qUnid × vUnid (NF-e group IPITrib, fields O11/O12),
    /// whatever the price; the breakdown's IPI line shows the quantity as its base and the amount as its rate.
    /// </summary>
    /// <param name="amountPerUnit">vUnid, in reais per unit (up to 4 decimal places, as O12).</param>
    /// <param name="source">Id of the rule that produced these parameters.</param>
    /// <param name="cst">The IPI CST; 50 (taxed) unless the rule says otherwise.</param>
    public static IpiParameters PerUnit(decimal amountPerUnit, string source, string cst = "50") =>
        new(0m, source, amountPerUnit, Cst: cst);
}

/// <summary>Own ICMS as resolved by the ICMS matrix.</summary>
/// <param name="Cst">CST (2 digits) or CSOSN (3 digits); echoed on the breakdown and checked against the other parameters.</param>
/// <param name="Rate">pICMS in %, without FCP.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="BaseReduction">pRedBC in % (CST 20/51/70/90).</param>
/// <param name="FcpRate">pFCP in %, the poverty fund on top of the ICMS rate.</param>
public readonly record struct IcmsParameters(string Cst, decimal Rate, string Source, decimal BaseReduction = 0m, decimal FcpRate = 0m)
{
    /// <summary>CST (2 digits) or CSOSN (3 digits); echoed on the breakdown and checked against the other parameters.</summary>
    public string Cst { get; } = Cst;

    /// <summary>pICMS in %, without FCP.</summary>
    public decimal Rate { get; } = Rate;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>pRedBC in % (CST 20/51/70/90).</summary>
    public decimal BaseReduction { get; } = BaseReduction;

    /// <summary>pFCP in %, the poverty fund on top of the ICMS rate.</summary>
    public decimal FcpRate { get; } = FcpRate;

    /// <summary>1 − pRedBC, computed once with the rates rather than for every item.</summary>
    internal decimal BaseFactor { get; } = ItemTaxCalculator.Factor(-BaseReduction);
}

/// <summary>ICMS-ST as resolved by the ST matrix.</summary>
/// <param name="Mva">The original MVA in %.</param>
/// <param name="Rate">pICMSST: the destination's internal rate in %, without FCP.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="AdjustMva">Apply the adjusted-MVA formula of Conv. ICMS 104/2008 (interstate, when the agreement requires it).</param>
/// <param name="BaseReduction">pRedBCST in %.</param>
/// <param name="Mode">How the base is set.</param>
/// <param name="Pauta">Value per unit for <see cref="StBase.Pauta"/> and <see cref="StBase.GreaterOfMvaAndPauta"/>.</param>
/// <param name="FcpRate">pFCPST in %.</param>
public readonly record struct IcmsStParameters(
    decimal Mva, decimal Rate, string Source,
    bool AdjustMva = false, decimal BaseReduction = 0m, StBase Mode = StBase.Mva, decimal Pauta = 0m, decimal FcpRate = 0m)
{
    /// <summary>The original MVA in %.</summary>
    public decimal Mva { get; } = Mva;

    /// <summary>pICMSST: the destination's internal rate in %, without FCP.</summary>
    public decimal Rate { get; } = Rate;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>Apply the adjusted-MVA formula of Conv. ICMS 104/2008 (interstate, when the agreement requires it).</summary>
    public bool AdjustMva { get; } = AdjustMva;

    /// <summary>pRedBCST in %.</summary>
    public decimal BaseReduction { get; } = BaseReduction;

    /// <summary>How the base is set.</summary>
    public StBase Mode { get; } = Mode;

    /// <summary>Value per unit for <see cref="StBase.Pauta"/> and <see cref="StBase.GreaterOfMvaAndPauta"/>.</summary>
    public decimal Pauta { get; } = Pauta;

    /// <summary>pFCPST in %.</summary>
    public decimal FcpRate { get; } = FcpRate;

    /// <summary>1 + MVA (the original one), computed once with the rates rather than for every item.</summary>
    internal decimal MvaFactor { get; } = ItemTaxCalculator.Factor(Mva);

    /// <summary>1 − pRedBCST, computed once with the rates.</summary>
    internal decimal BaseFactor { get; } = ItemTaxCalculator.Factor(-BaseReduction);
}

/// <summary>DIFAL (group ICMSUFDest) as resolved by the DIFAL matrix; used only when <see cref="Recipient.SellerOwesDifal"/>.</summary>
/// <param name="DestinationRate">pICMSUFDest in %, without FCP.</param>
/// <param name="Method">Single or double base.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="DestinationFcpRate">pFCPUFDest in %.</param>
public readonly record struct DifalParameters(decimal DestinationRate, DifalMethod Method, string Source, decimal DestinationFcpRate = 0m)
{
    /// <summary>pICMSUFDest in %, without FCP.</summary>
    public decimal DestinationRate { get; } = DestinationRate;

    /// <summary>Single or double base.</summary>
    public DifalMethod Method { get; } = Method;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>pFCPUFDest in %.</summary>
    public decimal DestinationFcpRate { get; } = DestinationFcpRate;

    /// <summary>
    /// The double base's divisor, 1 − the destination rate (plus FCP for <see cref="DifalMethod.DoubleBaseIncludingFcp"/>),
    /// computed once with the rates.
    /// </summary>
    internal decimal DoubleBaseDivisor { get; } = ItemTaxCalculator.Factor(
        -(Method == DifalMethod.DoubleBaseIncludingFcp ? DestinationRate + DestinationFcpRate : DestinationRate));
}

/// <summary>PIS and COFINS as resolved by the PIS/COFINS matrix.</summary>
/// <param name="Regime">Cumulative or non-cumulative.</param>
/// <param name="PisRate">pPIS in %.</param>
/// <param name="CofinsRate">pCOFINS in %.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="ExcludeIcms">Remove the ICMS shown on the invoice from the base (STF RE 574.706, Tema 69).</param>
/// <param name="ExcludeFcp">Remove FCP from the base too: a separate legal decision of each company.</param>
/// <param name="Cst">The PIS/COFINS CST (01 taxed at the basic rate…), echoed on the breakdown.</param>
public readonly record struct PisCofinsParameters(
    PisCofinsRegime Regime, decimal PisRate, decimal CofinsRate, string Source, bool ExcludeIcms = false, bool ExcludeFcp = false, string Cst = "")
{
    /// <summary>Cumulative or non-cumulative.</summary>
    public PisCofinsRegime Regime { get; } = Regime;

    /// <summary>pPIS in %.</summary>
    public decimal PisRate { get; } = PisRate;

    /// <summary>pCOFINS in %.</summary>
    public decimal CofinsRate { get; } = CofinsRate;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>Remove the ICMS shown on the invoice from the base (STF RE 574.706, Tema 69).</summary>
    public bool ExcludeIcms { get; } = ExcludeIcms;

    /// <summary>Remove FCP from the base too: a separate legal decision of each company.</summary>
    public bool ExcludeFcp { get; } = ExcludeFcp;

    /// <summary>The PIS/COFINS CST (01 taxed at the basic rate…), echoed on the breakdown.</summary>
    public string Cst { get; } = Cst;

    /// <summary>Lucro Presumido: PIS 0.65 %, COFINS 3.00 % (Lei 9.718/98; OCA data <c>tax_pis_0_65</c>, <c>tax_cofins_3</c>).</summary>
    public static PisCofinsParameters Cumulative(string source, bool excludeIcms = false) =>
        new(PisCofinsRegime.Cumulative, 0.65m, 3.00m, source, excludeIcms);

    /// <summary>Lucro Real: PIS 1.65 %, COFINS 7.60 % (Leis 10.637/2002 and 10.833/2003).</summary>
    public static PisCofinsParameters NonCumulative(string source, bool excludeIcms = false) =>
        new(PisCofinsRegime.NonCumulative, 1.65m, 7.60m, source, excludeIcms);
}

/// <summary>CBS and IBS (LC 214/2025) as resolved by the CBS/IBS matrix.</summary>
/// <param name="CbsRate">pCBS in %.</param>
/// <param name="IbsUfRate">pIBSUF in %.</param>
/// <param name="IbsMunRate">pIBSMun in %.</param>
/// <param name="Source">Id of the rule that produced these parameters.</param>
/// <param name="CbsReduction">pRedAliq of CBS in % (group gCBS/gRed): pAliqEfet = pCBS × (1 − pRedAliq).</param>
/// <param name="IbsUfReduction">pRedAliq of IBS-UF in % (group gIBSUF/gRed).</param>
/// <param name="IbsMunReduction">pRedAliq of IBS-Mun in % (group gIBSMun/gRed): NT 2025.002 gives each group its own reduction.</param>
/// <param name="AddsToItemTotal">False in 2026: "Em 2026 não somar vIBSUF, vIBSMun, vCBS" (NT 2025.002 VB01-10).</param>
/// <param name="Cst">CST of IBS/CBS (UB13), echoed on the breakdown.</param>
/// <param name="ClassTrib">cClassTrib (UB14), echoed on the breakdown.</param>
public readonly record struct IbsCbsParameters(
    decimal CbsRate, decimal IbsUfRate, decimal IbsMunRate, string Source,
    decimal CbsReduction = 0m, decimal IbsUfReduction = 0m, decimal IbsMunReduction = 0m,
    bool AddsToItemTotal = false, string Cst = "", string ClassTrib = "")
{
    /// <summary>pCBS in %.</summary>
    public decimal CbsRate { get; } = CbsRate;

    /// <summary>pIBSUF in %.</summary>
    public decimal IbsUfRate { get; } = IbsUfRate;

    /// <summary>pIBSMun in %.</summary>
    public decimal IbsMunRate { get; } = IbsMunRate;

    /// <summary>Id of the rule that produced these parameters.</summary>
    public string Source { get; } = Source;

    /// <summary>pRedAliq of CBS in % (group gCBS/gRed): pAliqEfet = pCBS × (1 − pRedAliq).</summary>
    public decimal CbsReduction { get; } = CbsReduction;

    /// <summary>pRedAliq of IBS-UF in % (group gIBSUF/gRed).</summary>
    public decimal IbsUfReduction { get; } = IbsUfReduction;

    /// <summary>pRedAliq of IBS-Mun in % (group gIBSMun/gRed): NT 2025.002 gives each group its own reduction.</summary>
    public decimal IbsMunReduction { get; } = IbsMunReduction;

    /// <summary>False in 2026: "Em 2026 não somar vIBSUF, vIBSMun, vCBS" (NT 2025.002 VB01-10).</summary>
    public bool AddsToItemTotal { get; } = AddsToItemTotal;

    /// <summary>CST of IBS/CBS (UB13), echoed on the breakdown.</summary>
    public string Cst { get; } = Cst;

    /// <summary>cClassTrib (UB14), echoed on the breakdown.</summary>
    public string ClassTrib { get; } = ClassTrib;

    /// <summary>pAliqEfet of CBS, computed once with the rates (<see cref="ItemTaxCalculator.EffectiveRate"/>).</summary>
    internal decimal EffectiveCbsRate { get; } = ItemTaxCalculator.EffectiveRate(CbsRate, CbsReduction);

    /// <summary>pAliqEfet of IBS-UF, computed once with the rates.</summary>
    internal decimal EffectiveIbsUfRate { get; } = ItemTaxCalculator.EffectiveRate(IbsUfRate, IbsUfReduction);

    /// <summary>pAliqEfet of IBS-Mun, computed once with the rates.</summary>
    internal decimal EffectiveIbsMunRate { get; } = ItemTaxCalculator.EffectiveRate(IbsMunRate, IbsMunReduction);

    /// <summary>
    /// The 2026 test year: CBS 0.90 % (art. 346), IBS-UF 0.10 % (art. 343), IBS-Mun 0 %, shown but not added to the item total;
    /// CST 000 / cClassTrib 000001 ("tributadas integralmente"); with a reduction (the same for the three groups, as LC 214's
    /// reduced regimes give it) the CST and cClassTrib are the rule's to give.
    /// </summary>
    public static IbsCbsParameters Test2026(string source, decimal rateReduction = 0m) => rateReduction == 0m
        ? new(0.90m, 0.10m, 0.00m, source, Cst: "000", ClassTrib: "000001")
        : new(0.90m, 0.10m, 0.00m, source, rateReduction, rateReduction, rateReduction);
}

/// <summary>
/// Everything the taxes of one item need besides its values: the recipient, the parameters each tax matrix
/// resolved (each with the id of its rule), and the rounding profile of the ERP.
/// </summary>
/// <param name="Recipient">Who buys, and whether the sale is interstate.</param>
/// <param name="Ipi">IPI.</param>
/// <param name="Icms">Own ICMS and FCP.</param>
/// <param name="PisCofins">PIS and COFINS.</param>
/// <param name="IbsCbs">CBS and IBS.</param>
/// <param name="St">ICMS-ST and FCP-ST, when the item is under substitution.</param>
/// <param name="Difal">DIFAL and destination FCP, when the destination UF has a rule.</param>
/// <param name="Rounding">Rounding per field group.</param>
public readonly record struct TaxParameters(
    Recipient Recipient,
    IpiParameters Ipi,
    IcmsParameters Icms,
    PisCofinsParameters PisCofins,
    IbsCbsParameters IbsCbs,
    IcmsStParameters? St = null,
    DifalParameters? Difal = null,
    RoundingProfile Rounding = default)
{
    // Fields the calculator reads by reference (the parameter sets are large structs; copying them is most of an item's cost).
    private readonly IpiParameters _ipi = Ipi;
    private readonly IcmsParameters _icms = Icms;
    private readonly PisCofinsParameters _pisCofins = PisCofins;
    private readonly IbsCbsParameters _ibsCbs = IbsCbs;
    private readonly IcmsStParameters? _st = St;
    private readonly DifalParameters? _difal = Difal;

    /// <summary>Who buys, and whether the sale is interstate.</summary>
    public Recipient Recipient { get; } = Recipient;

    /// <summary>IPI.</summary>
    public IpiParameters Ipi => _ipi;

    /// <summary>Own ICMS and FCP.</summary>
    public IcmsParameters Icms => _icms;

    /// <summary>PIS and COFINS.</summary>
    public PisCofinsParameters PisCofins => _pisCofins;

    /// <summary>CBS and IBS.</summary>
    public IbsCbsParameters IbsCbs => _ibsCbs;

    /// <summary>ICMS-ST and FCP-ST, when the item is under substitution.</summary>
    public IcmsStParameters? St => _st;

    /// <summary>DIFAL and destination FCP, when the destination UF has a rule.</summary>
    public DifalParameters? Difal => _difal;

    /// <summary>Rounding per field group.</summary>
    public RoundingProfile Rounding { get; } = Rounding;

    [UnscopedRef]
    internal ref readonly IpiParameters IpiRef => ref _ipi;

    [UnscopedRef]
    internal ref readonly IcmsParameters IcmsRef => ref _icms;

    [UnscopedRef]
    internal ref readonly PisCofinsParameters PisCofinsRef => ref _pisCofins;

    [UnscopedRef]
    internal ref readonly IbsCbsParameters IbsCbsRef => ref _ibsCbs;

    [UnscopedRef]
    internal ref readonly IcmsStParameters? StRef => ref _st;

    [UnscopedRef]
    internal ref readonly DifalParameters? DifalRef => ref _difal;
}
