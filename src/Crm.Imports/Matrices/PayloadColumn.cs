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
