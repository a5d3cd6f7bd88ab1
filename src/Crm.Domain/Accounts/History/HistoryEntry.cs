using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Accounts.History;

/// <summary>
/// One change of one field: who, when, which field, the value before and after (null when absent).
/// For a secret field both values are <see cref="Hidden"/> (or null when absent): the entry says that it
/// changed, never to what.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>What a secret value reads as in the history.</summary>
    public const string Hidden = "***";

    /// <summary>Creates an entry; secret values are replaced by <see cref="Hidden"/> here, so no caller can leak one.</summary>
    public HistoryEntry(Instant at, UserId by, string field, string? oldValue, string? newValue, bool isSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        At = at;
        By = by;
        Field = field;
        IsSecret = isSecret;
        OldValue = isSecret && oldValue is not null ? Hidden : oldValue;
        NewValue = isSecret && newValue is not null ? Hidden : newValue;
    }

    /// <summary>When the change was saved.</summary>
    public Instant At { get; }

    /// <summary>Who saved it.</summary>
    public UserId By { get; }

    /// <summary>The field path, e.g. <c>legal_name</c> or <c>phones[1].number</c>.</summary>
    public string Field { get; }

    /// <summary>The value before the change; null when the field was absent.</summary>
    public string? OldValue { get; }

    /// <summary>The value after the change; null when the field was removed.</summary>
    public string? NewValue { get; }

    /// <summary>True for a secret field, whose values never appear.</summary>
    public bool IsSecret { get; }

    /// <inheritdoc />
    public override string ToString() => $"{At} {By.Value} {Field}: {OldValue ?? "∅"} → {NewValue ?? "∅"}";
}
