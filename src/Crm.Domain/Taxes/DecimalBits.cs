using System.Runtime.CompilerServices;

namespace Crm.Domain.Taxes;

/// <summary>
/// A decimal's fields as the runtime lays them out: flags (sign in bit 31, scale in bits 16–23), then the high 32 and low
/// 64 bits of the mantissa — the layout of OLE Automation's DECIMAL, which <see cref="decimal"/> keeps for interop. Reading
/// them directly costs a tenth of <see cref="decimal.GetBits(decimal, Span{int})"/> into a buffer; the property tests of
/// <see cref="CompactDecimal"/> and <see cref="ItemTaxCalculator.Percent"/> check every bit of what is built from them.
/// </summary>
internal readonly record struct DecimalBits(int Flags, uint Hi32, ulong Lo64)
{
    private const int ScaleShift = 16;

    public static DecimalBits Of(decimal value) => Unsafe.BitCast<decimal, DecimalBits>(value);

    /// <summary>The decimal of this sign, scale (0–28) and mantissa.</summary>
    public static decimal ToDecimal(bool negative, int scale, uint hi32, ulong lo64) =>
        Unsafe.BitCast<DecimalBits, decimal>(new DecimalBits(scale << ScaleShift | (negative ? int.MinValue : 0), hi32, lo64));

    public int Scale => (Flags >> ScaleShift) & 0xFF;

    public bool IsNegative => Flags < 0;

    /// <summary>Whether the mantissa is zero: <c>value == 0m</c> for any sign and scale, without a decimal comparison's call.</summary>
    public bool IsZeroMantissa => (Lo64 | Hi32) == 0;

    /// <summary><c>value == 0m</c>.</summary>
    public static bool IsZero(decimal value) => Of(value).IsZeroMantissa;

    /// <summary><c>value &gt; 0m</c>.</summary>
    public static bool IsPositive(decimal value) => Of(value) is { IsNegative: false, IsZeroMantissa: false };
}
