namespace Crm.Imports.Reading;

/// <summary>Why a whole file was refused (not a sheet, truncated, too large...): a stable <see cref="Code"/> and a message a user can act on.</summary>
/// <param name="Code">A stable identifier such as <c>import.file.too_large</c>.</param>
/// <param name="Message">What happened, in the user's terms.</param>
/// <param name="Row">The sheet row where reading stopped, when it stopped inside the data.</param>
public sealed record FileProblem(string Code, string Message, int? Row = null);

/// <summary>The file-level problem codes.</summary>
public static class FileCodes
{
    /// <summary>More bytes than <see cref="ImportLimits.MaxFileBytes"/> (or a part larger than <see cref="ImportLimits.MaxPartBytes"/>).</summary>
    public const string TooLarge = "import.file.too_large";
    /// <summary>A cell longer than <see cref="ImportLimits.MaxCellChars"/>.</summary>
    public const string CellTooLong = "import.file.cell_too_long";
    /// <summary>More columns than <see cref="ImportLimits.MaxColumns"/>.</summary>
    public const string TooManyColumns = "import.file.too_many_columns";
    /// <summary>More rows than <see cref="ImportLimits.MaxRows"/>.</summary>
    public const string TooManyRows = "import.file.too_many_rows";
    /// <summary>Not an xlsx package (not a zip, truncated, no workbook).</summary>
    public const string NotXlsx = "import.file.not_xlsx";
    /// <summary>The package opened but its content is damaged (bad XML, broken compression).</summary>
    public const string Corrupt = "import.file.corrupt";
    /// <summary>The requested sheet is not in the workbook.</summary>
    public const string SheetMissing = "import.file.sheet_missing";
    /// <summary>The file has no header row.</summary>
    public const string Empty = "import.file.empty";
    /// <summary>The file name's extension is neither .xlsx nor .csv.</summary>
    public const string UnknownFormat = "import.file.unknown_format";
}
