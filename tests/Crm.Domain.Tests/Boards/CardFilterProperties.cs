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

    private static IEnumerable<Card> Selected(CardSpecification spec, List<Card> cards) => cards.AsQueryable().Where(spec.Where);

    /// <summary>
    /// The compact index gives exactly what the compiled specification gives: each list's total, its first page, and
    /// every page (beyond the end too), for every filter dimension, both orders and all page sizes. The index is built
    /// with 0 to 3 tag and user bits of their own, so the shared bit (many tags or users) is exercised as well.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property The_index_gives_exactly_the_pages_of_the_compiled_specification() => Prop.ForAll(
        (from input in OneFilter.Generator from bits in Gen.Choose(0, 3) from far in Gen.Choose(2, 1000) select (input, bits, far)).ToArbitrary(),
        test =>
        {
            var ((seeds, filter), bits, far) = test;
            var (w, cards) = CardScenario.Build(seeds);
            var spec = CardScenario.Spec(CardScenario.Draft(filter, w), w);
            var index = new BoardCardIndex(w.Board, cards, bits);
            var columns = index.Columns(spec);
            return columns.Select(c => c.Stage).SequenceEqual(w.Board.Stages.Select(s => s.Id))
                   && columns.All(column =>
                   {
                       var unpaged = spec.Apply(cards.AsQueryable()).Where(c => c.Stage == column.Stage).ToList();
                       var lastPage = unpaged.Count / spec.PageSize;
                       return column.Total == unpaged.Count
                              && Ids(column.Cards).SequenceEqual(Ids(unpaged.Take(spec.PageSize)))
                              && Ids(Enumerable.Range(0, lastPage + 1).SelectMany(page => index.Page(spec, column.Stage, page))).SequenceEqual(Ids(unpaged))
                              && Enumerable.Range(0, lastPage + 2).Append(lastPage + far).All(page =>
                                  Ids(index.Page(spec, column.Stage, page)).SequenceEqual(Ids(spec.Page(cards.AsQueryable(), column.Stage, page))));
                   });
        });

    private enum Edit { Move, Tag, Member, Seller, Task, Untask, Archive, Restore, Lose, Convert, Delete, Describe }

    /// <summary>An index built on an early snapshot and kept by <see cref="BoardCardIndex.Track"/> equals the specification after any edits.</summary>
    [Property(MaxTest = 100)]
    public Property An_index_kept_by_tracking_edits_agrees_with_the_specification() => Prop.ForAll(
        (from input in OneFilter.Generator
         from known in Gen.Choose(0, 60)
         from edits in Gen.ArrayOf(from card in Gen.Choose(0, 59) from edit in Gen.Elements(Enum.GetValues<Edit>()) from k in Gen.Choose(0, 2)
                                   select (card, edit, k)).Resize(40)
         select (input, known, edits)).ToArbitrary(),
        test =>
        {
            var ((seeds, filter), known, edits) = test;
            var (w, cards) = CardScenario.Build(seeds);
            var index = new BoardCardIndex(w.Board, cards.Take(known));
            foreach (var card in cards.Skip(known))
                index.Track(card);
            var stages = w.Board.Stages;
            var tags = new[] { w.Fibre.Id, w.Business.Id, w.Fibre.Id };
            foreach (var (at, edit, k) in edits.Where(e => e.card < cards.Count))
            {
                var (card, person) = (cards[at], CardScenario.People[k]);
                w.Clock.AdvanceMinutes(7);
                _ = edit switch
                {
                    Edit.Move => card.MoveTo(w.Board, stages[k].Id, w.Admin, w.Clock).IsT0,
                    Edit.Tag => card.Tags.Contains(tags[k]) ? card.RemoveTag(w.Board, tags[k], w.Admin, w.Clock).IsT0 : card.AddTag(w.Board, tags[k], w.Admin, w.Clock).IsT0,
                    Edit.Member => card.Members.Contains(person) ? card.RemoveMember(person, w.Admin, w.Clock).IsT0 : card.AddMember(person, w.Admin, w.Clock).IsT0,
                    Edit.Seller => card.AssignSeller(k == 2 ? null : person, w.Admin, w.Clock).IsT0,
                    Edit.Task => card.AddTask("Ligar", new NodaTime.LocalDate(2026, 4, 2), person, w.Admin, w.Clock).IsT0,
                    Edit.Untask => card.Tasks.Count > 0 && card.ChangeTask(card.Tasks[0].Id, new Crm.Domain.Tasks.TaskChange.Remove(), w.Admin, w.Clock).IsT0,
                    Edit.Archive => card.Archive(w.Admin, w.Clock).IsT0,
                    Edit.Restore => card.Restore(w.Admin, w.Clock).IsT0,
                    Edit.Lose => card.MarkLost(null, w.Admin, w.Clock).IsT0,
                    Edit.Convert => (k == 0 ? card.ConvertToCustomerService(w.Admin, w.Clock) : card.ConvertToCustomer(w.Admin, w.Clock)).IsT0,
                    Edit.Delete => card.Delete(false, w.Admin, w.Clock).IsT0,
                    _ => card.Describe($"edit {k}", w.Admin, w.Clock).IsT0,
                };
                index.Track(card);
            }
            var spec = CardScenario.Spec(CardScenario.Draft(filter, w) with { CardsPerList = 500 }, w);
            return index.Columns(spec).All(column =>
                Ids(column.Cards).SequenceEqual(Ids(spec.Apply(cards.AsQueryable()).Where(c => c.Stage == column.Stage))));
        });

    [Property(MaxTest = 150)]
    public Property A_and_B_selects_exactly_what_A_and_B_both_select() => Prop.ForAll(TwoFilters, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var inA = Selected(CardScenario.Spec(CardScenario.Draft(input.A, w), w), cards);
        var inB = Selected(CardScenario.Spec(CardScenario.Draft(input.B, w), w), cards);
        var both = CardFilter.Create(CardScenario.Draft(CardScenario.Merge(input.A, input.B, input.Owner), w));
        // A range that ends before it starts is refused as a filter; A and B then have nothing in common.
        var inBoth = both.Match(
            filter => Selected(new CardSpecification(filter, w.Board, CardScenario.SaoPaulo, CardScenario.Now), cards),
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

    [Property(MaxTest = 150)]
    public Property The_stagnant_filter_agrees_with_each_card() => Prop.ForAll(OneFilter, input =>
    {
        var (w, cards) = CardScenario.Build(input.Cards);
        var stagnant = CardSpecification.Stagnant(w.Board, CardScenario.Now).Compile();
        return cards.All(c => stagnant(c) == c.IsStagnant(w.Board, CardScenario.Now));
    });

    /// <summary>Whatever task operations a card goes through (refused ones included), it has tasks exactly when its list is not empty.</summary>
    [Property(MaxTest = 150)]
    public Property Has_tasks_is_whether_the_task_list_is_empty_after_any_task_operations() => Prop.ForAll(
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, 4))).ToArbitrary(),
        operations =>
        {
            var w = new BoardWorld();
            var card = w.Open("tarefas");
            var ids = new List<Crm.Domain.Tasks.TaskId>();
            foreach (var (operation, which) in operations)
            {
                if (operation == 0)
                    ids.Add(card.AddTask("Ligar", new NodaTime.LocalDate(2026, 4, 2), w.Admin, w.Admin, w.Clock).AsT0.Id);
                else if (ids.Count > 0)
                    card.ChangeTask(ids[which % ids.Count], operation switch
                    {
                        1 => new Crm.Domain.Tasks.TaskChange.Complete(),
                        2 => new Crm.Domain.Tasks.TaskChange.Reopen(),
                        _ => new Crm.Domain.Tasks.TaskChange.Remove(),
                    }, w.Admin, w.Clock);
                if (card.HasTasks != card.Tasks.Count > 0)
                    return false;
            }
            return true;
        });
}
