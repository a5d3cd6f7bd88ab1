using Crm.Domain.Registry;

namespace Crm.Domain.Tests.Registry;

public class FiscalCodeTests
{
    [Theory]
    [InlineData("8471.30.12", "84713012", "8471.30.12")]
    [InlineData("22030000", "22030000", "2203.00.00")]
    public void Ncm_parses_with_or_without_mask(string input, string value, string masked)
    {
        Assert.True(Ncm.TryParse(input, out var ncm));
        Assert.Equal(value, ncm.Value);
        Assert.Equal(masked, ncm.ToString());
    }

    [Theory]
    [InlineData(null, RegistryCodes.Empty)]
    [InlineData("8471.30", RegistryCodes.Length)]
    [InlineData("8471.30.123", RegistryCodes.Length)]
    [InlineData("8471.3A.12", RegistryCodes.Characters)]
    public void Ncm_reports_what_is_wrong(string? input, string code) =>
        Assert.Equal(code, Assert.Single(Ncm.Parse(input).Problems).Code);

    [Theory]
    [InlineData("8471", true)]
    [InlineData("8471.30", true)]
    [InlineData("84713012", true)]
    [InlineData("8472", false)]
    [InlineData("", false)]
    public void Ncm_matches_by_prefix(string prefix, bool expected) =>
        Assert.Equal(expected, Ncm.Parse("8471.30.12").AsT0.StartsWith(prefix));

    [Fact]
    public void Cest_parses_and_masks()
    {
        Assert.True(Cest.TryParse("01.003.00", out var cest));
        Assert.Equal("0100300", cest.Value);
        Assert.Equal("01", cest.Segment);
        Assert.Equal("01.003.00", cest.ToString());
        Assert.False(Cest.IsValid("01.003.0"));
    }

    [Theory]
    [InlineData("5.102", CfopScope.ExitInState, true)]
    [InlineData("6102", CfopScope.ExitInterstate, true)]
    [InlineData("1.202", CfopScope.EntryInState, false)]
    [InlineData("7.101", CfopScope.ExitAbroad, true)]
    public void Cfop_gives_direction_and_scope(string input, CfopScope scope, bool exit)
    {
        var cfop = Cfop.Parse(input).AsT0;
        Assert.Equal(scope, cfop.Scope);
        Assert.Equal(exit, cfop.IsExit);
    }

    [Theory]
    [InlineData("4.102")]
    [InlineData("8.102")]
    [InlineData("0.102")]
    public void Cfop_rejects_unknown_first_digit(string input) =>
        Assert.Equal(RegistryCodes.Range, Assert.Single(Cfop.Parse(input).Problems).Code);
}
