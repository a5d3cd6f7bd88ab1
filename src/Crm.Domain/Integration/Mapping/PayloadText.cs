using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Crm.Domain.Integration.Mapping;

/// <summary>Text helpers for payload mapping: cutting to an ERP's field length, the street line, ISO dates.</summary>
public static class PayloadText
{
    /// <summary><paramref name="text"/> trimmed and cut to <paramref name="max"/> characters (trimmed again); null when blank.</summary>
    public static string? Fit(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        return trimmed.Length <= max ? trimmed : trimmed[..max].TrimEnd();
    }

    /// <summary>
    /// As many of <paramref name="items"/> as fit whole in <paramref name="max"/> characters, joined by
    /// <paramref name="separator"/> (an e-mail list must not end in half an address); null when none.
    /// </summary>
    public static string? JoinFitting(IEnumerable<string> items, string separator, int max)
    {
        ArgumentNullException.ThrowIfNull(items);
        var joined = "";
        foreach (var item in items)
        {
            var next = joined.Length == 0 ? item : joined + separator + item;
            if (next.Length > max)
                break;
            joined = next;
        }
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The street line ERPs keep in one field (Datasul <c>endereco</c>, Protheus <c>A1_END</c>): <c>street, number</c>.</summary>
    public static string StreetLine(string street, string? number) =>
        string.IsNullOrWhiteSpace(number) ? street : $"{street}, {number}";

    /// <summary>The inverse of <see cref="StreetLine"/>: split at the last <c>", "</c> (TOTVS: "split on a comma").</summary>
    public static (string Street, string? Number) SplitStreetLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var comma = line.LastIndexOf(", ", StringComparison.Ordinal);
        return comma <= 0 || comma + 2 >= line.Length ? (line, null) : (line[..comma], line[(comma + 2)..]);
    }

    /// <summary>The code as an integer, for ERPs whose keys are numbers (Datasul <c>cod-rep</c>); null when not a number.</summary>
    public static int? Number(string? code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>The date in an ISO <c>yyyy-MM-dd</c> text, or null when absent or malformed.</summary>
    public static LocalDate? ParseIso(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text.Length > 10 ? text[..10] : text) is { Success: true } result ? result.Value : null;
}
