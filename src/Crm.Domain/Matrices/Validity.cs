using System.Globalization;
using NodaTime;

namespace Crm.Domain.Matrices;

/// <summary>
/// The dates a rule is valid on, both ends inclusive ("válida de 01/01 a 31/03"); a missing end is open.
/// The default value is valid on every date. Matrices take the document date, never "today".
/// </summary>
public readonly record struct Validity
{
    /// <summary>Creates a range; a reversed one is representable so that the matrix build can report it with the rule id.</summary>
    /// <param name="from">The first valid date, or null for "since always".</param>
    /// <param name="to">The last valid date, or null for "until further notice".</param>
    public Validity(LocalDate? from = null, LocalDate? to = null) => (From, To) = (from, to);

    /// <summary>The first valid date, or null for "since always".</summary>
    public LocalDate? From { get; }

    /// <summary>The last valid date, or null for "until further notice".</summary>
    public LocalDate? To { get; }

    /// <summary>Valid on every date.</summary>
    public static Validity Always => default;

    /// <summary>True when <see cref="To"/> is before <see cref="From"/> (a configuration error).</summary>
    public bool IsReversed => From is { } from && To is { } to && to < from;

    /// <summary>True when <paramref name="date"/> is within the range.</summary>
    public bool Contains(LocalDate date) => !(From > date) && !(To < date);

    /// <summary>True when some date is in both ranges.</summary>
    public bool Overlaps(Validity other) => !(To < other.From) && !(other.To < From);

    /// <inheritdoc />
    public override string ToString() => $"[{From?.ToString() ?? "…"}, {To?.ToString() ?? "…"}]";
}

/// <summary>
/// The quantities a rule applies to, <see cref="Min"/> inclusive and <see cref="Max"/> exclusive so that
/// tiers such as [0, 10), [10, 50), [50, …) never share a boundary. The default value covers every quantity.
/// </summary>
public readonly record struct QuantityRange
{
    /// <summary>Creates a range; an empty one is representable so that the matrix build can report it with the rule id.</summary>
    /// <param name="min">The smallest quantity, or null for no lower bound.</param>
    /// <param name="max">The first quantity no longer covered, or null for no upper bound.</param>
    public QuantityRange(decimal? min = null, decimal? max = null) => (Min, Max) = (min, max);

    /// <summary>The smallest quantity, or null for no lower bound.</summary>
    public decimal? Min { get; }

    /// <summary>The first quantity no longer covered, or null for no upper bound.</summary>
    public decimal? Max { get; }

    /// <summary>Every quantity.</summary>
    public static QuantityRange Any => default;

    /// <summary>True when the range is unbounded on both sides.</summary>
    public bool IsAny => Min is null && Max is null;

    /// <summary>True when the range holds no quantity or starts below zero (a configuration error).</summary>
    public bool IsInvalid => Min < 0 || Max <= 0 || (Min is { } min && Max is { } max && max <= min);

    /// <summary>
    /// True when <paramref name="quantity"/> is within the range; a context without a quantity only
    /// matches an unbounded range.
    /// </summary>
    public bool Contains(decimal? quantity) =>
        quantity is { } q ? !(Min > q) && !(Max <= q) : IsAny;

    /// <summary>True when some quantity is in both ranges.</summary>
    public bool Overlaps(QuantityRange other) => !(Max <= other.Min) && !(other.Max <= Min);

    /// <inheritdoc />
    public override string ToString() => $"[{Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}, {Max?.ToString(CultureInfo.InvariantCulture) ?? "…"})";
}
