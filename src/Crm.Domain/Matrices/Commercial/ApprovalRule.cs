using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the approval matrix (alçada), keyed by role and optionally product line, customer group…: the largest
/// discount the role may give on its own; a line above it needs approval by a higher role.
/// </summary>
/// <param name="MaximumDiscountRate">The largest discount in percent the role may give without approval.</param>
public sealed record ApprovalRule(decimal MaximumDiscountRate) : IMatrixPayload<ApprovalRule>
{
    /// <inheritdoc />
    public static string MatrixName => "approval";

    /// <inheritdoc />
    public static DimensionSet Dimensions => DimensionSet.All;

    /// <summary>True when a discount of <paramref name="discountRate"/> percent is above the limit (the limit itself needs no approval).</summary>
    public bool NeedsApproval(decimal discountRate) => discountRate > MaximumDiscountRate;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) => PayloadCheck.Percent(field, "maximumDiscountRate", MaximumDiscountRate);
}
