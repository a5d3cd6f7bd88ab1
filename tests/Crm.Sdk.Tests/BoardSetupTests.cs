using Crm.Domain.Access;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Content;
using Crm.Domain.Boards.Filters;
using Crm.Sdk.Boards;
using Crm.Sdk.Tests.Infrastructure;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>A board's stages and tags, its cards' tags, each user's saved filters and the board lists, through sessions.</summary>
public sealed class BoardSetupTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Stages_are_added_revised_moved_and_removed_and_a_stage_holding_a_card_stays(string provider)
    {
        await using var host = await Create(provider);
        var (session, board) = await BoardOf(host, host.Usuario, 1);
        var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(101))).Id;
        Ok(await session.Boards.OpenCardAsync(board.Id, board.Stages[0], "Prospecto", lead));

        var added = Ok(await session.Boards.AddStageAsync(board.Id, "Negociação", 7, position: 1));
        var revised = Ok(await session.Boards.ReviseStageAsync(board.Id, added.Stages[1], "Negociação final", 9));
        var moved = Ok(await session.Boards.MoveStageAsync(board.Id, added.Stages[1], 2));
        var removed = Ok(await session.Boards.RemoveStageAsync(board.Id, board.Stages[1]));
        var holding = await session.Boards.RemoveStageAsync(board.Id, board.Stages[0]);
        var invalid = await session.Boards.AddStageAsync(board.Id, " ", -1, position: 9);
        var unknown = await session.Boards.MoveStageAsync(board.Id, new BoardStageId(Guid.NewGuid()), 0);

        var stored = Ok(await session.Boards.ListAsync()).Single();
        Assert.Equal([board.Stages[0], added.Stages[1], board.Stages[2]], removed.Stages);
        Assert.Equal(["Novo", "Negociação final", "Proposta"], stored.Stages.Select(s => s.Name));
        Assert.Equal(9, stored.FindStage(added.Stages[1])!.StagnantDays);
        Assert.True(moved.Version > revised.Version && revised.Version > added.Version);
        Assert.Contains(holding.Problems, p => p.Code == BoardCodes.StageNotEmpty);
        Assert.Equal([BoardCodes.StageNameRequired, BoardCodes.PositionRange, BoardCodes.StagnantDaysRange], invalid.Problems.Select(p => p.Code).Order());
        Assert.Contains(unknown.Problems, p => p.Code == BoardCodes.StageUnknown);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Tags_are_defined_put_on_cards_taken_off_and_a_tag_in_use_is_not_deleted(string provider)
    {
        await using var host = await Create(provider);
        var (session, board) = await BoardOf(host, host.Usuario, 2);
        var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(102))).Id;
        var card = Ok(await session.Boards.OpenCardAsync(board.Id, board.Stages[0], "Prospecto", lead));

        var hot = Ok(await session.Boards.AddTagAsync(board.Id, "Quente", Colour.Of("#ff0000")));
        var renamed = Ok(await session.Boards.ReviseTagAsync(board.Id, hot.Tag, "Muito quente", Colour.Of("#cc0000")));
        var duplicate = await session.Boards.AddTagAsync(board.Id, "muito quente", Colour.Of("#00ff00"));
        var tagged = Ok(await session.Boards.TagCardAsync(card.Id, card.Version, hot.Tag));
        var again = await session.Boards.TagCardAsync(card.Id, tagged.Version, hot.Tag);
        var inUse = await session.Boards.RemoveTagAsync(board.Id, hot.Tag);
        var untagged = Ok(await session.Boards.UntagCardAsync(card.Id, tagged.Version, hot.Tag));
        var stale = await session.Boards.TagCardAsync(card.Id, tagged.Version, hot.Tag);
        var removed = Ok(await session.Boards.RemoveTagAsync(board.Id, hot.Tag));

        Assert.Equal(hot.Tag, renamed.Tag);
        Assert.Contains(duplicate.Problems, p => p.Code == BoardCodes.TagNameDuplicate);
        Assert.Contains(again.Problems, p => p.Code == ContentCodes.TagPresent);
        Assert.Contains(inUse.Problems, p => p.Code == BoardCodes.TagInUse);
        Assert.True(untagged.Version > tagged.Version);
        Assert.IsType<Crm.Persistence.Concurrency.Conflict>(stale.Value);
        Assert.Empty(Ok(await session.Boards.GetCardAsync(card.Id)).Card.Tags);
        Assert.Empty(Ok(await session.Boards.ListAsync()).Single().Tags);
        Assert.True(removed.Version > renamed.Version);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Setting_up_a_board_needs_edit_and_its_release_and_lists_show_only_released_boards(string provider)
    {
        await using var host = await Create(provider);
        var (_, board) = await BoardOf(host, host.Usuario, 3);
        await BoardOf(host, host.Outro, 4);

        var stranger = await host.As(host.Outro).Boards.AddStageAsync(board.Id, "Extra", null);
        var noRole = await host.As(host.SemPapel).Boards.AddTagAsync(board.Id, "Frio", Colour.Of("#0000ff"));
        var missing = await host.As(host.Usuario).Boards.RemoveStageAsync(new BoardId(Guid.NewGuid()), board.Stages[0]);

        Assert.Equal(Denied.BoardCode, Assert.IsType<Denied>(stranger.Value).Code);
        Assert.Equal((Module.Boards, Permission.Access | Permission.Edit), (Assert.IsType<Denied>(noRole.Value).Module, Assert.IsType<Denied>(noRole.Value).Action));
        Assert.IsType<NotFound>(missing.Value);
        Assert.Equal([$"Quadro 3"], Ok(await host.As(host.Usuario).Boards.ListAsync()).Select(b => b.Name));
        Assert.Equal([$"Quadro 3"], Ok(await host.As(host.Coordenador).Boards.ListAsync()).Select(b => b.Name)); // its team's
        Assert.Equal([$"Quadro 3", $"Quadro 4"], Ok(await host.As(host.Diretor).Boards.ListAsync()).Select(b => b.Name));
        Assert.Equal("Quadro 3", Ok(await host.As(host.Usuario).Boards.ListAsync()).Single().Name);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_saved_filter_is_kept_per_user_put_in_use_applied_to_the_columns_and_deleted(string provider)
    {
        await using var host = await Create(provider);
        var (session, board) = await BoardOf(host, host.Usuario, 5);
        foreach (var seed in new[] { 105, 106 })
        {
            var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(seed))).Id;
            Ok(await session.Boards.OpenCardAsync(board.Id, board.Stages[0], $"Prospecto {seed}", lead, seller: seed == 105 ? host.Usuario : null));
        }
        var mine = CardFilter.Create(new CardFilterDraft { Sellers = [host.Usuario] }).AsT0;
        var zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

        var saved = Ok(await session.Boards.SaveFilterAsync(board.Id, "Meus cartões", mine));
        var columns = Ok(await session.Boards.ColumnsAsync(board.Id, zone));
        Ok(await session.Boards.SaveFilterAsync(board.Id, "Todos", CardFilter.Cleared));
        var all = Ok(await session.Boards.ColumnsAsync(board.Id, zone));
        var used = Ok(await session.Boards.UseFilterAsync(board.Id, "Meus cartões"));
        var unnamed = await session.Boards.SaveFilterAsync(board.Id, " ", mine);
        var unknown = await session.Boards.UseFilterAsync(board.Id, "Nenhum");
        var deleted = Ok(await session.Boards.DeleteFilterAsync(board.Id, "Todos"));
        var others = Ok(await host.As(host.Diretor).Boards.FiltersAsync(board.Id));

        Assert.Equal(["Meus cartões"], saved.Saved);
        Assert.Equal([1, 0, 0], columns.Select(c => c.Total));
        Assert.Equal("Prospecto 105", columns[0].Cards.Single().Name);
        Assert.Equal([2, 0, 0], all.Select(c => c.Total));
        Assert.Equal(["Meus cartões", "Todos"], used.Saved);
        Assert.Contains(unnamed.Problems, p => p.Code == BoardFilterPreferences.NameRequired);
        Assert.Contains(unknown.Problems, p => p.Code == BoardFilterPreferences.NotFound);
        Assert.Equal(["Meus cartões"], deleted.Saved);
        Assert.Equal(["Meus cartões"], Ok(await session.Boards.FiltersAsync(board.Id)).Saved);
        Assert.Empty(others.Saved); // filters are each user's
        Assert.Equal(2, Ok(await session.Boards.CardsAsync(board.Id, 0, 10)).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Card_pages_are_in_creation_order_capped_and_a_bad_page_names_each_problem(string provider)
    {
        await using var host = await Create(provider);
        var (session, board) = await BoardOf(host, host.Usuario, 6);
        foreach (var seed in new[] { 107, 108, 109 })
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(seed))).Id;
            Ok(await session.Boards.OpenCardAsync(board.Id, board.Stages[0], $"Prospecto {seed}", lead));
        }

        var first = Ok(await session.Boards.CardsAsync(board.Id, 0, 2));
        var second = Ok(await session.Boards.CardsAsync(board.Id, 2, 2));
        var bad = await session.Boards.CardsAsync(board.Id, -1, Paging.MaxPageSize + 1);
        var stranger = await host.As(host.Outro).Boards.CardsAsync(board.Id, 0, 10);

        Assert.Equal(["Prospecto 107", "Prospecto 108"], first.Select(c => c.Name));
        Assert.Equal(["Prospecto 109"], second.Select(c => c.Name));
        Assert.Equal([Paging.SkipCode, Paging.TakeCode], bad.Problems.Select(p => p.Code));
        Assert.Equal(Denied.BoardCode, Assert.IsType<Denied>(stranger.Value).Code);
    }

    private static async Task<(CrmSession Session, BoardSaved Board)> BoardOf(TestHost host, Crm.Domain.Identity.UserId user, int n)
    {
        var session = host.As(user);
        var board = Ok(await session.Boards.CreateAsync($"Quadro {n}", new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#3366ff"),
            ["Novo", "Visita", "Proposta"]));
        return (session, board);
    }
}
