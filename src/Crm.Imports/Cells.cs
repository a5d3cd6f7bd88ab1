using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Crm.Imports;

/// <summary>Cell text to typed values, as Brazilian spreadsheets write them.</summary>
internal static class Cells
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>
    /// A decimal with a comma (<c>1.234,56</c>, pt-BR) or, when there is no comma, a point (<c>1234.56</c>, as xlsx stores
    /// numbers, in scientific notation for small ones: <c>1E-05</c>).
    /// </summary>
    public static bool TryDecimal(string text, out decimal value) =>
        text.Contains(',', StringComparison.Ordinal)
            ? decimal.TryParse(text, NumberStyles.Number, PtBr, out value)
            : decimal.TryParse(text, (NumberStyles.Number & ~NumberStyles.AllowThousands) | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

    /// <summary>A decimal as a pt-BR user types it: a decimal comma, no thousands separator, the scale kept (<c>12,50</c>).</summary>
    public static string Text(decimal value) => value.ToString(PtBr);

    /// <summary><see cref="Text(decimal)"/>, or null (a blank cell).</summary>
    public static string? Text(decimal? value) => value is { } v ? Text(v) : null;

    /// <summary>A date as dd/MM/yyyy.</summary>
    public static string Text(LocalDate value) => DatePatterns[0].Format(value);

    /// <summary><see cref="Text(LocalDate)"/>, or null (a blank cell).</summary>
    public static string? Text(LocalDate? value) => value is { } v ? Text(v) : null;

    /// <summary>S or N, as the sheets write a yes/no flag.</summary>
    public static string Flag(bool value) => value ? "S" : "N";

    /// <summary>A yes/no flag: S, SIM, N, NÃO, NAO (any case); null when it is none of them.</summary>
    public static bool? TryFlag(string text) => text.ToUpperInvariant() switch
    {
        "S" or "SIM" => true,
        "N" or "NAO" or "NÃO" => false,
        _ => null,
    };

    private static readonly LocalDatePattern[] DatePatterns =
        [LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu"), LocalDatePattern.Iso];

    // Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for (serials from 61 on, every real date).
    private static readonly LocalDate ExcelEpoch = new(1899, 12, 30);

    /// <summary>A date as dd/MM/yyyy, yyyy-MM-dd, or an Excel serial (what an xlsx date cell holds).</summary>
    public static bool TryDate(string text, out LocalDate value)
    {
        foreach (var pattern in DatePatterns)
            if (pattern.Parse(text) is { Success: true } result) { value = result.Value; return true; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 61 and < 2_958_466)
        {
            value = ExcelEpoch.PlusDays((int)serial);
            return true;
        }
        value = default;
        return false;
    }
}
