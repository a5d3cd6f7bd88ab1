using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>What is wrong with an IE input, as flags so that validation allocates nothing.</summary>
[Flags]
internal enum IeDefects
{
    None = 0,
    Empty = 1 << 0,
    Length = 1 << 1,
    Characters = 1 << 2,
    Prefix = 1 << 3,
    PrefixWarning = 1 << 4,
    Segment = 1 << 5,
    FirstCheckDigit = 1 << 6,
    SecondCheckDigit = 1 << 7,

    /// <summary>Every defect that rejects the input (all but the warning).</summary>
    Errors = ~PrefixWarning,
}

/// <summary>The single validation pass behind <see cref="InscricaoEstadual.IsValid"/> and <see cref="InscricaoEstadual.Parse"/>.</summary>
internal static class IeInspector
{
    /// <summary>Room for the longest input (14 digits, or P + 12) and some slack; longer input is a length error.</summary>
    public const int Capacity = 16;

    private const string Exempt = "ISENTO";

    /// <summary>The outcome of one inspection.</summary>
    /// <param name="Defects">Everything found.</param>
    /// <param name="Layout">The layout the input was checked against; null when no layout has its length.</param>
    /// <param name="Length">Characters of the canonical value written to the buffer (including SP's P).</param>
    /// <param name="IsExempt">The input is <c>ISENTO</c>.</param>
    public readonly record struct Result(IeDefects Defects, IeLayout? Layout, int Length, bool IsExempt);

    /// <summary>
    /// Unmasks <paramref name="input"/> into <paramref name="buffer"/>, rewrites it in the canonical form of
    /// its layout and checks prefix, structure and check digits.
    /// </summary>
    public static Result Inspect(ReadOnlySpan<char> input, Uf uf, Span<char> buffer)
    {
        var layouts = IeLayouts.For(uf);
        var fits = DocumentText.TryUnmask(input, buffer, out var count); // on overflow, count = buffer.Length
        if (count == 0)
            return new(IeDefects.Empty, null, 0, false);
        if (buffer[..count].SequenceEqual(Exempt))
            return new(IeDefects.None, null, 0, true);

        var rural = buffer[0] == 'P' && Array.Exists(layouts, l => l.RuralProducer);
        var start = rural ? 1 : 0;
        var digits = buffer[start..];
        var inputDigits = count - start;
        var defects = NonDigits(digits[..inputDigits]);
        var layout = fits ? Find(layouts, inputDigits, rural) : null;
        if (layout is null)
            return new(defects | IeDefects.Length, null, 0, false);
        if (defects != IeDefects.None)
            return new(defects, layout, 0, false);

        layout.Canonicalize(digits, inputDigits);
        digits = digits[..layout.Length];
        defects |= layout.Prefix?.Check(buffer[..(start + layout.Length)]) switch
        {
            null => IeDefects.None,
            Severity.Warning => IeDefects.PrefixWarning,
            _ => IeDefects.Prefix,
        };
        if (layout.Segment is { } segment && !segment.Check(digits))
            defects |= IeDefects.Segment;
        for (var i = 0; i < layout.CheckDigits.Length; i++)
            if (!layout.CheckDigits[i].Matches(digits))
                defects |= i == 0 ? IeDefects.FirstCheckDigit : IeDefects.SecondCheckDigit;
        return new(defects, layout, start + layout.Length, false);
    }

    private static IeLayout? Find(IeLayout[] layouts, int inputDigits, bool rural)
    {
        foreach (var layout in layouts)
            if (layout.Accepts(inputDigits, rural))
                return layout;
        return null;
    }

    private static IeDefects NonDigits(ReadOnlySpan<char> text) =>
        text.ContainsAnyExceptInRange('0', '9') ? IeDefects.Characters : IeDefects.None;
}
