using Crm.Domain.Funnel.Analytics;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using NodaTime.Testing;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class StageConversionTests
{
    private readonly Pipeline _pipeline = NewPipeline();
    private readonly FakeClock _clock = Clock();

    private Opportunity Through(params string[] stages)
    {
        var opportunity = Open(_pipeline, _clock);
        foreach (var stage in stages)
        {
            _clock.AdvanceHours(1);
            opportunity.MoveTo(_pipeline, _pipeline.StageNamed(stage), _clock, "motivo");
        }
        return opportunity;
    }

    [Fact]
    public void Rate_is_the_share_of_those_reaching_the_first_stage_that_later_reach_the_second()
    {
        Opportunity[] all =
        [
            Through("Qualificação", "Proposta"),
            Through("Qualificação", "Fechado - perdido"),
            Through("Qualificação", "Proposta", "Negociação", "Fechado - ganho"),
            Through(),
        ];

        var rate = StageConversion.Between(all, _pipeline.StageNamed("Qualificação"), _pipeline.StageNamed("Proposta"));

        Assert.Equal((3, 2, 2m / 3m), (rate.Reached, rate.Converted, rate.Rate!.Value));
    }

    [Fact]
    public void Reaching_the_second_stage_before_the_first_does_not_count()
    {
        var backwards = Through("Proposta", "Qualificação");

        var rate = StageConversion.Between([backwards], _pipeline.StageNamed("Qualificação"), _pipeline.StageNamed("Proposta"));

        Assert.Equal((1, 0), (rate.Reached, rate.Converted));
    }

    [Fact]
    public void Rate_is_unknown_when_nothing_reached_the_first_stage()
    {
        Assert.Null(StageConversion.Between([Through()], _pipeline.StageNamed("Negociação"), _pipeline.Won.Id).Rate);
    }

    [Fact]
    public void Along_the_pipeline_gives_each_open_step_and_the_last_one_to_won()
    {
        Opportunity[] all = [Through("Qualificação", "Proposta", "Negociação", "Fechado - ganho"), Through("Qualificação")];

        var steps = StageConversion.Along(_pipeline, all);

        Assert.Equal(["Prospecção→Qualificação", "Qualificação→Proposta", "Proposta→Negociação", "Negociação→Fechado - ganho"],
            steps.Select(s => $"{_pipeline.Find(s.From)!.Name}→{_pipeline.Find(s.To)!.Name}"));
        Assert.Equal([1m, 0.5m, 1m, 1m], steps.Select(s => s.Rate!.Value));
    }

    [Fact]
    public void Average_time_in_a_stage_counts_only_opportunities_that_entered_it()
    {
        var proposal = _pipeline.StageNamed("Proposta");
        var quick = Through("Proposta", "Negociação");
        var slow = Through("Proposta");
        _clock.AdvanceHours(4);
        var never = Through();

        var average = StageDurations.Average([quick, slow, never], proposal, _clock.GetCurrentInstant());

        // quick stayed 1 h in Proposta; slow entered it 4 h ago and is still there: (1 h + 4 h) / 2.
        Assert.Equal(NodaTime.Duration.FromMinutes(150), average);
        Assert.Null(StageDurations.Average([never], proposal, _clock.GetCurrentInstant()));
    }
}
