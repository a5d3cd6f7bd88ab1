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
    /// numbers, in scientific notation for small ones: <c>1E-05</c>). Excel keeps 15 significant digits but writes a cell's
    /// double with up to 17 (<c>0.30000000000000004</c>, <c>1.0000000000000001E-5</c>): such a number reads as Excel shows it.
    /// </summary>
    public static bool TryDecimal(string text, out decimal value)
    {
        if (text.Contains(',', StringComparison.Ordinal))
            return decimal.TryParse(text, NumberStyles.Number, PtBr, out value);
        if (!decimal.TryParse(text, (NumberStyles.Number & ~NumberStyles.AllowThousands) | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
            return false;
        // The explicit double-to-decimal conversion rounds to 15 significant digits, Excel's precision.
        if (SignificantDigits(text) > 15 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            value = (decimal)number;
        return true;
    }

    private static int SignificantDigits(string number)
    {
        var mantissa = number.AsSpan(0, number.IndexOfAny(['e', 'E']) is var e and >= 0 ? e : number.Length);
        var digits = 0;
        foreach (var c in mantissa)
            if (char.IsAsciiDigit(c) && (digits > 0 || c != '0'))
                digits++;
        return digits;
    }

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

    /// <summary>
    /// The CRM id in <paramref name="text"/> (a GUID, as an export writes it), null when blank; a problem when it is not an id or
    /// already appeared in <paramref name="seen"/> (an earlier row of the same file).
    /// </summary>
    public static Guid? Id(string? text, int row, string column, HashSet<Guid> seen, List<ImportProblem> problems)
    {
        if (text is null)
            return null;
        if (!Guid.TryParse(text, out var id))
            problems.Add(new ImportProblem(row, column, ImportCodes.Malformed, $"'{text}' is not a CRM id."));
        else if (!seen.Add(id))
            problems.Add(new ImportProblem(row, column, ImportCodes.DuplicateId, $"'{text}' is already on an earlier row of this file."));
        else
            return id;
        return null;
    }

    /// <summary>A parser of cell text.</summary>
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>The value of an optional cell: null when blank, a <see cref="ImportCodes.Malformed"/> problem when it is not <paramref name="what"/>.</summary>
    public static T? Optional<T>(string? text, int row, string column, List<ImportProblem> problems, TryParse<T> parse, string what) where T : struct
    {
        if (text is null)
            return null;
        if (parse(text, out var value))
            return value;
        problems.Add(new ImportProblem(row, column, ImportCodes.Malformed, $"'{text}' is not {what}."));
        return null;
    }
}
