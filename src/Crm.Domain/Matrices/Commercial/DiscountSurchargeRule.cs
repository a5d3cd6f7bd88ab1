using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the discount/surcharge matrix: a discount (vDesc, unconditional) or a surcharge (vOutro) in
/// percent of the price, never both.
/// </summary>
/// <param name="DiscountRate">Discount in percent (below 100).</param>
/// <param name="SurchargeRate">Surcharge in percent.</param>
public sealed record DiscountSurchargeRule(decimal DiscountRate = 0m, decimal SurchargeRate = 0m) : IMatrixPayload<DiscountSurchargeRule>
{
    /// <inheritdoc />
    public static string MatrixName => "discount_surcharge";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <summary>The factor applied to the price: 1 − discount or 1 + surcharge.</summary>
    public decimal Factor => 1m - DiscountRate / 100m + SurchargeRate / 100m;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Percent(field, "discountRate", DiscountRate, 99.99m),
        .. PayloadCheck.Percent(field, "surchargeRate", SurchargeRate, 1_000m),
        .. PayloadCheck.That(DiscountRate == 0 || SurchargeRate == 0, field, "surchargeRate", MatrixCodes.PayloadRange,
            "A regra dá desconto ou acréscimo, não os dois."),
    ];
}
