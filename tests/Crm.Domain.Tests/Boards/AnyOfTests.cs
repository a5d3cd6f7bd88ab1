using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;

namespace Crm.Domain.Tests.Boards;

/// <summary>The shared mask bit: values past the exact bits are confirmed on the card itself, without allocating.</summary>
public class AnyOfTests
{
    private readonly BoardWorld _w = new();

    [Fact]
    public void A_shared_bit_is_confirmed_on_the_card_and_the_check_allocates_nothing()
    {
        var extra = _w.Board.AddTag("Rádio", Colour.Of("#FF0000"), _w.Admin, _w.Clock).AsT0;
        var both = _w.Open("ambas");
        both.AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock);
        both.AddTag(_w.Board, _w.Business.Id, _w.Admin, _w.Clock);
        var other = _w.Open("rádio");
        other.AddTag(_w.Board, extra.Id, _w.Admin, _w.Clock);
        // No exact bits: every tag shares bit 0, so every match is confirmed on the card.
        var ids = new Interned<TagId>(0);
        var mask = ids.Mask(both.Tags);
        ids.Mask(other.Tags);
        var business = new AnyOf<TagId>([extra.Id, _w.Business.Id], ids, c => c.Tags);
        var radio = new AnyOf<TagId>([extra.Id], ids, c => c.Tags);

        Assert.True(business.Matches(mask, both));
        Assert.False(radio.Matches(mask, both));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
            _ = business.Matches(mask, both) && !radio.Matches(mask, both);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
