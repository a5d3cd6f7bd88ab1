using System.Globalization;
using System.Text;
using Crm.Imports.Reading;

namespace Crm.Imports;

/// <summary>Where each known column is in a sheet, matched ignoring case, accents and spaces; unknown headers are ignored.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index;

    private HeaderMap(Dictionary<string, int> index) => _index = index;

    /// <summary>The map, or the problems: a required column missing, a known header twice.</summary>
    public static OneOf.OneOf<HeaderMap, List<ImportProblem>> Of(IReadOnlyList<string> headers, IEnumerable<string> known, IEnumerable<string> required)
    {
        var byKey = known.ToDictionary(Key, h => h);
        var index = new Dictionary<string, int>();
        var problems = new List<ImportProblem>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (!byKey.TryGetValue(Key(headers[i]), out var column)) continue;
            if (!index.TryAdd(column, i))
                problems.Add(new ImportProblem(1, column, ImportCodes.ColumnDuplicated, $"The column '{column}' appears twice in the header."));
        }
        foreach (var column in required)
            if (!index.ContainsKey(column))
                problems.Add(new ImportProblem(1, column, ImportCodes.ColumnMissing, $"The required column '{column}' is not in the header."));
        return problems.Count > 0 ? problems : new HeaderMap(index);
    }

    /// <summary>The trimmed text of <paramref name="column"/> in <paramref name="row"/>; null when blank or the column is absent.</summary>
    public string? this[SheetRow row, string column] => _index.TryGetValue(column, out var i) ? row[i] : null;

    private static string Key(string header)
    {
        var decomposed = header.Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && !char.IsWhiteSpace(c))
                key.Append(char.ToUpperInvariant(c));
        return key.ToString();
    }
}
