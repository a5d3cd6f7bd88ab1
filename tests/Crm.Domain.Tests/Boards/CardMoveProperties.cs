using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Boards;

public class CardMoveProperties
{
    // Cards start in stage (0..2); each move names a card and a target (3 = a stage of another board).
    private static readonly Arbitrary<(int[] Starts, (int Card, int Stage)[] Moves)> Scenarios =
        (from starts in Gen.ArrayOf(Gen.Choose(0, 2)).Resize(40)
         from moves in Gen.ArrayOf(from card in Gen.Choose(0, 39) from stage in Gen.Choose(0, 3) select (card, stage)).Resize(80)
         select (starts, moves)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Moving_cards_never_loses_or_duplicates_one() => Prop.ForAll(Scenarios, input =>
    {
        var w = new BoardWorld();
        var elsewhere = new BoardWorld();
        var stages = new[] { w.New.Id, w.Visit.Id, w.Contract.Id, elsewhere.New.Id };
        var cards = input.Starts.Select((s, i) => w.Open($"card {i}", w.Board.Stages[s])).ToList();
        var expected = input.Starts.Select(s => stages[s]).ToArray();
        foreach (var (index, stage) in input.Moves.Where(m => m.Card < cards.Count))
        {
            w.Clock.AdvanceMinutes(1);
            if (cards[index].MoveTo(w.Board, stages[stage], w.Admin, w.Clock).IsT0)
                expected[index] = stages[stage];
        }
        var everything = new CardSpecification(CardFilter.Create(new CardFilterDraft { Archived = TriState.All, CardsPerList = 500 }).AsT0,
            w.Board, CardScenario.SaoPaulo, w.Clock.GetCurrentInstant());
        var shown = everything.Columns(w.Board, cards).SelectMany(c => c.Cards.Select(card => (card.Id, c.Stage))).ToList();
        return shown.Count == cards.Count
               && shown.Select(s => s.Id).Distinct().Count() == cards.Count
               && shown.All(s => s.Stage == expected[cards.FindIndex(c => c.Id == s.Id)])
               && !expected.Contains(elsewhere.New.Id);
    });
}
