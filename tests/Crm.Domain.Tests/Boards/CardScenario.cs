using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Domain.Tests.Boards;

/// <summary>How one generated card is built: every field a filter looks at, drawn at random.</summary>
internal sealed record CardSeed(
    int Stage, int CreatedHours, int RegisteredHours, int QuietHours, bool[] Tags, bool[] Members, int Seller, int State, bool Task, bool Deleted);

/// <summary>A generated filter form, by positions (tags are resolved on the board the cards are built on).</summary>
internal sealed record FilterSeed(
    int FromDay, int ToDay, CardDateKind Kind, SortOrder Order, int Size, bool[] Tags, bool[] Users, bool[] Sellers, TriState[] States, bool[] Use);

/// <summary>Random boards of cards and random filters over them, built through the domain's own operations.</summary>
internal static class CardScenario
{
    /// <summary>Date from, date to, tags, users, sellers, then the six yes/no filters.</summary>
    public const int Criteria = 11;

    public static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    public static readonly Instant Now = BoardWorld.Start + Duration.FromDays(30);
    public static readonly UserId[] People = [BoardWorld.User(), BoardWorld.User(), BoardWorld.User()];

    private static Gen<bool[]> Flags(int count) => Gen.ArrayOf(Gen.Elements(true, false), count);

    public static readonly Gen<CardSeed> Cards =
        from stage in Gen.Choose(0, 2)
        from created in Gen.Choose(0, 24 * 20)
        from registered in Gen.Choose(-24 * 60, 0)
        from quiet in Gen.Choose(0, 24 * 10)
        from tags in Flags(2)
        from members in Flags(3)
        from seller in Gen.Choose(-1, 2)
        from state in Gen.Choose(0, 5)
        from task in Gen.Elements(true, false)
        from deleted in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new CardSeed(stage, created, registered, quiet, tags, members, seller, state, task, deleted);

    /// <summary>A filter whose criterion k is set only when <paramref name="use"/>[k]; the others stay "all" or empty.</summary>
    public static Gen<FilterSeed> Filters(Gen<bool[]> use) =>
        from fromDay in Gen.Choose(-2, 22)
        from span in Gen.Choose(0, 15)
        from kind in Gen.Elements(CardDateKind.CardCreated, CardDateKind.ProspectRegistered)
        from order in Gen.Elements(SortOrder.Ascending, SortOrder.Descending)
        from size in Gen.Elements(10, 20, 50, 100, 500)
        from tags in Flags(2)
        from users in Flags(3)
        from sellers in Flags(3)
        from states in Gen.ArrayOf(Gen.Elements(TriState.All, TriState.Yes, TriState.No), 6)
        from used in use
        select new FilterSeed(fromDay, fromDay + span, kind, order, size, tags, users, sellers, states, used);

    public static Gen<FilterSeed> AnyFilter => Filters(Flags(Criteria));

    /// <summary>Builds the cards on a fresh board: each is opened, tagged and worked, then left quiet for a while.</summary>
    public static (BoardWorld World, List<Card> Cards) Build(IEnumerable<CardSeed> seeds)
    {
        var w = new BoardWorld();
        var stages = new[] { w.New, w.Visit, w.Contract };
        var tags = new[] { w.Fibre, w.Business };
        var cards = new List<Card>();
        foreach (var seed in seeds)
        {
            var created = BoardWorld.Start + Duration.FromHours(seed.CreatedHours);
            w.Clock.Reset(created);
            var card = w.Open($"card {cards.Count}", stages[seed.Stage], seed.Seller < 0 ? null : People[seed.Seller],
                prospect: BoardWorld.Prospect(created + Duration.FromHours(seed.RegisteredHours)));
            w.Clock.Reset(Now - Duration.FromHours(seed.QuietHours) - Duration.FromDays(seed.CreatedHours % 7));
            for (var t = 0; t < tags.Length; t++)
                if (seed.Tags[t])
                    card.AddTag(w.Board, tags[t].Id, w.Admin, w.Clock);
            for (var m = 0; m < People.Length; m++)
                if (seed.Members[m])
                    card.AddMember(People[m], w.Admin, w.Clock);
            if (seed.Task)
                card.AddTask("Retornar", new LocalDate(2026, 4, 1), w.Admin, w.Admin, w.Clock);
            switch (seed.State)
            {
                case 1: card.Archive(w.Admin, w.Clock); break;
                case 2: card.MarkLost("preço", w.Admin, w.Clock); break;
                case 3: card.ConvertToCustomer(w.Admin, w.Clock); break;
                case 4: card.ConvertToCustomerService(w.Admin, w.Clock); break;
                case 5: card.MarkLost("sumiu", w.Admin, w.Clock); card.Archive(w.Admin, w.Clock); break;
                default: card.Describe("em andamento", w.Admin, w.Clock); break;
            }
            if (seed.Deleted)
                card.Delete(seed.Task, w.Admin, w.Clock);
            cards.Add(card);
        }
        return (w, cards);
    }

    /// <summary>The filter form of <paramref name="seed"/> on <paramref name="w"/>'s board.</summary>
    public static CardFilterDraft Draft(FilterSeed seed, BoardWorld w)
    {
        var start = new LocalDate(2026, 3, 2);
        var tags = new[] { w.Fibre.Id, w.Business.Id };
        TriState State(int k) => seed.Use[k] ? seed.States[k - 5] : TriState.All;
        return new CardFilterDraft
        {
            From = seed.Use[0] ? start.PlusDays(seed.FromDay) : null,
            To = seed.Use[1] ? start.PlusDays(seed.ToDay) : null,
            DateKind = seed.Kind,
            Order = seed.Order,
            CardsPerList = seed.Size,
            Tags = seed.Use[2] ? [.. tags.Where((_, k) => seed.Tags[k])] : [],
            Users = seed.Use[3] ? [.. People.Where((_, k) => seed.Users[k])] : [],
            Sellers = seed.Use[4] ? [.. People.Where((_, k) => seed.Sellers[k])] : [],
            Stagnant = State(5),
            HasTasks = State(6),
            Archived = State(7),
            Lost = State(8),
            ConvertedToCustomer = State(9),
            ConvertedToCustomerService = State(10),
        };
    }

    /// <summary>The filter with A's criteria where <paramref name="owner"/>[k] is 1 and B's where it is 2 (both share A's date kind).</summary>
    public static FilterSeed Merge(FilterSeed a, FilterSeed b, int[] owner)
    {
        T Pick<T>(int k, T fromA, T fromB) => owner[k] == 2 ? fromB : fromA;
        return a with
        {
            FromDay = Pick(0, a.FromDay, b.FromDay),
            ToDay = Pick(1, a.ToDay, b.ToDay),
            Tags = Pick(2, a.Tags, b.Tags),
            Users = Pick(3, a.Users, b.Users),
            Sellers = Pick(4, a.Sellers, b.Sellers),
            States = [.. Enumerable.Range(0, 6).Select(k => Pick(k + 5, a.States[k], b.States[k]))],
            Use = [.. owner.Select(o => o != 0)],
        };
    }

    public static CardSpecification Spec(CardFilterDraft draft, BoardWorld w) =>
        new(CardFilter.Create(draft).AsT0, w.Board, SaoPaulo, Now);
}
