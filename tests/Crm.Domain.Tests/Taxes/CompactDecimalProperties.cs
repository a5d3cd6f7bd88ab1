using Crm.Domain.Taxes;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Taxes;

/// <summary>The breakdown keeps its decimals in 8 bytes: what it gives back must be the value it was given, bit for bit.</summary>
public class CompactDecimalProperties
{
    [Property(MaxTest = 2000)]
    public bool Packing_keeps_value_scale_and_sign_or_refuses(int lo, int mid, int hi, bool negative, byte scale)
    {
        var value = new decimal(lo, mid, hi, negative, (byte)(scale % 29));

        return CompactDecimal.TryPack(value, out var packed)
            ? decimal.GetBits(CompactDecimal.Unpack(packed)).SequenceEqual(decimal.GetBits(value)) && !CompactDecimal.IsOverflow(packed)
            : hi != 0 || (uint)mid >= 1u << 26;
    }

    [Property]
    public bool Overflow_marks_are_never_packed_values(ushort index) =>
        CompactDecimal.IsOverflow(CompactDecimal.Overflow(index)) && CompactDecimal.OverflowIndex(CompactDecimal.Overflow(index)) == index;

    // A rate of 28 digits (100/3) and an item of R$ 10^16 do not fit in 8 bytes: the breakdown keeps them whole.
    [Fact]
    public void Values_too_wide_to_pack_come_back_exactly()
    {
        // validation refuses a rate beyond NF-e's 4 places (tax.rate_precision); the packed breakdown must still carry any
        // decimal exactly, so the calculation is called past validation
        var rate = 100m / 3m;
        var taxes = ItemTaxCalculator.Compute(Item(1m, 10_000_000_000_000_000m), Parameters(ContributorForResale, ipiRate: rate, icmsRate: 18m));

        Assert.Equal(decimal.GetBits(rate), decimal.GetBits(taxes.Ipi.Rate));
        Assert.Equal(10_000_000_000_000_000m, taxes.Product);
        Assert.Equal(decimal.Round(10_000_000_000_000_000m * rate / 100m, 2, MidpointRounding.AwayFromZero), taxes.Ipi.Value);
        Assert.Equal(1_800_000_000_000_000m, taxes.Icms.Value);
        Assert.Equal(taxes.Product + taxes.Ipi.Value, taxes.ItemTotal);
    }
}

/// <summary>The validation's percent range: 0 (a negative zero too) up to 100, excluded or included.</summary>
public class PercentRangeTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-0.00", true)]
    [InlineData("99.9999", true)]
    [InlineData("100", false)]
    [InlineData("100.0000", false)]
    [InlineData("-0.01", false)]
    [InlineData("12.345678901234567890123456789", true)]
    public void Rates_at_the_edges(string text, bool below100)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(below100, TaxChecks.InPercentRange(value, hundredIncluded: false));
        Assert.Equal(below100 || value == 100m, TaxChecks.InPercentRange(value, hundredIncluded: true));
    }
}
