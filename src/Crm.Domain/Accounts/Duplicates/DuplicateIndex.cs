namespace Crm.Domain.Accounts.Duplicates;

/// <summary>
/// An in-memory index of one tenant's registrations (accounts or leads) by their <see cref="DuplicateKeys"/>, answering
/// "which records would this one duplicate, and by which rule" in a few dictionary look-ups whatever its size.
/// Each key is a 64-bit number in one dictionary per rule, pointing to a chain of postings kept in two int arrays, so a
/// million accounts cost about 40 bytes per key (see the benchmark). Replacing or removing a record leaves its old postings
/// in place, skipped on read. Not thread-safe for writes: the host serializes writers (readers may run together).
/// </summary>
/// <typeparam name="TId">The id of the indexed records.</typeparam>
public sealed class DuplicateIndex<TId> where TId : struct, IEquatable<TId>
{
    private readonly Dictionary<ulong, int>[] _heads =
        Enum.GetValues<DuplicateRule>().Select(_ => new Dictionary<ulong, int>()).ToArray();
    private readonly Dictionary<TId, int> _slotOf = [];
    private readonly List<TId> _ids = [];
    private readonly List<bool> _live = [];
    private int[] _next = new int[1024];
    private int[] _slot = new int[1024];
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
            if (_postings == _next.Length)
            {
                Array.Resize(ref _next, _postings * 2);
                Array.Resize(ref _slot, _postings * 2);
            }
            var heads = _heads[(int)key.Rule];
            _next[_postings] = heads.TryGetValue(key.Value, out var head) ? head : -1;
            _slot[_postings] = slot;
            heads[key.Value] = _postings++;
        }
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
            if (!_heads[(int)key.Rule].TryGetValue(key.Value, out var posting))
                continue;
            for (; posting >= 0; posting = _next[posting])
            {
                var slot = _slot[posting];
                var id = _ids[slot];
                if (!_live[slot] || (self is { } me && me.Equals(id)))
                    continue;
                var match = new DuplicateMatch<TId>(id, key.Rule, key.Text);
                matches ??= [];
                if (!matches.Exists(m => m.Id.Equals(id) && m.Rule == key.Rule))
                    matches.Add(match);
            }
        }
        return matches is null ? DuplicateReport<TId>.None : new DuplicateReport<TId>(matches);
    }
}
