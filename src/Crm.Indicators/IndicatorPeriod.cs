using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Indicators;

/// <summary>
/// The days an indicator covers, first and last included, and the time zone that turns them into instants for the
/// columns that record instants (a registration, an opportunity's stage change): day <c>d</c> runs from the start of
/// <c>d</c> in <see cref="Zone"/> to the start of the next day. Date columns (an order's issue date) compare by date.
/// </summary>
public sealed record IndicatorPeriod
{
    /// <summary>The longest period accepted: ten years of days (a longer one is a typing error, not a report).</summary>
    public const int MaxDays = 3_660;

    private IndicatorPeriod(LocalDate first, LocalDate last, DateTimeZone zone) => (First, Last, Zone) = (first, last, zone);

    /// <summary>The first day.</summary>
    public LocalDate First { get; }

    /// <summary>The last day (included).</summary>
    public LocalDate Last { get; }

    /// <summary>The zone the days are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>How many days it covers (1 for a single day).</summary>
    public int Days => Period.DaysBetween(First, Last) + 1;

    /// <summary>The period of the same length that ends the day before <see cref="First"/>.</summary>
    public IndicatorPeriod Previous => new(First.PlusDays(-Days), First.PlusDays(-1), Zone);

    /// <summary>The period of the same length that starts the day after <see cref="Last"/>.</summary>
    public IndicatorPeriod Next => new(Last.PlusDays(1), Last.PlusDays(Days), Zone);

    /// <summary>The instant the period starts: the start of <see cref="First"/> in <see cref="Zone"/>.</summary>
    public Instant Start => Zone.AtStartOfDay(First).ToInstant();

    /// <summary>The instant the period ends, excluded: the start of the day after <see cref="Last"/>.</summary>
    public Instant End => Zone.AtStartOfDay(Last.PlusDays(1)).ToInstant();

    /// <summary>
    /// The period from <paramref name="first"/> to <paramref name="last"/> in <paramref name="zone"/>. Problems
    /// (<see cref="IndicatorCodes"/>): <c>period.last</c> before <c>period.first</c>, longer than <see cref="MaxDays"/>,
    /// or outside <see cref="EarliestDay"/>..<see cref="LatestDay"/>.
    /// </summary>
    public static Outcome<IndicatorPeriod> Of(LocalDate first, LocalDate last, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (last < first)
            return new Invalid(new Problem("period.last", IndicatorCodes.PeriodReversed, "O fim do período é anterior ao início."));
        var days = Period.DaysBetween(first, last) + 1;
        if (days > MaxDays)
            return new Invalid(new Problem("period.last", IndicatorCodes.PeriodTooLong, $"O período passa de {MaxDays} dias."));
        // Three periods back (churn compares with the previous period's previous one) and one forward must fit SQLite's
        // instants, nanoseconds since 1970 in 64 bits (1677-09-21 to 2262-04-11): 3 × MaxDays is about 30 years.
        if (first < EarliestDay || last > LatestDay)
        {
            return new Invalid(new Problem("period.first", IndicatorCodes.PeriodOutOfRange,
                $"O período deve estar entre {EarliestDay:yyyy-MM-dd} e {LatestDay:yyyy-MM-dd}."));
        }
        return new IndicatorPeriod(first, last, zone);
    }

    /// <summary>The calendar month of <paramref name="day"/> in <paramref name="zone"/>, with the problems of <see cref="Of"/>.</summary>
    public static Outcome<IndicatorPeriod> MonthOf(LocalDate day, DateTimeZone zone)
    {
        var first = new LocalDate(day.Year, day.Month, 1);
        return Of(first, first.PlusMonths(1).PlusDays(-1), zone);
    }

    /// <summary>The earliest first day accepted.</summary>
    public static readonly LocalDate EarliestDay = new(1710, 1, 1);

    /// <summary>The latest last day accepted.</summary>
    public static readonly LocalDate LatestDay = new(2250, 12, 31);
}
