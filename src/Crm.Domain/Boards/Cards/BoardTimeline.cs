using Crm.Domain.Accounts.History;

namespace Crm.Domain.Boards.Cards;

/// <summary>One line of a board's history ("Históricos" of the seed): a settings change (no card) or a card edit.</summary>
/// <param name="Card">The card edited; null for a change to the board's settings.</param>
/// <param name="Entry">What changed, who, when.</param>
public sealed record TimelineEntry(CardId? Card, HistoryEntry Entry);

/// <summary>The board's history as users read it: its settings changes and its cards' edits, oldest first.</summary>
public static class BoardTimeline
{
    /// <summary>Merges the board's and its cards' histories by instant (ties keep board first, then card order).</summary>
    /// <param name="board">The board.</param>
    /// <param name="cards">Its cards (cards of other boards are ignored).</param>
    public static IReadOnlyList<TimelineEntry> Of(Board board, IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(cards);
        return
        [
            .. board.History.Select(e => new TimelineEntry(null, e))
                .Concat(cards.Where(c => c.Board == board.Id).SelectMany(c => c.History.Select(e => new TimelineEntry(c.Id, e))))
                .OrderBy(t => t.Entry.At),
        ];
    }
}
