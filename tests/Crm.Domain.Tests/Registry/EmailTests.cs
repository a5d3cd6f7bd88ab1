using Crm.Domain.Registry;

namespace Crm.Domain.Tests.Registry;

public class EmailTests
{
    // BU: brazilian-utils/brazilian-utils src/utilities/email/index.test.ts
    [Theory]
    [InlineData("john.doe@hotmail.com")] // BU "when email is valid"
    [InlineData("john_doe@myenterprise.com.br")] // BU "valid with underline"
    [InlineData("john.doe@gmail.com")] // BU "valid with domain gmail"
    [InlineData("vendas+crm@empresa.com.br")]
    [InlineData("contato@xn--caf-dma.com.br")] // internationalised domain in punycode
    public void Published_valid_addresses_validate(string input)
    {
        Assert.True(Email.IsValid(input));
        Assert.Equal(input, Email.Parse(input).AsT0.Value);
    }

    [Theory]
    [InlineData("john.doe.teste.com.br", RegistryCodes.Format)] // BU "without at symbol"
    [InlineData("@teste.com.br", RegistryCodes.Format)] // BU "recipient name has length equal to 0"
    [InlineData("(johndoe)@test.com.br", RegistryCodes.Characters)] // BU "recipient has invalid character"
    [InlineData("john..doe@teste.com.br", RegistryCodes.Format)] // BU "2 special characters consecutively"
    [InlineData(".john.doe@teste.com.br", RegistryCodes.Format)] // BU "start with unallowed special characters"
    [InlineData("jóhn.doe@teste.com.br", RegistryCodes.Characters)] // BU "recipient contains accentuation"
    [InlineData("johndoe@", RegistryCodes.Format)] // BU "domain has length equal to 0"
    [InlineData("johndoe@téste.com.br", RegistryCodes.Characters)] // BU "domain contains accentuation"
    [InlineData("johndoe@test.com.", RegistryCodes.Format)] // BU "hasnt top level domain"
    [InlineData("john doe@teste.com.br", RegistryCodes.Characters)]
    [InlineData("john@localhost", RegistryCodes.Format)]
    [InlineData("a@b@c.com", RegistryCodes.Format)]
    [InlineData("ana@-empresa.com", RegistryCodes.Format)]
    [InlineData("   ", RegistryCodes.Empty)]
    [InlineData(null, RegistryCodes.Empty)]
    public void Invalid_addresses_say_why(string? input, string code) =>
        RegistryAssert.Rejects(Email.IsValid, Email.Parse, input, "email", code);

    [Fact]
    public void Lengths_are_limited_to_254_and_64()
    {
        Assert.Contains(RegistryCodes.Length, Email.Parse(new string('a', 65) + "@teste.com.br").Problems.Select(p => p.Code)); // BU 65-char recipient
        Assert.Contains(RegistryCodes.Length, Email.Parse(new string('a', 64) + "@" + string.Concat(Enumerable.Repeat("test.co.uk", 28))).Problems.Select(p => p.Code)); // BU "is too long"
        Assert.True(Email.IsValid(new string('a', 64) + "@teste.com.br"));
    }

    [Fact]
    public void Domain_is_lower_cased_and_normalized_is_fully_lower_case()
    {
        var email = Email.Parse("  Ana.Souza@Empresa.COM.br ").AsT0;
        Assert.Equal("Ana.Souza@empresa.com.br", email.Value);
        Assert.Equal("Ana.Souza", email.LocalPart);
        Assert.Equal("empresa.com.br", email.Domain);
        Assert.Equal("ana.souza@empresa.com.br", email.Normalized);
        Assert.Equal(email.Normalized, Email.Parse("ana.souza@EMPRESA.com.br").AsT0.Normalized);
    }
}
