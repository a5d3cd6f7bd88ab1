namespace Crm.Imports.Matrices;

/// <summary>
/// The payload cells of one row, read by the payload column's position: each reader returns a value and, when the cell is
/// not one, records the problem and returns a placeholder (the row is then rejected, so the placeholder is never used).
/// A text cell is passed through as typed (blank as empty) so that the domain's own payload rules judge it.
/// </summary>
internal sealed class PayloadCells(Func<string, string?> cell, int row, IReadOnlyList<PayloadColumn> columns, List<ImportProblem> problems)
{
    public string Text(int index, string? blank = null) => Cell(index) ?? blank ?? "";

    public decimal Decimal(int index, decimal? blank = null)
    {
        if (Cell(index) is not { } text)
            return blank ?? Missing<decimal>(index);
        return Cells.TryDecimal(text, out var value) ? value : Problem<decimal>(index, ImportCodes.Malformed, $"'{text}' is not a number.");
    }

    public decimal? OptionalDecimal(int index) => Cell(index) is null ? null : Decimal(index);

    public bool Flag(int index, bool? blank = null)
    {
        if (Cell(index) is not { } text)
            return blank ?? Missing<bool>(index);
        return Cells.TryFlag(text) ?? Problem<bool>(index, ImportCodes.NotAllowed, $"'{text}' is not S or N.");
    }

    public TEnum Choice<TEnum>(int index, Choices<TEnum> choices, TEnum? blank = null) where TEnum : struct, Enum
    {
        if (Cell(index) is not { } text)
            return blank ?? Missing<TEnum>(index);
        return choices.TryValue(text, out var value)
            ? value
            : Problem<TEnum>(index, ImportCodes.NotAllowed, $"'{text}' is not one of {string.Join(", ", choices.Codes)}.");
    }

    private string? Cell(int index) => cell(columns[index].Header);

    private T Missing<T>(int index) => Problem<T>(index, ImportCodes.Required, $"'{columns[index].Header}' is required.");

    private T Problem<T>(int index, string code, string message)
    {
        problems.Add(new ImportProblem(row, columns[index].Header, code, message));
        return default!;
    }
}
