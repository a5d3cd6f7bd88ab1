using Crm.Domain.Identity;

namespace Crm.Domain.Boards.Cards;

/// <summary>
/// In-memory <see cref="IProspectCards"/> over a tenant's cards (all boards): built from the cards, then kept
/// current by <see cref="Track"/> after each card is opened or deleted.
/// </summary>
public sealed class ProspectCardIndex : IProspectCards
{
    private readonly Dictionary<LeadId, CardId> _cards = [];

    /// <summary>Indexes the linked prospects of <paramref name="cards"/>; throws when two live cards share a prospect (corrupt data).</summary>
    /// <param name="cards">Every card of one tenant.</param>
    public ProspectCardIndex(IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        foreach (var card in cards)
            if (card.Prospect is { } prospect && !_cards.TryAdd(prospect, card.Id))
                throw new ArgumentException($"Prospect {prospect.Value} is on two cards.", nameof(cards));
    }

    /// <inheritdoc />
    public CardId? CardOf(LeadId prospect) => _cards.TryGetValue(prospect, out var card) ? card : null;

    /// <summary>Records the card's current link: adds it when linked, drops the card's entry once it is deleted (unlinked).</summary>
    /// <param name="card">A card just opened or changed.</param>
    public void Track(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Prospect is { } prospect)
            _cards[prospect] = card.Id;
        else
            foreach (var stale in _cards.Where(e => e.Value == card.Id).Select(e => e.Key).ToList())
                _cards.Remove(stale);
    }
}
