using Crm.Imports.Reading;

namespace Crm.Imports.Writing;

/// <summary>
/// The imported sheet written back with an error column: each data row as it was read, followed by its problems
/// (<c>code: message</c>, one per line) so the user fixes the cells and imports the same file again.
/// </summary>
public static class ErrorSheet
{
    /// <summary>The header of the added column.</summary>
    public const string ErrorColumn = "Erros";

    /// <summary>Writes <paramref name="rows"/> under <paramref name="headers"/> plus <see cref="ErrorColumn"/>, filled from <paramref name="problems"/> by row.</summary>
    public static void Write(Stream output, ImportFormat format, IReadOnlyList<string> headers, IEnumerable<SheetRow> rows, IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var byRow = problems.GroupBy(p => p.Row).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(p => $"{p.Column}: {p.Code}: {p.Message}")));
        var columns = headers.Select(h => new SheetColumn(h)).Append(new SheetColumn(ErrorColumn)).ToList();
        SheetWriter.Write(output, format, columns, rows.Select(r =>
        {
            var cells = new string?[headers.Count + 1];
            for (var i = 0; i < Math.Min(headers.Count, r.Cells.Count); i++) cells[i] = r.Cells[i];
            cells[^1] = byRow.GetValueOrDefault(r.Number);
            return (IReadOnlyList<string?>)cells;
        }));
    }
}
