using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the negotiation matrix: the negotiation scenario (cenário da negociação) that applies to a context —
/// the price table to start from, the largest discount the scenario allows and the minimum contribution margin.
/// </summary>
/// <param name="Scenario">The scenario code.</param>
/// <param name="PriceTable">The price table the scenario sells from.</param>
/// <param name="MaximumDiscountRate">The largest discount in percent the scenario allows.</param>
/// <param name="MinimumMarginRate">The minimum contribution margin in percent; null for none.</param>
public sealed record NegotiationRule(string Scenario, string PriceTable, decimal MaximumDiscountRate = 0m, decimal? MinimumMarginRate = null)
    : IMatrixPayload<NegotiationRule>
{
    /// <inheritdoc />
    public static string MatrixName => "negotiation";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Required(field, "scenario", !string.IsNullOrWhiteSpace(Scenario), "a regra escolhe um cenário"),
        .. PayloadCheck.Required(field, "priceTable", !string.IsNullOrWhiteSpace(PriceTable), "o cenário parte de uma tabela de preço"),
        .. PayloadCheck.Percent(field, "maximumDiscountRate", MaximumDiscountRate, 99.99m),
        .. MinimumMarginRate is { } margin ? PayloadCheck.Percent(field, "minimumMarginRate", margin, 99.99m) : [],
    ];
}
