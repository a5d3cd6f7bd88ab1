using Crm.Domain.Registry;
using CsvHelper;

namespace Crm.Cli.Validation;

/// <summary>One data row of a documents file.</summary>
/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
/// <param name="Kind">The document kind.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Uf">The UF, required for IE rows and ignored otherwise.</param>
public sealed record DocumentRow(int Line, DocumentKind Kind, string Value, Uf? Uf);

/// <summary>A documents file that cannot be used: every reason, one line each.</summary>
public sealed class DocumentFileException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    /// <summary>A file unusable for one reason.</summary>
    public DocumentFileException(string problem) : this([problem]) { }

    /// <summary>Every reason, one line each, in the order of the file.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a CSV of documents: a header row naming the columns <c>kind</c> and <c>value</c>, and <c>uf</c>
/// when some row is an IE; columns in any order, comma or semicolon separated (as Excel writes it in
/// Brazil). The whole file is read before anything is validated, so a bad file never yields half a report.
/// </summary>
public static class DocumentFile
{
    private static readonly string[] RequiredColumns = ["kind", "value"];

    /// <summary>
    /// The largest input <c>--file</c> reads (8 MiB, about 400,000 rows): input without an end, such as
    /// <c>/dev/zero</c> or a FIFO fed forever, is refused once it passes this size instead of filling memory.
    /// </summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>The longest row (one line, or a quoted value running over several lines) <c>--file</c> reads: 64 KiB.</summary>
    public const int MaxRowBytes = 64 * 1024;

    /// <summary>How many problems of a bad file are listed; the rest are counted in one more line.</summary>
    public const int MaxListedProblems = 20;

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MaxRecordSize = MaxRowBytes,
        BufferSize = MaxRowBytes,
    };

    /// <summary>The rows of <paramref name="path"/>; throws <see cref="DocumentFileException"/> when the file is unusable.</summary>
    public static IReadOnlyList<DocumentRow> Read(string path)
    {
        if (Directory.Exists(path))
            throw new DocumentFileException($"{path} is a folder, not a file");
        if (!File.Exists(path))
            throw new DocumentFileException($"file not found: {path}");
        var tooLarge = $"{path} is larger than {MaxFileBytes / 1024 / 1024} MiB, the most --file reads";
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (file.CanSeek && file.Length > MaxFileBytes)
            {
                file.Dispose();
                throw new DocumentFileException(tooLarge);
            }
            using var limited = new SizeLimitedStream(file, MaxFileBytes, tooLarge);
            return Read(limited);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentFileException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>The rows of a CSV stream (UTF-8 unless a byte order mark says otherwise); throws <see cref="DocumentFileException"/> when it is unusable.</summary>
    public static IReadOnlyList<DocumentRow> Read(Stream input)
    {
        using var csv = CsvReader.Create(input, Options, leaveOpen: true);
        try
        {
            if (csv.Headers.Count == 0 || csv.Headers.All(string.IsNullOrWhiteSpace))
                throw new DocumentFileException("the file is empty: a header row kind,value,uf is required");
            var missing = RequiredColumns.Where(name => !csv.TryGetFieldIndex(name, out _))
                .Select(name => $"missing column '{name}' in the header (expected kind,value,uf)").ToList();
            if (missing.Count > 0)
                throw new DocumentFileException(missing);
            csv.TryGetFieldIndex("kind", out var kind);
            csv.TryGetFieldIndex("value", out var value);
            int? uf = csv.TryGetFieldIndex("uf", out var ufIndex) ? ufIndex : null;
            var rows = new List<DocumentRow>();
            var problems = new List<string>();
            var unlisted = 0;
            while (csv.Read())
            {
                var row = ReadRow(csv, kind, value, uf, out var rowProblems);
                if (row is not null)
                    rows.Add(row);
                foreach (var problem in rowProblems)
                {
                    if (problems.Count < MaxListedProblems)
                        problems.Add(problem);
                    else
                        unlisted++;
                }
            }
            if (unlisted > 0)
                problems.Add($"and {unlisted} more problems");
            return problems.Count == 0 ? rows : throw new DocumentFileException(problems);
        }
        catch (CsvFormatException e) when (e.Message.Contains(nameof(CsvReaderOptions.MaxRecordSize), StringComparison.Ordinal))
        {
            throw new DocumentFileException($"line {e.LineNumber}: a row longer than {MaxRowBytes / 1024} KiB, the longest --file reads");
        }
        catch (CsvFormatException e)
        {
            throw new DocumentFileException($"line {e.LineNumber}: the CSV cannot be read ({e.Message})");
        }
    }

    /// <summary>The row at the reader, or null with every problem of it.</summary>
    private static DocumentRow? ReadRow(CsvReader csv, int kindColumn, int valueColumn, int? ufColumn, out List<string> problems)
    {
        problems = [];
        var line = (int)csv.LineNumber;
        var kindText = csv.GetString(kindColumn);
        var knownKind = DocumentNames.TryParseKind(kindText, out var kind);
        if (!knownKind)
            problems.Add($"line {line}: unknown kind '{kindText}' (expected one of {DocumentNames.KindList})");
        var ufText = ufColumn is { } column ? csv.GetString(column) : "";
        Uf? uf = null;
        if (ufText.Length > 0)
        {
            if (DocumentNames.TryParseUf(ufText, out var parsed))
                uf = parsed;
            else
                problems.Add($"line {line}: unknown uf '{ufText}'");
        }
        else if (knownKind && kind == DocumentKind.Ie)
            problems.Add($"line {line}: an ie row needs its uf");
        return problems.Count == 0 ? new DocumentRow(line, kind, csv.GetString(valueColumn), uf) : null;
    }
}
