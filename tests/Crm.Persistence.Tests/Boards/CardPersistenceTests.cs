using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Content;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using Crm.Persistence.Boards;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Persistence.Tests.Boards;

public sealed class CardPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    private static Board NewBoard(TenantId tenant, FakeClock clock) => BoardRecords.Board(tenant, clock, [("Contato", 5)], "Fibra");

    private static Card NewCard(Board board, LeadId prospect, IProspectCards cards, FakeClock clock) =>
        Card.Open(board, board.Stages[0].Id, "Padaria Central", new ProspectLink(prospect, clock.GetCurrentInstant()), Records.Ana,
            null, cards, Records.Ana, clock).AsT0;

    [Theory, SqliteData, PostgresData]
    public async Task A_card_reads_back_with_tags_members_comments_attachments_tasks_and_history(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var board = NewBoard(Tenant, clock);
        var card = NewCard(board, new LeadId(Guid.NewGuid()), new ProspectCardIndex([]), clock);
        card.Describe("Quer orçamento de fibra", Records.Ana, clock);
        card.AddTag(board, board.Tags[0].Id, Records.Ana, clock);
        card.AddMember(new UserId(Guid.NewGuid()), Records.Ana, clock);
        card.AddComment("Ligar na segunda", Records.Ana, clock);
        card.Attach(Attachment.Create("proposta.pdf", 2048, "application/pdf", new AttachmentLocation.StoredFile("tenant/a/proposta.pdf")).AsT0, Records.Ana, clock);
        card.Attach(Attachment.Create("site", 0, "text/html", new AttachmentLocation.ExternalLink(new Uri("https://example.com/x?y=1"))).AsT0, Records.Ana, clock);
        card.AddTask("Visitar", new LocalDate(2026, 12, 1), Records.Ana, Records.Ana, clock);
        clock.Advance(Duration.FromHours(1));
        card.MarkLost("Preço", Records.Ana, clock);
        await using (var write = db.Open(Tenant))
        {
            write.Cards.Add(card);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var stored = await read.Cards.SingleAsync();

        Assert.Equal((card.Id, card.Board, card.Stage, card.Name, card.Prospect, card.Seller), (stored.Id, stored.Board, stored.Stage, stored.Name, stored.Prospect, stored.Seller));
        Assert.Equal((card.CreatedAt, card.UpdatedAt, card.ProspectRegisteredAt, card.LostAt, card.LostReason), (stored.CreatedAt, stored.UpdatedAt, stored.ProspectRegisteredAt, stored.LostAt, stored.LostReason));
        Assert.Equal(card.Description, stored.Description);
        Assert.Equal<TagId>(card.Tags, stored.Tags);
        Assert.Equal<UserId>(card.Members, stored.Members);
        Assert.Equal(card.Comments, stored.Comments);
        Assert.Equal(card.Attachments.Select(a => (a.Id, a.Name, a.Size, a.ContentType, a.Location)),
            stored.Attachments.Select(a => (a.Id, a.Name, a.Size, a.ContentType, a.Location)));
        Assert.Equal(card.History, stored.History);
        var task = Assert.Single(stored.Tasks);
        Assert.Equal((card.Tasks[0].Id, "Visitar", new LocalDate(2026, 12, 1), Records.Ana), (task.Id, task.Title, task.Due, task.Assignee));
        Assert.False(stored.IsOpen);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Tag_and_member_edits_of_a_stored_card_are_saved_and_queried(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var board = BoardRecords.Board(Tenant, clock, [("Contato", 5)], "Fibra", "Rádio");
        var bruno = new UserId(Guid.NewGuid());
        var card = NewCard(board, new LeadId(Guid.NewGuid()), new ProspectCardIndex([]), clock);
        card.AddTag(board, board.Tags[0].Id, Records.Ana, clock);
        card.AddMember(Records.Ana, Records.Ana, clock);
        await using (var write = db.Open(Tenant))
        {
            write.Cards.Add(card);
            await write.SaveAsync();
        }
        await using (var edit = db.Open(Tenant))
        {
            var stored = await edit.Cards.SingleAsync(c => c.Id == card.Id);
            stored.RemoveTag(board, board.Tags[0].Id, Records.Ana, clock);
            stored.AddTag(board, board.Tags[1].Id, Records.Ana, clock);
            stored.AddMember(bruno, Records.Ana, clock);
            Assert.True((await edit.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var back = await read.Cards.SingleAsync(c => c.Tags.Contains(board.Tags[1].Id) && !c.Tags.Contains(board.Tags[0].Id) && c.Members.Contains(bruno));
        Assert.Equal([board.Tags[1].Id], back.Tags);
        Assert.Equal([Records.Ana, bruno], back.Members);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_card_saved_from_a_stale_read_is_a_conflict_and_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var board = NewBoard(Tenant, clock);
        await using (var write = db.Open(Tenant))
        {
            write.Cards.Add(NewCard(board, new LeadId(Guid.NewGuid()), new ProspectCardIndex([]), clock));
            await write.SaveAsync();
        }
        await using var first = db.Open(Tenant);
        await using var second = db.Open(Tenant);
        var mine = await first.Cards.SingleAsync();
        var theirs = await second.Cards.SingleAsync();
        mine.Rename("Padaria Central Ltda", Records.Ana, clock);
        theirs.Rename("Padaria do Centro", Records.Ana, clock);

        Assert.True((await first.SaveAsync()).IsSaved);
        var result = await second.SaveAsync();

        Assert.True(result.IsT1);
        await using var read = db.Open(Tenant);
        Assert.Equal("Padaria Central Ltda", (await read.Cards.SingleAsync()).Name);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Another_tenant_sees_no_card_and_its_prospect_is_free_there(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var prospect = new LeadId(Guid.NewGuid());
        await using (var write = db.Open(Tenant))
        {
            write.Cards.Add(NewCard(NewBoard(Tenant, clock), prospect, new ProspectCardIndex([]), clock));
            await write.SaveAsync();
        }

        var other = new TenantId(Guid.NewGuid());
        await using var read = db.Open(other);
        Assert.Empty(await read.Cards.ToListAsync());
        Assert.Null(new DatabaseProspectCards(read).CardOf(prospect));
        await using var own = db.Open(Tenant);
        Assert.NotNull(new DatabaseProspectCards(own).CardOf(prospect));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_database_refuses_a_second_card_for_a_prospect_until_the_first_is_deleted(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var board = NewBoard(Tenant, clock);
        var prospect = new LeadId(Guid.NewGuid());
        var first = NewCard(board, prospect, new ProspectCardIndex([]), clock);
        await using (var write = db.Open(Tenant))
        {
            write.Cards.Add(first);
            await write.SaveAsync();
        }
        await using (var racing = db.Open(Tenant))
        {
            // A writer that checked before the first card existed: only the unique index can stop it.
            racing.Cards.Add(NewCard(board, prospect, new ProspectCardIndex([]), clock));
            var refused = await racing.SaveAsync();
            Assert.Equal(CrmDbContext.DuplicateCode, Assert.Single(refused.AsT2.Problems).Code);
        }
        await using (var check = db.Open(Tenant))
        {
            var cards = new DatabaseProspectCards(check);
            Assert.Equal(first.Id, cards.CardOf(prospect));
            Assert.True(Card.Open(board, board.Stages[0].Id, "De novo", new ProspectLink(prospect, clock.GetCurrentInstant()), null, null, cards, Records.Ana, clock).IsT1);
            var stored = await check.Cards.SingleAsync();
            stored.Delete(false, Records.Ana, clock);
            Assert.True((await check.SaveAsync()).IsSaved);
        }

        await using var again = db.Open(Tenant);
        var reopened = NewCard(board, prospect, new DatabaseProspectCards(again), clock);
        again.Cards.Add(reopened);
        Assert.True((await again.SaveAsync()).IsSaved);
        Assert.Equal(2, await again.Cards.CountAsync());
    }
}

public sealed class BaseCardPersistenceTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_base_card_reads_back_with_its_content_only_in_its_tenant_and_a_stale_save_conflicts(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var clock = Records.Clock();
        var board = BoardRecords.Board(tenant, clock, [], "Fibra");
        var template = BaseCard.Create(board, "Modelo padrão", Records.Ana, clock).AsT0;
        template.Describe("Roteiro de primeira visita", Records.Ana, clock);
        template.AddTag(board, board.Tags[0].Id, Records.Ana, clock);
        template.AddComment("Levar catálogo", Records.Ana, clock);
        await using (var write = db.Open(tenant))
        {
            write.BaseCards.Add(template);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using (var other = db.Open(new TenantId(Guid.NewGuid())))
            Assert.Empty(await other.BaseCards.ToListAsync());
        await using var first = db.Open(tenant);
        await using var second = db.Open(tenant);
        var stored = await first.BaseCards.SingleAsync();
        Assert.Equal((template.Id, template.Board, template.Name, template.Description, template.UpdatedAt),
            (stored.Id, stored.Board, stored.Name, stored.Description, stored.UpdatedAt));
        Assert.Equal<TagId>(template.Tags, stored.Tags);
        Assert.Equal(template.Comments, stored.Comments);
        Assert.Equal(template.History, stored.History);
        var stale = await second.BaseCards.SingleAsync();
        stored.Rename("Modelo A", Records.Ana, clock);
        stale.Rename("Modelo B", Records.Ana, clock);
        Assert.True((await first.SaveAsync()).IsSaved);
        Assert.True((await second.SaveAsync()).IsT1);
    }
}
