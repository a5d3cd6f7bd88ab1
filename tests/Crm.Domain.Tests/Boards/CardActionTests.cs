using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Content;
using NodaTime;

namespace Crm.Domain.Tests.Boards;

public class CardActionTests
{
    private readonly BoardWorld _w = new();

    [Fact]
    public void Opening_places_the_card_in_the_stage_and_records_its_creation()
    {
        var seller = BoardWorld.User();
        var prospect = BoardWorld.Prospect();

        var card = _w.Open("Mercado Bom Preço", _w.Visit, seller, prospect: prospect);

        Assert.Equal((_w.Visit.Id, "Mercado Bom Preço", prospect.Prospect, seller), (card.Stage, card.Name, card.Prospect, card.Seller));
        Assert.Equal((BoardWorld.Start, BoardWorld.Start, prospect.RegisteredAt), (card.CreatedAt, card.UpdatedAt, card.ProspectRegisteredAt));
        Assert.True(card.IsOpen);
        Assert.Equal("created", Assert.Single(card.History).Field);
    }

    [Fact]
    public void Opening_reports_every_problem_at_once()
    {
        var taken = _w.Open();
        var foreign = BaseCard.Create(new BoardWorld().Board, "Outro CRM", _w.Admin, _w.Clock).AsT0;

        var result = Card.Open(_w.Board, BoardStageId.New(), " ", new ProspectLink(taken.Prospect!.Value, BoardWorld.Start), null, foreign, _w.Index, _w.Admin, _w.Clock);

        Assert.Equal([CardCodes.NameRequired, CardCodes.StageUnknown, CardCodes.ProspectHasCard, CardCodes.BaseCardMismatch],
            result.AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void A_prospect_has_at_most_one_card_across_the_boards_of_the_tenant()
    {
        var prospect = BoardWorld.Prospect();
        _w.Open(prospect: prospect);
        var other = Board.Create(BoardWorld.Tenant, "Empresarial", new BoardScope(BoardScopeKind.SalesType, "Empresarial"), Colour.Of("#333333"), _w.Admin, _w.Clock).AsT0;
        var stage = other.AddStage("Novo", 5, null, _w.Admin, _w.Clock).AsT0;

        var second = Card.Open(other, stage.Id, "Outra tentativa", prospect, null, null, _w.Index, _w.Admin, _w.Clock);

        Assert.Equal(CardCodes.ProspectHasCard, second.AsT1.Problems.Single().Code);
    }

    [Fact]
    public void A_base_card_is_applied_on_creation()
    {
        var template = BaseCard.Create(_w.Board, "Residencial", _w.Admin, _w.Clock).AsT0;
        var member = BoardWorld.User();
        template.Describe("Plano residencial 500 Mbps", _w.Admin, _w.Clock);
        template.AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock);
        template.AddMember(member, _w.Admin, _w.Clock);
        template.AddComment("Confirmar viabilidade", _w.Admin, _w.Clock);
        template.Attach(Attachment.Create("tabela.pdf", 2048, "application/pdf", new AttachmentLocation.StoredFile("crm/tabela.pdf")).AsT0, _w.Admin, _w.Clock);

        var card = _w.Open(baseCard: template);

        Assert.Equal(("Plano residencial 500 Mbps", _w.Fibre.Id, member), (card.Description, card.Tags.Single(), card.Members.Single()));
        Assert.Equal("Confirmar viabilidade", card.Comments.Single().Text);
        Assert.NotEqual(template.Comments.Single().Id, card.Comments.Single().Id);
        Assert.Equal("tabela.pdf", card.Attachments.Single().Name);
        Assert.NotEqual(template.Attachments.Single().Id, card.Attachments.Single().Id);
        Assert.Equal(["created", "base_card"], card.History.Select(e => e.Field));
        Assert.Equal("Residencial", card.History[1].NewValue);
    }

    [Fact]
    public void Moving_changes_the_stage_and_counts_as_an_update()
    {
        var card = _w.Open();
        _w.Clock.AdvanceDays(2);

        var moved = Assert.IsType<CardEvent.Moved>(card.MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock).AsT0);

        Assert.Equal((_w.New.Id, _w.Visit.Id), (moved.From, moved.To));
        Assert.Equal((_w.Visit.Id, _w.Clock.GetCurrentInstant()), (card.Stage, card.UpdatedAt));
        Assert.Equal(("stage", "Novo", "Visita técnica"), (card.History[^1].Field, card.History[^1].OldValue, card.History[^1].NewValue));
    }

    [Fact]
    public void Moving_to_the_same_or_an_unknown_stage_is_refused()
    {
        var card = _w.Open();
        var otherBoard = new BoardWorld();

        Assert.Equal(CardCodes.StageSame, card.MoveTo(_w.Board, _w.New.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.StageUnknown, card.MoveTo(_w.Board, otherBoard.Visit.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.StageUnknown, card.MoveTo(otherBoard.Board, otherBoard.Visit.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Single(card.History);
    }

    [Fact]
    public void An_archived_card_refuses_edits_and_moves_until_restored()
    {
        var card = _w.Open();

        Assert.IsType<CardEvent.Archived>(card.Archive(_w.Admin, _w.Clock).AsT0);
        Assert.False(card.IsOpen);
        Assert.Equal(CardCodes.Archived, card.Archive(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Archived, card.MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Archived, card.AddComment("oi", _w.Admin, _w.Clock).AsT1.Problems[0].Code);

        Assert.IsType<CardEvent.Restored>(card.Restore(_w.Admin, _w.Clock).AsT0);
        Assert.True(card.IsOpen);
        Assert.Equal(CardCodes.NotArchived, card.Restore(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Marking_lost_keeps_the_reason_and_closes_the_card()
    {
        var card = _w.Open();

        var lost = Assert.IsType<CardEvent.MarkedLost>(card.MarkLost(" Sem cobertura ", _w.Admin, _w.Clock).AsT0);

        Assert.Equal(("Sem cobertura", "Sem cobertura", BoardWorld.Start), (lost.Reason, card.LostReason, card.LostAt!.Value));
        Assert.False(card.IsOpen);
        Assert.Equal(CardCodes.Lost, card.MarkLost(null, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Lost, card.ConvertToCustomer(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Lost, card.ConvertToCustomerService(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Converting_to_customer_asks_for_the_prospect_conversion_once()
    {
        var card = _w.Open();

        var converted = Assert.IsType<CardEvent.ConvertedToCustomer>(card.ConvertToCustomer(_w.Admin, _w.Clock).AsT0);

        Assert.Equal(card.Prospect, converted.Prospect);
        Assert.NotNull(card.ConvertedToCustomerAt);
        Assert.Equal(CardCodes.ConvertedToCustomer, card.ConvertToCustomer(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.ConvertedToCustomer, card.MarkLost("tarde demais", _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Converting_a_customer_to_customer_service_keeps_the_customer_conversion()
    {
        var card = _w.Open();
        card.ConvertToCustomer(_w.Admin, _w.Clock);
        var customerAt = card.ConvertedToCustomerAt;
        _w.Clock.AdvanceHours(1);

        var service = Assert.IsType<CardEvent.ConvertedToCustomerService>(card.ConvertToCustomerService(_w.Admin, _w.Clock).AsT0);

        Assert.False(service.AlsoToCustomer);
        Assert.Equal(customerAt, card.ConvertedToCustomerAt);
        Assert.Equal(CardCodes.ConvertedToService, card.ConvertToCustomerService(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Converting_a_prospect_straight_to_customer_service_makes_it_a_customer_too()
    {
        var card = _w.Open();

        var service = Assert.IsType<CardEvent.ConvertedToCustomerService>(card.ConvertToCustomerService(_w.Admin, _w.Clock).AsT0);

        Assert.True(service.AlsoToCustomer);
        Assert.Equal(card.ConvertedToServiceAt, card.ConvertedToCustomerAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deleting_unlinks_the_prospect_and_says_whether_to_delete_it(bool deleteProspect)
    {
        var card = _w.Open();
        var prospect = card.Prospect;

        var deleted = Assert.IsType<CardEvent.Deleted>(card.Delete(deleteProspect, _w.Admin, _w.Clock).AsT0);

        Assert.Equal((prospect, deleteProspect), (deleted.Prospect, deleted.DeleteProspect));
        Assert.Null(card.Prospect);
        Assert.NotNull(card.DeletedAt);
    }

    [Fact]
    public void A_deleted_card_refuses_every_action()
    {
        var card = _w.Open();
        card.Delete(false, _w.Admin, _w.Clock);

        Assert.Equal(CardCodes.Deleted, card.Delete(true, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Deleted, card.Restore(_w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Deleted, card.MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Deleted, card.Rename("x", _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(CardCodes.Deleted, card.AddTask("x", new LocalDate(2026, 3, 3), _w.Admin, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void An_archived_card_can_still_be_deleted()
    {
        var card = _w.Open();
        card.Archive(_w.Admin, _w.Clock);

        Assert.True(card.Delete(false, _w.Admin, _w.Clock).IsT0);
    }

    [Fact]
    public void Once_its_card_is_deleted_the_prospect_may_get_a_new_card()
    {
        var prospect = BoardWorld.Prospect();
        var card = _w.Open(prospect: prospect);
        card.Delete(false, _w.Admin, _w.Clock);
        _w.Index.Track(card);

        Assert.Null(_w.Index.CardOf(prospect.Prospect));
        Assert.Equal(prospect.Prospect, _w.Open("Nova tentativa", prospect: prospect).Prospect);
    }

    [Fact]
    public void The_index_is_built_from_live_cards_and_rejects_corrupt_data()
    {
        var prospect = BoardWorld.Prospect();
        var card = _w.Open(prospect: prospect);

        Assert.Equal(card.Id, new ProspectCardIndex([card]).CardOf(prospect.Prospect));
        var twin = new BoardWorld();
        var duplicate = Card.Open(twin.Board, twin.New.Id, "Duplicado", prospect, null, null, twin.Index, twin.Admin, twin.Clock).AsT0;
        Assert.Throws<ArgumentException>(() => new ProspectCardIndex([card, duplicate]));
    }

    [Fact]
    public void Renaming_and_assigning_a_seller_are_recorded()
    {
        var card = _w.Open();
        var seller = BoardWorld.User();

        card.Rename("Padaria do Zé", _w.Admin, _w.Clock);
        card.AssignSeller(seller, _w.Admin, _w.Clock);

        Assert.Equal(("Padaria do Zé", seller), (card.Name, card.Seller));
        Assert.Equal(["created", "name", "seller"], card.History.Select(e => e.Field));
        Assert.Equal(CardCodes.NameRequired, card.Rename("", _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void The_board_history_merges_settings_changes_and_card_edits_by_time()
    {
        _w.Clock.AdvanceMinutes(1);
        var card = _w.Open("Oficina");
        _w.Clock.AdvanceMinutes(1);
        _w.Board.Rename("Vendas Sul", _w.Admin, _w.Clock);
        _w.Clock.AdvanceMinutes(1);
        card.MoveTo(_w.Board, _w.Visit.Id, _w.Admin, _w.Clock);
        var elsewhere = new BoardWorld();
        elsewhere.Open("De outro CRM");

        var timeline = BoardTimeline.Of(_w.Board, [card, elsewhere.Open("Também de outro")]);

        Assert.Equal(["created", "stages", "stages", "stages", "tags", "tags", "created", "name", "stage"], timeline.Select(t => t.Entry.Field));
        Assert.Equal([card.Id, null, card.Id], timeline.TakeLast(3).Select(t => t.Card));
    }
}
