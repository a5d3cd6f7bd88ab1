using Crm.Domain.Boards.Cards;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// Keeps the first <c>capacity</c> cards of a stream in (key, id) order without sorting the stream: a heap whose
/// top is the worst card kept, so each further card costs one comparison unless it belongs in the page.
/// </summary>
internal sealed class BestCards
{
    private readonly PriorityQueue<Card, (Instant Key, CardId Id)> _heap;
    private readonly Comparison<(Instant Key, CardId Id)> _order;
    private readonly int _capacity;

    public BestCards(int capacity, SortOrder order)
    {
        _capacity = capacity;
        _order = order == SortOrder.Ascending ? Ascending : (a, b) => Ascending(b, a);
        _heap = new(capacity + 1, Comparer<(Instant, CardId)>.Create((a, b) => _order(b, a)));
    }

    public void Offer(Card card, Instant key)
    {
        var position = (key, card.Id);
        if (_heap.Count < _capacity)
            _heap.Enqueue(card, position);
        else if (_heap.TryPeek(out _, out var worst) && _order(position, worst) < 0)
            _heap.DequeueEnqueue(card, position);
    }

    /// <summary>The cards kept, best first, from position <paramref name="skip"/> on.</summary>
    public List<Card> Drain(int skip)
    {
        var cards = new Card[_heap.Count];
        for (var i = cards.Length - 1; i >= 0; i--)
            cards[i] = _heap.Dequeue();
        return [.. cards.Skip(skip)];
    }

    private static int Ascending((Instant Key, CardId Id) a, (Instant Key, CardId Id) b)
    {
        var byKey = a.Key.CompareTo(b.Key);
        return byKey != 0 ? byKey : a.Id.CompareTo(b.Id);
    }
}
