using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Registry;

public class CepTests
{
    // BU: brazilian-utils/brazilian-utils src/utilities/cep/index.test.ts; ViaCEP: the example of viacep.com.br (01001000).
    [Theory]
    [InlineData("92500000", Uf.RS)] // BU "cep valid without mask"
    [InlineData("92500-000", Uf.RS)] // BU "cep valid with mask"
    [InlineData("01001-000", Uf.SP)] // ViaCEP documentation example, Praça da Sé
    [InlineData("01001000", Uf.SP)] // BU format test vector
    [InlineData("01.001-000", Uf.SP)]
    public void Published_ceps_parse_with_their_state(string input, Uf uf)
    {
        Assert.True(Cep.IsValid(input));
        Assert.Equal(uf, Cep.Parse(input).AsT0.Uf);
    }

    // Boundaries of the national ranges (REGISTRY.md §3, from ACBr ValidarCEP), where neighbours meet.
    [Theory]
    [InlineData("19999-999", Uf.SP)] [InlineData("20000-000", Uf.RJ)]
    [InlineData("68899-999", Uf.PA)] [InlineData("68900-000", Uf.AP)]
    [InlineData("69299-999", Uf.AM)] [InlineData("69300-000", Uf.RR)] [InlineData("69400-000", Uf.AM)]
    [InlineData("69900-000", Uf.AC)] [InlineData("72799-999", Uf.DF)] [InlineData("72800-000", Uf.GO)]
    [InlineData("73000-000", Uf.DF)] [InlineData("73699-999", Uf.DF)] [InlineData("73700-000", Uf.GO)]
    [InlineData("76800-000", Uf.RO)] [InlineData("77000-000", Uf.TO)] [InlineData("78899-999", Uf.MT)]
    [InlineData("79000-000", Uf.MS)] [InlineData("88000-000", Uf.SC)] [InlineData("99999-999", Uf.RS)]
    public void State_comes_from_the_national_ranges(string input, Uf uf) =>
        Assert.Equal(uf, Cep.Parse(input).AsT0.Uf);

    [Theory]
    [InlineData("78900-000")]
    [InlineData("78999-999")]
    public void The_former_rondonia_range_has_no_state(string input)
    {
        Assert.True(Cep.IsValid(input));
        Assert.Null(Cep.Parse(input).AsT0.Uf);
    }

    [Theory]
    [InlineData("123456789", RegistryCodes.Length)] // BU "length is greater than 8"
    [InlineData("0100100", RegistryCodes.Length)]
    [InlineData("a0.10cr01?00#ab0", RegistryCodes.Characters)] // BU format test input (non-digits)
    [InlineData("00000-000", RegistryCodes.Range)] // below 01000-000 no state's range
    [InlineData("00999-999", RegistryCodes.Range)]
    [InlineData("", RegistryCodes.Empty)] // BU "empty string"
    [InlineData(null, RegistryCodes.Empty)] // BU "null"
    public void Invalid_ceps_say_why(string? input, string code) =>
        RegistryAssert.Rejects(Cep.IsValid, Cep.Parse, input, "cep", code);

    [Property]
    public void Format_then_parse_round_trips(int prefix, int suffix)
    {
        var digits = $"{1000 + Math.Abs(prefix % 99000):D5}{Math.Abs(suffix % 1000):D3}";
        var cep = Cep.Parse(digits).AsT0;
        Assert.Equal(digits, cep.Value);
        Assert.Equal($"{digits[..5]}-{digits[5..]}", cep.ToString());
        Assert.Equal(cep, Cep.Parse(cep.ToString()).AsT0);
    }
}
