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

    // Σ value × percent is summed and divided by 100 once per group (exact in decimal, and one division instead of
    // a million); currencies are numbered on the fly so that the group key hashes no string.
    private static IReadOnlyList<ForecastRow<TKey>> Group<TKey>(IEnumerable<ForecastLine> lines, Func<ForecastLine, TKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new Dictionary<(TKey, int), Total>();
        var currencies = new List<string>();
        string? currency = null;
        var currencyIndex = -1;
        foreach (var line in lines)
        {
            if (!string.Equals(line.Value.Currency, currency, StringComparison.Ordinal))
            {
                currency = line.Value.Currency;
                currencyIndex = currencies.IndexOf(currency);
                if (currencyIndex < 0)
                {
                    currencies.Add(currency);
                    currencyIndex = currencies.Count - 1;
                }
            }
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (keyOf(line), currencyIndex), out _);
            total.Count++;
            total.Value += line.Value.Amount;
            total.ValueTimesPercent += line.Value.Amount * line.Probability;
        }
        return [.. groups.Select(g => new ForecastRow<TKey>(
            g.Key.Item1, currencies[g.Key.Item2], g.Value.Count, g.Value.Value, g.Value.ValueTimesPercent / 100m))];
    }

    private struct Total
    {
        public int Count;
        public decimal Value;
        public decimal ValueTimesPercent;
    }
}
