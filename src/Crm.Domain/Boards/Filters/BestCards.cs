using Crm.Domain.Boards.Cards;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// Keeps the first <c>capacity</c> cards of a stream in (key, id) order without sorting the stream: a heap whose
/// top is the worst card kept, so each further card costs one key comparison unless it belongs in the page.
/// </summary>
internal sealed class BestCards
{
    private readonly PriorityQueue<Card, (Instant Key, CardId Id)> _heap;
    private readonly int _capacity;
    private readonly int _direction;

    public BestCards(int capacity, SortOrder order)
    {
        _capacity = capacity;
        _direction = order == SortOrder.Ascending ? 1 : -1;
        _heap = new(capacity + 1, Comparer<(Instant Key, CardId Id)>.Create((a, b) => Compare(b, a)));
    }

    public void Offer(Card card, Instant key)
    {
        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(card, (key, card.Id));
            return;
        }
        _heap.TryPeek(out _, out var worst);
        var byKey = _direction * key.CompareTo(worst.Key);
        if (byKey > 0 || (byKey == 0 && _direction * card.Id.CompareTo(worst.Id) > 0))
            return;
        _heap.DequeueEnqueue(card, (key, card.Id));
    }

    /// <summary>The cards kept, best first, from position <paramref name="skip"/> on.</summary>
    public List<Card> Drain(int skip)
    {
        var cards = new Card[_heap.Count];
        for (var i = cards.Length - 1; i >= 0; i--)
            cards[i] = _heap.Dequeue();
        return [.. cards.Skip(skip)];
    }

    /// <summary>Negative when <paramref name="a"/> comes first in the requested order.</summary>
    private int Compare((Instant Key, CardId Id) a, (Instant Key, CardId Id) b)
    {
        var byKey = a.Key.CompareTo(b.Key);
        return _direction * (byKey != 0 ? byKey : a.Id.CompareTo(b.Id));
    }
}
