using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Crm.Imports.Reading;

namespace Crm.Imports.Writing;

/// <summary>A column of a written sheet: its header and, when the column takes a fixed set of codes, those values (an xlsx data-validation list).</summary>
/// <param name="Header">The header text.</param>
/// <param name="AllowedValues">The values a cell may take, or empty for free text.</param>
public sealed record SheetColumn(string Header, IReadOnlyList<string> AllowedValues)
{
    /// <summary>A free-text column.</summary>
    public SheetColumn(string header) : this(header, []) { }
}

/// <summary>
/// Writes rows of text as an xlsx worksheet (streamed with OpenXmlWriter: memory stays flat) or as UTF-8 CSV with a BOM and
/// <c>;</c> separators (what Brazilian Excel opens directly). Both read back through <see cref="ImportFile"/> to the same cells.
/// </summary>
public static class SheetWriter
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="columns"/>' headers to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(Stream output, ImportFormat format, IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<string?>> rows, string sheetName = "Data")
    {
        ArgumentNullException.ThrowIfNull(rows);
        // A synchronous source completes every await at once: this is the asynchronous writer run to its end.
        WriteAsync(output, format, columns, rows.ToAsyncEnumerable(), sheetName).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as they arrive (e.g. pages read from a database), so only the row being written is held.
    /// </summary>
    public static Task WriteAsync(Stream output, ImportFormat format, IReadOnlyList<SheetColumn> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        string sheetName = "Data", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return format == ImportFormat.Csv
            ? WriteCsvAsync(output, columns, rows, cancellationToken)
            : WriteWorkbookAsync(output, [(sheetName, columns, rows)], cancellationToken);
    }

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<SheetColumn> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
        WriteCsvLine(writer, columns.Select(c => c.Header).ToList());
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false)) WriteCsvLine(writer, row);
    }

    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(";\",\r\n\t");

    private static void WriteCsvLine(StreamWriter writer, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(';');
            var cell = cells[i] ?? "";
            if (cell.AsSpan().ContainsAny(NeedsQuotes)) writer.Write('"' + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + '"');
            else writer.Write(cell);
        }
        writer.Write("\r\n");
    }

    /// <summary>Writes several worksheets into one xlsx workbook, each streamed in turn.</summary>
    internal static void WriteWorkbook(Stream output, IEnumerable<(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<IReadOnlyList<string?>> Rows)> sheets) =>
        WriteWorkbookAsync(output, sheets.Select(s => (s.Name, s.Columns, s.Rows.ToAsyncEnumerable())), CancellationToken.None).GetAwaiter().GetResult();

    private static async Task WriteWorkbookAsync(Stream output,
        IEnumerable<(string Name, IReadOnlyList<SheetColumn> Columns, IAsyncEnumerable<IReadOnlyList<string?>> Rows)> sheets, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var list = new Sheets();
        foreach (var (name, columns, rows) in sheets)
        {
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            await WriteWorksheetAsync(worksheet, columns, rows, cancellationToken).ConfigureAwait(false);
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = (uint)list.ChildElements.Count + 1, Name = name });
        }
        workbook.Workbook = new Workbook(list);
        workbook.Workbook.Save();
    }

    private static async Task WriteWorksheetAsync(WorksheetPart worksheet, IReadOnlyList<SheetColumn> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(worksheet);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => (string?)c.Header).ToList());
        var number = 1;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false)) WriteRow(writer, ++number, row);
        writer.WriteEndElement();
        var lists = columns.Select((c, i) => (c, i)).Where(x => x.c.AllowedValues.Count > 0).ToList();
        if (lists.Count > 0)
        {
            writer.WriteStartElement(new DataValidations { Count = (uint)lists.Count });
            foreach (var (column, index) in lists)
            {
                var letter = ColumnName(index);
                // A literal list is limited to 255 characters by Excel; the codes used here are short.
                writer.WriteElement(new DataValidation(new Formula1('"' + string.Join(',', column.AllowedValues) + '"'))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}1048576" },
                });
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<string?> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrEmpty(cells[i])) continue;
            writer.WriteElement(new Cell(new InlineString(new Text(cells[i]!) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>The column letters of 0-based <paramref name="index"/> (0 → A, 26 → AA).</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
