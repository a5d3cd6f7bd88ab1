using Crm.Domain.Tasks;
using NodaTime;

namespace Crm.Domain.Tests.Boards;

public class CardStagnationTests
{
    private readonly BoardWorld _w = new();

    [Fact]
    public void A_card_is_stagnant_only_after_more_than_its_stage_stagnant_days_without_update()
    {
        var card = _w.Open();

        Assert.False(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(3)));
        Assert.True(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(3) + Duration.FromMinutes(1)));
    }

    [Fact]
    public void Any_edit_restarts_the_count()
    {
        var card = _w.Open();
        _w.Clock.AdvanceDays(3);
        card.AddComment("Cliente pediu retorno", _w.Admin, _w.Clock);

        Assert.False(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(5)));
    }

    [Fact]
    public void A_task_change_counts_as_an_update()
    {
        var card = _w.Open();
        var task = card.AddTask("Agendar visita", new LocalDate(2026, 3, 4), _w.Admin, _w.Admin, _w.Clock).AsT0;
        _w.Clock.AdvanceDays(3);

        card.ChangeTask(task.Id, new TaskChange.Complete(), _w.Admin, _w.Clock);

        Assert.Equal(_w.Clock.GetCurrentInstant(), card.UpdatedAt);
        Assert.False(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(5)));
        Assert.Equal(("tasks", "complete"), (card.History[^1].Field, card.History[^1].NewValue));
    }

    [Fact]
    public void The_threshold_is_the_current_stage_one()
    {
        var card = _w.Open(stage: _w.Visit);

        Assert.False(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(6)));
        Assert.True(card.IsStagnant(_w.Board, BoardWorld.Start + Duration.FromDays(8)));
    }

    [Fact]
    public void Stages_without_threshold_and_closed_cards_never_stagnate()
    {
        var inContract = _w.Open(stage: _w.Contract);
        var lost = _w.Open("Perdido");
        lost.MarkLost("Preço", _w.Admin, _w.Clock);
        var far = BoardWorld.Start + Duration.FromDays(365);

        Assert.False(inContract.IsStagnant(_w.Board, far));
        Assert.False(lost.IsStagnant(_w.Board, far));
    }
}
