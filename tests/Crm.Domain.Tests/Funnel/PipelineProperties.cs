using Crm.Domain.Funnel.Pipelines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class PipelineProperties
{
    // An edit: kind (0 add, 1 remove, 2 move, 3 revise), a stage index, a position, a probability, an outcome.
    private static readonly Arbitrary<(int Kind, int Stage, int Position, int Probability, int Outcome)[]> Edits =
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 3)
            from stage in Gen.Choose(0, 8)
            from position in Gen.Choose(-1, 8)
            from probability in Gen.Choose(-5, 105)
            from outcome in Gen.Choose(0, 2)
            select (kind, stage, position, probability, outcome)).ToArbitrary();

    private static string Snapshot(Pipeline p) =>
        string.Join(";", p.Stages.Select(s => $"{s.Id.Value}:{s.Name}:{s.Probability}:{s.Outcome}"));

    [Property(MaxTest = 300)]
    public Property Every_edit_keeps_the_pipeline_valid_and_a_refused_edit_changes_nothing() => Prop.ForAll(Edits, edits =>
    {
        var pipeline = NewPipeline();
        var counter = 0;
        foreach (var (kind, stage, position, probability, outcome) in edits)
        {
            var before = Snapshot(pipeline);
            var id = stage < pipeline.Stages.Count ? pipeline.Stages[stage].Id : StageId.New();
            var definition = new StageDefinition($"Etapa {counter++}", probability, (StageOutcome)outcome);
            var result = kind switch
            {
                0 => pipeline.AddStage(definition, position),
                1 => pipeline.RemoveStage(id, 0),
                2 => pipeline.MoveStage(id, position),
                _ => pipeline.ReviseStage(id, definition),
            };
            if (result.IsT1 && Snapshot(pipeline) != before)
                return false;
            var stages = pipeline.Stages;
            if (stages.Count(s => s.Outcome == StageOutcome.Won) != 1 || stages.Count(s => s.Outcome == StageOutcome.Lost) != 1
                || !stages.Any(s => s.Outcome == StageOutcome.Open) || stages.Any(s => s.Probability is < 0 or > 100)
                || stages.Select(s => s.Name.ToUpperInvariant()).Distinct().Count() != stages.Count)
                return false;
        }
        return true;
    });
}
