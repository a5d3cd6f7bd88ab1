using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Crm.Domain.Taxes;

/// <summary>
/// A decimal in 8 bytes when its digits allow: bit 0 the sign, bits 1–5 the scale (0–28), bits 6–63 the mantissa
/// (below 2^58, about 2.9 × 10^17). Cents up to R$ 2.8 × 10^15 and rates or quantities of a few places fit, exactly and with
/// their scale; anything else is marked as overflow (scale 31, an index in the mantissa bits) for the owner to keep whole.
/// A packed value whose mantissa is below 2^26 (NF-e rates, 3v2-4, go up to 9,999,999) has its upper 32 bits zero, so it
/// also fits a 4-byte slot (<see cref="TryPackNarrow"/>).
/// </summary>
internal static class CompactDecimal
{
    private const int ScaleShift = 1;
    private const int MantissaShift = 6;
    private const long ScaleMask = 31L << ScaleShift;
    private const long OverflowScale = 31L << ScaleShift;
    private const ulong MantissaLimit = 1UL << (64 - MantissaShift);

    /// <summary>Packs <paramref name="value"/>; false when its mantissa is too large.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(decimal value, out long packed)
    {
        var bits = DecimalBits.Of(value);
        if (bits.Hi32 != 0 || bits.Lo64 >= MantissaLimit)
        {
            packed = 0;
            return false;
        }
        packed = (long)(bits.Lo64 << MantissaShift) | ((long)bits.Scale << ScaleShift) | (bits.IsNegative ? 1L : 0L);
        return true;
    }

    /// <summary>Packs <paramref name="value"/> into 4 bytes, read back by <see cref="Unpack"/> of the zero-extended slot; false when its mantissa is not below 2^26.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPackNarrow(decimal value, out int packed)
    {
        var fits = TryPack(value, out long wide) && (ulong)wide <= uint.MaxValue;
        packed = (int)wide;
        return fits;
    }

    /// <summary>The value <see cref="TryPack(decimal, out long)"/> packed; never an overflow mark (read those from the owner's array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Unpack(long packed)
    {
        Debug.Assert(!IsOverflow(packed), "An overflow mark is an index into the owner's array, not a value.");
        return DecimalBits.ToDecimal((packed & 1L) != 0, (int)((packed & ScaleMask) >> ScaleShift), 0, (ulong)packed >> MantissaShift);
    }

    /// <summary>The mark of a value kept whole at <paramref name="index"/> of the owner's overflow array.</summary>
    public static long Overflow(int index) => ((long)index << MantissaShift) | OverflowScale;

    /// <summary>Whether <paramref name="packed"/> marks an overflowed value.</summary>
    public static bool IsOverflow(long packed) => (packed & ScaleMask) == OverflowScale;

    /// <summary>Where the overflowed value is kept.</summary>
    public static int OverflowIndex(long packed) => (int)((ulong)packed >> MantissaShift);
}
