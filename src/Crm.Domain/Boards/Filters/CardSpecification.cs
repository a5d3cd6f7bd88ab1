using System.Linq.Expressions;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// A <see cref="CardFilter"/> made concrete for one board, time zone and instant: a predicate, a sort key and a page
/// size as expression trees over <see cref="Card"/>'s mapped members only (instants, ids, collections), so that
/// <see cref="Apply"/> runs unchanged on an EF Core <see cref="IQueryable{T}"/> (SQL) and on
/// <c>cards.AsQueryable()</c>, while <see cref="Columns"/> and <see cref="Page(IEnumerable{Card}, BoardStageId, int)"/>
/// run the compiled predicate in memory. Dates are business dates in <c>zone</c>, turned into a half-open instant
/// range; stagnation is judged at <c>now</c>, given as a parameter because it changes with time.
/// </summary>
public sealed class CardSpecification
{
    private static readonly Expression<Func<Card, Instant>> ByCard = c => c.CreatedAt;
    private static readonly Expression<Func<Card, Instant>> ByProspect = c => c.ProspectRegisteredAt;
    private static readonly Func<Card, Instant> ByCardCompiled = ByCard.Compile();
    private static readonly Func<Card, Instant> ByProspectCompiled = ByProspect.Compile();

    private readonly Lazy<Func<Card, bool>> _matches;
    private readonly Func<Card, Instant> _key;

    /// <summary>Builds the specification.</summary>
    /// <param name="filter">The user's filter.</param>
    /// <param name="board">The board the cards are on (its id and stagnant days).</param>
    /// <param name="zone">The tenant's time zone, for the business-date range.</param>
    /// <param name="now">The instant stagnation is judged at.</param>
    public CardSpecification(CardFilter filter, Board board, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(zone);
        var form = filter.Draft;
        (SortKey, _key) = form.DateKind == CardDateKind.ProspectRegistered ? (ByProspect, ByProspectCompiled) : (ByCard, ByCardCompiled);
        Order = form.Order;
        PageSize = (int)filter.CardsPerList;
        var boardId = board.Id;
        // Cheap column tests first, so that AND short-circuits before the costlier ones (collections, stagnation).
        var parts = new List<Expression<Func<Card, bool>>> { c => c.Board == boardId && c.DeletedAt == null };
        AddTriState(parts, form.Archived, c => c.ArchivedAt != null);
        AddTriState(parts, form.Lost, c => c.LostAt != null);
        AddTriState(parts, form.ConvertedToCustomer, c => c.ConvertedToCustomerAt != null);
        AddTriState(parts, form.ConvertedToCustomerService, c => c.ConvertedToServiceAt != null);
        if (form.From is { } first)
        {
            var from = first.AtStartOfDayInZone(zone).ToInstant();
            parts.Add(Predicate.On(SortKey, (Instant at) => at >= from));
        }
        if (form.To is { } last)
        {
            var until = last.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            parts.Add(Predicate.On(SortKey, (Instant at) => at < until));
        }
        if (form.Sellers.Count > 0)
        {
            // Contains over a parameter set: SQL IN; in memory the set answers in O(1).
            var sellers = form.Sellers.Select(s => (UserId?)s).ToHashSet();
            parts.Add(c => sellers.Contains(c.Seller));
        }
        // Any of the chosen tags or members: one short array scan per value in memory, EXISTS/IN in SQL, no per-card allocation.
        if (form.Tags.Count > 0)
            parts.Add(Predicate.Any(form.Tags.Select(tag => (Expression<Func<Card, bool>>)(c => c.Tags.Contains(tag)))));
        if (form.Users.Count > 0)
            parts.Add(Predicate.Any(form.Users.Select(user => (Expression<Func<Card, bool>>)(c => c.Members.Contains(user)))));
        AddTriState(parts, form.HasTasks, c => c.Tasks.Count > 0);
        AddTriState(parts, form.Stagnant, Stagnant(board, now));
        Where = Predicate.All(parts);
        _matches = new(() => CompiledPredicate<Card>.Of(Where));
    }

    /// <summary>Which cards match, as a translatable expression.</summary>
    public Expression<Func<Card, bool>> Where { get; }

    /// <summary>The instant cards are ordered by (card created or prospect registered).</summary>
    public Expression<Func<Card, Instant>> SortKey { get; }

    /// <summary>Ascending or descending; ties are broken by card id in the same direction, so the two orders are exact reverses.</summary>
    public SortOrder Order { get; }

    /// <summary>Cards per list.</summary>
    public int PageSize { get; }

    /// <summary>Open cards not updated for more than their stage's stagnant days at <paramref name="now"/>, as an expression.</summary>
    /// <param name="board">The board, for each stage's threshold.</param>
    /// <param name="now">The instant to judge by.</param>
    public static Expression<Func<Card, bool>> Stagnant(Board board, Instant now)
    {
        ArgumentNullException.ThrowIfNull(board);
        var cutoffs = board.StagnationCutoffs(now);
        if (cutoffs.Count == 0)
            return _ => false;
        // A card updated after the latest cutoff is stagnant in no stage: one comparison settles most cards.
        var latest = cutoffs.Max(c => c.UpdatedBefore);
        var late = cutoffs.Select(cut =>
        {
            var (stage, before) = cut;
            return (Expression<Func<Card, bool>>)(c => c.Stage == stage && c.UpdatedAt < before);
        });
        return Predicate.All([c => c.UpdatedAt < latest, Open, Predicate.Any(late)]);
    }

    /// <summary>Cards still being worked: not archived, lost, converted or deleted.</summary>
    public static Expression<Func<Card, bool>> Open { get; } = c =>
        c.ArchivedAt == null && c.LostAt == null && c.ConvertedToCustomerAt == null && c.ConvertedToServiceAt == null && c.DeletedAt == null;

    /// <summary>The matching cards in the filter's order (persistence: pass the card set; memory: <c>cards.AsQueryable()</c>).</summary>
    /// <param name="cards">The cards to query.</param>
    public IQueryable<Card> Apply(IQueryable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var matching = cards.Where(Where);
        return Order == SortOrder.Ascending
            ? matching.OrderBy(SortKey).ThenBy(c => c.Id)
            : matching.OrderByDescending(SortKey).ThenByDescending(c => c.Id);
    }

    /// <summary>Page <paramref name="page"/> (0-based) of one list, in the filter's order.</summary>
    /// <param name="cards">The cards to query.</param>
    /// <param name="stage">The list.</param>
    /// <param name="page">The page number, from 0.</param>
    public IQueryable<Card> Page(IQueryable<Card> cards, BoardStageId stage, int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        return Apply(cards.Where(c => c.Stage == stage)).Skip(page * PageSize).Take(PageSize);
    }

    /// <summary>True when <paramref name="card"/> matches (the compiled <see cref="Where"/>).</summary>
    /// <param name="card">The card.</param>
    public bool Matches(Card card) => _matches.Value(card);

    /// <summary>Page <paramref name="page"/> (0-based) of one list, computed in memory with the compiled predicate.</summary>
    /// <param name="cards">The cards.</param>
    /// <param name="stage">The list.</param>
    /// <param name="page">The page number, from 0.</param>
    public IReadOnlyList<Card> Page(IEnumerable<Card> cards, BoardStageId stage, int page)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var matches = _matches.Value;
        var best = new BestCards((page + 1) * PageSize, Order);
        foreach (var card in cards)
            if (card.Stage == stage && matches(card))
                best.Offer(card, _key(card));
        return best.Drain(page * PageSize);
    }

    /// <summary>
    /// The board as the user sees it, computed in memory in one pass: for each stage in order, how many cards match and
    /// the first page of them.
    /// </summary>
    /// <param name="board">The board (for the stage order).</param>
    /// <param name="cards">The cards.</param>
    public IReadOnlyList<BoardColumn> Columns(Board board, IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(cards);
        var matches = _matches.Value;
        var stages = board.Stages.Select(s => s.Id).ToArray();
        var totals = new int[stages.Length];
        var pages = stages.Select(_ => new BestCards(PageSize, Order)).ToArray();
        foreach (var card in cards)
        {
            if (!matches(card))
                continue;
            var column = 0;
            while (column < stages.Length && stages[column] != card.Stage)
                column++;
            if (column == stages.Length)
                continue;
            totals[column]++;
            pages[column].Offer(card, _key(card));
        }
        return [.. stages.Select((stage, i) => new BoardColumn(stage, totals[i], pages[i].Drain(0)))];
    }

    private static void AddTriState(List<Expression<Func<Card, bool>>> parts, TriState state, Expression<Func<Card, bool>> holds)
    {
        if (state == TriState.Yes)
            parts.Add(holds);
        else if (state == TriState.No)
            parts.Add(Predicate.Not(holds));
    }
}
