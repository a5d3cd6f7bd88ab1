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

    // A stored history is read on first use, not when its aggregate is loaded: most loads never look at it.
    private Func<ChangeHistory>? _stored;

    /// <summary>An empty history.</summary>
    public ChangeHistory() { }

    /// <summary>A history continuing <paramref name="earlier"/> (a lead's history carried into its account).</summary>
    public ChangeHistory(IEnumerable<HistoryEntry> earlier) => _entries.AddRange(earlier);

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Entries => Loaded()._entries;

    /// <summary>The whole histories of the records merged into this one.</summary>
    public IReadOnlyList<AbsorbedHistory> Absorbed => Loaded()._absorbed;

    /// <summary>
    /// A stored history that <paramref name="read"/> reads on first use (persistence: the aggregate's load does not parse it).
    /// <paramref name="read"/> may be called again for another history (a change tracker's snapshot) and must then give
    /// equal content; this history copies what it returns.
    /// </summary>
    internal static ChangeHistory Stored(Func<ChangeHistory> read) => new() { _stored = read };

    /// <summary>The reader of a stored history not read yet; null once it has been read (or for a history never stored).</summary>
    internal Func<ChangeHistory>? Unread => Volatile.Read(ref _stored);

    /// <summary>Appends one entry per field that differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public IReadOnlyList<HistoryEntry> Record(FieldSnapshot before, FieldSnapshot after, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(clock);
        var changes = before.ChangesTo(after, clock.GetCurrentInstant(), by);
        Loaded()._entries.AddRange(changes);
        return changes;
    }

    /// <summary>Keeps the history of a record merged into this one.</summary>
    public void Absorb(string source, ChangeHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Loaded()._absorbed.Add(new AbsorbedHistory(source, [.. history.Entries]));
        _absorbed.AddRange(history.Absorbed);
    }

    /// <summary>The state the entries rebuild: equal to the aggregate's redacted snapshot.</summary>
    public FieldSnapshot Replay() => FieldSnapshot.Replay(Entries);

    private ChangeHistory Loaded()
    {
        if (Volatile.Read(ref _stored) is not null)
            Load();
        return this;
    }

    // Under a lock: a loaded record handed to a host may be read by several threads, and the first read must happen once.
    private void Load()
    {
        lock (_entries)
        {
            if (_stored is not { } read)
                return;
            var stored = read();
            _entries.AddRange(stored.Entries);
            _absorbed.AddRange(stored.Absorbed);
            // Only once read: a reader that throws (a corrupt document) throws again on the next use, never reads as empty.
            Volatile.Write(ref _stored, null);
        }
    }
}

/// <summary>The history of a record that was merged into another.</summary>
/// <param name="Source">Which record it was, e.g. <c>account:{guid}</c>.</param>
/// <param name="Entries">Its entries, oldest first.</param>
public sealed record AbsorbedHistory(string Source, IReadOnlyList<HistoryEntry> Entries);
