using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Taxes;

/// <summary>
/// The calculator's shortcuts for "x %" and "1 ± x %" must give the very decimals of the plain formulas, scale
/// included: the scale shows when a value is printed or serialised.
/// </summary>
public class PercentArithmeticProperties
{
    // Any sign and scale (0–28); the high word kept small so that 100 + x cannot overflow.
    private static decimal Decimal(int low, int middle, byte high, bool negative, byte scale) =>
        new(low, middle, high, negative, (byte)(scale % 29));

    private static int[] Bits(decimal value) => decimal.GetBits(value);

    [Property(MaxTest = 1000)]
    public bool Percent_is_multiplying_by_one_hundredth(int low, int middle, byte high, bool negative, byte scale)
    {
        var x = Decimal(low, middle, high, negative, scale);
        return Bits(ItemTaxCalculator.Percent(x)).SequenceEqual(Bits(x * 0.01m));
    }

    [Property(MaxTest = 1000)]
    public bool Factor_is_one_plus_the_percentage(int low, int middle, byte high, bool negative, byte scale)
    {
        var x = Decimal(low, middle, high, negative, scale);
        return Bits(ItemTaxCalculator.Factor(x)).SequenceEqual(Bits(1m + x * 0.01m))
               && Bits(ItemTaxCalculator.Factor(-x)).SequenceEqual(Bits(1m - x * 0.01m));
    }

    [Theory]
    [InlineData("12", "1.12")]
    [InlineData("7.6000", "1.076000")]
    [InlineData("-61.11", "0.3889")]
    [InlineData("0", "1.00")]
    public void Factor_keeps_the_scale_of_the_plain_formula(string rate, string expected) =>
        Assert.Equal(expected, ItemTaxCalculator.Factor(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
