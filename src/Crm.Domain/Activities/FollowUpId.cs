namespace Crm.Domain.Activities;

/// <summary>Identifies a follow-up; the engine mints it, storage restores it.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct FollowUpId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
