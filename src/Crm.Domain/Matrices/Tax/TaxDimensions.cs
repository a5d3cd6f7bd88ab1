namespace Crm.Domain.Matrices.Tax;

/// <summary>The dimensions a tax matrix accepts: taxes never depend on the seller's role, the payment condition, the channel or the unit sold.</summary>
internal static class TaxDimensions
{
    public static readonly DimensionSet All = DimensionSet.All.Without(
        Dimension.Role, Dimension.PaymentCondition, Dimension.SalesChannel, Dimension.Unit);
}
