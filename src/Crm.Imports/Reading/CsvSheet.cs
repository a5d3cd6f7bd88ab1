using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Crm.Imports.Reading;

/// <summary>
/// A CSV file read with Sylvan.Data.Csv: the encoding (a BOM, else UTF-8 when the first 64 KB decode as UTF-8, else Windows-1252 as
/// Brazilian Excel writes) and the separator (<c>;</c>, <c>,</c> or tab, the most frequent in the first line) are detected.
/// </summary>
internal sealed class CsvSheet : Sheet
{
    private const int SniffBytes = 64 * 1024;
    private readonly CsvDataReader _reader;
    private int _row;

    private CsvSheet(CsvDataReader reader, ImportLimits limits) : base(limits) => _reader = reader;

    /// <summary>The encoding and separator found in <paramref name="head"/>, the file's first bytes.</summary>
    internal static (Encoding Encoding, char Separator) Sniff(ReadOnlySpan<byte> head, bool complete)
    {
        Encoding encoding;
        if (head.StartsWith(Encoding.UTF8.Preamble)) encoding = new UTF8Encoding(false);
        else if (head.StartsWith(Encoding.Unicode.Preamble)) encoding = Encoding.Unicode;
        else if (head.StartsWith(Encoding.BigEndianUnicode.Preamble)) encoding = Encoding.BigEndianUnicode;
        else encoding = IsUtf8(head, complete) ? new UTF8Encoding(false) : Windows1252;
        var text = encoding.GetString(head);
        var firstLine = text.AsSpan(0, text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? end : text.Length);
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in firstLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted) { if (c == ';') semicolons++; else if (c == ',') commas++; else if (c == '\t') tabs++; }
        }
        var separator = semicolons >= commas && semicolons >= tabs && semicolons > 0 ? ';' : tabs > commas ? '\t' : ',';
        return (encoding, separator);
    }

    // Code page 1252 without registering a provider process-wide (the host's Encoding.GetEncoding stays as it was).
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static bool IsUtf8(ReadOnlySpan<byte> head, bool complete)
    {
        // A sniffed prefix may end inside a multi-byte sequence: ignore up to three trailing bytes of it.
        for (var cut = 0; cut <= (complete ? 0 : Math.Min(3, head.Length)); cut++)
            if (System.Text.Unicode.Utf8.IsValid(head[..^cut])) return true;
        return false;
    }

    internal static Sheet Open(Stream input, ImportLimits limits)
    {
        var bounded = new BoundedStream(input, limits.MaxFileBytes, "The file");
        var head = new byte[SniffBytes];
        var length = 0;
        int n;
        while (length < head.Length && (n = bounded.Read(head, length, head.Length - length)) > 0) length += n;
        var (encoding, separator) = Sniff(head.AsSpan(0, length), complete: length < head.Length);
        var replay = new ReplayStream(head.AsMemory(0, length), bounded);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, // the header is read as the first row, so a short or blank header is named, not guessed
            Delimiter = separator,
            // A record (one row) must fit the buffer: room for a few maximal cells, and no more, so a 50 MB cell is refused.
            BufferSize = 64 * 1024,
            MaxBufferSize = Math.Max(64 * 1024, limits.MaxCellChars * 4),
        };
        try
        {
            // Create reads the first record already.
            var reader = CsvDataReader.Create(new StreamReader(replay, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024), options);
            return new CsvSheet(reader, limits);
        }
        catch (CsvRecordTooLargeException)
        {
            throw new LimitExceeded(new FileProblem(FileCodes.CellTooLong, $"The header row is longer than {options.MaxBufferSize:N0} characters.", 1));
        }
    }

    private protected override int LastRowNumber => _row;

    private protected override bool ReadNext(out SheetRow row)
    {
        row = default;
        try
        {
            if (!_reader.Read()) return false;
        }
        catch (CsvRecordTooLargeException) { throw new LimitExceeded(CellTooLong(_row + 1)); }
        _row++;
        var cells = new string?[_reader.RowFieldCount];
        for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetString(i);
        row = new SheetRow(_row, cells);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _reader.Dispose();
        base.Dispose(disposing);
    }
}
