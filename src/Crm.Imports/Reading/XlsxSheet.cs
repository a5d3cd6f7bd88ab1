using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Crm.Imports.Reading;

/// <summary>
/// An xlsx worksheet: the package is opened with DocumentFormat.OpenXml, the sheet's XML streamed with an <see cref="XmlReader"/>
/// so no DOM of the sheet is built. A formula cell gives its cached value, a merged range its top-left value (the others are
/// blank), a date its serial number (the mapping turns it into a date), a boolean <c>TRUE</c>/<c>FALSE</c>.
/// </summary>
internal sealed class XlsxSheet : Sheet
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly SpreadsheetDocument _document;
    private readonly FileStream _copy;
    private readonly XmlReader _xml;
    private readonly List<string> _sharedStrings;
    private readonly char[] _buffer = new char[4096]; // reused for every cell's text
    private int _row;

    private XlsxSheet(FileStream copy, SpreadsheetDocument document, XmlReader xml, List<string> sharedStrings, ImportLimits limits) : base(limits)
    {
        (_copy, _document, _xml, _sharedStrings) = (copy, document, xml, sharedStrings);
    }

    internal static OneOf.OneOf<Sheet, FileProblem> Open(Stream input, string? sheetName, ImportLimits limits)
    {
        // The zip directory is at the end: the input is copied (bounded) to a temporary file that is deleted on close.
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        SpreadsheetDocument? document = null;
        try
        {
            using (var bounded = new BoundedStream(input, limits.MaxFileBytes, "The file")) bounded.CopyTo(copy);
            copy.Position = 0;
            document = SpreadsheetDocument.Open(copy, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var sheets = workbook.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList() ?? [];
            var chosen = sheetName is null ? sheets.FirstOrDefault() : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase));
            if (chosen?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                document.Dispose();
                copy.Dispose();
                var names = string.Join(", ", sheets.Select(s => s.Name?.Value));
                return new FileProblem(FileCodes.SheetMissing, sheetName is null
                    ? "The workbook has no worksheet."
                    : $"The workbook has no sheet named '{sheetName}' (it has: {names}).");
            }
            var shared = workbook.SharedStringTablePart is { } sst ? ReadSharedStrings(sst, limits) : [];
            var xml = XmlReader.Create(new BoundedStream(part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxPartBytes, "The worksheet"), Settings);
            return new XlsxSheet(copy, document, xml, shared, limits);
        }
        catch (Exception e) when (e is LimitExceeded or OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                      or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            document?.Dispose();
            copy.Dispose();
            return e is LimitExceeded l ? l.Problem : new FileProblem(FileCodes.NotXlsx, $"The file is not a readable xlsx workbook: {e.Message}");
        }
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true, IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
    };

    private static List<string> ReadSharedStrings(SharedStringTablePart part, ImportLimits limits)
    {
        var strings = new List<string>();
        var buffer = new char[4096];
        using var xml = XmlReader.Create(new BoundedStream(part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxPartBytes, "The shared strings table"), Settings);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == Main)
                strings.Add(xml.IsEmptyElement ? "" : ReadText(xml, buffer, "si", limits.MaxCellChars, strings.Count + 1));
        return strings;
    }

    /// <summary>The concatenated <c>t</c> texts under the current element (rich text runs included, phonetic runs skipped), bounded.</summary>
    private static string ReadText(XmlReader xml, char[] buffer, string element, int maxChars, int where)
    {
        var text = new StringBuilder();
        var depth = xml.Depth;
        var skipped = false;
        while ((skipped || xml.Read()) && xml.Depth > depth)
        {
            skipped = false;
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") { xml.Skip(); skipped = true; continue; } // the phonetic reading is not the text
            if (xml.NodeType is XmlNodeType.Element && xml.LocalName == "t" && !xml.IsEmptyElement)
            {
                xml.Read();
                while (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    int n;
                    while ((n = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        text.Append(buffer, 0, n);
                        if (text.Length > maxChars)
                            throw new LimitExceeded(new FileProblem(FileCodes.CellTooLong,
                                $"A text in the {element} at {where} is longer than {maxChars:N0} characters.", where));
                    }
                    xml.Read();
                }
            }
        }
        return text.ToString();
    }

    private protected override int LastRowNumber => _row;

    private protected override bool ReadNext(out SheetRow row)
    {
        row = default;
        while (_xml.Read())
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "row" || _xml.NamespaceURI != Main) continue;
            var number = int.TryParse(_xml.GetAttribute("r"), out var r) && r > _row ? r : _row + 1;
            _row = number;
            var cells = new List<string?>();
            if (!_xml.IsEmptyElement) ReadCells(cells);
            row = new SheetRow(number, cells);
            return true;
        }
        return false;
    }

    private void ReadCells(List<string?> cells)
    {
        var depth = _xml.Depth;
        while (_xml.Read() && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "c") continue;
            var column = ColumnIndex(_xml.GetAttribute("r")) ?? cells.Count;
            if (column >= Limits.MaxColumns)
                throw new LimitExceeded(new FileProblem(FileCodes.TooManyColumns, $"Row {_row} has more than {Limits.MaxColumns} columns.", _row));
            var type = _xml.GetAttribute("t");
            var value = _xml.IsEmptyElement ? null : ReadCellValue(type);
            while (cells.Count <= column) cells.Add(null);
            cells[column] = value;
        }
    }

    private string? ReadCellValue(string? type)
    {
        var depth = _xml.Depth;
        string? value = null;
        while (_xml.Read() && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element) continue;
            if (_xml.LocalName == "v") value = ReadLeafText(_xml, _buffer, Limits.MaxCellChars, _row);
            else if (_xml.LocalName == "is") value = ReadText(_xml, _buffer, "row", Limits.MaxCellChars, _row);
            // <f>, the formula itself, is passed over: its cached value is in <v>.
        }
        return type switch
        {
            "s" => int.TryParse(value, out var i) && i >= 0 && i < _sharedStrings.Count ? _sharedStrings[i] : null,
            "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value,
            _ => value,
        };
    }

    /// <summary>The text of a leaf element such as <c>v</c>, read in chunks so a huge one is refused before it is whole.</summary>
    private static string ReadLeafText(XmlReader xml, char[] buffer, int maxChars, int where)
    {
        var text = new StringBuilder();
        if (xml.IsEmptyElement) return "";
        xml.Read();
        while (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
        {
            int n;
            while ((n = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, n);
                if (text.Length > maxChars)
                    throw new LimitExceeded(new FileProblem(FileCodes.CellTooLong, $"A cell in row {where} is longer than {maxChars:N0} characters.", where));
            }
            xml.Read();
        }
        return text.ToString();
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>; null when absent or malformed.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') { column = column * 26 + (c - 'A' + 1); if (++letters > 3) return null; }
            else if (c is >= 'a' and <= 'z') { column = column * 26 + (c - 'a' + 1); if (++letters > 3) return null; }
            else break;
        }
        return letters == 0 ? null : column - 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _xml.Dispose();
            _document.Dispose();
            _copy.Dispose();
        }
        base.Dispose(disposing);
    }
}
