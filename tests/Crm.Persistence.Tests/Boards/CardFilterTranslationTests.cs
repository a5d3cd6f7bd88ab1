using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Crm.Persistence.Boards;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Persistence.Tests.Boards;

/// <summary>
/// Every board filter condition runs in SQL on both providers: for random cards and random filters the database returns
/// exactly the cards, order and pages the domain's in-memory filters return, and a query reads only the cards it keeps.
/// </summary>
public sealed class CardFilterTranslationTests
{
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private static readonly UserId[] People = RandomFilters.People;

    /// <summary>How one random card is made: its stage, tags and members (bit masks), seller, tasks, state and timing.</summary>
    public sealed record CardPlan(int Stage, int Tags, int Members, int Seller, int Tasks, CardState State, int HoursLater, int ProspectDaysBefore);

    public enum CardState { Open, Archived, Lost, Customer, Service, Deleted }

    private static Gen<CardPlan> Cards { get; } =
        from stage in Gen.Choose(0, 2)
        from tags in Gen.Choose(0, 7)
        from members in Gen.Choose(0, 7)
        from seller in Gen.Choose(0, 3)
        from tasks in Gen.Choose(0, 2)
        from state in Gen.Elements(Enum.GetValues<CardState>())
        from hours in Gen.Choose(0, 60)
        from prospect in Gen.Choose(0, 10)
        select new CardPlan(stage, tags, members, seller, tasks, state, hours, prospect);

    [Theory, SqliteData, PostgresData]
    public async Task Any_filter_on_any_cards_gives_in_SQL_the_cards_order_and_pages_of_the_domain_filters(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var input = Gen.Zip(Cards.ListOf().Select(c => c.Take(14).ToArray()), RandomFilters.Plans.ArrayOf(4)).ToArbitrary();
        // Each case writes its cards under a tenant of its own, so cases share the database but never each other's rows.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(input, sample =>
        {
            var (plans, filters) = sample;
            SameAsInMemory(db, plans, filters).GetAwaiter().GetResult();
        }));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Tag_member_and_task_conditions_are_SQL_and_the_query_reads_only_the_cards_it_keeps(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var (board, cards, clock) = await Store(db, tenant, [
            new CardPlan(0, 0b001, 0b001, 0, 1, CardState.Open, 1, 0),   // the only card with tag 0, Ana and a task
            new CardPlan(0, 0b001, 0b001, 0, 0, CardState.Open, 1, 0),   // no task
            new CardPlan(0, 0b001, 0b010, 0, 1, CardState.Open, 1, 0),   // another member
            new CardPlan(1, 0b010, 0b001, 0, 1, CardState.Open, 1, 0),   // another tag
            new CardPlan(1, 0b000, 0b000, 0, 0, CardState.Open, 1, 0),
        ]);
        var draft = new CardFilterDraft { Tags = [board.Tags[0].Id], Users = [Records.Ana], HasTasks = TriState.Yes };
        var spec = new CardSpecification(CardFilter.Create(draft).AsT0, board, SaoPaulo, clock.GetCurrentInstant());

        await using var read = db.Open(tenant);
        var query = spec.Apply(read.Cards);
        var sql = query.ToQueryString();
        var found = await query.ToListAsync();

        Assert.Equal(cards[0].Id, Assert.Single(found).Id);
        // Tracking queries materialise every row they read: one row read, the one kept.
        Assert.Single(read.ChangeTracker.Entries<Card>());
        if (provider == TestProviders.Sqlite)
        {
            Assert.Contains("FROM json_each(\"c\".\"Tags\")", sql, StringComparison.Ordinal);
            Assert.Contains("FROM json_each(\"c\".\"Members\")", sql, StringComparison.Ordinal);
            Assert.Contains("FROM json_each(\"c\".\"Tasks\"", sql, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("= ANY (c.\"Tags\")", sql, StringComparison.Ordinal);
            Assert.Contains("= ANY (c.\"Members\")", sql, StringComparison.Ordinal);
            Assert.Contains("jsonb_to_recordset(c.\"Tasks\")", sql, StringComparison.Ordinal);
        }
        var withoutTasks = new CardSpecification(CardFilter.Create(draft with { HasTasks = TriState.No }).AsT0, board, SaoPaulo, clock.GetCurrentInstant());
        Assert.Equal([cards[1].Id], await withoutTasks.Apply(read.Cards).Select(c => c.Id).ToListAsync());
    }

    private static async Task SameAsInMemory(TestDatabase db, CardPlan[] plans, RandomFilters.Plan[] filters)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var (board, cards, clock) = await Store(db, tenant, plans);
        var index = new BoardCardIndex(board, cards);
        await using var read = db.Open(tenant);
        foreach (var plan in filters)
        {
            var filter = RandomFilters.Filter(plan, board.Tags.Select(t => t.Id));
            var spec = new CardSpecification(filter, board, SaoPaulo, clock.GetCurrentInstant());
            var expected = spec.Apply(cards.AsQueryable()).Select(c => c.Id).ToList();
            Assert.Equal(expected, await spec.Apply(read.Cards).Select(c => c.Id).ToListAsync());
            var preferences = new BoardFilterPreferences(Records.Ana, board.Id);
            preferences.Use(filter);
            var columns = await new DatabaseBoardFilters(read).ColumnsAsync(preferences, board, SaoPaulo, clock.GetCurrentInstant());
            Assert.Equal(Shown(index.Columns(spec)), Shown(columns));
            foreach (var column in columns)
                Assert.Equal(index.Page(spec, column.Stage, 1).Select(c => c.Id), await spec.Page(read.Cards, column.Stage, 1).Select(c => c.Id).ToListAsync());
        }
    }

    private static IEnumerable<string> Shown(IEnumerable<BoardColumn> columns) =>
        columns.Select(c => $"{c.Stage}: {c.Total} [{string.Join(", ", c.Cards.Select(card => card.Id))}]");

    /// <summary>A board with three stages (stagnant after 1 day, 3 days, never) and three tags, and the planned cards on it, saved.</summary>
    private static async Task<(Board Board, List<Card> Cards, FakeClock Clock)> Store(TestDatabase db, TenantId tenant, IReadOnlyList<CardPlan> plans)
    {
        var clock = Records.Clock();
        var board = BoardRecords.Board(tenant, clock, [("Contato", 1), ("Proposta", 3), ("Fechamento", null)], "Fibra", "Rádio", "Urgente");
        var prospects = new ProspectCardIndex([]);
        var cards = new List<Card>();
        foreach (var plan in plans)
        {
            clock.Advance(Duration.FromHours(plan.HoursLater) + Duration.FromMinutes(1));
            var registered = clock.GetCurrentInstant() - Duration.FromDays(plan.ProspectDaysBefore);
            var card = BoardRecords.Open(board, plan.Stage, $"Cartão {cards.Count}", plan.Seller == 0 ? null : People[plan.Seller - 1],
                prospects, clock, registered);
            foreach (var tag in RandomFilters.Pick(board.Tags.Select(t => t.Id).ToArray(), plan.Tags))
                card.AddTag(board, tag, Records.Ana, clock);
            foreach (var member in RandomFilters.Pick(People, plan.Members))
                card.AddMember(member, Records.Ana, clock);
            for (var i = 0; i < plan.Tasks; i++)
                card.AddTask($"Tarefa {i}", new LocalDate(2026, 12, 1), Records.Ana, Records.Ana, clock);
            _ = plan.State switch
            {
                CardState.Archived => card.Archive(Records.Ana, clock).IsT0,
                CardState.Lost => card.MarkLost("Preço", Records.Ana, clock).IsT0,
                CardState.Customer => card.ConvertToCustomer(Records.Ana, clock).IsT0,
                CardState.Service => card.ConvertToCustomerService(Records.Ana, clock).IsT0,
                CardState.Deleted => card.Delete(false, Records.Ana, clock).IsT0,
                _ => true,
            };
            cards.Add(card);
        }
        await using (var write = db.Open(tenant))
        {
            write.Cards.AddRange(cards);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        clock.Advance(Duration.FromDays(2));
        return (board, cards, clock);
    }

}
