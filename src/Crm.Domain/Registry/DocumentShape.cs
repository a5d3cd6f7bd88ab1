using System.Buffers;

namespace Crm.Domain.Registry;

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

    /// <summary>True when every character of <paramref name="text"/> is the same one.</summary>
    public static bool IsRepeated(ReadOnlySpan<char> text) => !text[1..].ContainsAnyExcept(text[0]);
}
