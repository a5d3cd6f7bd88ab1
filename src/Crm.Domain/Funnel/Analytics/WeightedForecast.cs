using System.Runtime.InteropServices;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Funnel.Analytics;

/// <summary>
/// The weighted forecast (Σ value × stage probability) grouped by owner, stage or expected-close month,
/// one row per group and currency. Lost deals weigh 0 and won deals 100 %, so the forecast of a period
/// already includes what was won in it. Rows come in the order their group and currency were first seen.
/// </summary>
public static class WeightedForecast
{
    /// <summary>The forecast per owner.</summary>
    /// <param name="lines">The opportunities' forecast lines.</param>
    public static IReadOnlyList<ForecastRow<UserId>> ByOwner(IEnumerable<ForecastLine> lines) => Group(lines, static l => l.Owner);

    /// <summary>The forecast per stage.</summary>
    /// <param name="lines">The opportunities' forecast lines.</param>
    public static IReadOnlyList<ForecastRow<StageId>> ByStage(IEnumerable<ForecastLine> lines) => Group(lines, static l => l.Stage);

    /// <summary>The forecast per month of the expected close date; opportunities without one fall in the null month.</summary>
    /// <param name="lines">The opportunities' forecast lines.</param>
    public static IReadOnlyList<ForecastRow<YearMonth?>> ByMonth(IEnumerable<ForecastLine> lines) =>
        Group(lines, static l => l.ExpectedClose?.ToYearMonth());

    private static IReadOnlyList<ForecastRow<TKey>> Group<TKey>(IEnumerable<ForecastLine> lines, Func<ForecastLine, TKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new Dictionary<(TKey, string), Total>();
        foreach (var line in lines)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (keyOf(line), line.Value.Currency), out _);
            total.Count++;
            total.Value += line.Value.Amount;
            total.Weighted += line.Weighted;
        }
        return [.. groups.Select(g => new ForecastRow<TKey>(g.Key.Item1, g.Key.Item2, g.Value.Count, g.Value.Value, g.Value.Weighted))];
    }

    private struct Total
    {
        public int Count;
        public decimal Value;
        public decimal Weighted;
    }
}
