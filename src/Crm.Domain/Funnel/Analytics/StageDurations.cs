using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using NodaTime;

namespace Crm.Domain.Funnel.Analytics;

/// <summary>How long opportunities stay in a stage, read from their stage histories.</summary>
public static class StageDurations
{
    /// <summary>
    /// The mean total time spent in <paramref name="stage"/> by the opportunities that ever entered it (current stays
    /// counted up to <paramref name="now"/>); null when none did.
    /// </summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="now">The instant open stays are measured to.</param>
    public static Duration? Average(IEnumerable<Opportunity> opportunities, StageId stage, Instant now)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var visited = opportunities.Where(o => o.History.Any(v => v.Stage == stage)).ToList();
        return visited.Count == 0
            ? null
            : Duration.FromNanoseconds((long)(visited.Sum(o => (decimal)o.TimeIn(stage, now).ToInt64Nanoseconds()) / visited.Count));
    }
}
