using System.IO.Compression;
using System.Xml;

namespace Crm.Imports.Reading;

/// <summary>
/// One sheet of an import file read as a stream of rows: the header, then each data row once. Reading never throws for bad
/// content: when the file turns out damaged or crosses an <see cref="ImportLimits"/> bound, <see cref="ReadRows"/> stops and
/// <see cref="Failure"/> says why. Memory stays flat: only the current row is held (plus an xlsx's shared strings).
/// </summary>
public abstract class Sheet : IDisposable
{
    private protected Sheet(ImportLimits limits) => Limits = limits;

    /// <summary>The bounds in force.</summary>
    protected ImportLimits Limits { get; }

    /// <summary>The header row's cells, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Why reading stopped early, or null when the file was read to its end.</summary>
    public FileProblem? Failure { get; private set; }

    /// <summary>Reads the header; false (with <see cref="Failure"/>) when there is none or the file is damaged.</summary>
    internal bool ReadHeader()
    {
        if (!TryNext(out var header))
        {
            Failure ??= new FileProblem(FileCodes.Empty, "The file has no header row.");
            return false;
        }
        Headers = [.. header.Cells.Select(c => c?.Trim() ?? "")];
        return true;
    }

    /// <summary>The data rows, streamed; blank rows are skipped.</summary>
    public IEnumerable<SheetRow> ReadRows()
    {
        var count = 0;
        while (TryNext(out var row))
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            if (++count > Limits.MaxRows)
            {
                Failure = new FileProblem(FileCodes.TooManyRows, $"More than {Limits.MaxRows:N0} data rows; split the file.", row.Number);
                yield break;
            }
            yield return row;
        }
    }

    private bool TryNext(out SheetRow row)
    {
        row = default;
        if (Failure is not null) return false;
        try
        {
            if (!ReadNext(out row)) return false;
            if (row.Cells.Count > Limits.MaxColumns)
                throw new LimitExceeded(new FileProblem(FileCodes.TooManyColumns, $"Row {row.Number} has more than {Limits.MaxColumns} columns.", row.Number));
            foreach (var cell in row.Cells)
                if (cell is { Length: var n } && n > Limits.MaxCellChars)
                    throw new LimitExceeded(CellTooLong(row.Number));
            return true;
        }
        catch (LimitExceeded e) { Failure = e.Problem; }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException
                                      or InvalidOperationException or OverflowException)
        {
            // Damaged content found mid-stream (a truncated deflate block, malformed XML, an undecodable CSV).
            Failure = new FileProblem(FileCodes.Corrupt, $"The file is damaged and could not be read further: {e.Message}", LastRowNumber + 1);
        }
        return false;
    }

    private protected FileProblem CellTooLong(int row) =>
        new(FileCodes.CellTooLong, $"A cell in row {row} is longer than {Limits.MaxCellChars:N0} characters.", row);

    /// <summary>The last row number read, for naming where damage was found.</summary>
    private protected abstract int LastRowNumber { get; }

    /// <summary>Reads the next row; false at the end. May throw the content exceptions <see cref="TryNext"/> turns into a <see cref="Failure"/>.</summary>
    private protected abstract bool ReadNext(out SheetRow row);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying reader and stream.</summary>
    protected virtual void Dispose(bool disposing) { }
}
