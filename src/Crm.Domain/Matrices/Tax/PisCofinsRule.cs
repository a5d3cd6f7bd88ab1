using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>The PIS/COFINS regime of the seller.</summary>
public enum PisCofinsRegime
{
    /// <summary>Cumulativo (Lucro Presumido, Lei 9.718/98): 0.65 % / 3.00 %.</summary>
    Cumulative,
    /// <summary>Não cumulativo (Lucro Real, Leis 10.637/2002 and 10.833/2003): 1.65 % / 7.60 %.</summary>
    NonCumulative,
}

/// <summary>
/// A row of the PIS/COFINS matrix (TAXES.md §1.6): regime, rates, CST, and whether the ICMS (STF Tema 69) and
/// the FCP are excluded from the base — separate flags, as the FCP exclusion is the customer's legal decision.
/// </summary>
/// <param name="Regime">Cumulative or non-cumulative.</param>
/// <param name="PisRate">pPIS in percent.</param>
/// <param name="CofinsRate">pCOFINS in percent.</param>
/// <param name="Cst">The CST shared by PIS and COFINS on outgoing documents (01 to 09, 49, 99).</param>
/// <param name="ExcludeIcmsFromBase">Deduct the ICMS destacado from the base (Tema 69).</param>
/// <param name="ExcludeFcpFromBase">Deduct the FCP too.</param>
public sealed record PisCofinsRule(
    PisCofinsRegime Regime,
    decimal PisRate,
    decimal CofinsRate,
    string Cst = "01",
    bool ExcludeIcmsFromBase = false,
    bool ExcludeFcpFromBase = false) : IMatrixPayload<PisCofinsRule>
{
    /// <summary>The outgoing CSTs of PIS and COFINS.</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "49", "99",
    };

    /// <summary>Lucro Presumido: PIS 0.65 %, COFINS 3.00 % (OCA data records tax_pis_0_65, tax_cofins_3).</summary>
    public static PisCofinsRule Cumulative(bool excludeIcmsFromBase = false) =>
        new(PisCofinsRegime.Cumulative, 0.65m, 3.00m, ExcludeIcmsFromBase: excludeIcmsFromBase);

    /// <summary>Lucro Real: PIS 1.65 %, COFINS 7.60 % (OCA data records tax_pis_1_65, tax_cofins_7_6).</summary>
    public static PisCofinsRule NonCumulative(bool excludeIcmsFromBase = false) =>
        new(PisCofinsRegime.NonCumulative, 1.65m, 7.60m, ExcludeIcmsFromBase: excludeIcmsFromBase);

    /// <inheritdoc />
    public static string MatrixName => "pis_cofins";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Percent(field, "pisRate", PisRate),
        .. PayloadCheck.Percent(field, "cofinsRate", CofinsRate),
        .. PayloadCheck.OneOf(field, "cst", Cst, Codes),
    ];
}
