using OneOf;

namespace Crm.Imports.Reading;

/// <summary>The file formats an import reads.</summary>
public enum ImportFormat
{
    /// <summary>An Excel 2007+ workbook.</summary>
    Xlsx,
    /// <summary>Delimited text (<c>;</c>, <c>,</c> or tab), UTF-8 or Windows-1252.</summary>
    Csv,
}

/// <summary>Opens an import file as a <see cref="Sheet"/> of rows; a file that cannot be read is a <see cref="FileProblem"/>, never an exception.</summary>
public static class ImportFile
{
    /// <summary>The format named by <paramref name="fileName"/>'s extension, or a problem.</summary>
    public static OneOf<ImportFormat, FileProblem> FormatOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".XLSX" or ".XLSM" => ImportFormat.Xlsx,
        ".CSV" or ".TXT" => ImportFormat.Csv,
        var other => new FileProblem(FileCodes.UnknownFormat, $"'{other}' files cannot be imported; use .xlsx or .csv."),
    };

    /// <summary>
    /// Opens <paramref name="input"/> (which the sheet then owns) and reads its header row. <paramref name="sheetName"/> picks an
    /// xlsx worksheet (the first when null). The input may be non-seekable and endless: it is refused past <see cref="ImportLimits.MaxFileBytes"/>.
    /// </summary>
    public static OneOf<Sheet, FileProblem> Open(Stream input, ImportFormat format, string? sheetName = null, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        limits ??= ImportLimits.Default;
        OneOf<Sheet, FileProblem> opened;
        try
        {
            opened = format == ImportFormat.Xlsx ? XlsxSheet.Open(input, sheetName, limits) : CsvSheet.Open(input, limits);
        }
        catch (LimitExceeded e)
        {
            input.Dispose();
            return e.Problem;
        }
        catch (IOException e)
        {
            input.Dispose();
            return new FileProblem(FileCodes.Corrupt, $"The file could not be read: {e.Message}");
        }
        if (opened.TryPickT1(out var problem, out var sheet)) { input.Dispose(); return problem; }
        if (!sheet.ReadHeader())
        {
            var failure = sheet.Failure!;
            sheet.Dispose();
            return failure;
        }
        return sheet;
    }
}
