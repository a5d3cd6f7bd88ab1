using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Crm.Persistence.Sqlite;

/// <summary>
/// An <see cref="Instant"/> on SQLite: nanoseconds since the Unix epoch in an INTEGER column. Exact for every instant
/// between 1677 and 2262, and it sorts and compares in SQL. (PostgreSQL uses timestamptz through the Npgsql NodaTime plugin.)
/// </summary>
internal sealed class InstantNanosecondsConverter()
    : ValueConverter<Instant, long>(v => (v - NodaConstants.UnixEpoch).ToInt64Nanoseconds(),
        n => NodaConstants.UnixEpoch + Duration.FromNanoseconds(n));

/// <summary>A <see cref="LocalDate"/> on SQLite: ISO text <c>yyyy-MM-dd</c>, exact, readable and sorted like the dates.</summary>
internal sealed class LocalDateIsoConverter()
    : ValueConverter<LocalDate, string>(v => LocalDatePattern.Iso.Format(v), s => LocalDatePattern.Iso.Parse(s).Value);

/// <summary>A <see cref="Duration"/> on SQLite: nanoseconds, exact for ±292 years.</summary>
internal sealed class DurationNanosecondsConverter()
    : ValueConverter<Duration, long>(v => v.ToInt64Nanoseconds(), n => Duration.FromNanoseconds(n));

/// <summary>
/// Money on SQLite: invariant text that keeps the scale (<c>1.50</c> stays <c>1.50</c>), so it round-trips exactly.
/// SQLite cannot compare such text numerically, which is why no query of this layer orders or filters by an amount on SQLite.
/// </summary>
internal sealed class DecimalTextConverter() : ValueConverter<decimal, string>(
    v => v.ToString(CultureInfo.InvariantCulture), s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));


/// <summary>The column types SQLite lacks: instants and durations as integer nanoseconds, dates and money as text.</summary>
internal static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<Instant>().HaveConversion<InstantNanosecondsConverter>();
        builder.Properties<LocalDate>().HaveConversion<LocalDateIsoConverter>().HaveMaxLength(10);
        builder.Properties<Duration>().HaveConversion<DurationNanosecondsConverter>();
        builder.Properties<decimal>().HaveConversion<DecimalTextConverter>();
    }
}
