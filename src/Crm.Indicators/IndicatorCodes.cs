namespace Crm.Indicators;

/// <summary>The problem codes of the indicators (stable identifiers).</summary>
public static class IndicatorCodes
{
    /// <summary>The period ends before it starts.</summary>
    public const string PeriodReversed = "indicators.period.reversed";

    /// <summary>The period is longer than <see cref="IndicatorPeriod.MaxDays"/>.</summary>
    public const string PeriodTooLong = "indicators.period.too_long";

    /// <summary>The period (or the periods it is compared with) falls outside the supported years.</summary>
    public const string PeriodOutOfRange = "indicators.period.out_of_range";
}
