using Crm.Domain.Taxes;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Taxes;

/// <summary>
/// The breakdown keeps rates, reductions and MVAs in 4 bytes and the validation reads a rate's digits: both must agree,
/// bit for bit, with plain decimals.
/// </summary>
public class NarrowSlotTests
{
    [Property(MaxTest = 2000)]
    public bool A_four_byte_slot_keeps_value_scale_and_sign_or_refuses(int lo, byte mid, bool negative, byte scale)
    {
        var value = new decimal(lo, mid % 8, 0, negative, (byte)(scale % 29));

        return CompactDecimal.TryPackNarrow(value, out var packed)
            ? decimal.GetBits(CompactDecimal.Unpack((long)(uint)packed)).SequenceEqual(decimal.GetBits(value)) && !CompactDecimal.IsOverflow((uint)packed)
            : ((ulong)(uint)(mid % 8) << 32 | (uint)lo) >= 1UL << 26;
    }

    [Property(MaxTest = 2000)]
    public bool The_percent_range_on_digits_is_the_plain_comparison(int lo, int mid, byte hi, bool negative, byte scale)
    {
        var value = new decimal(lo, mid, hi % 4, negative, (byte)(scale % 29));

        return TaxChecks.InPercentRange(value, hundredIncluded: false) == (value >= 0m && value < 100m)
               && TaxChecks.InPercentRange(value, hundredIncluded: true) == (value >= 0m && value <= 100m);
    }

    [Theory]
    [InlineData("100.00000000000000000")] // scale 17: the last one compared on digits
    [InlineData("99.999999999999999999")] // scale 18: compared as decimals
    [InlineData("0.0000")]
    [InlineData("18")]
    public void Rates_near_the_digit_table_edges_agree_with_decimals(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value < 100m, TaxChecks.InPercentRange(value, hundredIncluded: false));
        Assert.Equal(value <= 100m, TaxChecks.InPercentRange(value, hundredIncluded: true));
    }

    [Fact]
    public void Rates_of_every_shape_come_back_from_the_breakdown_with_their_scale()
    {
        var values = new TaxValues { IcmsRate = 18.00m, FcpRate = 999.9999m, CbsRate = -0.0m, StMva = 67_108_864m, IbsUfRate = 0.1m };
        values.StMva = 40.5m; // an overflowed slot rewritten with a value that fits

        Assert.Equal(["18.00", "999.9999", "0.0", "40.5", "0.1"],
            new[] { values.IcmsRate, values.FcpRate, values.CbsRate, values.StMva, values.IbsUfRate }.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(decimal.IsNegative(values.CbsRate));
        Assert.Equal(1, values.OverflowPlaces);
    }
}
