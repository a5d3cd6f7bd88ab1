using Crm.Domain.Funnel.Pipelines;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class PipelineTests
{
    [Fact]
    public void Default_pipeline_has_six_stages_with_rising_probability_then_won_and_lost()
    {
        var pipeline = NewPipeline();

        Assert.Equal(6, pipeline.Stages.Count);
        Assert.Equal(["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechado - ganho", "Fechado - perdido"],
            pipeline.Stages.Select(s => s.Name));
        Assert.Equal([10, 25, 50, 75, 100, 0], pipeline.Stages.Select(s => s.Probability));
        Assert.Equal("Prospecção", pipeline.Entry.Name);
        Assert.Equal(StageOutcome.Won, pipeline.Won.Outcome);
        Assert.Equal(StageOutcome.Lost, pipeline.Lost.Outcome);
    }

    [Fact]
    public void Default_pipeline_promotes_lead_to_prospect_on_qualification_and_to_customer_on_winning()
    {
        var pipeline = NewPipeline();

        Assert.Equal(ProspectType, pipeline.Find(pipeline.StageNamed("Qualificação"))!.PromoteAccountTo);
        Assert.Equal(CustomerType, pipeline.Won.PromoteAccountTo);
        Assert.Null(pipeline.Entry.PromoteAccountTo);
    }

    [Fact]
    public void A_tenant_may_have_several_pipelines_with_distinct_stage_ids()
    {
        var first = NewPipeline();
        var second = NewPipeline();

        Assert.NotEqual(first.Id, second.Id);
        Assert.Empty(first.Stages.Select(s => s.Id).Intersect(second.Stages.Select(s => s.Id)));
    }

    [Fact]
    public void Creation_reports_every_problem_at_once()
    {
        var result = Pipeline.Create(Tenant, " ",
        [
            new("", 10),
            new("Proposta", 120),
            new("proposta", 50, StagnantDays: 0),
            new("Ganho", 90, StageOutcome.Won),
        ]);

        Assert.Equal(
        [
            PipelineCodes.NameRequired, PipelineCodes.StageNameRequired, PipelineCodes.ProbabilityRange,
            PipelineCodes.StageNameDuplicate, PipelineCodes.StagnantDaysRange, PipelineCodes.ProbabilityOutcome,
            PipelineCodes.LostStageCount,
        ], result.AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void A_pipeline_needs_an_open_stage_and_exactly_one_won_and_one_lost()
    {
        var result = Pipeline.Create(Tenant, "Só fechamento",
            [new("Ganho", 100, StageOutcome.Won), new("Ganho 2", 100, StageOutcome.Won)]);

        Assert.Equal([PipelineCodes.OpenStageRequired, PipelineCodes.WonStageCount, PipelineCodes.LostStageCount],
            result.AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Revising_a_stage_changes_name_probability_threshold_and_automations_but_keeps_its_id()
    {
        var pipeline = NewPipeline();
        var id = pipeline.StageNamed("Proposta");

        var revised = pipeline.ReviseStage(id, new StageDefinition("Proposta enviada", 60, StagnantDays: 7, PublishToCharts: false));

        var stage = revised.AsT0.Find(id)!;
        Assert.Equal(("Proposta enviada", 60, 7, false), (stage.Name, stage.Probability, stage.StagnantDays, stage.PublishToCharts));
    }

    [Fact]
    public void An_invalid_revision_leaves_the_pipeline_unchanged()
    {
        var pipeline = NewPipeline();
        var id = pipeline.StageNamed("Proposta");

        var result = pipeline.ReviseStage(id, new StageDefinition("Negociação", 50));

        Assert.Equal(PipelineCodes.StageNameDuplicate, Assert.Single(result.AsT1.Problems).Code);
        Assert.Equal("Proposta", pipeline.Find(id)!.Name);
    }

    [Fact]
    public void Stages_can_be_added_moved_and_removed_when_empty()
    {
        var pipeline = NewPipeline();

        var added = pipeline.AddStage(new StageDefinition("Demonstração", 40), 2).AsT0.Stages[2];
        pipeline.MoveStage(added.Id, 3);
        Assert.Equal("Demonstração", pipeline.Stages[3].Name);

        Assert.Equal(PipelineCodes.StageInUse, pipeline.RemoveStage(added.Id, 3).AsT1.Problems[0].Code);
        Assert.True(pipeline.RemoveStage(added.Id, 0).IsT0);
        Assert.Equal(6, pipeline.Stages.Count);
    }

    [Fact]
    public void The_last_lost_stage_cannot_be_removed()
    {
        var pipeline = NewPipeline();

        Assert.Equal(PipelineCodes.LostStageCount, pipeline.RemoveStage(pipeline.Lost.Id, 0).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Unknown_stages_and_positions_are_refused()
    {
        var pipeline = NewPipeline();

        Assert.Equal(PipelineCodes.StageUnknown, pipeline.MoveStage(StageId.New(), 0).AsT1.Problems[0].Code);
        Assert.Equal(PipelineCodes.PositionRange, pipeline.MoveStage(pipeline.Entry.Id, 6).AsT1.Problems[0].Code);
        Assert.Equal(PipelineCodes.PositionRange, pipeline.AddStage(new StageDefinition("X", 5), 7).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Renaming_needs_a_name()
    {
        var pipeline = NewPipeline();

        Assert.Equal(PipelineCodes.NameRequired, pipeline.Rename("").AsT1.Problems[0].Code);
        Assert.Equal("Funil corporativo", pipeline.Rename(" Funil corporativo ").AsT0.Name);
    }
}
