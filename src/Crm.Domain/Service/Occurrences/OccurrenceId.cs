namespace Crm.Domain.Service.Occurrences;

/// <summary>Identifies an occurrence (a customer service case); the engine mints it, storage restores it.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct OccurrenceId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
