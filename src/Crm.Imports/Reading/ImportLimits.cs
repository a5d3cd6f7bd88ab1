namespace Crm.Imports.Reading;

/// <summary>
/// Bounds on what an import reads, so a file that never ends (<c>/dev/zero</c>, a FIFO), a zip bomb or a huge cell is refused
/// with a clear problem instead of filling memory. Defaults fit any real spreadsheet.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Bytes read from the input before it is refused (default 100 MB).</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;
    /// <summary>Uncompressed bytes of one xlsx part (sheet or shared strings) before it is refused (default 1 GB): a zip bomb stops here.</summary>
    public long MaxPartBytes { get; init; } = 1024L * 1024 * 1024;
    /// <summary>Characters in one cell (default 32,767, Excel's own limit).</summary>
    public int MaxCellChars { get; init; } = 32_767;
    /// <summary>Columns in one row (default 512).</summary>
    public int MaxColumns { get; init; } = 512;
    /// <summary>Data rows (default 1,048,575: an Excel sheet's rows below the header).</summary>
    public int MaxRows { get; init; } = 1_048_575;
    /// <summary>The defaults.</summary>
    public static ImportLimits Default { get; } = new();
}
