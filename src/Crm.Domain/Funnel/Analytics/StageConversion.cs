using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;

namespace Crm.Domain.Funnel.Analytics;

/// <summary>Conversion rates between stages, read from the opportunities' stage histories.</summary>
public static class StageConversion
{
    /// <summary>
    /// Of the opportunities that ever entered <paramref name="from"/>, how many entered <paramref name="to"/>
    /// later (after their first entry into <paramref name="from"/>).
    /// </summary>
    /// <param name="opportunities">The opportunities to measure.</param>
    /// <param name="from">The earlier stage.</param>
    /// <param name="to">The later stage.</param>
    public static ConversionRate Between(IEnumerable<Opportunity> opportunities, StageId from, StageId to)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        int reached = 0, converted = 0;
        foreach (var opportunity in opportunities)
        {
            var history = opportunity.History;
            var first = -1;
            for (var i = 0; i < history.Count && first < 0; i++)
                if (history[i].Stage == from)
                    first = i;
            if (first < 0)
                continue;
            reached++;
            for (var i = first + 1; i < history.Count; i++)
                if (history[i].Stage == to)
                {
                    converted++;
                    break;
                }
        }
        return new ConversionRate(from, to, reached, converted);
    }

    /// <summary>The funnel's step-by-step rates: each open stage to the next open stage, and the last open stage to won.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="opportunities">Its opportunities.</param>
    public static IReadOnlyList<ConversionRate> Along(Pipeline pipeline, IReadOnlyCollection<Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var steps = pipeline.Stages.Where(s => s.Outcome == StageOutcome.Open).Append(pipeline.Won).ToList();
        return [.. steps.Zip(steps.Skip(1), (a, b) => Between(opportunities, a.Id, b.Id))];
    }
}
