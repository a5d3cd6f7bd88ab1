using Crm.Domain.Funnel.Opportunities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class StageHistoryProperties
{
    // A step: wait some minutes (possibly zero), then try to move to stage index (0..6; 6 is not in the pipeline).
    private static readonly Arbitrary<(int Minutes, int Stage)[]> Journeys =
        Gen.ArrayOf(from minutes in Gen.Choose(0, 60 * 24 * 20) from stage in Gen.Choose(0, 6) select (minutes, stage)).ToArbitrary();

    private static (Opportunity Opportunity, Instant Now) Travel((int Minutes, int Stage)[] steps)
    {
        var pipeline = NewPipeline();
        var clock = Clock();
        var opportunity = Open(pipeline, clock);
        foreach (var (minutes, stage) in steps)
        {
            clock.AdvanceMinutes(minutes);
            var target = stage < pipeline.Stages.Count ? pipeline.Stages[stage].Id : Crm.Domain.Funnel.Pipelines.StageId.New();
            opportunity.MoveTo(pipeline, target, clock, "motivo");
        }
        clock.AdvanceMinutes(17);
        return (opportunity, clock.GetCurrentInstant());
    }

    [Property(MaxTest = 300)]
    public Property Stage_durations_sum_to_the_opportunity_age() => Prop.ForAll(Journeys, steps =>
    {
        var (opportunity, now) = Travel(steps);
        return opportunity.History.Aggregate(Duration.Zero, (sum, v) => sum + v.Duration(now)) == opportunity.Age(now);
    });

    [Property(MaxTest = 300)]
    public Property History_has_no_gaps_and_only_the_last_visit_is_open() => Prop.ForAll(Journeys, steps =>
    {
        var (opportunity, _) = Travel(steps);
        var history = opportunity.History;
        return history[0].Entered == opportunity.CreatedAt
               && history.Zip(history.Skip(1)).All(p => p.First.Left == p.Second.Entered && p.First.Stage != p.Second.Stage)
               && history[^1].Left is null && history[^1].Stage == opportunity.Stage;
    });

    [Property(MaxTest = 300)]
    public Property Time_in_each_stage_adds_up_to_the_age() => Prop.ForAll(Journeys, steps =>
    {
        var (opportunity, now) = Travel(steps);
        var stages = opportunity.History.Select(v => v.Stage).Distinct();
        return stages.Aggregate(Duration.Zero, (sum, s) => sum + opportunity.TimeIn(s, now)) == opportunity.Age(now);
    });
}
