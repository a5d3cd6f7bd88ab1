using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Cards;

/// <summary>What a card action did; the application layer carries out the follow-ups (converting, deleting the prospect).</summary>
public abstract record CardEvent
{
    private CardEvent(CardId card, Instant at)
    {
        Card = card;
        At = at;
    }

    /// <summary>The card.</summary>
    public CardId Card { get; }

    /// <summary>When.</summary>
    public Instant At { get; }

    /// <summary>The card went to another stage.</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    /// <param name="From">The stage it left.</param>
    /// <param name="To">The stage it entered.</param>
    public sealed record Moved(CardId Card, Instant At, BoardStageId From, BoardStageId To) : CardEvent(Card, At);

    /// <summary>The card was archived (hidden from the board by default).</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    public sealed record Archived(CardId Card, Instant At) : CardEvent(Card, At);

    /// <summary>The card was taken out of the archive.</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    public sealed record Restored(CardId Card, Instant At) : CardEvent(Card, At);

    /// <summary>The card was marked lost.</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    /// <param name="Reason">Why, if given.</param>
    public sealed record MarkedLost(CardId Card, Instant At, string? Reason) : CardEvent(Card, At);

    /// <summary>The card's prospect is to become a customer (the accounts module converts the lead).</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    /// <param name="Prospect">The prospect to convert.</param>
    public sealed record ConvertedToCustomer(CardId Card, Instant At, LeadId Prospect) : CardEvent(Card, At);

    /// <summary>The card's prospect is to get a customer service (contract); <paramref name="AlsoToCustomer"/> when it was not a customer yet.</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    /// <param name="Prospect">The prospect.</param>
    /// <param name="AlsoToCustomer">True when the same action also made it a customer.</param>
    public sealed record ConvertedToCustomerService(CardId Card, Instant At, LeadId Prospect, bool AlsoToCustomer) : CardEvent(Card, At);

    /// <summary>The card was deleted; its prospect is deleted too or only unlinked.</summary>
    /// <param name="Card">The card.</param>
    /// <param name="At">When.</param>
    /// <param name="Prospect">The prospect it was linked to.</param>
    /// <param name="DeleteProspect">True when the prospect must be deleted as well ("Apagar Prospecto Vinculado no Cartão: SIM").</param>
    public sealed record Deleted(CardId Card, Instant At, LeadId? Prospect, bool DeleteProspect) : CardEvent(Card, At);
}
