using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// NCM (Nomenclatura Comum do Mercosul): 8 digits written <c>NNNN.NN.NN</c> — chapter (2), heading (4),
/// HS subheading (6), item (7th) and subitem (8th). It has no check digit: this checks the shape only;
/// existence is a matter of the TIPI table. Tax matrices match NCMs by prefix (<see cref="StartsWith"/>).
/// </summary>
public readonly record struct Ncm
{
    private Ncm(string value) => Value = value;

    /// <summary>The 8 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>The 2-digit chapter (capítulo).</summary>
    public string Chapter => Value[..2];

    /// <summary>True when this NCM falls under <paramref name="prefix"/> (1 to 8 digits, mask allowed).</summary>
    public bool StartsWith(string prefix)
    {
        Span<char> digits = stackalloc char[8];
        return DocumentText.TryUnmask(prefix, digits, out var length)
               && length > 0
               && Value.AsSpan().StartsWith(digits[..length], StringComparison.Ordinal);
    }

    /// <summary>Parses an NCM with or without its mask.</summary>
    public static Outcome<Ncm> Parse(string? value) => FixedDigits.Parse(value, 8, "ncm", "NCM", v => new Ncm(v));

    /// <summary>True when <paramref name="value"/> is an NCM (8 digits, mask allowed).</summary>
    public static bool IsValid(string? value) => FixedDigits.IsValid(value, 8);

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Ncm result)
    {
        var valid = FixedDigits.TryParse(value, 8, out var digits);
        result = valid ? new Ncm(digits!) : default;
        return valid;
    }

    /// <summary>The masked form, <c>NNNN.NN.NN</c>.</summary>
    public override string ToString() => Value is null ? "" : $"{Value[..4]}.{Value[4..6]}.{Value[6..]}";
}
