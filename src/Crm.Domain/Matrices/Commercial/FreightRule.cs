using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>How a freight rule charges.</summary>
public enum FreightCharge
{
    /// <summary>A percentage of the merchandise value.</summary>
    PercentOfValue,
    /// <summary>An amount per unit sold.</summary>
    PerUnit,
    /// <summary>A fixed amount per order, apportioned to the items.</summary>
    PerOrder,
}

/// <summary>A row of the freight matrix (by destination UF, establishment, quantity range…): freight charged by the seller, which enters vFrete.</summary>
/// <param name="Charge">How the freight is charged.</param>
/// <param name="Value">The percentage or the amount.</param>
/// <param name="FreeFromOrderValue">Orders with at least this merchandise value pay no freight; null for never free.</param>
public sealed record FreightRule(FreightCharge Charge, decimal Value, decimal? FreeFromOrderValue = null) : IMatrixPayload<FreightRule>
{
    /// <inheritdoc />
    public static string MatrixName => "freight";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <summary>True when an order of <paramref name="orderValue"/> ships free.</summary>
    public bool IsFreeFor(decimal orderValue) => orderValue >= FreeFromOrderValue;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. Charge == FreightCharge.PercentOfValue ? PayloadCheck.Percent(field, "value", Value) : PayloadCheck.NonNegative(field, "value", Value),
        .. PayloadCheck.NonNegative(field, "freeFromOrderValue", FreeFromOrderValue),
    ];
}
