using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Boards;

public class CardFilterProperties
{
    private static readonly Gen<CardSeed[]> Boards = Gen.ArrayOf(CardScenario.Cards).Resize(60);

    private static readonly Arbitrary<(CardSeed[] Cards, FilterSeed Filter)> OneFilter =
        (from cards in Boards from filter in CardScenario.AnyFilter select (cards, filter)).ToArbitrary();

    // Each criterion goes to A, to B or to neither: A ∧ B is the filter with both sets of criteria.
    private static readonly Arbitrary<(CardSeed[] Cards, FilterSeed A, FilterSeed B, int[] Owner)> TwoFilters =
        (from cards in Boards
         from owner in Gen.ArrayOf(Gen.Choose(0, 2), CardScenario.Criteria)
         from a in CardScenario.Filters(Gen.Constant(owner.Select(o => o == 1).ToArray()))
         from b in CardScenario.Filters(Gen.Constant(owner.Select(o => o == 2).ToArray()))
         select (cards, a, b with { Kind = a.Kind }, owner)).ToArbitrary();

    private static List<CardId> Ids(IEnumerable<Card> cards) => [.. cards.Select(c => c.Id)];

    [Property(MaxTest = 150)]
    public Property Queryable_and_compiled_predicates_select_the_same_cards() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var spec = CardScenario.Spec(CardScenario.Draft(input.Filter, w), w);
        return cards.AsQueryable().Where(spec.Where).ToHashSet().SetEquals(cards.Where(spec.Matches));
    });

    [Property(MaxTest = 150)]
    public Property A_and_B_selects_exactly_what_A_and_B_both_select() => Prop.ForAll(TwoFilters, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var inA = cards.Where(CardScenario.Spec(CardScenario.Draft(input.A, w), w).Matches);
        var inB = cards.Where(CardScenario.Spec(CardScenario.Draft(input.B, w), w).Matches);
        var both = CardFilter.Create(CardScenario.Draft(CardScenario.Merge(input.A, input.B, input.Owner), w));
        // A range that ends before it starts is refused as a filter; A and B then have nothing in common.
        var inBoth = both.Match(
            filter => cards.Where(new CardSpecification(filter, w.Board, CardScenario.SaoPaulo, CardScenario.Now).Matches),
            _ => []);
        return inBoth.ToHashSet().SetEquals(inA.Intersect(inB));
    });

    [Property(MaxTest = 150)]
    public Property Ascending_is_the_reverse_of_descending() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var draft = CardScenario.Draft(input.Filter, w);
        var ascending = Ids(CardScenario.Spec(draft with { Order = SortOrder.Ascending }, w).Apply(cards.AsQueryable()));
        var descending = Ids(CardScenario.Spec(draft with { Order = SortOrder.Descending }, w).Apply(cards.AsQueryable()));
        descending.Reverse();
        return ascending.SequenceEqual(descending);
    });

    [Property(MaxTest = 100)]
    public Property Pages_concatenated_are_the_unpaged_list_in_memory_and_in_queries() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var spec = CardScenario.Spec(CardScenario.Draft(input.Filter, w) with { CardsPerList = 10 }, w);
        return w.Board.Stages.All(stage =>
        {
            var unpaged = Ids(spec.Apply(cards.AsQueryable()).Where(c => c.Stage == stage.Id));
            var inMemory = new List<CardId>();
            var queried = new List<CardId>();
            for (var page = 0; page * spec.PageSize <= unpaged.Count; page++)
            {
                inMemory.AddRange(Ids(spec.Page(cards, stage.Id, page)));
                queried.AddRange(Ids(spec.Page(cards.AsQueryable(), stage.Id, page)));
            }
            return inMemory.SequenceEqual(unpaged) && queried.SequenceEqual(unpaged);
        });
    });

    [Property(MaxTest = 100)]
    public Property Columns_count_every_match_once_and_show_the_first_page() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var spec = CardScenario.Spec(CardScenario.Draft(input.Filter, w), w);
        var columns = spec.Columns(w.Board, cards);
        return columns.Sum(c => c.Total) == cards.Count(spec.Matches)
               && columns.All(c => Ids(c.Cards).SequenceEqual(Ids(spec.Page(cards, c.Stage, 0))));
    });

    [Property(MaxTest = 150)]
    public Property The_stagnant_filter_agrees_with_each_card() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var stagnant = CardSpecification.Stagnant(w.Board, CardScenario.Now).Compile();
        return cards.All(c => stagnant(c) == c.IsStagnant(w.Board, CardScenario.Now));
    });
}
