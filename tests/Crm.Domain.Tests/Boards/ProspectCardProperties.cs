using Crm.Domain.Boards.Cards;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Boards;

public class ProspectCardProperties
{
    // Steps: open a card for prospect p (0..5) on board b (0..1), or delete the card at index i.
    private static readonly Arbitrary<(bool Open, int Prospect, int Board, int Card)[]> Steps =
        Gen.ArrayOf(
            from open in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from prospect in Gen.Choose(0, 5)
            from board in Gen.Choose(0, 1)
            from card in Gen.Choose(0, 20)
            select (open, prospect, board, card)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_prospect_never_has_two_live_cards_across_the_tenant_boards() => Prop.ForAll(Steps, steps =>
    {
        var main = new BoardWorld();
        var other = new BoardWorld();
        var boards = new[] { main, other };
        var index = new ProspectCardIndex([]);
        var prospects = Enumerable.Range(0, 6).Select(_ => BoardWorld.Prospect()).ToArray();
        var cards = new List<Card>();
        foreach (var (open, prospect, board, card) in steps)
        {
            var w = boards[board];
            if (open)
            {
                var opened = Card.Open(w.Board, w.New.Id, "Cartão", prospects[prospect], null, null, index, w.Admin, w.Clock);
                if (opened.TryPickT0(out var created, out _))
                {
                    cards.Add(created);
                    index.Track(created);
                }
            }
            else if (card < cards.Count && cards[card].Delete(false, w.Admin, w.Clock).IsT0)
                index.Track(cards[card]);
        }
        var live = cards.Where(c => c.DeletedAt is null).ToList();
        return live.Select(c => c.Prospect).Distinct().Count() == live.Count
               && prospects.All(p => index.CardOf(p.Prospect) == live.SingleOrDefault(c => c.Prospect == p.Prospect)?.Id);
    });
}
