namespace Crm.Domain.Accounts.Duplicates;

/// <summary>
/// An in-memory index of one tenant's registrations (accounts or leads) by their <see cref="DuplicateKeys"/>, answering
/// "which records would this one duplicate, and by which rule" in a few dictionary look-ups whatever its size.
/// Each key is a 64-bit number in one compact hash table per rule, whose value is the record's slot when the key is unique
/// (the usual case) or the head of a chain of postings when records share it; see the benchmark for the bytes per account.
/// Replacing or removing a record leaves its old keys in place, pointing at a dead slot that reads skip. Not thread-safe for writes: the host serializes writers (readers may run together).
/// </summary>
/// <typeparam name="TId">The id of the indexed records.</typeparam>
public sealed class DuplicateIndex<TId> where TId : struct, IEquatable<TId>
{
    // Per rule: key → slot (≥ 0) when one record has the key, or ~posting (< 0) heading a chain when several share it.
    private readonly KeyTable[] _tables = Enum.GetValues<DuplicateRule>().Select(_ => new KeyTable()).ToArray();
    private readonly Dictionary<TId, int> _slotOf = [];
    private readonly List<TId> _ids = [];
    private readonly List<bool> _live = [];
    private int[] _next = new int[64];
    private int[] _slot = new int[64];
    private int _postings;

    /// <summary>How many records the index holds.</summary>
    public int Count => _slotOf.Count;

    /// <summary>Indexes <paramref name="id"/> under <paramref name="keys"/>, replacing what it was indexed under before.</summary>
    public void Add(TId id, DuplicateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Remove(id);
        var slot = _ids.Count;
        _ids.Add(id);
        _live.Add(true);
        _slotOf[id] = slot;
        foreach (var key in keys.Keys)
        {
            var table = _tables[(int)key.Rule];
            if (!table.TryGetValue(key.Value, out var current))
                table.Set(key.Value, slot);
            else
                table.Set(key.Value, ~Post(slot, current >= 0 ? Post(current, -1) : ~current));
        }
    }

    private int Post(int slot, int next)
    {
        if (_postings == _next.Length)
        {
            Array.Resize(ref _next, _postings * 2);
            Array.Resize(ref _slot, _postings * 2);
        }
        _next[_postings] = next;
        _slot[_postings] = slot;
        return _postings++;
    }

    /// <summary>Removes <paramref name="id"/> (an account merged away or deleted); false when it was not indexed.</summary>
    public bool Remove(TId id)
    {
        if (!_slotOf.Remove(id, out var slot))
            return false;
        _live[slot] = false;
        return true;
    }

    /// <summary>
    /// Every indexed record that shares a key with <paramref name="keys"/>, once per rule that fired, except
    /// <paramref name="self"/> (the record being edited).
    /// </summary>
    public DuplicateReport<TId> Find(DuplicateKeys keys, TId? self = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        List<DuplicateMatch<TId>>? matches = null;
        foreach (var key in keys.Keys)
        {
            if (!_tables[(int)key.Rule].TryGetValue(key.Value, out var head))
                continue;
            if (head >= 0)
                Collect(head, key, self, ref matches);
            else
                for (var posting = ~head; posting >= 0; posting = _next[posting])
                    Collect(_slot[posting], key, self, ref matches);
        }
        return matches is null ? DuplicateReport<TId>.None : new DuplicateReport<TId>(matches);
    }

    private void Collect(int slot, DuplicateKey key, TId? self, ref List<DuplicateMatch<TId>>? matches)
    {
        var id = _ids[slot];
        if (!_live[slot] || (self is { } me && me.Equals(id)))
            return;
        matches ??= [];
        if (!matches.Exists(m => m.Id.Equals(id) && m.Rule == key.Rule))
            matches.Add(new DuplicateMatch<TId>(id, key.Rule, key.Text));
    }
}
