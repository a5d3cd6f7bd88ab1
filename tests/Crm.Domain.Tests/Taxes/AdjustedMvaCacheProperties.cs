using Crm.Domain.Taxes;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Taxes;

/// <summary>The adjusted-MVA cache must answer exactly what the formula does (value and scale), however rates collide in it.</summary>
public class AdjustedMvaCacheProperties
{
    // Whole rates written with 0 to 4 decimal places (45, 45.0, 45.00…): equal values of different scales must not share
    // an answer, since the formula's result may differ in scale.
    private static decimal Rate(int value, int scale) => new(value * (int)Math.Pow(10, scale % 5), 0, 0, false, (byte)(scale % 5));

    private static int[] Bits(decimal value) => decimal.GetBits(value);

    [Property(MaxTest = 2000)]
    public bool Cached_answers_are_the_formula_bit_for_bit(byte mva, byte interstate, byte @internal, byte scale)
    {
        var (m, i, d) = (Rate(mva, scale), Rate(interstate % 25, scale / 5), Rate(@internal % 40, scale / 25));
        var expected = ItemTaxCalculator.AdjustedMva(m, i, d);
        var first = AdjustedMvaCache.Of(m, i, d);
        var second = AdjustedMvaCache.Of(m, i, d);
        return new[] { first, second }.All(answer =>
            Bits(answer.Mva).SequenceEqual(Bits(expected)) && Bits(answer.Factor).SequenceEqual(Bits(ItemTaxCalculator.Factor(expected))));
    }

    [Fact]
    public void Rates_of_equal_value_and_different_scale_get_their_own_answers()
    {
        foreach (var mva in new[] { 45m, 45.0m, 45.00m, 45m })
            Assert.Equal(Bits(ItemTaxCalculator.AdjustedMva(mva, 12m, 18m)), Bits(AdjustedMvaCache.Of(mva, 12m, 18m).Mva));
        Assert.Equal(55.6098m, AdjustedMvaCache.Of(45m, 12m, 18m).Mva);
    }
}
