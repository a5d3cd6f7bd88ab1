using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Crm.Persistence.Tests.Boards;

/// <summary>
/// The BoardFilters migration turns the comma-joined tags and members of existing cards and base cards into the lists
/// EF queries (JSON arrays on SQLite, uuid[] on PostgreSQL), and back when reverted.
/// </summary>
public sealed class BoardFiltersMigrationTests
{
    private const string SqliteLists = """
        SELECT "Tags" || ';' || "Members" AS "Value" FROM "Cards" UNION ALL SELECT "Tags" || ';' || "Members" FROM "BaseCards"
        """;

    private const string PostgresLists = """
        SELECT "Tags"::text || ';' || "Members"::text AS "Value" FROM "Cards" UNION ALL SELECT "Tags"::text || ';' || "Members"::text FROM "BaseCards"
        """;

    [Theory, SqliteData, PostgresData]
    public async Task Tags_and_members_survive_reverting_and_reapplying_the_migration(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var clock = Records.Clock();
        var board = BoardRecords.Board(tenant, clock, [("Contato", null)], "Fibra", "Rádio");
        var card = BoardRecords.Open(board, 0, "Padaria", null, new ProspectCardIndex([]), clock);
        card.AddTag(board, board.Tags[0].Id, Records.Ana, clock);
        card.AddTag(board, board.Tags[1].Id, Records.Ana, clock);
        card.AddMember(Records.Ana, Records.Ana, clock);
        var template = BaseCard.Create(board, "Modelo", Records.Ana, clock).AsT0;
        await using (var write = db.Open(tenant))
        {
            write.Cards.Add(card);
            write.BaseCards.Add(template);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using (var migrate = db.Open(tenant))
        {
            await migrate.GetService<IMigrator>().MigrateAsync("BaseCards");
            var stored = await migrate.Database.SqlQueryRaw<string>(provider == TestProviders.Sqlite ? SqliteLists : PostgresLists).ToListAsync();
            // The card's lists, and the template's empty ones, as the comma-joined text of the previous schema.
            string[] before = [$"{string.Join(',', card.Tags.Select(t => t.Value))};{Records.Ana.Value}", ";"];
            Assert.Equal(before.Order(), stored.Select(s => s.ToLowerInvariant()).Order());
            await migrate.GetService<IMigrator>().MigrateAsync();
        }

        await using var read = db.Open(tenant);
        var back = await read.Cards.SingleAsync(c => c.Tags.Contains(board.Tags[1].Id) && c.Members.Contains(Records.Ana));
        Assert.Equal<TagId>(card.Tags, back.Tags);
        Assert.Equal<UserId>(card.Members, back.Members);
        var empty = await read.BaseCards.SingleAsync();
        Assert.Empty(empty.Tags);
        Assert.Empty(empty.Members);
    }
}
