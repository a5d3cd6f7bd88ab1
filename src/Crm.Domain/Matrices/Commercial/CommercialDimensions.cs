namespace Crm.Domain.Matrices.Commercial;

/// <summary>The dimensions a commercial matrix accepts: all but the role, which only the approval matrix uses.</summary>
internal static class CommercialDimensions
{
    public static readonly DimensionSet All = DimensionSet.All.Without(Dimension.Role);
}
