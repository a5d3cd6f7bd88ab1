namespace Crm.Domain.Service.CallCenter;

/// <summary>Identifies a call-center campaign; the engine mints it, storage restores it.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct CampaignId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
