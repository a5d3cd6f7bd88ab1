using System.Collections.Immutable;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Accounts.History;

/// <summary>
/// An aggregate's state flattened to field paths and text values: what the history compares, and what
/// replaying a history rebuilds. Absent and empty fields are not stored.
/// </summary>
public sealed class FieldSnapshot : IEquatable<FieldSnapshot>
{
    private readonly ImmutableSortedDictionary<string, FieldValue> _fields;

    private FieldSnapshot(ImmutableSortedDictionary<string, FieldValue> fields) => _fields = fields;

    /// <summary>The snapshot without any field.</summary>
    public static FieldSnapshot Empty { get; } = new(ImmutableSortedDictionary<string, FieldValue>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Every field, ordered by path.</summary>
    public IReadOnlyDictionary<string, FieldValue> Fields => _fields;

    /// <summary>The value at <paramref name="path"/>, or null.</summary>
    public string? this[string path] => _fields.TryGetValue(path, out var value) ? value.Text : null;

    /// <summary>This snapshot with <paramref name="path"/> set (or removed when <paramref name="text"/> is null or empty).</summary>
    public FieldSnapshot With(string path, string? text, bool isSecret = false) =>
        string.IsNullOrEmpty(text) ? new(_fields.Remove(path)) : new(_fields.SetItem(path, new FieldValue(text, isSecret)));

    /// <summary>This snapshot with every secret value replaced by <see cref="HistoryEntry.Hidden"/>: what a history can replay to.</summary>
    public FieldSnapshot Redacted() =>
        new(_fields.ToImmutableSortedDictionary(f => f.Key, f => f.Value.IsSecret ? f.Value with { Text = HistoryEntry.Hidden } : f.Value,
            StringComparer.Ordinal));

    /// <summary>One entry per field whose value differs between this snapshot and <paramref name="next"/>.</summary>
    public IReadOnlyList<HistoryEntry> ChangesTo(FieldSnapshot next, Instant at, UserId by)
    {
        ArgumentNullException.ThrowIfNull(next);
        var changes = new List<HistoryEntry>();
        foreach (var path in _fields.Keys.Union(next._fields.Keys).Order(StringComparer.Ordinal))
        {
            _fields.TryGetValue(path, out var before);
            next._fields.TryGetValue(path, out var after);
            if (before == after)
                continue;
            changes.Add(new HistoryEntry(at, by, path, before?.Text, after?.Text, (before?.IsSecret ?? false) || (after?.IsSecret ?? false)));
        }
        return changes;
    }

    /// <summary>Applies <paramref name="entries"/> in order to the empty snapshot.</summary>
    public static FieldSnapshot Replay(IEnumerable<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Aggregate(Empty, (snapshot, entry) => snapshot.With(entry.Field, entry.NewValue, entry.IsSecret));
    }

    /// <inheritdoc />
    public bool Equals(FieldSnapshot? other) =>
        other is not null && _fields.Count == other._fields.Count
                          && _fields.All(f => other._fields.TryGetValue(f.Key, out var v) && v == f.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => _fields.Aggregate(0, (hash, f) => hash ^ HashCode.Combine(f.Key, f.Value));

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", _fields.Select(f => $"{f.Key}={f.Value.Text}"));
}

/// <summary>A field's text value and whether it is secret.</summary>
/// <param name="Text">The value as text.</param>
/// <param name="IsSecret">True when the value must never appear in a history.</param>
public sealed record FieldValue(string Text, bool IsSecret);
