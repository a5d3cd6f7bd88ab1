using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Accounts.History;

/// <summary>
/// The append-only history of one aggregate. Entries are appended by diffing the state before and after a
/// change, so replaying them rebuilds the (redacted) current state. Histories of records merged into this
/// one are kept aside, whole, in <see cref="Absorbed"/>.
/// </summary>
public sealed class ChangeHistory
{
    private readonly List<HistoryEntry> _entries = [];
    private readonly List<AbsorbedHistory> _absorbed = [];

    /// <summary>An empty history.</summary>
    public ChangeHistory() { }

    /// <summary>A history continuing <paramref name="earlier"/> (a lead's history carried into its account).</summary>
    public ChangeHistory(IEnumerable<HistoryEntry> earlier) => _entries.AddRange(earlier);

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Entries => _entries;

    /// <summary>The whole histories of the records merged into this one.</summary>
    public IReadOnlyList<AbsorbedHistory> Absorbed => _absorbed;

    /// <summary>Appends one entry per field that differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public IReadOnlyList<HistoryEntry> Record(FieldSnapshot before, FieldSnapshot after, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(clock);
        var changes = before.ChangesTo(after, clock.GetCurrentInstant(), by);
        _entries.AddRange(changes);
        return changes;
    }

    /// <summary>Keeps the history of a record merged into this one.</summary>
    public void Absorb(string source, ChangeHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _absorbed.Add(new AbsorbedHistory(source, [.. history._entries]));
        _absorbed.AddRange(history._absorbed);
    }

    /// <summary>The state the entries rebuild: equal to the aggregate's redacted snapshot.</summary>
    public FieldSnapshot Replay() => FieldSnapshot.Replay(_entries);
}

/// <summary>The history of a record that was merged into another.</summary>
/// <param name="Source">Which record it was, e.g. <c>account:{guid}</c>.</param>
/// <param name="Entries">Its entries, oldest first.</param>
public sealed record AbsorbedHistory(string Source, IReadOnlyList<HistoryEntry> Entries);
