using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>How the ICMS-ST base is formed (modBCST).</summary>
public enum StBase
{
    /// <summary>modBCST 4: operation value (with IPI, freight, insurance, other) × (1 + MVA).</summary>
    Mva,
    /// <summary>modBCST 5: quantity × pauta.</summary>
    Pauta,
    /// <summary>MVA base, but never below quantity × pauta (a state's minimum base).</summary>
    GreaterOfMvaAndPauta,
}

/// <summary>
/// A row of the ICMS-ST matrix (TAXES.md §1.4): the original MVA and whether to adjust it for interstate
/// operations (the calculator computes the adjusted MVA), ST rate, ST base reduction, pauta and FCP-ST.
/// </summary>
/// <param name="StRate">pICMSST in percent, the destination's internal rate without FCP.</param>
/// <param name="Mva">pMVAST, the original MVA in percent.</param>
/// <param name="Base">How the ST base is formed.</param>
/// <param name="AdjustMvaForInterstate">Whether the agreement requires the adjusted MVA on interstate operations (Conv. ICMS 104/2008).</param>
/// <param name="StBaseReduction">pRedBCST in percent.</param>
/// <param name="Pauta">The value per taxable unit of the pauta, for <see cref="StBase.Pauta"/> and <see cref="StBase.GreaterOfMvaAndPauta"/>.</param>
/// <param name="FcpStRate">pFCPST in percent.</param>
public sealed record IcmsStRule(
    decimal StRate,
    decimal Mva = 0m,
    StBase Base = StBase.Mva,
    bool AdjustMvaForInterstate = false,
    decimal StBaseReduction = 0m,
    decimal? Pauta = null,
    decimal FcpStRate = 0m) : IMatrixPayload<IcmsStRule>
{
    /// <inheritdoc />
    public static string MatrixName => "icms_st";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Percent(field, "stRate", StRate),
        .. PayloadCheck.Percent(field, "mva", Mva, 1_000m),
        .. PayloadCheck.Percent(field, "stBaseReduction", StBaseReduction, 99.99m),
        .. PayloadCheck.NonNegative(field, "pauta", Pauta),
        .. PayloadCheck.Percent(field, "fcpStRate", FcpStRate),
        .. PayloadCheck.Required(field, "pauta", Base == StBase.Mva || Pauta > 0, $"a base {Base} usa pauta"),
    ];
}
