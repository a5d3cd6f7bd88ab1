using System.Runtime.CompilerServices;
using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>
/// The checks of tax amounts and rates, added to the domain's <see cref="ProblemCollector"/>. Each check is a test inlined
/// where it is called; the message of a problem is written apart (<see cref="MethodImplOptions.NoInlining"/>), so that a
/// valid input never pays for it.
/// </summary>
internal static class TaxChecks
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NotNegative(this ref ProblemCollector problems, string field, decimal value)
    {
        if (decimal.IsNegative(value) && value != 0m) // the sign bit first: a negative zero is zero
            Negative(ref problems, field, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Negative(ref ProblemCollector problems, string field, decimal value) => problems.Add(field, TaxCodes.Negative, $"{field} = {value} não pode ser negativo.");

    /// <summary>A monetary amount: not negative and in cents.</summary>
    public static void Cents(this ref ProblemCollector problems, string field, decimal value) => problems.Places(field, value, 2);

    /// <summary>A value not negative and with at most <paramref name="places"/> decimal places.</summary>
    public static void Places(this ref ProblemCollector problems, string field, decimal value, int places)
    {
        problems.NotNegative(field, value);
        if (value.Scale > places && decimal.Round(value, places) != value) // a value of that scale or less fits: skip the rounding
            TooPrecise(ref problems, field, value, places);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TooPrecise(ref ProblemCollector problems, string field, decimal value, int places) => problems.Add(field, TaxCodes.Precision, $"{field} = {value} tem mais de {places} casas decimais.");

    /// <summary>A percentage in [0, 100), with at most 4 decimal places.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Percent(this ref ProblemCollector problems, string field, decimal value)
    {
        if (!InPercentRange(value, hundredIncluded: false))
            OutOfRange(ref problems, field, value, "[0, 100)");
        problems.RatePlaces(field, value);
    }

    /// <summary>A reduction in [0, 100], with at most 4 decimal places.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Reduction(this ref ProblemCollector problems, string field, decimal value)
    {
        if (!InPercentRange(value, hundredIncluded: true))
            OutOfRange(ref problems, field, value, "[0, 100]");
        problems.RatePlaces(field, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfRange(ref ProblemCollector problems, string field, decimal value, string range) => problems.Add(field, TaxCodes.RateRange, $"{field} = {value} % está fora do intervalo {range}.");

    /// <summary>A rate with at most 4 decimal places, as NF-e's percentage fields (TDec_0302a04) carry; the scale is read first, so a short rate costs no rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RatePlaces(this ref ProblemCollector problems, string field, decimal value)
    {
        if (value.Scale > RatePlacesAllowed && decimal.Round(value, RatePlacesAllowed) != value)
            RateTooPrecise(ref problems, field, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RateTooPrecise(ref ProblemCollector problems, string field, decimal value) =>
        problems.Add(field, TaxCodes.RatePrecision, $"{field} = {value} % tem mais de {RatePlacesAllowed} casas decimais (a NF-e leva até {RatePlacesAllowed}).");

    /// <summary>Decimal places of an NF-e percentage (TDec_0302a04: pICMS, pRedBC, pMVAST, pIPI, pPIS, pCOFINS, pFCP, pCBS, pIBSUF, pIBSMun).</summary>
    internal const int RatePlacesAllowed = 4;

    /// <summary>
    /// Whether 0 ≤ <paramref name="value"/> &lt; 100 (≤ 100 when <paramref name="hundredIncluded"/>). A rate of up to 17 places
    /// is compared on its digits (mantissa against 100 × 10^scale): a parameter set has a dozen rates, and a decimal
    /// comparison each, aligning scales, cost most of the validation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool InPercentRange(decimal value, bool hundredIncluded)
    {
        var bits = DecimalBits.Of(value);
        if (bits.IsZeroMantissa)
            return true; // a negative zero is zero
        if (bits.IsNegative)
            return false;
        if (bits.Hi32 != 0 || bits.Scale >= Hundreds.Length)
            return hundredIncluded ? value <= 100m : value < 100m;
        var hundred = Hundreds[bits.Scale];
        return hundredIncluded ? bits.Lo64 <= hundred : bits.Lo64 < hundred;
    }

    /// <summary>100 × 10^scale: the mantissa of 100 at each scale that fits 64 bits.</summary>
    private static ReadOnlySpan<ulong> Hundreds =>
    [
        100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL, 10_000_000_000UL,
        100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL, 1_000_000_000_000_000UL,
        10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL, 10_000_000_000_000_000_000UL,
    ];
}
