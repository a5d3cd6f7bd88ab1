using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// CEST (Código Especificador da Substituição Tributária, Convênio ICMS 142/2018, cláusula sexta):
/// 7 digits written <c>SS.III.DD</c> — segment, item, specification. No check digit: shape only.
/// </summary>
public readonly record struct Cest
{
    private Cest(string value) => Value = value;

    /// <summary>The 7 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>The 2-digit segment.</summary>
    public string Segment => Value[..2];

    /// <summary>Parses a CEST with or without its mask.</summary>
    public static Outcome<Cest> Parse(string? value) => FixedDigits.Parse(value, 7, "cest", "CEST", v => new Cest(v));

    /// <summary>True when <paramref name="value"/> is a CEST (7 digits, mask allowed).</summary>
    public static bool IsValid(string? value) => FixedDigits.IsValid(value, 7);

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Cest result)
    {
        var valid = FixedDigits.TryParse(value, 7, out var digits);
        result = valid ? new Cest(digits!) : default;
        return valid;
    }

    /// <summary>The masked form, <c>SS.III.DD</c>.</summary>
    public override string ToString() => Value is null ? "" : $"{Value[..2]}.{Value[2..5]}.{Value[5..]}";
}
