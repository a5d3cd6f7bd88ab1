using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Taxes;

public class RoundingTests
{
    // Midpoints: NF-e accepts either side (NT 2013.005 §7); ABNT NBR 5891 rounds an exact 5 to the even digit
    // (https://ajuda.alterdata.com.br/x/gg70Ag) but a 5 followed by anything else up; Protheus without
    // MV_RNDxxx truncates, 60.436 → 60.43 (https://idoc-pub.sitiosdesbloqueados.org/documents/parametros-de-arredondamento-1d47q9e96yn2).
    [Theory]
    [InlineData("1.005", "1.01", "1.00", "1.00")]
    [InlineData("1.015", "1.02", "1.02", "1.01")]
    [InlineData("1.0051", "1.01", "1.01", "1.00")]
    [InlineData("60.436", "60.44", "60.44", "60.43")]
    [InlineData("109.125", "109.13", "109.12", "109.12")]
    [InlineData("-1.005", "-1.01", "-1.00", "-1.00")]
    public void Each_policy_rounds_midpoints_its_own_way(string value, string halfUp, string abnt, string truncate)
    {
        var v = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(halfUp, System.Globalization.CultureInfo.InvariantCulture), RoundingPolicy.HalfUp.ToCents(v));
        Assert.Equal(decimal.Parse(abnt, System.Globalization.CultureInfo.InvariantCulture), RoundingPolicy.HalfEvenAbnt.ToCents(v));
        Assert.Equal(decimal.Parse(truncate, System.Globalization.CultureInfo.InvariantCulture), RoundingPolicy.Truncate.ToCents(v));
    }

    // MotorTributarioNet src/TestesUnitarios/CalculoCbsTest.cs @3bb3e8bb: 727.50 × 15 % = 109.125, which .NET's default
    // banker's rounding makes 109.12; half-up gives 109.13, Protheus truncation 109.12.
    [Theory]
    [InlineData(RoundingPolicy.HalfUp, "109.13")]
    [InlineData(RoundingPolicy.HalfEvenAbnt, "109.12")]
    [InlineData(RoundingPolicy.Truncate, "109.12")]
    public void Cbs_on_a_midpoint_follows_the_profile(RoundingPolicy policy, string expected)
    {
        var parameters = Parameters(ContributorForResale, icmsRate: 18m, pisCofins: PisCofinsParameters.NonCumulative("pc"),
            ibsCbs: new IbsCbsParameters(15m, 0m, 0m, "rtc"), rounding: new RoundingProfile(IbsCbs: policy));

        var taxes = Calculate(Item(1m, 1000m), parameters);

        Assert.Equal(727.50m, taxes.Cbs.Base);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), taxes.Cbs.Value);
    }

    // The OCA item of test_compute_taxes_01 (11 × 3.143539, IPI 15 %, ICMS 7 %) under a Protheus profile that truncates
    // everything: vProd 34.578929 → 34.57, IPI 5.1855 → 5.18, ICMS base 39.75, ICMS 2.7825 → 2.78.
    [Fact]
    public void Protheus_truncation_carries_through_the_later_taxes()
    {
        var parameters = Parameters(InterstateConsumer, ipiRate: 15m, icmsRate: 7m, rounding: RoundingProfile.Uniform(RoundingPolicy.Truncate));

        var taxes = Calculate(Item(11m, 3.143539m), parameters);

        Assert.Equal(34.57m, taxes.Product);
        Assert.Equal(5.18m, taxes.Ipi.Value);
        Assert.Equal(39.75m, taxes.Icms.Base);
        Assert.Equal(2.78m, taxes.Icms.Value);
    }

    [Property]
    public bool Policies_agree_on_values_already_in_cents(long cents)
    {
        var value = cents / 100m;
        return RoundingPolicy.HalfUp.ToCents(value) == value
               && RoundingPolicy.HalfEvenAbnt.ToCents(value) == value
               && RoundingPolicy.Truncate.ToCents(value) == value;
    }

    [Property]
    public bool Every_policy_stays_within_a_cent_and_truncation_never_grows(int whole, NonNegativeInt fraction)
    {
        var value = whole + fraction.Get % 100000 / 100000m;
        return Enum.GetValues<RoundingPolicy>().All(p => Math.Abs(p.ToCents(value) - value) < 0.01m)
               && Math.Abs(RoundingPolicy.Truncate.ToCents(value)) <= Math.Abs(value);
    }
}
