using Crm.Domain.Registry;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Registry;

public class CnpjTests
{
    // Stella: caelum/caelum-stella stella-core/src/test/java/br/com/caelum/stella/validation/CNPJValidatorTest.java
    // BU: brazilian-utils/brazilian-utils src/utilities/cnpj/index.test.ts
    // RFB: the official alphanumeric example of Nota Técnica COCAD/SUARA/RFB nº 49/2024, worked in REGISTRY.md §1
    [Theory]
    [InlineData("26.637.142/0001-58")] // Stella validString
    [InlineData("11222333000181")] // Stella shouldValidateValidCNPJ
    [InlineData("63025530002409")] // Stella shouldValidateValidCNPJ
    [InlineData("61519128000150")] // Stella shouldValidateValidCNPJ
    [InlineData("68745386000102")] // Stella shouldValidateValidCNPJ
    [InlineData("13723705000189")] // BU "CNPJ valid without mask"
    [InlineData("60.391.947/0001-00")] // BU "CNPJ valid with mask"
    [InlineData("46.843.485/0001-86")] // BU format test vector
    [InlineData("12.ABC.345/01DE-35")] // RFB official alphanumeric example
    [InlineData("12abc34501de35")] // RFB example typed in lower case
    [InlineData("Q0.SLF.MBD/7VX4-39")] // BU format test, version 2 (alphanumeric)
    public void Published_valid_cnpjs_validate(string input)
    {
        Assert.True(Cnpj.IsValid(input));
        Assert.True(Cnpj.Parse(input).IsValid);
    }

    [Theory]
    [InlineData("26637142000168", RegistryCodes.CheckDigit)] // Stella firstCheckDigitWrongNotFormatted
    [InlineData("74221325000160", RegistryCodes.CheckDigit)] // Stella: first check digit wrong
    [InlineData("26637142000154", RegistryCodes.CheckDigit)] // Stella: second check digit wrong
    [InlineData("11257245286531", RegistryCodes.CheckDigit)] // BU "when is a CNPJ invalid"
    [InlineData("12ABC34501DE45", RegistryCodes.CheckDigit)] // DVs from the wrong A=10 mapping (REGISTRY.md §1 trap)
    [InlineData("00000000000000", RegistryCodes.RepeatedDigits)] // passes the checksum; NF-e rejections 207/208
    [InlineData("00.000.000/0000-00", RegistryCodes.RepeatedDigits)]
    [InlineData("1234567890123", RegistryCodes.Length)] // Stella: less digits than allowed
    [InlineData("123456789012345", RegistryCodes.Length)] // Stella: more digits than allowed
    [InlineData("12312312312", RegistryCodes.Length)] // BU "dont match with CNPJ length"
    [InlineData("12ABC34501DE3A", RegistryCodes.Characters)] // check digits are always numeric
    [InlineData("12ABC34501DE3#", RegistryCodes.Characters)]
    [InlineData("6ad0.t391.9asd47/0ad001-00", RegistryCodes.Length)] // BU "invalid test numbers with letters"
    [InlineData(null, RegistryCodes.Empty)]
    public void Published_invalid_cnpjs_say_why(string? input, string code) =>
        RegistryAssert.Rejects(Cnpj.IsValid, Cnpj.Parse, input, "cnpj", code);

    [Fact]
    public void Alphanumeric_cnpj_is_upper_cased_and_split()
    {
        var cnpj = Cnpj.Parse("12.abc.345/01de-35").AsT0;
        Assert.Equal("12ABC34501DE35", cnpj.Value);
        Assert.Equal("12.ABC.345/01DE-35", cnpj.ToString());
        Assert.True(cnpj.IsAlphanumeric);
        Assert.Equal("12ABC345", cnpj.Root);
        Assert.Equal("01DE", cnpj.Order);
        Assert.Equal("35", cnpj.CheckDigits);
        Assert.False(cnpj.IsHeadOffice);
    }

    [Theory]
    [InlineData("26.637.142/0001-58", true)] // Stella: order 0001, the head office
    [InlineData("63025530002409", false)] // Stella: order 0024, a branch
    public void Order_0001_is_the_head_office(string input, bool headOffice)
    {
        var cnpj = Cnpj.Parse(input).AsT0;
        Assert.Equal(headOffice, cnpj.IsHeadOffice);
        Assert.False(cnpj.IsAlphanumeric);
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Every_generated_numeric_cnpj_validates(GeneratedNumericCnpj cnpj) =>
        Assert.True(Cnpj.IsValid(cnpj.Characters));

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Every_generated_alphanumeric_cnpj_validates_in_any_case(GeneratedAlphanumericCnpj cnpj)
    {
        Assert.True(Cnpj.IsValid(cnpj.Characters));
        Assert.True(Cnpj.IsValid(cnpj.Characters.ToLowerInvariant()));
        Assert.Equal(cnpj.Characters, Cnpj.Parse(cnpj.Characters.ToLowerInvariant()).AsT0.Value);
        Assert.True(Cnpj.Parse(cnpj.Characters).AsT0.IsAlphanumeric);
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Changing_any_check_digit_invalidates(GeneratedAlphanumericCnpj alphanumeric, GeneratedNumericCnpj numeric)
    {
        foreach (var document in new[] { alphanumeric.Characters, numeric.Characters })
        foreach (var position in new[] { 12, 13 })
        foreach (var digit in "0123456789".Where(d => d != document[position]))
        {
            var changed = string.Concat(document[..position], digit, document[(position + 1)..]);
            Assert.False(Cnpj.IsValid(changed));
            Assert.Equal(RegistryCodes.CheckDigit, Assert.Single(Cnpj.Parse(changed).Problems).Code);
        }
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void A_numeric_cnpj_validates_as_under_the_numeric_only_rule(FourteenDigits fourteen) =>
        Assert.Equal(Reference.NumericCnpjIsValid(fourteen.Digits), Cnpj.IsValid(fourteen.Digits));

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Format_then_parse_round_trips(GeneratedAlphanumericCnpj alphanumeric, GeneratedNumericCnpj numeric)
    {
        foreach (var document in new[] { alphanumeric.Characters, numeric.Characters })
        {
            var cnpj = Cnpj.Parse(document).AsT0;
            Assert.Equal(cnpj, Cnpj.Parse(cnpj.ToString()).AsT0);
            Assert.Equal(document, Cnpj.Parse(cnpj.ToString()).AsT0.Value);
        }
    }
}
