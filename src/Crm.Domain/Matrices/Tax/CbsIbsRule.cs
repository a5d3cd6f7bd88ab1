using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>
/// A row of the CBS/IBS matrix (LC 214/2025, NT 2025.002-RTC; TAXES.md §1.7): CST, cClassTrib, the three
/// rates and the rate reductions (gRed). Key it by validity: the 2026 test rates change in 2027.
/// </summary>
/// <param name="Cst">The IBS/CBS CST (3 digits; 000 = tributação integral).</param>
/// <param name="ClassTrib">cClassTrib (6 digits; 000001 = situações tributadas integralmente).</param>
/// <param name="CbsRate">pCBS in percent.</param>
/// <param name="IbsUfRate">pIBSUF in percent.</param>
/// <param name="IbsMunRate">pIBSMun in percent.</param>
/// <param name="CbsReduction">pRedAliq of CBS in percent.</param>
/// <param name="IbsUfReduction">pRedAliq of IBS-UF in percent (group gIBSUF/gRed).</param>
/// <param name="IbsMunReduction">pRedAliq of IBS-Mun in percent (group gIBSMun/gRed; NT 2025.002 gives each group its own).</param>
public sealed record CbsIbsRule(
    string Cst,
    string ClassTrib,
    decimal CbsRate,
    decimal IbsUfRate,
    decimal IbsMunRate,
    decimal CbsReduction = 0m,
    decimal IbsUfReduction = 0m,
    decimal IbsMunReduction = 0m) : IMatrixPayload<CbsIbsRule>
{
    /// <summary>
    /// The 2026 test year, fully taxed: CBS 0.90 % (LC 214 art. 346, rule UB56-10), IBS-UF 0.10 % (art. 343,
    /// UB18-10), IBS-Mun 0.00 % (https://gilbertoconsultoria.com.br/definido-os-percentuais-de-ibs-e-cbs-para-o-ano-de-2026).
    /// </summary>
    public static CbsIbsRule Test2026 { get; } = new("000", "000001", 0.90m, 0.10m, 0.00m);

    /// <summary>pAliqEfet of CBS: pCBS × (1 − pRedAliq), unrounded.</summary>
    public decimal EffectiveCbsRate => Reduce(CbsRate, CbsReduction);

    /// <summary>pAliqEfet of IBS-UF, unrounded.</summary>
    public decimal EffectiveIbsUfRate => Reduce(IbsUfRate, IbsUfReduction);

    /// <summary>pAliqEfet of IBS-Mun, unrounded.</summary>
    public decimal EffectiveIbsMunRate => Reduce(IbsMunRate, IbsMunReduction);

    /// <inheritdoc />
    public static string MatrixName => "cbs_ibs";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Digits(field, "cst", Cst, 3),
        .. PayloadCheck.Digits(field, "classTrib", ClassTrib, 6),
        .. PayloadCheck.Percent(field, "cbsRate", CbsRate),
        .. PayloadCheck.Percent(field, "ibsUfRate", IbsUfRate),
        .. PayloadCheck.Percent(field, "ibsMunRate", IbsMunRate),
        .. PayloadCheck.Percent(field, "cbsReduction", CbsReduction),
        .. PayloadCheck.Percent(field, "ibsUfReduction", IbsUfReduction),
        .. PayloadCheck.Percent(field, "ibsMunReduction", IbsMunReduction),
    ];

    private static decimal Reduce(decimal rate, decimal reduction) => rate * (1m - reduction / 100m);
}
