using Crm.Domain.Identity;

namespace Crm.Domain.Service.CallCenter;

/// <summary>Identifies one contact to call in a campaign.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct CampaignTargetId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    /// <summary>A fresh random id (the campaign mints the ids of its targets).</summary>
    internal static CampaignTargetId New() => new(IdMint.NewGuid());
}
