using System.Buffers;
using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>Inspects <paramref name="value"/>, leaving its unmasked characters in <paramref name="unmasked"/>.</summary>
internal delegate Defects Inspection(ReadOnlySpan<char> value, Span<char> unmasked);

/// <summary>The first inspection of every fixed-length document: unmask, then judge emptiness, length and characters.</summary>
internal static class DocumentShape
{
    /// <summary>The ten digits.</summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>
    /// Unmasks <paramref name="input"/> into <paramref name="destination"/> (whose length is the document's)
    /// and reports <see cref="Defects.Empty"/>, <see cref="Defects.Length"/> and
    /// <see cref="Defects.Characters"/> (any unmasked character outside <paramref name="allowed"/>).
    /// Letters are upper-cased, so <paramref name="allowed"/> only needs upper-case letters.
    /// </summary>
    public static Defects Unmask(ReadOnlySpan<char> input, Span<char> destination, SearchValues<char> allowed)
    {
        if (DocumentText.TryUnmask(input, destination, out var count) && count == destination.Length)
            return destination.ContainsAnyExcept(allowed) ? Defects.Characters : Defects.None;
        if (count == 0)
            return Defects.Empty;
        foreach (var c in input)
        {
            if (!DocumentText.IsMask(c) && !allowed.Contains(char.ToUpperInvariant(c)))
                return Defects.Length | Defects.Characters;
        }
        return Defects.Length;
    }

    /// <summary>The <c>Parse</c> of a fixed-length document: the same inspection, then the value or every problem.</summary>
    public static Outcome<T> Parse<T>(string? value, int length, Inspection inspect, Func<string, T> create, Func<Defects, Problem> describe)
    {
        Span<char> unmasked = stackalloc char[length];
        var defects = inspect(value, unmasked);
        return defects == Defects.None ? create(new string(unmasked)) : defects.ToInvalid(describe);
    }

    /// <summary>True when every character of <paramref name="text"/> is the same one.</summary>
    public static bool IsRepeated(ReadOnlySpan<char> text) => !text[1..].ContainsAnyExcept(text[0]);
}
