using Crm.Domain.Funnel.Pipelines;
using NodaTime;

namespace Crm.Domain.Funnel.Opportunities;

/// <summary>One stay of an opportunity in a stage: entered, and left (null while it is still there).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Entered">When the opportunity entered it.</param>
/// <param name="Left">When it left; null for the current stage.</param>
public sealed record StageVisit(StageId Stage, Instant Entered, Instant? Left)
{
    /// <summary>How long the stay lasted, or has lasted until <paramref name="now"/> for the current stage.</summary>
    /// <param name="now">The instant to measure an open stay to.</param>
    public Duration Duration(Instant now) => (Left ?? now) - Entered;
}
