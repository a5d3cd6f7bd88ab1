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

namespace Crm.Persistence.Tests.Boards;

public sealed class BoardFilterPersistenceTests
{
    private static readonly BoardId Board = new(Guid.NewGuid());

    private static readonly CardFilterDraft Everything = new()
    {
        From = new LocalDate(2026, 11, 1), To = new LocalDate(2026, 11, 30), DateKind = CardDateKind.ProspectRegistered,
        Order = SortOrder.Descending, CardsPerList = 50, Tags = [new TagId(Guid.NewGuid()), new TagId(Guid.NewGuid())],
        Users = [Records.Ana], Sellers = [new UserId(Guid.NewGuid())], Stagnant = TriState.Yes, HasTasks = TriState.No,
        Archived = TriState.All, Lost = TriState.Yes, ConvertedToCustomer = TriState.No, ConvertedToCustomerService = TriState.Yes,
    };

    [Theory, SqliteData, PostgresData]
    public async Task The_filter_in_use_and_the_saved_filters_read_back_with_every_choice_and_case_insensitive_names(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var everything = CardFilter.Create(Everything).AsT0;
        var mine = CardFilter.Create(new CardFilterDraft { Users = [Records.Ana] }).AsT0;
        await using (var write = db.Open(tenant))
        {
            var preferences = await new DatabaseBoardFilters(write).OfAsync(Records.Ana, Board);
            preferences.Use(everything);
            Assert.True(preferences.Save("Quentes").IsValid);
            preferences.Use(mine);
            Assert.True(preferences.Save("Meus cartões").IsValid);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        var stored = await new DatabaseBoardFilters(read).OfAsync(Records.Ana, Board);
        Assert.Equal((Records.Ana, Board), (stored.User, stored.Board));
        Assert.Equal(RandomFilters.Choices(mine), RandomFilters.Choices(stored.Current));
        Assert.Equal(["Meus cartões", "Quentes"], stored.Saved.Keys.Order());
        Assert.Equal(RandomFilters.Choices(everything), RandomFilters.Choices(stored.Load("QUENTES").AsT0));
        Assert.Equal(RandomFilters.Choices(everything), RandomFilters.Choices(stored.Current));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Any_filter_in_use_or_saved_reads_back_with_every_choice(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        TagId[] tags = [new(Guid.NewGuid()), new(Guid.NewGuid()), new(Guid.NewGuid())];
        var pairs = Gen.Zip(RandomFilters.Plans, RandomFilters.Plans).ToArbitrary();
        // A tenant per case: cases share the database, never a row.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(pairs, plans =>
        {
            var (inUse, saved) = (RandomFilters.Filter(plans.Item1, tags), RandomFilters.Filter(plans.Item2, tags));
            var back = RoundTrip(db, inUse, saved).GetAwaiter().GetResult();
            return RandomFilters.Choices(back.Current) == RandomFilters.Choices(inUse)
                && RandomFilters.Choices(back.Saved["Salvo"]) == RandomFilters.Choices(saved);
        }));
    }

    private static async Task<BoardFilterPreferences> RoundTrip(TestDatabase db, CardFilter inUse, CardFilter saved)
    {
        var tenant = new TenantId(Guid.NewGuid());
        await using (var write = db.Open(tenant))
        {
            var preferences = await new DatabaseBoardFilters(write).OfAsync(Records.Ana, Board);
            preferences.Use(saved);
            preferences.Save("Salvo");
            preferences.Use(inUse);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(tenant);
        return await new DatabaseBoardFilters(read).OfAsync(Records.Ana, Board);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Changes_to_saved_filters_are_saved_and_a_stale_save_is_a_conflict_that_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await using (var write = db.Open(tenant))
        {
            var preferences = await new DatabaseBoardFilters(write).OfAsync(Records.Ana, Board);
            preferences.Save("Todos");
            await write.SaveAsync();
        }
        await using var first = db.Open(tenant);
        await using var second = db.Open(tenant);
        var mine = await new DatabaseBoardFilters(first).OfAsync(Records.Ana, Board);
        var theirs = await new DatabaseBoardFilters(second).OfAsync(Records.Ana, Board);
        // Saving in place changes the saved filters without a new instance: the save must still see it.
        mine.Save("Segundo");
        theirs.Forget("Todos");

        Assert.True((await first.SaveAsync()).IsSaved);
        Assert.True((await second.SaveAsync()).IsT1);

        await using var read = db.Open(tenant);
        var stored = await new DatabaseBoardFilters(read).OfAsync(Records.Ana, Board);
        Assert.Equal(["Segundo", "Todos"], stored.Saved.Keys.Order());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Preferences_are_per_tenant_user_and_board_and_asking_twice_gives_the_same_ones(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (tenant, other) = (new TenantId(Guid.NewGuid()), new TenantId(Guid.NewGuid()));
        var bruno = new UserId(Guid.NewGuid());
        var otherBoard = new BoardId(Guid.NewGuid());
        await using (var write = db.Open(tenant))
        {
            var filters = new DatabaseBoardFilters(write);
            var preferences = await filters.OfAsync(Records.Ana, Board);
            Assert.Same(preferences, await filters.OfAsync(Records.Ana, Board));
            preferences.Save("Da Ana");
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        var readFilters = new DatabaseBoardFilters(read);
        Assert.Empty((await readFilters.OfAsync(bruno, Board)).Saved);
        Assert.Empty((await readFilters.OfAsync(Records.Ana, otherBoard)).Saved);
        await using var elsewhere = db.Open(other);
        Assert.Empty(await elsewhere.BoardFilters.ToListAsync());
        Assert.Empty((await new DatabaseBoardFilters(elsewhere).OfAsync(Records.Ana, Board)).Saved);
        Assert.Single(await read.BoardFilters.AsNoTracking().ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_users_cards_and_columns_are_the_board_cards_its_filter_in_use_lets_through(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var clock = Records.Clock();
        var board = BoardRecords.Board(tenant, clock, [("Contato", null)]);
        var prospects = new ProspectCardIndex([]);
        Card Open(string name, UserId? seller) => BoardRecords.Open(board, 0, name, seller, prospects, clock);
        var anas = Open("Da Ana", Records.Ana);
        await using (var write = db.Open(tenant))
        {
            write.Cards.AddRange(anas, Open("De outro", new UserId(Guid.NewGuid())), Open("Sem vendedor", null));
            var preferences = await new DatabaseBoardFilters(write).OfAsync(Records.Ana, board.Id);
            preferences.Use(CardFilter.Create(new CardFilterDraft { Sellers = [Records.Ana] }).AsT0);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        var filters = new DatabaseBoardFilters(read);
        var mine = await filters.OfAsync(Records.Ana, board.Id);
        var cards = await filters.Cards(mine, board, DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], clock.GetCurrentInstant()).ToListAsync();

        Assert.Equal(anas.Id, Assert.Single(cards).Id);
        Assert.Single(read.ChangeTracker.Entries<Card>());
        await using var columns = db.Open(tenant);
        var column = Assert.Single(await new DatabaseBoardFilters(columns).ColumnsAsync(mine, board, DateTimeZone.Utc, clock.GetCurrentInstant()));
        Assert.Equal((board.Stages[0].Id, 1, anas.Id), (column.Stage, column.Total, Assert.Single(column.Cards).Id));
        Assert.Single(columns.ChangeTracker.Entries<Card>());
        Assert.Throws<ArgumentException>(() => filters.Cards(new BoardFilterPreferences(Records.Ana, new BoardId(Guid.NewGuid())), board, DateTimeZone.Utc, clock.GetCurrentInstant()));
    }
}
