using Crm.Domain.Registry;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Registry;

public class CodigoMunicipioTests
{
    // EB: erpbrasil/erpbrasil.base tests/test_base_fiscal_codigo_municipio.py (CODIGOS_MUNICIPAIS_VALIDOS, Alagoas)
    [Theory]
    [InlineData("2700102")] [InlineData("2700201")] [InlineData("2700300")] [InlineData("2700409")]
    [InlineData("2700508")] [InlineData("2700607")] [InlineData("2700706")] [InlineData("2701308")]
    public void Published_valid_codes_validate(string input)
    {
        Assert.True(CodigoMunicipio.IsValid(input));
        Assert.Equal(Uf.AL, CodigoMunicipio.Parse(input).AsT0.Uf);
    }

    // State capitals, IBGE (https://www.ibge.gov.br/explica/codigos-dos-municipios.php).
    [Theory]
    [InlineData("3550308", Uf.SP)] // São Paulo
    [InlineData("3304557", Uf.RJ)] // Rio de Janeiro
    [InlineData("5300108", Uf.DF)] // Brasília
    [InlineData("3106200", Uf.MG)] // Belo Horizonte
    [InlineData("2927408", Uf.BA)] // Salvador
    [InlineData("4106902", Uf.PR)] // Curitiba
    [InlineData("4314902", Uf.RS)] // Porto Alegre
    [InlineData("2611606", Uf.PE)] // Recife
    [InlineData("2304400", Uf.CE)] // Fortaleza
    [InlineData("1302603", Uf.AM)] // Manaus
    public void Capitals_validate_with_their_state(string input, Uf uf) =>
        Assert.Equal(uf, CodigoMunicipio.Parse(input).AsT0.Uf);

    // EB EXCECOES: real municipalities whose code breaks the check-digit rule.
    [Theory]
    [InlineData("4305871", Uf.RS)] // Coronel Barros
    [InlineData("2201919", Uf.PI)] // Bom Princípio do Piauí
    [InlineData("2202251", Uf.PI)] // Canavieira
    [InlineData("2201988", Uf.PI)] // Brejo do Piauí
    [InlineData("2611533", Uf.PE)] // Quixaba
    [InlineData("3117836", Uf.MG)] // Cônego Marinho
    [InlineData("3152131", Uf.MG)] // Ponto Chique
    [InlineData("5203939", Uf.GO)] // Buriti de Goiás
    [InlineData("5203962", Uf.GO)] // Buritinópolis
    public void Whitelisted_codes_validate_although_their_digit_does_not(string input, Uf uf)
    {
        Assert.NotEqual(input[6] - '0', CodigoMunicipio.CheckDigit(input)); // the exception is real
        Assert.Equal(uf, CodigoMunicipio.Parse(input).AsT0.Uf);
    }

    [Fact]
    public void Exterior_is_valid_and_has_no_state()
    {
        var exterior = CodigoMunicipio.Parse("9999999").AsT0;
        Assert.True(exterior.IsExterior);
        Assert.Null(exterior.Uf);
        Assert.Equal(CodigoMunicipio.Exterior, exterior);
        Assert.False(CodigoMunicipio.Parse("3550308").AsT0.IsExterior);
    }

    [Theory]
    [InlineData("9900102", RegistryCodes.Range)] // EB CODIGOS_UF_INVALIDOS
    [InlineData("6600508", RegistryCodes.Range)] // EB CODIGOS_UF_INVALIDOS
    [InlineData("0101100", RegistryCodes.Range)] // EB CODIGOS_UF_INVALIDOS
    [InlineData("2700002", RegistryCodes.Range)] // EB CODIGOS_ORDEM_INVALIDOS (municipality 0000)
    [InlineData("2700000", RegistryCodes.Range)] // EB CODIGOS_ORDEM_INVALIDOS
    [InlineData("2700103", RegistryCodes.CheckDigit)] // EB 2700102 with another digit
    [InlineData("3550309", RegistryCodes.CheckDigit)] // São Paulo with another digit
    [InlineData("27002010", RegistryCodes.Length)] // EB CODIGOS_MAIORES
    [InlineData("7201", RegistryCodes.Length)] // EB CODIGOS_MENORES
    [InlineData("270ASD030ASDDA0", RegistryCodes.Characters)] // EB CODIGOS_MUNICIPAIS_SEM_FORMATACAO
    [InlineData(null, RegistryCodes.Empty)]
    public void Invalid_codes_say_why(string? input, string code) =>
        RegistryAssert.Rejects(CodigoMunicipio.IsValid, CodigoMunicipio.Parse, input, "codigoMunicipio", code);

    [Fact]
    public void Unknown_state_and_wrong_digit_are_both_reported() =>
        Assert.Equal([RegistryCodes.Range, RegistryCodes.CheckDigit],
            CodigoMunicipio.Parse("9900103").Problems.Select(p => p.Code));

    [Fact]
    public void Masks_are_accepted_as_in_eb_formatting_tests() // EB CODIGOS_MUNICIPAIS_SEM_FORMATACAO
    {
        Assert.Equal("2700102", CodigoMunicipio.Parse("2 7 0 0 1 0 2").AsT0.Value);
        Assert.Equal("2700201", CodigoMunicipio.Parse("2-7-0-0-2-0-1").AsT0.ToString());
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void Every_generated_code_validates(GeneratedMunicipio municipio)
    {
        Assert.True(CodigoMunicipio.IsValid(municipio.Digits));
        Assert.Equal(municipio.Digits, CodigoMunicipio.Parse(municipio.Digits).AsT0.ToString());
    }
}
