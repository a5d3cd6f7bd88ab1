using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>A row of the minimum value matrix: the lowest unit price a line may be sold at, and the lowest order value.</summary>
/// <param name="MinimumUnitPrice">The lowest net unit price; null when the row only limits the order.</param>
/// <param name="MinimumOrderValue">The lowest order merchandise value ("valor mínimo de itens"); null when the row only limits the price.</param>
public sealed record MinimumValueRule(decimal? MinimumUnitPrice = null, decimal? MinimumOrderValue = null) : IMatrixPayload<MinimumValueRule>
{
    /// <inheritdoc />
    public static string MatrixName => "minimum_value";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <summary>True when <paramref name="unitPrice"/> is below the minimum unit price.</summary>
    public bool IsBelowMinimumPrice(decimal unitPrice) => unitPrice < MinimumUnitPrice;

    /// <summary>True when <paramref name="orderValue"/> is below the minimum order value.</summary>
    public bool IsBelowMinimumOrder(decimal orderValue) => orderValue < MinimumOrderValue;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.NonNegative(field, "minimumUnitPrice", MinimumUnitPrice),
        .. PayloadCheck.NonNegative(field, "minimumOrderValue", MinimumOrderValue),
        .. PayloadCheck.Required(field, "minimumUnitPrice", MinimumUnitPrice is not null || MinimumOrderValue is not null, "a regra precisa de um valor mínimo"),
    ];
}
