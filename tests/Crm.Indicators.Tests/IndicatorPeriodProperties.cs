using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Indicators.Tests;

/// <summary>The algebra of periods and comparisons, over random days, lengths and figures.</summary>
public sealed class IndicatorPeriodProperties
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public static Arbitrary<IndicatorPeriod> Periods() =>
        Gen.Choose(0, 40_000).Zip(Gen.Choose(1, IndicatorPeriod.MaxDays))
            .Select(t => IndicatorPeriod.Of(new LocalDate(1950, 1, 1).PlusDays(t.Item1), new LocalDate(1950, 1, 1).PlusDays(t.Item1 + t.Item2 - 1), Zone).AsT0)
            .ToArbitrary();

    [Property(Arbitrary = [typeof(IndicatorPeriodProperties)], MaxTest = 200)]
    public bool The_previous_period_of_the_next_is_the_period_and_both_touch_it_with_its_length(IndicatorPeriod period) =>
        period.Next.Previous == period && period.Previous.Next == period
        && period.Previous.Days == period.Days && period.Previous.Last.PlusDays(1) == period.First
        && period.Previous.End == period.Start && period.End == period.Next.Start;

    [Property(MaxTest = 300)]
    public bool A_change_is_null_exactly_without_a_base_and_has_the_sign_of_the_difference(long current, long previous)
    {
        var change = new Compared<long>(current, previous).ChangePercent;
        return previous == 0 ? change is null : change is { } c && Math.Sign(c) == Math.Sign((decimal)current - previous) * Math.Sign(previous);
    }

    [Property(MaxTest = 300)]
    public bool A_share_of_a_whole_is_between_0_and_100(NonNegativeInt part, NonNegativeInt extra)
    {
        var share = Percent.Of(part.Get, (long)part.Get + extra.Get);
        return part.Get + extra.Get == 0 ? share is null : share is >= 0m and <= 100m;
    }

    [Fact]
    public void A_reversed_or_too_long_period_is_refused_with_its_code()
    {
        var day = new LocalDate(2026, 11, 1);
        Assert.Equal(IndicatorCodes.PeriodReversed, Assert.Single(IndicatorPeriod.Of(day, day.PlusDays(-1), Zone).AsT1.Problems).Code);
        Assert.Equal(IndicatorCodes.PeriodTooLong, Assert.Single(IndicatorPeriod.Of(day, day.PlusDays(IndicatorPeriod.MaxDays), Zone).AsT1.Problems).Code);
        Assert.Equal(30, IndicatorPeriod.MonthOf(new LocalDate(2026, 11, 17), Zone).AsT0.Days);
    }

    [Fact]
    public void A_period_whose_comparisons_leave_the_instants_sqlite_stores_is_refused_not_thrown()
    {
        // SQLite keeps instants as 64-bit nanoseconds since 1970: 1677-09-21 to 2262-04-11.
        Assert.Equal(IndicatorCodes.PeriodOutOfRange, Assert.Single(IndicatorPeriod.MonthOf(new LocalDate(2261, 3, 1), Zone).AsT1.Problems).Code);
        Assert.Equal(IndicatorCodes.PeriodOutOfRange,
            Assert.Single(IndicatorPeriod.Of(new LocalDate(1690, 1, 1), new LocalDate(1699, 12, 31), Zone).AsT1.Problems).Code);
        Assert.True(IndicatorPeriod.Of(IndicatorPeriod.EarliestDay, IndicatorPeriod.EarliestDay.PlusDays(IndicatorPeriod.MaxDays - 1), Zone)
            .AsT0.Previous.Previous.Previous.Start > Instant.FromUnixTimeTicks(long.MinValue / 100));
    }
}
