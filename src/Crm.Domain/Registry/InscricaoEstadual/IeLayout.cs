using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// One accepted shape of a state's IE: how many digits the input may have, how it is stored
/// (canonical form), its mask, prefix and structure rules, and its check digits.
/// </summary>
internal sealed record IeLayout
{
    /// <summary>Digits of the canonical form (after padding), excluding SP's rural <c>P</c>.</summary>
    public required int Length { get; init; }

    /// <summary>Fewest digits accepted in the input; shorter canonical forms are left-padded with zeros (MT).</summary>
    public int MinInput { get => minInput ?? Length; init => minInput = value; }

    /// <summary>Most digits accepted in the input.</summary>
    public int MaxInput { get => maxInput ?? Length; init => maxInput = value; }

    /// <summary>Leading input digits dropped before padding (RO's old municipality code).</summary>
    public int DropLeading { get; init; }

    /// <summary>SP rural producer: the input starts with <c>P</c>, which is kept in the value.</summary>
    public bool RuralProducer { get; init; }

    /// <summary>The usual mask over the canonical form: <c>#</c> is a digit, anything else is literal.</summary>
    public required string Mask { get; init; }

    public required IeCheckDigit[] CheckDigits { get; init; }

    public PrefixRule? Prefix { get; init; }

    public SegmentRule? Segment { get; init; }

    private readonly int? minInput;
    private readonly int? maxInput;

    public bool Accepts(int inputDigits, bool rural) =>
        rural == RuralProducer && inputDigits >= MinInput && inputDigits <= MaxInput;

    /// <summary>The input lengths in Portuguese, e.g. <c>8 a 11</c> or <c>P + 12</c>.</summary>
    public string LengthText =>
        RuralProducer ? $"P + {Length}" : MinInput == MaxInput ? $"{MaxInput}" : $"{MinInput} a {MaxInput}";

    /// <summary>Rewrites the <paramref name="count"/> input digits at the start of <paramref name="digits"/> into the canonical form, in place.</summary>
    public void Canonicalize(Span<char> digits, int count)
    {
        var kept = count - DropLeading;
        var pad = Length - kept;
        digits.Slice(DropLeading, kept).CopyTo(digits[pad..]);
        digits[..pad].Fill('0');
    }
}

/// <summary>How a check digit is derived from its weighted sum S (names follow REGISTRY.md §2).</summary>
internal enum DigitRule
{
    /// <summary>Rotina E: r = S mod 11; 0 when r &lt; 2, else 11 − r.</summary>
    Mod11,
    /// <summary>SP: (S mod 11) mod 10, the rightmost digit of the remainder.</summary>
    Mod11LastDigit,
    /// <summary>RO and old PE: 11 − (S mod 11), minus 10 when that is 10 or 11.</summary>
    ElevenMinus,
    /// <summary>AL and RN: (S × 10) mod 11, 10 → 0.</summary>
    TimesTenMod11,
    /// <summary>RR: S mod 9.</summary>
    Mod9,
    /// <summary>(10 − S mod 10) mod 10: MG's D1 and BA's modulus-10 numbers.</summary>
    Mod10,
    /// <summary>AM: 11 − S when S &lt; 11, otherwise rotina E.</summary>
    Amazonas,
    /// <summary>AP: S + p, DV = 11 − remainder, 10 → 0, 11 → d, with p and d from the number's range.</summary>
    Amapa,
    /// <summary>GO: rotina E, except r = 1 gives 1 for numbers 10103105–10119997 (legacy, kept by ACBr, Stella, EB).</summary>
    Goias,
    /// <summary>BA: modulus 10 when the 1st (8 digits) or 2nd (9 digits) digit is 0–5 or 8, rotina E when 6, 7 or 9.</summary>
    Bahia,
}

/// <summary>
/// One check digit: the digit at <see cref="Position"/> must equal <see cref="Rule"/> applied to
/// Σ digit[Sources[i]] × Weights[i] (or the sum of the products' digits, for MG's D1).
/// </summary>
internal sealed record IeCheckDigit(int Position, int[] Sources, int[] Weights, DigitRule Rule, bool SumsProductDigits = false)
{
    public static readonly int[] NineToTwo = [9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>The usual case: the weights cover the digits from the first on, and the check digit follows them.</summary>
    public static IeCheckDigit After(DigitRule rule, params int[] weights) =>
        new(weights.Length, [.. Enumerable.Range(0, weights.Length)], weights, rule);

    public int Compute(ReadOnlySpan<char> digits)
    {
        ReadOnlySpan<int> weights = Weights, sources = Sources;
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var product = (digits[sources[i]] - '0') * weights[i];
            sum += SumsProductDigits ? product / 10 + product % 10 : product;
        }
        return Finish(sum, digits);
    }

    public bool Matches(ReadOnlySpan<char> digits) => Compute(digits) == digits[Position] - '0';

    private int Finish(int sum, ReadOnlySpan<char> digits) => Rule switch
    {
        DigitRule.Mod11 => DocumentText.Mod11(sum),
        DigitRule.Mod11LastDigit => sum % 11 % 10,
        DigitRule.ElevenMinus => (11 - sum % 11) % 10,
        DigitRule.TimesTenMod11 => sum * 10 % 11 % 10,
        DigitRule.Mod9 => sum % 9,
        DigitRule.Mod10 => (10 - sum % 10) % 10,
        DigitRule.Amazonas => sum < 11 ? 11 - sum : DocumentText.Mod11(sum),
        DigitRule.Amapa => Amapa(sum, Number(digits[..8])),
        DigitRule.Goias => Goias(sum, Number(digits[..8])),
        DigitRule.Bahia => digits[digits.Length == 8 ? 0 : 1] is '6' or '7' or '9' ? DocumentText.Mod11(sum) : (10 - sum % 10) % 10,
        _ => throw new InvalidOperationException($"Unknown rule {Rule}."),
    };

    private static int Amapa(int sum, int number)
    {
        var (p, d) = number switch
        {
            >= 3_000_001 and <= 3_017_000 => (5, 0),
            >= 3_017_001 and <= 3_019_022 => (9, 1),
            _ => (0, 0),
        };
        var dv = 11 - (p + sum) % 11;
        return dv switch { 10 => 0, 11 => d, _ => dv };
    }

    private static int Goias(int sum, int number) => (sum % 11) switch
    {
        0 => 0,
        1 => number is >= 10_103_105 and <= 10_119_997 ? 1 : 0,
        var r => 11 - r,
    };

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
            n = n * 10 + (c - '0');
        return n;
    }

    /// <summary>The rule in Portuguese, for messages: weights and final step.</summary>
    public string Describe() =>
        $"pesos {string.Join(",", Weights)}{(SumsProductDigits ? " somando os algarismos dos produtos" : "")}; " + Rule switch
        {
            DigitRule.Mod11 => "resto de 11: 0 se o resto for 0 ou 1, senão 11 − resto",
            DigitRule.Mod11LastDigit => "último algarismo do resto da divisão por 11",
            DigitRule.ElevenMinus => "11 − resto de 11, menos 10 quando passar de 9",
            DigitRule.TimesTenMod11 => "(soma × 10) mod 11, 10 vale 0",
            DigitRule.Mod9 => "resto da divisão por 9",
            DigitRule.Mod10 => "10 − resto de 10",
            DigitRule.Amazonas => "11 − soma se a soma for menor que 11, senão resto de 11",
            DigitRule.Amapa => "soma mais p da faixa, 11 − resto, 10 vale 0 e 11 vale d da faixa",
            DigitRule.Goias => "resto de 11 (resto 1 vale 1 entre 10103105 e 10119997)",
            DigitRule.Bahia => "módulo 10 ou 11 conforme o dígito inicial",
            _ => Rule.ToString(),
        };
}

/// <summary>
/// The prefixes a state's IE should start with. A prefix in <see cref="Accepted"/> passes; one in
/// <see cref="Tolerated"/> passes with a warning; any other gets <see cref="Otherwise"/>.
/// </summary>
/// <param name="Accepted">Prefixes that pass silently, all of the same length.</param>
/// <param name="Otherwise">Severity for prefixes in neither list: Error where implementations agree, Warning where they do not.</param>
/// <param name="Expected">What is expected, in Portuguese (e.g. <c>10, 11 ou 20 a 29</c>).</param>
/// <param name="Why">For warnings, why the prefix is not an error (which implementations disagree).</param>
/// <param name="Tolerated">Prefixes that some implementations accept: always a warning.</param>
internal sealed record PrefixRule(string[] Accepted, Severity Otherwise, string Expected, string Why = "", string[]? Tolerated = null)
{
    public static PrefixRule Required(params string[] accepted) =>
        new(accepted, Severity.Error, string.Join(" ou ", accepted));

    /// <summary>The severity of the canonical <paramref name="value"/>'s prefix (SP's P included), or null when it is accepted.</summary>
    public Severity? Check(ReadOnlySpan<char> value)
    {
        if (StartsWithAny(value, Accepted))
            return null;
        return Tolerated is not null && StartsWithAny(value, Tolerated) ? Severity.Warning : Otherwise;
    }

    public int PrefixLength => Accepted[0].Length;

    private static bool StartsWithAny(ReadOnlySpan<char> value, string[] prefixes)
    {
        foreach (var prefix in prefixes)
            if (value.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        return false;
    }
}

/// <summary>A fixed-position segment that may only take some values (TO's type, PE's old d3): an error otherwise.</summary>
internal sealed record SegmentRule(int Start, string[] Allowed, string Expected)
{
    public bool Check(ReadOnlySpan<char> digits)
    {
        var segment = digits.Slice(Start, Allowed[0].Length);
        foreach (var allowed in Allowed)
            if (segment.SequenceEqual(allowed))
                return true;
        return false;
    }
}
