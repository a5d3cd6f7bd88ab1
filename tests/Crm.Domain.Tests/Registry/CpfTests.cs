using Crm.Domain.Registry;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Registry;

public class CpfTests
{
    // Stella: caelum/caelum-stella stella-core/src/test/java/br/com/caelum/stella/validation/CPFValidatorTest.java
    // BU: brazilian-utils/brazilian-utils src/utilities/cpf/index.test.ts
    [Theory]
    [InlineData("88641577947")] // Stella shouldValidateValidCPF
    [InlineData("34608514300")] // Stella shouldValidateValidCPF
    [InlineData("47393545608")] // Stella shouldValidateValidCPF
    [InlineData("356.296.825-63")] // Stella shouldValidateValidFormattedCPF
    [InlineData("248.438.034-80")] // Stella, comment "VALID CPF" in shouldNotValidateCPFWithCheckDigitsWithFirstCheckDigitWrong
    [InlineData("099.075.865-60")] // Stella, comment "VALID CPF" in ...SecondCheckDigitWrong
    [InlineData("40364478829")] // BU "when is a CPF valid without mask"
    [InlineData("962.718.458-60")] // BU "when is a CPF valid with mask"
    [InlineData("111.444.777-35")] // issue 2 and the CLI example
    [InlineData(" 111 444 777 35 ")] // spaces as a mask
    public void Published_valid_cpfs_validate(string input)
    {
        Assert.True(Cpf.IsValid(input));
        Assert.True(Cpf.Parse(input).IsValid);
    }

    [Theory]
    [InlineData("24843803470", RegistryCodes.CheckDigit)] // Stella: first check digit wrong
    [InlineData("09907586561", RegistryCodes.CheckDigit)] // Stella: second check digit wrong
    [InlineData("11257245286", RegistryCodes.CheckDigit)] // BU "when is a CPF invalid"
    [InlineData("44444444444", RegistryCodes.RepeatedDigits)] // Stella shouldNotValidateCPFWithAllRepeatedDigits...
    [InlineData("1111111a111", RegistryCodes.Characters)] // Stella shouldNotValidateCPFWithInvalidCharacter
    [InlineData("abcabcabcde", RegistryCodes.Characters)] // BU "contains only letters or special characters"
    [InlineData("1234567890", RegistryCodes.Length)] // Stella: less digits than allowed
    [InlineData("123456789012", RegistryCodes.Length)] // Stella: more digits than allowed
    [InlineData("123456", RegistryCodes.Length)] // BU "dont match with CPF length"
    [InlineData("", RegistryCodes.Empty)]
    [InlineData("...-", RegistryCodes.Empty)]
    [InlineData(null, RegistryCodes.Empty)]
    public void Published_invalid_cpfs_say_why(string? input, string code) =>
        RegistryAssert.Rejects(Cpf.IsValid, Cpf.Parse, input, "cpf", code);

    [Fact]
    public void Reports_length_and_characters_together() =>
        Assert.Equal([RegistryCodes.Length, RegistryCodes.Characters],
            Cpf.Parse("foo391.838.38test0-66").Problems.Select(p => p.Code)); // BU "CPF invalid test numbers with letters"

    [Theory]
    [InlineData('0')] [InlineData('1')] [InlineData('2')] [InlineData('3')] [InlineData('4')]
    [InlineData('5')] [InlineData('6')] [InlineData('7')] [InlineData('8')] [InlineData('9')]
    public void Every_repeated_digit_cpf_is_rejected_as_repeated(char digit)
    {
        var problem = Assert.Single(Cpf.Parse(new string(digit, 11)).Problems);
        Assert.Equal(RegistryCodes.RepeatedDigits, problem.Code);
        Assert.False(Cpf.IsValid(new string(digit, 11)));
    }

    [Fact]
    public void Value_is_unmasked_and_ToString_masks()
    {
        var cpf = Cpf.Parse("11144477735").AsT0;
        Assert.Equal("11144477735", cpf.Value);
        Assert.Equal("111.444.777-35", cpf.ToString());
    }

    // The 9th digit is the fiscal region (REGISTRY.md §1, BU src/common/states.ts).
    [Theory]
    [InlineData("40364478829", 8, new[] { Uf.SP })] // BU valid vector
    [InlineData("962.718.458-60", 8, new[] { Uf.SP })] // BU valid vector
    [InlineData("88641577947", 9, new[] { Uf.PR, Uf.SC })] // Stella valid vector
    [InlineData("47393545608", 6, new[] { Uf.MG })] // Stella valid vector
    [InlineData("34608514300", 3, new[] { Uf.CE, Uf.MA, Uf.PI })] // Stella valid vector
    [InlineData("356.296.825-63", 5, new[] { Uf.BA, Uf.SE })] // Stella valid vector
    [InlineData("111.444.777-35", 7, new[] { Uf.ES, Uf.RJ })]
    public void Fiscal_region_gives_the_issuing_states(string input, int region, Uf[] ufs)
    {
        var cpf = Cpf.Parse(input).AsT0;
        Assert.Equal(region, cpf.FiscalRegion);
        Assert.Equal(ufs, cpf.FiscalRegionUfs);
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Every_generated_cpf_validates(GeneratedCpf cpf)
    {
        Assert.True(Cpf.IsValid(cpf.Digits));
        Assert.Equal(cpf.Digits, Cpf.Parse(cpf.Digits).AsT0.Value);
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Changing_any_check_digit_invalidates(GeneratedCpf cpf)
    {
        foreach (var position in new[] { 9, 10 })
        foreach (var digit in "0123456789".Where(d => d != cpf.Digits[position]))
        {
            var changed = string.Concat(cpf.Digits[..position], digit, cpf.Digits[(position + 1)..]);
            Assert.False(Cpf.IsValid(changed));
            Assert.Equal(RegistryCodes.CheckDigit, Assert.Single(Cpf.Parse(changed).Problems).Code);
        }
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Format_then_parse_round_trips(GeneratedCpf generated)
    {
        var cpf = Cpf.Parse(generated.Digits).AsT0;
        Assert.Equal(cpf, Cpf.Parse(cpf.ToString()).AsT0);
        Assert.Equal(generated.Digits, Cpf.Parse(cpf.ToString()).AsT0.Value);
    }
}
