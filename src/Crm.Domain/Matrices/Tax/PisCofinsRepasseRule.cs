using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>The two meanings of "repasse de PIS/COFINS" in Brazilian ERPs (TAXES.md §1.6).</summary>
public enum RepasseKind
{
    /// <summary>Gross-up: the price grows so that net revenue is preserved, price / (1 − (PIS + COFINS)).</summary>
    GrossUp,
    /// <summary>ZFM/ALC sale at rate zero (Lei 10.996/2004): the waived contributions are passed on as a price reduction, price × (1 − (PIS + COFINS)).</summary>
    ZfmReduction,
}

/// <summary>A row of the PIS/COFINS repasse matrix (typically keyed by customer group, destination UF or client type).</summary>
/// <param name="Kind">Gross-up or ZFM reduction.</param>
/// <param name="PisRate">The PIS rate passed on, in percent.</param>
/// <param name="CofinsRate">The COFINS rate passed on, in percent.</param>
public sealed record PisCofinsRepasseRule(RepasseKind Kind, decimal PisRate, decimal CofinsRate) : IMatrixPayload<PisCofinsRepasseRule>
{
    /// <inheritdoc />
    public static string MatrixName => "pis_cofins_repasse";

    /// <inheritdoc />
    public static DimensionSet Dimensions => DimensionSet.All.Without(Dimension.Role);

    /// <summary>The unit price after the repasse, unrounded (the pricing pipeline rounds with its policy).</summary>
    public decimal Apply(decimal price)
    {
        var share = (PisRate + CofinsRate) / 100m;
        return Kind == RepasseKind.GrossUp ? price / (1m - share) : price * (1m - share);
    }

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Percent(field, "pisRate", PisRate),
        .. PayloadCheck.Percent(field, "cofinsRate", CofinsRate),
        .. PayloadCheck.That(PisRate + CofinsRate < 100m, field, "cofinsRate", MatrixCodes.PayloadRange, "PIS + COFINS deve ficar abaixo de 100 %."),
    ];
}
