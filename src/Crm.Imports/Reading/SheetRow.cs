namespace Crm.Imports.Reading;

/// <summary>One data row as read: its sheet row number (1-based, the header is row 1 in a file that starts with it) and its cells' text.</summary>
/// <param name="Number">The row number the user sees in Excel or a text editor.</param>
/// <param name="Cells">Cell text by column index (0-based), null or empty when blank; shorter than the header when trailing cells are blank.</param>
public readonly record struct SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>The text of column <paramref name="index"/>, trimmed; null when blank or absent.</summary>
    public string? this[int index] => index < Cells.Count && !string.IsNullOrWhiteSpace(Cells[index]) ? Cells[index]!.Trim() : null;
}
