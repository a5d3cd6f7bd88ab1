using Crm.Domain.Boards.Cards;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// Small ids for the values of one many-valued card field (tags, users), so a card's set fits a 64-bit mask: the
/// first <c>exactBits</c> values interned own one bit each; later ones share the next bit, which a filter then confirms
/// on the card itself. Boards have a handful of tags and users, interned first, so the shared bit is rarely used.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class Interned<T>(int exactBits) where T : notnull, IEquatable<T>
{
    private readonly Dictionary<T, int> _ids = [];

    /// <summary>How many values have an id.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="value"/>, given one if new.</summary>
    public int Intern(T value)
    {
        if (!_ids.TryGetValue(value, out var id))
            _ids.Add(value, id = _ids.Count);
        return id;
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when no card carries it.</summary>
    public int Find(T value) => _ids.TryGetValue(value, out var id) ? id : -1;

    /// <summary>The mask bit of an id: its own, or the shared one.</summary>
    public ulong Bit(int id) => 1UL << Math.Min(id, exactBits);

    /// <summary>True when the id shares its bit with other values.</summary>
    public bool IsShared(int id) => id >= exactBits;

    /// <summary>The mask of a card's values, interning new ones.</summary>
    public ulong Mask(IReadOnlyList<T> values)
    {
        var mask = 0UL;
        for (var i = 0; i < values.Count; i++)
            mask |= Bit(Intern(values[i]));
        return mask;
    }
}

/// <summary>The values a filter chose for one many-valued field: a card matches when it carries any of them.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class AnyOf<T> where T : notnull, IEquatable<T>
{
    private readonly ulong _exact;
    private readonly ulong _shared;
    private readonly T[] _sharedValues;
    private readonly Func<Card, IReadOnlyList<T>> _onCard;

    /// <summary>The chosen <paramref name="values"/> as bits of <paramref name="ids"/>; values no card carries drop out.</summary>
    public AnyOf(IReadOnlyList<T> values, Interned<T> ids, Func<Card, IReadOnlyList<T>> onCard)
    {
        _onCard = onCard;
        var shared = new List<T>();
        foreach (var value in values)
        {
            var id = ids.Find(value);
            if (id < 0)
                continue;
            if (ids.IsShared(id))
            {
                shared.Add(value);
                _shared = ids.Bit(id);
            }
            else
                _exact |= ids.Bit(id);
        }
        _sharedValues = [.. shared];
    }

    /// <summary>True when the card (its mask, and the card itself for shared bits) carries a chosen value.</summary>
    public bool Matches(ulong mask, Card card) =>
        (mask & _exact) != 0 || ((mask & _shared) != 0 && _onCard(card).Any(_sharedValues.Contains));
}
