using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Boards;

/// <summary>
/// Users' board filters over the session's tenant: load a user's preferences for a board (new ones, already added to the
/// unit of work, when none are stored, so <see cref="CrmDbContext.SaveAsync"/> stores them either way), and query the
/// board's cards through the filter in use, inside SQL.
/// </summary>
/// <param name="db">The tenant's unit of work.</param>
public sealed class DatabaseBoardFilters(CrmDbContext db)
{
    /// <summary>The preferences of <paramref name="user"/> on <paramref name="board"/>, tracked by the unit of work.</summary>
    /// <param name="user">The user.</param>
    /// <param name="board">The board.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<BoardFilterPreferences> OfAsync(UserId user, BoardId board, CancellationToken cancellationToken = default)
    {
        // Find sees preferences added earlier in this unit of work too, so asking twice never adds twice.
        if (await db.BoardFilters.FindAsync([db.Tenant, user, board], cancellationToken).ConfigureAwait(false) is { } stored)
            return stored;
        var fresh = new BoardFilterPreferences(user, board);
        db.BoardFilters.Add(fresh);
        return fresh;
    }

    /// <summary>
    /// The cards of <paramref name="board"/> that the filter in use lets through, in its order, as a query: every
    /// condition runs in the database, so no card the filter excludes is read.
    /// </summary>
    /// <param name="preferences">The user's preferences on the board.</param>
    /// <param name="board">The board (its stages and stagnant days).</param>
    /// <param name="zone">The tenant's time zone, for the filter's business dates.</param>
    /// <param name="now">The instant stagnation is judged at.</param>
    public IQueryable<Card> Cards(BoardFilterPreferences preferences, Board board, DateTimeZone zone, Instant now) =>
        Specification(preferences, board, zone, now).Apply(db.Cards);

    /// <summary>
    /// The board as the user sees it through the filter in use: for each stage, in order, how many cards match and the
    /// first page of them. One grouped count, then one page query per stage; only the pages' cards are read.
    /// </summary>
    /// <param name="preferences">The user's preferences on the board.</param>
    /// <param name="board">The board (its stages and stagnant days).</param>
    /// <param name="zone">The tenant's time zone, for the filter's business dates.</param>
    /// <param name="now">The instant stagnation is judged at.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<BoardColumn>> ColumnsAsync(BoardFilterPreferences preferences, Board board, DateTimeZone zone,
        Instant now, CancellationToken cancellationToken = default)
    {
        var spec = Specification(preferences, board, zone, now);
        var totals = await db.Cards.Where(spec.Where).GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Total = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.Total, cancellationToken).ConfigureAwait(false);
        var columns = new List<BoardColumn>(board.Stages.Count);
        foreach (var stage in board.Stages)
        {
            var page = totals.ContainsKey(stage.Id)
                ? await spec.Page(db.Cards, stage.Id, 0).ToListAsync(cancellationToken).ConfigureAwait(false)
                : [];
            columns.Add(new BoardColumn(stage.Id, totals.GetValueOrDefault(stage.Id), page));
        }
        return columns;
    }

    private static CardSpecification Specification(BoardFilterPreferences preferences, Board board, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(board);
        if (preferences.Board != board.Id)
            throw new ArgumentException("The preferences are for another board.", nameof(preferences));
        return new CardSpecification(preferences.Current, board, zone, now);
    }
}
