namespace Crm.Cli.Tests;

public class ValidateCommandTests
{
    [Theory]
    [InlineData("cpf", "11144477735", "111.444.777-35", "fiscal region 7: ES, RJ")]
    [InlineData("cnpj", "12abc34501de35", "12.ABC.345/01DE-35", "branch 01DE, alphanumeric")]
    [InlineData("cnpj", "11222333000181", "11.222.333/0001-81", "head office")]
    [InlineData("cep", "01001000", "01001-000", "SP")]
    [InlineData("phone", "+5511987654321", "(11) 98765-4321", "mobile, +5511987654321")]
    [InlineData("email", "Ana@Empresa.COM", "Ana@empresa.com", "ana@empresa.com")]
    [InlineData("municipio", "3550308", "3550308", "SP")]
    [InlineData("municipio", "9999999", "9999999", "exterior")]
    public void A_valid_document_prints_its_mask_and_details_and_exits_0(string kind, string value, string masked, string details)
    {
        var run = CliRun.Of("validate", kind, value);
        Assert.Equal(0, run.Exit);
        var line = Assert.Single(run.OutputLines);
        Assert.StartsWith(kind, line);
        Assert.Contains($"{masked}  valid  {details}", line);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void An_invalid_document_prints_every_problem_and_exits_1()
    {
        var run = CliRun.Of("validate", "cpf", "foo391.838.38test0-66");
        Assert.Equal(1, run.Exit);
        var line = Assert.Single(run.OutputLines);
        Assert.Contains("foo391.838.38test0-66  invalid", line);
        Assert.Contains("registry.length: CPF deve ter 11 dígitos.", line);
        Assert.Contains("registry.characters: ", line);
    }

    [Fact]
    public void The_rfb_trap_cnpj_is_invalid() =>
        Assert.Contains("registry.check_digit", CliRun.Of("validate", "cnpj", "12ABC34501DE45").Output);

    [Theory]
    [InlineData(new[] { "validate" }, "nothing to validate")]
    [InlineData(new[] { "validate", "110.042.490.114" }, "needs --uf")]
    [InlineData(new[] { "validate", "--uf", "XX", "110.042.490.114" }, "unknown uf 'XX'")]
    [InlineData(new[] { "validate", "--uf", "35", "110.042.490.114" }, "unknown uf '35'")]
    [InlineData(new[] { "validate", "rg", "123" }, "Unrecognized command or argument '123'")]
    [InlineData(new[] { "validate", "ie", "110.042.490.114" }, "--uf")]
    [InlineData(new[] { "validate", "cpf" }, "Required argument missing")]
    [InlineData(new[] { "validate", "--file", "x.csv", "--uf", "SP" }, "--file takes no value and no --uf")]
    public void Usage_errors_exit_2_with_one_line(string[] args, string expected) =>
        CliRun.Of(args).AssertUsageError(expected);

    // Stella IESaoPauloComercioIndustriaValidatorTest (110.042.490.114); GO prefix 15 tolerated with a warning (REGISTRY.md §2).
    [Theory]
    [InlineData(new[] { "validate", "--uf", "SP", "110042490114" }, "ie        110.042.490.114  valid  SP")]
    [InlineData(new[] { "validate", "ie", "--uf", "sp", "110.042.490.114" }, "ie        110.042.490.114  valid  SP")]
    [InlineData(new[] { "validate", "--uf", "MG", "isento" }, "ie        ISENTO  valid  MG, exempt from registration")]
    [InlineData(new[] { "validate", "--uf", "GO", "150000006" }, "valid  GO; warning registry.prefix: ")]
    public void A_valid_ie_exits_0(string[] args, string expected)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.Exit);
        Assert.Contains(expected, Assert.Single(run.OutputLines));
    }

    [Fact]
    public void An_ie_with_a_wrong_check_digit_exits_1()
    {
        var run = CliRun.Of("validate", "--uf", "SP", "110.042.490.115");
        Assert.Equal(1, run.Exit);
        Assert.Contains("invalid registry.check_digit: IE de SP", Assert.Single(run.OutputLines));
    }

    [Fact]
    public void Help_is_printed_and_exits_0()
    {
        var run = CliRun.Of("validate", "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("--file", run.Output);
        Assert.Contains("municipio", run.Output);
    }
}
