namespace Crm.Domain.Taxes;

/// <summary>
/// A decimal in 8 bytes when its digits allow: bit 0 the sign, bits 1–5 the scale (0–28), bits 6–63 the mantissa
/// (below 2^58, about 2.9 × 10^17). Cents up to R$ 2.8 × 10^15 and rates or quantities of a few places fit, exactly and with
/// their scale; anything else is marked as overflow (scale 31, an index in the mantissa bits) for the owner to keep whole.
/// </summary>
internal static class CompactDecimal
{
    private const int ScaleShift = 1;
    private const int MantissaShift = 6;
    private const long ScaleMask = 31L << ScaleShift;
    private const long OverflowScale = 31L << ScaleShift;
    private const ulong MantissaLimit = 1UL << (64 - MantissaShift);

    /// <summary>Packs <paramref name="value"/>; false when its mantissa is too large.</summary>
    public static bool TryPack(decimal value, out long packed)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (bits[2] != 0 || mantissa >= MantissaLimit)
        {
            packed = 0;
            return false;
        }
        var scale = (bits[3] >> 16) & 0xFF;
        packed = (long)(mantissa << MantissaShift) | ((long)scale << ScaleShift) | (bits[3] < 0 ? 1L : 0L);
        return true;
    }

    /// <summary>The value <see cref="TryPack"/> packed.</summary>
    public static decimal Unpack(long packed)
    {
        var mantissa = (ulong)packed >> MantissaShift;
        return new decimal((int)mantissa, (int)(mantissa >> 32), 0, (packed & 1L) != 0, (byte)((packed & ScaleMask) >> ScaleShift));
    }

    /// <summary>The mark of a value kept whole at <paramref name="index"/> of the owner's overflow array.</summary>
    public static long Overflow(int index) => ((long)index << MantissaShift) | OverflowScale;

    /// <summary>Whether <paramref name="packed"/> marks an overflowed value.</summary>
    public static bool IsOverflow(long packed) => (packed & ScaleMask) == OverflowScale;

    /// <summary>Where the overflowed value is kept.</summary>
    public static int OverflowIndex(long packed) => (int)((ulong)packed >> MantissaShift);
}
