using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the unit × product matrix, keyed by product (or line) and unit: how many base units one unit holds
/// (fator de conversão), and the multiple the quantity must respect (quantidade múltipla).
/// </summary>
/// <param name="Factor">Base units in one unit (a box of 12 → 12); positive.</param>
/// <param name="Multiple">The quantity, in this unit, must be a multiple of it; null for any quantity.</param>
public sealed record UnitConversionRule(decimal Factor, decimal? Multiple = null) : IMatrixPayload<UnitConversionRule>
{
    /// <inheritdoc />
    public static string MatrixName => "unit_product";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <summary>The quantity in base units.</summary>
    public decimal ToBaseUnits(decimal quantity) => quantity * Factor;

    /// <summary>The quantity in this unit.</summary>
    public decimal FromBaseUnits(decimal baseQuantity) => baseQuantity / Factor;

    /// <summary>True when <paramref name="quantity"/> respects <see cref="Multiple"/>.</summary>
    public bool IsAllowedQuantity(decimal quantity) => Multiple is not { } multiple || quantity % multiple == 0;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Positive(field, "factor", Factor),
        .. PayloadCheck.Positive(field, "multiple", Multiple),
    ];
}
