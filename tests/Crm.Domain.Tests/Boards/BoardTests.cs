using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using NodaTime;

namespace Crm.Domain.Tests.Boards;

public class BoardTests
{
    private readonly BoardWorld _w = new();

    [Fact]
    public void A_board_is_for_a_region_or_sales_type_and_is_released_to_its_creator()
    {
        var board = _w.Board;

        Assert.Equal(("Vendas Zona Sul", BoardScopeKind.Region, "Zona Sul", "#1E88E5"), (board.Name, board.Scope.Kind, board.Scope.Name, board.Colour.Hex));
        Assert.True(board.IsReleasedTo(_w.Admin));
        Assert.Equal(["Novo", "Visita técnica", "Contrato"], board.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Creation_reports_every_problem()
    {
        var result = Board.Create(BoardWorld.Tenant, "", new BoardScope(BoardScopeKind.SalesType, " "), Colour.Of("#000000"), _w.Admin, _w.Clock);

        Assert.Equal([BoardCodes.NameRequired, BoardCodes.ScopeRequired], result.AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Boards_are_released_to_chosen_users_and_withdrawn()
    {
        var seller = BoardWorld.User();

        Assert.False(_w.Board.IsReleasedTo(seller));
        Assert.True(_w.Board.Release(seller, _w.Admin, _w.Clock).IsT0);
        Assert.True(_w.Board.IsReleasedTo(seller));
        Assert.Equal(BoardCodes.UserReleased, _w.Board.Release(seller, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.True(_w.Board.Withdraw(seller, _w.Admin, _w.Clock).IsT0);
        Assert.Equal(BoardCodes.UserNotReleased, _w.Board.Withdraw(seller, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Stage_names_are_required_and_unique_and_stagnant_days_positive()
    {
        var result = _w.Board.AddStage("novo", 0, null, _w.Admin, _w.Clock, position: 9);

        Assert.Equal([BoardCodes.StageNameDuplicate, BoardCodes.StagnantDaysRange, BoardCodes.PositionRange], result.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(BoardCodes.StageNameRequired, _w.Board.AddStage(" ", null, null, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Stages_are_inserted_revised_moved_and_removed_only_when_empty()
    {
        var board = _w.Board;
        var proposal = board.AddStage("Proposta", 5, null, _w.Admin, _w.Clock, position: 1).AsT0;
        Assert.Equal(["Novo", "Proposta", "Visita técnica", "Contrato"], board.Stages.Select(s => s.Name));

        var revised = board.ReviseStage(proposal.Id, "Proposta enviada", 4, Colour.Of("#FF0000"), _w.Admin, _w.Clock).AsT0;
        Assert.Equal(("Proposta enviada", (int?)4), (revised.Name, revised.StagnantDays));

        board.MoveStage(proposal.Id, 3, _w.Admin, _w.Clock);
        Assert.Equal(proposal.Id, board.Stages[3].Id);

        Assert.Equal(BoardCodes.StageNotEmpty, board.RemoveStage(proposal.Id, 2, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.True(board.RemoveStage(proposal.Id, 0, _w.Admin, _w.Clock).IsT0);
        Assert.Null(board.FindStage(proposal.Id));
    }

    [Fact]
    public void Unknown_stages_are_reported()
    {
        Assert.Equal(BoardCodes.StageUnknown, _w.Board.ReviseStage(BoardStageId.New(), "X", null, null, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(BoardCodes.StageUnknown, _w.Board.MoveStage(BoardStageId.New(), 0, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(BoardCodes.StageUnknown, _w.Board.RemoveStage(BoardStageId.New(), 0, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Tags_have_unique_names_and_colours_and_are_removed_only_when_unused()
    {
        var board = _w.Board;

        Assert.Equal(BoardCodes.TagNameDuplicate, board.AddTag("FIBRA", Colour.Of("#111111"), _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        var revised = board.ReviseTag(_w.Fibre.Id, "Fibra óptica", Colour.Of("#222222"), _w.Admin, _w.Clock).AsT0;
        Assert.Equal(("Fibra óptica", "#222222"), (revised.Name, revised.Colour.Hex));
        Assert.Equal(BoardCodes.TagInUse, board.RemoveTag(_w.Fibre.Id, 1, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.True(board.RemoveTag(_w.Fibre.Id, 0, _w.Admin, _w.Clock).IsT0);
        Assert.Equal(BoardCodes.TagUnknown, board.RemoveTag(_w.Fibre.Id, 0, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void The_default_base_card_must_belong_to_the_board()
    {
        var own = BaseCard.Create(_w.Board, "Residencial", _w.Admin, _w.Clock).AsT0;
        var other = BaseCard.Create(new BoardWorld().Board, "Outro", _w.Admin, _w.Clock).AsT0;

        Assert.Equal(BoardCodes.BaseCardMismatch, _w.Board.SetDefaultBaseCard(other, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        _w.Board.SetDefaultBaseCard(own, _w.Admin, _w.Clock);
        Assert.Equal(own.Id, _w.Board.DefaultBaseCard);
    }

    [Fact]
    public void Every_setting_change_is_in_the_board_history_with_who_and_when()
    {
        _w.Clock.AdvanceMinutes(5);
        var seller = BoardWorld.User();
        _w.Board.Rename("Vendas Sul", _w.Admin, _w.Clock);
        _w.Board.Recolour(Colour.Of("#000000"), _w.Admin, _w.Clock);
        _w.Board.Release(seller, _w.Admin, _w.Clock);

        var last = _w.Board.History.TakeLast(3).ToList();
        Assert.Equal(["name", "colour", "users"], last.Select(e => e.Field));
        Assert.Equal(("Vendas Zona Sul", "Vendas Sul"), (last[0].OldValue, last[0].NewValue));
        Assert.All(last, e => Assert.Equal((_w.Admin, BoardWorld.Start + Duration.FromMinutes(5)), (e.By, e.At)));
        Assert.Equal(["created", "stages", "stages", "stages", "tags", "tags"], _w.Board.History.Take(6).Select(e => e.Field));
    }

    [Fact]
    public void Stagnation_cutoffs_are_now_minus_each_threshold()
    {
        var now = BoardWorld.Start;

        Assert.Equal([(_w.New.Id, now - Duration.FromDays(3)), (_w.Visit.Id, now - Duration.FromDays(7))], _w.Board.StagnationCutoffs(now));
    }

    [Theory]
    [InlineData("#1e88e5", "#1E88E5")]
    [InlineData("ffa000", "#FFA000")]
    public void Colours_parse_with_or_without_hash(string input, string hex) => Assert.Equal(hex, Colour.Parse(input).AsT0.Hex);

    [Theory]
    [InlineData(null)]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    public void Malformed_colours_are_reported(string? input) => Assert.Equal(Colour.FormatCode, Colour.Parse(input).AsT1.Problems[0].Code);
}
