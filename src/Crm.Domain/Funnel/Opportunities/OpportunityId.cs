using Crm.Domain.Identity;
namespace Crm.Domain.Funnel.Opportunities;

/// <summary>Identifies an opportunity.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct OpportunityId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id.</summary>
    internal static OpportunityId New() => new(IdMint.NewGuid());
}
