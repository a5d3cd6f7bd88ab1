using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the commission matrix: the seller's commission in percent of the net merchandise value
/// (vProd − vDesc + vOutro), never of the pass-through taxes (IPI, ICMS-ST, FCP-ST) — TAXES.md §4.
/// </summary>
/// <param name="Rate">Commission in percent.</param>
public sealed record CommissionRule(decimal Rate) : IMatrixPayload<CommissionRule>
{
    /// <inheritdoc />
    public static string MatrixName => "commission";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) => PayloadCheck.Percent(field, "rate", Rate);
}
