using System.Numerics;

namespace Crm.Indicators;

/// <summary>A figure of a period and of the previous period of the same length.</summary>
/// <typeparam name="T">A count (<see cref="long"/>) or an amount of money (<see cref="decimal"/>).</typeparam>
/// <param name="Current">The figure of the period.</param>
/// <param name="Previous">The figure of the previous period.</param>
public sealed record Compared<T>(T Current, T Previous)
    where T : INumber<T>
{
    /// <summary>
    /// The change from <see cref="Previous"/> to <see cref="Current"/> in % of <see cref="Previous"/>, rounded to two
    /// decimals; null when <see cref="Previous"/> is zero (no base to compare with).
    /// </summary>
    public decimal? ChangePercent => T.IsZero(Previous)
        ? null
        : decimal.Round((decimal.CreateChecked(Current) - decimal.CreateChecked(Previous)) * 100m / decimal.CreateChecked(Previous), 2);
}

/// <summary>Shares in % of a whole.</summary>
public static class Percent
{
    /// <summary><paramref name="part"/> in % of <paramref name="whole"/>, rounded to two decimals; null when the whole is zero.</summary>
    public static decimal? Of(long part, long whole) => whole == 0 ? null : decimal.Round(part * 100m / whole, 2);
}
