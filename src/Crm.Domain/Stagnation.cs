using NodaTime;

namespace Crm.Domain;

/// <summary>
/// The one rule for "stagnant", shared by opportunities, cards and the board's card filter: an open item is stagnant
/// at <c>now</c> when its clock (entering the stage, or the last update) started more than the stage's N days before,
/// i.e. before <see cref="Cutoff"/>.
/// </summary>
internal static class Stagnation
{
    /// <summary>The instant before which a start makes an item stagnant at <paramref name="now"/>.</summary>
    internal static Instant Cutoff(Instant now, int days) => now - Duration.FromDays(days);

    /// <summary>Whether an item whose clock started at <paramref name="since"/> is stagnant (no threshold: never).</summary>
    internal static bool IsStagnant(Instant since, int? days, Instant now) => days is { } d && since < Cutoff(now, d);
}
