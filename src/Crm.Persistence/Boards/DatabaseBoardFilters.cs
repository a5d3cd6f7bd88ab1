using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Boards;

/// <summary>
/// Users' board filters over the session's tenant: read a user's preferences for a board (the stored ones, or new
/// detached ones when none are stored: reading never writes), keep them for the next save when the user changes them,
/// and query the board's cards through the filter in use, inside SQL.
/// </summary>
/// <param name="db">The tenant's unit of work.</param>
public sealed class DatabaseBoardFilters(CrmDbContext db)
{
    /// <summary>
    /// The preferences of <paramref name="user"/> on <paramref name="board"/>: the stored ones, tracked by the unit of
    /// work, or new ones with the cleared filter that nothing stores until they are given to <see cref="Keep"/>.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="board">The board.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<BoardFilterPreferences> OfAsync(UserId user, BoardId board, CancellationToken cancellationToken = default) =>
        await db.BoardFilters.FindAsync([db.Tenant, user, board], cancellationToken).ConfigureAwait(false)
            ?? new BoardFilterPreferences(user, board);

    /// <summary>
    /// Has the next <see cref="CrmDbContext.SaveAsync"/> store <paramref name="preferences"/> after the user changed
    /// them: new ones are added (two sessions keeping new preferences for the same user and board at once: the second
    /// save is refused as a duplicate), stored ones are already tracked and saved with their version check.
    /// </summary>
    /// <param name="preferences">The preferences from <see cref="OfAsync"/>.</param>
    public void Keep(BoardFilterPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (db.Entry(preferences).State == EntityState.Detached)
            db.BoardFilters.Add(preferences);
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
