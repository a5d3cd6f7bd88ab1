using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Crm.Domain.Tasks;
using NodaTime;

namespace Crm.Domain.Tests.Boards;

public class CardFilterTests
{
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private readonly BoardWorld _w = new();
    private readonly List<Card> _cards = [];

    /// <summary>Opens a card a minute after the previous one, so creation order is insertion order.</summary>
    private Card Add(string name, BoardWorld? world = null)
    {
        _w.Clock.AdvanceMinutes(1);
        var card = (world ?? _w).Open(name);
        _cards.Add(card);
        return card;
    }

    private static CardFilter Filter(CardFilterDraft draft) => CardFilter.Create(draft).AsT0;

    /// <summary>The names the filter selects, in order; the IQueryable path and the in-memory index must agree.</summary>
    private List<string> Run(CardFilterDraft draft, Instant? now = null)
    {
        var spec = new CardSpecification(Filter(draft), _w.Board, SaoPaulo, now ?? _w.Clock.GetCurrentInstant());
        var queried = spec.Apply(_cards.AsQueryable()).Select(c => c.Name).ToList();
        var index = new BoardCardIndex(_w.Board, _cards);
        var indexed = _w.Board.Stages.SelectMany(stage => CardScenario.AllPages(index, spec, stage.Id)).Select(c => c.Name);
        Assert.True(indexed.ToHashSet().SetEquals(queried));
        return queried;
    }

    [Fact]
    public void The_cleared_filter_shows_every_card_but_archived_ones_oldest_first()
    {
        Add("a");
        _w.Clock.AdvanceHours(1);
        Add("b").Archive(_w.Admin, _w.Clock);
        _w.Clock.AdvanceHours(1);
        Add("c");

        Assert.Equal(["a", "c"], Run(new CardFilterDraft()));
        Assert.Equal(CardsPerList.Twenty, CardFilter.Cleared.CardsPerList);
    }

    [Fact]
    public void Deleted_cards_and_cards_of_other_boards_never_show()
    {
        Add("kept");
        Add("gone").Delete(false, _w.Admin, _w.Clock);
        Add("elsewhere", new BoardWorld());

        Assert.Equal(["kept"], Run(new CardFilterDraft { Archived = TriState.All }));
    }

    [Fact]
    public void Date_range_over_card_creation_is_inclusive_business_dates_in_the_tenant_zone()
    {
        // Add opens a minute after the clock: 2026-03-03T02:59Z is still 2 March in São Paulo (UTC−3), 03:00Z is 3 March.
        _w.Clock.Reset(Instant.FromUtc(2026, 3, 3, 2, 58));
        Add("late on the 2nd");
        _w.Clock.Reset(Instant.FromUtc(2026, 3, 3, 2, 59));
        Add("first minute of the 3rd");
        _w.Clock.Reset(Instant.FromUtc(2026, 3, 5, 2, 58));
        Add("last minute of the 4th");

        var march3to4 = new CardFilterDraft { From = new LocalDate(2026, 3, 3), To = new LocalDate(2026, 3, 4) };
        Assert.Equal(["first minute of the 3rd", "last minute of the 4th"], Run(march3to4));
        Assert.Equal(["late on the 2nd"], Run(new CardFilterDraft { To = new LocalDate(2026, 3, 2) }));
        Assert.Equal(["last minute of the 4th"], Run(new CardFilterDraft { From = new LocalDate(2026, 3, 4) }));
    }

    [Fact]
    public void Date_type_prospect_registered_filters_and_orders_by_the_prospect_date()
    {
        _cards.Add(_w.Open("old prospect, new card", prospect: BoardWorld.Prospect(Instant.FromUtc(2026, 1, 10, 15, 0))));
        _w.Clock.AdvanceDays(1);
        _cards.Add(_w.Open("new prospect, newer card", prospect: BoardWorld.Prospect(Instant.FromUtc(2026, 2, 20, 15, 0))));
        _cards.Add(_w.Open("older prospect", prospect: BoardWorld.Prospect(Instant.FromUtc(2025, 12, 1, 15, 0))));

        var draft = new CardFilterDraft { DateKind = CardDateKind.ProspectRegistered, From = new LocalDate(2026, 1, 1) };
        Assert.Equal(["old prospect, new card", "new prospect, newer card"], Run(draft));
        Assert.Equal(["older prospect", "old prospect, new card", "new prospect, newer card"],
            Run(new CardFilterDraft { DateKind = CardDateKind.ProspectRegistered }));
    }

    [Fact]
    public void Descending_order_shows_the_newest_first()
    {
        Add("a");
        _w.Clock.AdvanceHours(1);
        Add("b");

        Assert.Equal(["b", "a"], Run(new CardFilterDraft { Order = SortOrder.Descending }));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(500)]
    public void Cards_per_list_accepts_the_five_sizes(int size) =>
        Assert.Equal(size, (int)CardFilter.Create(new CardFilterDraft { CardsPerList = size }).AsT0.CardsPerList);

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(1000)]
    [InlineData(-10)]
    public void Any_other_page_size_is_an_error(int size) =>
        Assert.Equal(CardFilter.CardsPerListCode, CardFilter.Create(new CardFilterDraft { CardsPerList = size }).AsT1.Problems.Single().Code);

    [Fact]
    public void A_range_ending_before_it_starts_is_reported_with_the_page_size()
    {
        var result = CardFilter.Create(new CardFilterDraft { From = new LocalDate(2026, 3, 5), To = new LocalDate(2026, 3, 4), CardsPerList = 7 });

        Assert.Equal([CardFilter.CardsPerListCode, CardFilter.DateRangeCode], result.AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Tags_select_cards_with_any_of_them()
    {
        Add("fibre").AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock);
        Add("business").AddTag(_w.Board, _w.Business.Id, _w.Admin, _w.Clock);
        Add("untagged");

        Assert.Equal(["fibre"], Run(new CardFilterDraft { Tags = [_w.Fibre.Id] }));
        Assert.Equal(["fibre", "business"], Run(new CardFilterDraft { Tags = [_w.Fibre.Id, _w.Business.Id] }));
    }

    [Fact]
    public void Users_select_cards_with_any_of_them_as_member()
    {
        var ana = BoardWorld.User();
        Add("with Ana").AddMember(ana, _w.Admin, _w.Clock);
        Add("without");

        Assert.Equal(["with Ana"], Run(new CardFilterDraft { Users = [ana] }));
    }

    [Fact]
    public void Sellers_select_cards_sold_by_any_of_them()
    {
        var bruno = BoardWorld.User();
        var carla = BoardWorld.User();
        Add("Bruno's").AssignSeller(bruno, _w.Admin, _w.Clock);
        Add("Carla's").AssignSeller(carla, _w.Admin, _w.Clock);
        Add("nobody's");

        Assert.Equal(["Bruno's"], Run(new CardFilterDraft { Sellers = [bruno] }));
        Assert.Equal(["Bruno's", "Carla's"], Run(new CardFilterDraft { Sellers = [carla, bruno] }));
    }

    [Fact]
    public void Stagnant_yes_and_no_split_open_cards_by_their_stage_threshold_at_the_given_instant()
    {
        Add("quiet");
        Add("busy");
        _w.Clock.AdvanceDays(4);
        _cards[1].AddComment("retornou", _w.Admin, _w.Clock);
        Add("lost and quiet");
        _cards[2].MarkLost("preço", _w.Admin, _w.Clock);
        var now = BoardWorld.Start + Duration.FromDays(6);

        Assert.Equal(["quiet"], Run(new CardFilterDraft { Stagnant = TriState.Yes }, now));
        Assert.Equal(["busy", "lost and quiet"], Run(new CardFilterDraft { Stagnant = TriState.No }, now));
        Assert.Empty(Run(new CardFilterDraft { Stagnant = TriState.Yes }, BoardWorld.Start + Duration.FromDays(3)));
    }

    [Fact]
    public void Has_tasks_counts_done_tasks_too()
    {
        var done = Add("done task");
        var task = done.AddTask("Ligar", new LocalDate(2026, 3, 3), _w.Admin, _w.Admin, _w.Clock).AsT0;
        done.ChangeTask(task.Id, new TaskChange.Complete(), _w.Admin, _w.Clock);
        Add("no task");

        Assert.Equal(["done task"], Run(new CardFilterDraft { HasTasks = TriState.Yes }));
        Assert.Equal(["no task"], Run(new CardFilterDraft { HasTasks = TriState.No }));
    }

    [Fact]
    public void Has_tasks_follows_the_task_operations_until_the_last_task_is_removed()
    {
        var card = Add("tasks");
        Assert.False(card.HasTasks);
        var first = card.AddTask("Ligar", new LocalDate(2026, 3, 3), _w.Admin, _w.Admin, _w.Clock).AsT0;
        var second = card.AddTask("Visitar", new LocalDate(2026, 3, 4), _w.Admin, _w.Admin, _w.Clock).AsT0;
        Assert.True(card.ChangeTask(first.Id, new TaskChange.Remove(), _w.Admin, _w.Clock).IsT0);
        Assert.True(card.HasTasks);
        Assert.Equal(["tasks"], Run(new CardFilterDraft { HasTasks = TriState.Yes }));
        // A refused change (unknown task) changes nothing.
        Assert.True(card.ChangeTask(first.Id, new TaskChange.Remove(), _w.Admin, _w.Clock).IsT1);
        Assert.True(card.HasTasks);
        Assert.True(card.ChangeTask(second.Id, new TaskChange.Remove(), _w.Admin, _w.Clock).IsT0);
        Assert.False(card.HasTasks);
        Assert.Equal(["tasks"], Run(new CardFilterDraft { HasTasks = TriState.No }));
    }

    [Fact]
    public void Archived_all_yes_and_no()
    {
        Add("archived").Archive(_w.Admin, _w.Clock);
        Add("active");

        Assert.Equal(["archived"], Run(new CardFilterDraft { Archived = TriState.Yes }));
        Assert.Equal(["active"], Run(new CardFilterDraft { Archived = TriState.No }));
        Assert.Equal(["archived", "active"], Run(new CardFilterDraft { Archived = TriState.All }));
    }

    [Fact]
    public void Lost_yes_and_no()
    {
        Add("lost").MarkLost(null, _w.Admin, _w.Clock);
        Add("open");

        Assert.Equal(["lost"], Run(new CardFilterDraft { Lost = TriState.Yes }));
        Assert.Equal(["open"], Run(new CardFilterDraft { Lost = TriState.No }));
    }

    [Fact]
    public void Converted_to_customer_and_to_customer_service_are_separate_filters()
    {
        Add("customer").ConvertToCustomer(_w.Admin, _w.Clock);
        Add("service").ConvertToCustomerService(_w.Admin, _w.Clock);
        Add("prospect");

        Assert.Equal(["customer", "service"], Run(new CardFilterDraft { ConvertedToCustomer = TriState.Yes }));
        Assert.Equal(["prospect"], Run(new CardFilterDraft { ConvertedToCustomer = TriState.No }));
        Assert.Equal(["service"], Run(new CardFilterDraft { ConvertedToCustomerService = TriState.Yes }));
        Assert.Equal(["customer", "prospect"], Run(new CardFilterDraft { ConvertedToCustomerService = TriState.No }));
    }

    [Fact]
    public void Columns_follow_the_stage_order_with_totals_and_the_first_page()
    {
        for (var i = 0; i < 12; i++)
            Add($"n{i:00}");
        Add("visit").MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock);
        var spec = new CardSpecification(Filter(new CardFilterDraft { CardsPerList = 10 }), _w.Board, SaoPaulo, _w.Clock.GetCurrentInstant());

        var index = new BoardCardIndex(_w.Board, _cards);

        var columns = index.Columns(spec);

        Assert.Equal([(_w.New.Id, 12, 10), (_w.Visit.Id, 1, 1), (_w.Contract.Id, 0, 0)], columns.Select(c => (c.Stage, c.Total, c.Cards.Count)));
        Assert.Equal(["n10", "n11"], index.Page(spec, _w.New.Id, 1).Select(c => c.Name));
        Assert.Equal(["n10", "n11"], spec.Page(_cards.AsQueryable(), _w.New.Id, 1).Select(c => c.Name));
        Assert.Empty(index.Page(spec, _w.New.Id, 2));
        Assert.Empty(index.Page(spec, _w.New.Id, int.MaxValue));
    }

    [Fact]
    public void The_stagnant_expression_agrees_with_the_card_rule()
    {
        Add("a");
        _w.Clock.AdvanceDays(5);
        Add("b");
        var now = _w.Clock.GetCurrentInstant();
        var stagnant = CardSpecification.Stagnant(_w.Board, now).Compile();

        Assert.All(_cards, c => Assert.Equal(c.IsStagnant(_w.Board, now), stagnant(c)));
        Assert.Equal([true, false], _cards.Select(stagnant));
    }

    [Fact]
    public void The_filter_copies_its_lists_so_later_changes_to_the_form_do_not_leak_in()
    {
        var users = new List<UserId> { BoardWorld.User() };
        var filter = Filter(new CardFilterDraft { Users = users });

        users.Add(BoardWorld.User());

        Assert.Single(filter.Draft.Users);
    }

    [Fact]
    public void Filters_of_the_same_shape_keep_their_own_values()
    {
        var bruno = BoardWorld.User();
        var carla = BoardWorld.User();
        Add("Bruno's").AssignSeller(bruno, _w.Admin, _w.Clock);
        Add("Carla's").AssignSeller(carla, _w.Admin, _w.Clock);

        Assert.Equal(["Bruno's"], Run(new CardFilterDraft { Sellers = [bruno] }));
        Assert.Equal(["Carla's"], Run(new CardFilterDraft { Sellers = [carla] }));
        Assert.Equal(["Bruno's"], Run(new CardFilterDraft { Sellers = [bruno] }));
    }

    [Fact]
    public void On_a_board_without_thresholds_no_card_is_stagnant()
    {
        var board = Crm.Domain.Boards.Board.Create(BoardWorld.Tenant, "Sem prazo", new(Crm.Domain.Boards.BoardScopeKind.SalesType, "Rural"),
            Crm.Domain.Boards.Colour.Of("#000000"), _w.Admin, _w.Clock).AsT0;
        var stage = board.AddStage("Único", null, null, _w.Admin, _w.Clock).AsT0;
        var card = Card.Open(board, stage.Id, "Sítio", BoardWorld.Prospect(), null, null, _w.Index, _w.Admin, _w.Clock).AsT0;

        Assert.False(CardSpecification.Stagnant(board, BoardWorld.Start + Duration.FromDays(1000)).Compile()(card));
    }

    [Fact]
    public void The_index_follows_tracked_changes_and_leaves_out_deleted_cards_and_other_boards()
    {
        var ana = BoardWorld.User();
        var moved = Add("moved");
        var deleted = Add("deleted");
        var elsewhere = Add("elsewhere", new BoardWorld());
        var index = new BoardCardIndex(_w.Board, _cards);
        var later = Add("later");
        var spec = new CardSpecification(Filter(new CardFilterDraft { Users = [ana] }), _w.Board, SaoPaulo, _w.Clock.GetCurrentInstant());

        moved.MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock);
        moved.AddMember(ana, _w.Admin, _w.Clock);
        later.AddMember(ana, _w.Admin, _w.Clock);
        deleted.AddMember(ana, _w.Admin, _w.Clock);
        deleted.Delete(false, _w.Admin, _w.Clock);
        foreach (var card in new[] { moved, deleted, elsewhere, later })
            index.Track(card);

        Assert.Equal([(_w.New.Id, ["later"]), (_w.Visit.Id, ["moved"]), (_w.Contract.Id, [])],
            index.Columns(spec).Select(c => (c.Stage, c.Cards.Select(card => card.Name).ToArray())));
    }

    [Fact]
    public void A_specification_for_another_board_is_a_bug()
    {
        var other = new BoardWorld();
        var spec = new CardSpecification(CardFilter.Cleared, other.Board, SaoPaulo, _w.Clock.GetCurrentInstant());

        Assert.Throws<ArgumentException>(() => new BoardCardIndex(_w.Board, _cards).Columns(spec));
    }

    [Fact]
    public void Users_beyond_the_mask_bits_of_their_own_are_still_matched_exactly()
    {
        // 70 members: users from the 64th on share one mask bit, which the index confirms on the card.
        var users = Enumerable.Range(0, 70).Select(_ => BoardWorld.User()).ToArray();
        for (var i = 0; i < users.Length; i++)
            Add($"u{i:00}").AddMember(users[i], _w.Admin, _w.Clock);

        Assert.Equal(["u65"], Run(new CardFilterDraft { Users = [users[65]] }));
        Assert.Equal(["u01", "u66", "u69"], Run(new CardFilterDraft { Users = [users[69], users[1], users[66]] }));
    }
}
