using System.Linq.Expressions;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// A <see cref="CardFilter"/> made concrete for one board, time zone and instant: a predicate, a sort key and a page
/// size as expression trees over <see cref="Card"/>'s mapped members only (instants, ids, collections), so that
/// <see cref="Apply"/> runs unchanged on an EF Core <see cref="IQueryable{T}"/> (SQL). In memory, a
/// <see cref="BoardCardIndex"/> evaluates the same concrete bounds, sets and cutoffs over its compact rows. Dates are
/// business dates in <c>zone</c>, turned into a half-open instant range; stagnation is judged at <c>now</c>, given as a
/// parameter because it changes with time.
/// </summary>
public sealed class CardSpecification
{
    private static readonly Expression<Func<Card, Instant>> ByCard = c => c.CreatedAt;
    private static readonly Expression<Func<Card, Instant>> ByProspect = c => c.ProspectRegisteredAt;

    /// <summary>Builds the specification.</summary>
    /// <param name="filter">The user's filter.</param>
    /// <param name="board">The board the cards are on (its id, stage order and stagnant days).</param>
    /// <param name="zone">The tenant's time zone, for the business-date range.</param>
    /// <param name="now">The instant stagnation is judged at.</param>
    public CardSpecification(CardFilter filter, Board board, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(zone);
        Form = filter.Draft;
        Board = board.Id;
        Stages = [.. board.Stages.Select(s => s.Id)];
        Cutoffs = board.StagnationCutoffs(now);
        From = Form.From?.AtStartOfDayInZone(zone).ToInstant();
        Until = Form.To?.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        SortKey = Form.DateKind == CardDateKind.ProspectRegistered ? ByProspect : ByCard;
        Order = Form.Order;
        PageSize = (int)filter.CardsPerList;
        Where = Predicate.All(Parts());
    }

    /// <summary>Which cards match, as a translatable expression.</summary>
    public Expression<Func<Card, bool>> Where { get; }

    /// <summary>The instant cards are ordered by (card created or prospect registered).</summary>
    public Expression<Func<Card, Instant>> SortKey { get; }

    /// <summary>Ascending or descending; ties are broken by card id in the same direction, so the two orders are exact reverses.</summary>
    public SortOrder Order { get; }

    /// <summary>Cards per list.</summary>
    public int PageSize { get; }

    /// <summary>The board's id.</summary>
    internal BoardId Board { get; }

    /// <summary>The board's stages, left to right, when the specification was made.</summary>
    internal IReadOnlyList<BoardStageId> Stages { get; }

    /// <summary>The validated form (sets de-duplicated).</summary>
    internal CardFilterDraft Form { get; }

    /// <summary>First instant of the range (inclusive), or null.</summary>
    internal Instant? From { get; }

    /// <summary>First instant after the range (exclusive), or null.</summary>
    internal Instant? Until { get; }

    /// <summary>Per stage with a threshold: a card updated before this instant is stagnant there.</summary>
    internal IReadOnlyList<(BoardStageId Stage, Instant UpdatedBefore)> Cutoffs { get; }

    /// <summary>Open cards not updated for more than their stage's stagnant days at <paramref name="now"/>, as an expression.</summary>
    /// <param name="board">The board, for each stage's threshold.</param>
    /// <param name="now">The instant to judge by.</param>
    public static Expression<Func<Card, bool>> Stagnant(Board board, Instant now)
    {
        ArgumentNullException.ThrowIfNull(board);
        return StagnantBefore(board.StagnationCutoffs(now));
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

    private List<Expression<Func<Card, bool>>> Parts()
    {
        var (board, form) = (Board, Form);
        // Cheap column tests first, so that AND short-circuits before the costlier ones (collections, stagnation).
        var parts = new List<Expression<Func<Card, bool>>> { c => c.Board == board && c.DeletedAt == null };
        AddTriState(parts, form.Archived, c => c.ArchivedAt != null);
        AddTriState(parts, form.Lost, c => c.LostAt != null);
        AddTriState(parts, form.ConvertedToCustomer, c => c.ConvertedToCustomerAt != null);
        AddTriState(parts, form.ConvertedToCustomerService, c => c.ConvertedToServiceAt != null);
        if (From is { } from)
            parts.Add(Predicate.On(SortKey, (Instant at) => at >= from));
        if (Until is { } until)
            parts.Add(Predicate.On(SortKey, (Instant at) => at < until));
        if (form.Sellers.Count > 0)
        {
            // Contains over a parameter set: SQL IN.
            var sellers = form.Sellers.Select(s => (UserId?)s).ToHashSet();
            parts.Add(c => sellers.Contains(c.Seller));
        }
        // Any of the chosen tags or members: EXISTS/IN in SQL.
        if (form.Tags.Count > 0)
            parts.Add(Predicate.Any(form.Tags.Select(tag => (Expression<Func<Card, bool>>)(c => c.Tags.Contains(tag)))));
        if (form.Users.Count > 0)
            parts.Add(Predicate.Any(form.Users.Select(user => (Expression<Func<Card, bool>>)(c => c.Members.Contains(user)))));
        AddTriState(parts, form.HasTasks, c => c.HasTasks);
        AddTriState(parts, form.Stagnant, StagnantBefore(Cutoffs));
        return parts;
    }

    private static Expression<Func<Card, bool>> StagnantBefore(IReadOnlyList<(BoardStageId Stage, Instant UpdatedBefore)> cutoffs)
    {
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

    private static void AddTriState(List<Expression<Func<Card, bool>>> parts, TriState state, Expression<Func<Card, bool>> holds)
    {
        if (state == TriState.Yes)
            parts.Add(holds);
        else if (state == TriState.No)
            parts.Add(Predicate.Not(holds));
    }
}
