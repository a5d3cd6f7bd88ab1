using Crm.Imports.Writing;

namespace Crm.Imports.Matrices;

/// <summary>
/// A column of a matrix's payload: its header, the payload field the domain names in its problems (<c>icms[R1].cst</c> →
/// <c>cst</c>), and the allowed values when the column takes codes.
/// </summary>
internal sealed record PayloadColumn(string Header, string Field, IReadOnlyList<string> Allowed)
{
    public PayloadColumn(string header, string field) : this(header, field, []) { }

    public SheetColumn Sheet => new(Header, Allowed);

    /// <summary>A yes/no column.</summary>
    public static PayloadColumn Flag(string header, string field) => new(header, field, ["S", "N"]);
}

/// <summary>The codes a sheet writes for the values of an enum, in both directions.</summary>
internal sealed class Choices<TEnum> where TEnum : struct, Enum
{
    private readonly (string Code, TEnum Value)[] _pairs;

    public Choices(params (string Code, TEnum Value)[] pairs) => _pairs = pairs;

    public IReadOnlyList<string> Codes => [.. _pairs.Select(p => p.Code)];

    public string Code(TEnum value) => _pairs.First(p => EqualityComparer<TEnum>.Default.Equals(p.Value, value)).Code;

    public bool TryValue(string code, out TEnum value)
    {
        foreach (var pair in _pairs)
            if (string.Equals(pair.Code, code, StringComparison.OrdinalIgnoreCase)) { value = pair.Value; return true; }
        value = default;
        return false;
    }
}

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
