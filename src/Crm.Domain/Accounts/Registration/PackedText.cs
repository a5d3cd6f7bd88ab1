using System.Numerics;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// Short texts packed losslessly into a 64-bit word — seven bits for each of up to nine ASCII characters, the first in the
/// lowest bits — so that checks over many records (ERP eligibility of a whole tenant) hash and compare codes and names as
/// numbers, without reading strings. Two texts pack to the same word exactly when they are equal ordinally (or, when asked,
/// equal under <see cref="StringComparison.OrdinalIgnoreCase"/>). A text that does not fit packs to <see cref="Unpackable"/>
/// and must be compared as text; no such text equals a packed one.
/// </summary>
internal static class PackedText
{
    /// <summary>The longest text a word holds.</summary>
    public const int MaxLength = 9;

    /// <summary>The word of no text.</summary>
    public const ulong Absent = 0;

    /// <summary>The word of a text longer than <see cref="MaxLength"/> or with a character outside ASCII 1–127.</summary>
    public const ulong Unpackable = 1UL << 63;

    /// <summary>The word of <paramref name="text"/>: <see cref="Absent"/> when empty, <see cref="Unpackable"/> when it does not fit.</summary>
    public static ulong Pack(ReadOnlySpan<char> text, bool ignoreCase)
    {
        if (text.Length > MaxLength)
            return Unpackable;
        var word = 0UL;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            // ASCII only: then upper-casing is exactly what OrdinalIgnoreCase compares (outside ASCII it is not: 'ſ' upper-cases
            // to 'S' yet differs from "s" ordinally ignoring case).
            var c = text[i];
            if (c is '\0' or > '\x7f')
                return Unpackable;
            word = word << 7 | (ignoreCase ? char.ToUpperInvariant(c) : c);
        }
        return word;
    }

    /// <summary>True when <paramref name="word"/> holds a text (neither <see cref="Absent"/> nor <see cref="Unpackable"/>).</summary>
    public static bool IsPacked(ulong word) => word is not (Absent or Unpackable);

    /// <summary>The length of the text a packed <paramref name="word"/> holds (0 for <see cref="Absent"/>).</summary>
    public static int Length(ulong word)
    {
        if (word == Unpackable)
            throw new ArgumentException("An unpackable text has no packed length.", nameof(word));
        // Every character is non-zero, so the highest one ends the text.
        return (70 - BitOperations.LeadingZeroCount(word)) / 7;
    }

    /// <summary>True when the text a packed <paramref name="word"/> holds has only the digits 0–9.</summary>
    public static bool IsDigits(ulong word)
    {
        if (!IsPacked(word))
            throw new ArgumentException("Only a packed text has digits.", nameof(word));
        for (; word != 0; word >>= 7)
            if ((char)(word & 0x7f) is < '0' or > '9')
                return false;
        return true;
    }
}
