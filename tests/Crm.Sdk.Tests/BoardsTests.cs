using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Boards;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Card actions save the card and apply their effects in one transaction; boards are for the users they are released to.</summary>
public sealed class BoardsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Converting_a_card_to_customer_converts_its_prospect_in_the_same_transaction(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, lead) = await Opened(host, host.Usuario, 60);

        var converted = Ok(await session.Boards.ConvertToCustomerAsync(card.Id, card.Version));

        Assert.IsType<CardEvent.ConvertedToCustomer>(converted.Event);
        Assert.Equal(lead, Ok(await session.Accounts.GetAsync(converted.Customer!.Value)).Account.ConvertedFrom);
        Assert.Equal(LeadStatus.Converted, Ok(await session.Leads.GetAsync(lead)).Lead.Status);
        Assert.NotNull(Ok(await session.Boards.GetCardAsync(card.Id)).Card.ConvertedToCustomerAt);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Converting_to_customer_service_without_a_plan_writes_nothing(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, lead) = await Opened(host, host.Usuario, 61);

        var refused = await session.Boards.ConvertToCustomerServiceAsync(card.Id, card.Version, new CustomerServiceRequest(null));
        var done = Ok(await session.Boards.ConvertToCustomerServiceAsync(card.Id, card.Version, new CustomerServiceRequest("Fibra 500")));

        Assert.Contains(refused.Problems, p => p.Code == "conversion.service.plan_required");
        Assert.Equal("Fibra 500", done.Service?.Plan);
        Assert.NotNull(done.Customer);
        Assert.Equal(LeadStatus.Converted, Ok(await session.Leads.GetAsync(lead)).Lead.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_a_card_with_its_prospect_deletes_the_lead_and_needs_the_delete_permission(string provider)
    {
        await using var host = await Create(provider);
        var (diretor, _, card, lead) = await Opened(host, host.Diretor, 62);
        var (usuario, _, other, otherLead) = await Opened(host, host.Usuario, 63);

        var denied = await usuario.Boards.DeleteCardAsync(other.Id, other.Version, deleteProspect: true);
        var deleted = Ok(await diretor.Boards.DeleteCardAsync(card.Id, card.Version, deleteProspect: true));

        Assert.Equal((Module.Boards, Permission.Access | Permission.Delete), (Assert.IsType<Denied>(denied.Value).Module, Assert.IsType<Denied>(denied.Value).Action));
        Assert.Equal(lead, deleted.ProspectDeleted);
        Assert.IsType<NotFound>((await diretor.Leads.GetAsync(lead)).Value);
        Ok(await usuario.Leads.GetAsync(otherLead));
        await using var db = host.Open();
        Assert.NotNull((await db.Cards.SingleAsync(c => c.Id == card.Id)).DeletedAt);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Cards_of_boards_released_to_nobody_in_the_scope_are_not_found_and_acting_needs_the_release(string provider)
    {
        await using var host = await Create(provider);
        var (owner, board, card, _) = await Opened(host, host.Usuario, 64);

        var stranger = await host.As(host.Outro).Boards.GetCardAsync(card.Id);
        var manager = host.As(host.Coordenador);                    // the Usuário's board is in its team's scope
        var seen = await manager.Boards.GetCardAsync(card.Id);
        var moved = await manager.Boards.MoveCardAsync(card.Id, card.Version, board.Stages[1]);
        Ok(await owner.Boards.ReleaseAsync(board.Id, host.Outro));
        var released = await host.As(host.Outro).Boards.MoveCardAsync(card.Id, card.Version, board.Stages[1]);

        Assert.IsType<NotFound>(stranger.Value);
        Assert.True(seen.Succeeded);
        Assert.Equal(Denied.BoardCode, Assert.IsType<Denied>(moved.Value).Code);
        Assert.True(released.Succeeded);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Renaming_a_card_is_saved_in_its_history_and_needs_a_name_and_the_release(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, _) = await Opened(host, host.Usuario, 66);

        var blank = await session.Boards.RenameCardAsync(card.Id, card.Version, " ");
        var notReleased = await host.As(host.Coordenador).Boards.RenameCardAsync(card.Id, card.Version, "Outro nome");
        var renamed = Ok(await session.Boards.RenameCardAsync(card.Id, card.Version, " Roteadores para a filial "));

        Assert.Contains(blank.Problems, p => p.Field == "name");
        Assert.Equal(Denied.BoardCode, Assert.IsType<Denied>(notReleased.Value).Code);
        Assert.Equal((card.Version + 1, null), (renamed.Version, renamed.Event));
        var stored = Ok(await session.Boards.GetCardAsync(card.Id));
        Assert.Equal(("Roteadores para a filial", renamed.Version), (stored.Card.Name, stored.Version));
        Assert.Contains(stored.Card.History, e => e.Field == "name" && e.NewValue == "Roteadores para a filial");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Describing_a_card_saves_the_description_and_blank_clears_it(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, _) = await Opened(host, host.Usuario, 67);

        var described = Ok(await session.Boards.DescribeCardAsync(card.Id, card.Version, " Cliente quer 10 roteadores "));
        var stored = Ok(await session.Boards.GetCardAsync(card.Id)).Card.Description;
        var cleared = Ok(await session.Boards.DescribeCardAsync(card.Id, described.Version, " "));

        Assert.Equal("Cliente quer 10 roteadores", stored);
        Assert.Equal(card.Version + 2, cleared.Version);
        Assert.Null(Ok(await session.Boards.GetCardAsync(card.Id)).Card.Description);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Commenting_a_card_saves_the_users_comment_and_an_empty_one_is_invalid(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, _) = await Opened(host, host.Usuario, 68);

        var empty = await session.Boards.CommentCardAsync(card.Id, card.Version, "  ");
        var commented = Ok(await session.Boards.CommentCardAsync(card.Id, card.Version, "Ligar na segunda"));

        Assert.Contains(empty.Problems, p => p.Field == "comment");
        var stored = Ok(await session.Boards.GetCardAsync(card.Id));
        Assert.Equal(commented.Version, stored.Version);
        var comment = Assert.Single(stored.Card.Comments);
        Assert.Equal((host.Usuario, "Ligar na segunda"), (comment.Author, comment.Text));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_card_task_is_added_for_a_user_of_the_tenant_and_completed(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, _) = await Opened(host, host.Usuario, 69);
        var due = new NodaTime.LocalDate(2026, 12, 20);

        var stranger = await session.Boards.AddCardTaskAsync(card.Id, card.Version, "Visitar", due, new Crm.Domain.Identity.UserId(Guid.NewGuid()));
        var added = Ok(await session.Boards.AddCardTaskAsync(card.Id, card.Version, "Visitar o cliente", due, host.Outro));
        var task = Assert.Single(Ok(await session.Boards.GetCardAsync(card.Id)).Card.Tasks);
        var completed = Ok(await session.Boards.CompleteCardTaskAsync(card.Id, added.Version, task.Id));

        Assert.Contains(stranger.Problems, p => p.Code == BoardsModule.UserUnknownCode);
        Assert.Equal(("Visitar o cliente", host.Outro, due, false), (task.Title, task.Assignee, task.Due, task.IsDone));
        var stored = Ok(await session.Boards.GetCardAsync(card.Id));
        Assert.Equal(completed.Version, stored.Version);
        Assert.True(Assert.Single(stored.Card.Tasks).IsDone);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Card_members_and_seller_are_users_of_the_tenant_set_and_taken_off(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, card, _) = await Opened(host, host.Usuario, 70);
        var nobody = new Crm.Domain.Identity.UserId(Guid.NewGuid());

        var strangerMember = await session.Boards.AddCardMemberAsync(card.Id, card.Version, nobody);
        var strangerSeller = await session.Boards.AssignCardSellerAsync(card.Id, card.Version, nobody);
        var added = Ok(await session.Boards.AddCardMemberAsync(card.Id, card.Version, host.Outro));
        var assigned = Ok(await session.Boards.AssignCardSellerAsync(card.Id, added.Version, host.Coordenador));
        var set = Ok(await session.Boards.GetCardAsync(card.Id)).Card;
        var removed = Ok(await session.Boards.RemoveCardMemberAsync(card.Id, assigned.Version, host.Outro));
        var cleared = Ok(await session.Boards.AssignCardSellerAsync(card.Id, removed.Version, null));

        Assert.Contains(strangerMember.Problems, p => p.Code == BoardsModule.UserUnknownCode && p.Field == "member");
        Assert.Contains(strangerSeller.Problems, p => p.Code == BoardsModule.UserUnknownCode && p.Field == "seller");
        Assert.Equal([host.Outro], set.Members);
        Assert.Equal(host.Coordenador, set.Seller);
        var stored = Ok(await session.Boards.GetCardAsync(card.Id));
        Assert.Equal((cleared.Version, 0, null), (stored.Version, stored.Card.Members.Count, stored.Card.Seller));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Moving_archiving_and_losing_cards_keep_their_history_and_stale_versions_conflict(string provider)
    {
        await using var host = await Create(provider);
        var (session, board, card, lead) = await Opened(host, host.Usuario, 65);

        var moved = Ok(await session.Boards.MoveCardAsync(card.Id, card.Version, board.Stages[1]));
        var stale = await session.Boards.ArchiveCardAsync(card.Id, card.Version);
        var archived = Ok(await session.Boards.ArchiveCardAsync(card.Id, moved.Version));
        var restored = Ok(await session.Boards.RestoreCardAsync(card.Id, archived.Version));
        var lost = Ok(await session.Boards.LoseCardAsync(card.Id, restored.Version, "Sem viabilidade"));
        var second = await session.Boards.OpenCardAsync(board.Id, board.Stages[0], "De novo", lead);

        Assert.IsType<Conflict>(stale.Value);
        Assert.IsType<CardEvent.MarkedLost>(lost.Event);
        var stored = Ok(await session.Boards.GetCardAsync(card.Id)).Card;
        Assert.Equal(board.Stages[1], stored.Stage);
        Assert.Equal("Sem viabilidade", stored.LostReason);
        Assert.Contains(second.Problems, p => p.Code == CardCodes.ProspectHasCard);
    }

    private static async Task<(CrmSession Session, BoardSaved Board, CardChanged Card, Crm.Domain.Identity.LeadId Lead)> Opened(TestHost host,
        Crm.Domain.Identity.UserId user, int seed)
    {
        var session = host.As(user);
        var board = Ok(await session.Boards.CreateAsync($"Zona Sul {seed}", new BoardScope(BoardScopeKind.Region, "Zona Sul"), Colour.Of("#3366ff"),
            ["Novo", "Visita", "Proposta"]));
        var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(seed))).Id;
        var card = Ok(await session.Boards.OpenCardAsync(board.Id, board.Stages[0], $"Prospecto {seed}", lead));
        return (session, board, card, lead);
    }
}
