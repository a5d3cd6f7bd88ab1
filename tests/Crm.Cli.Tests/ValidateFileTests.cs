namespace Crm.Cli.Tests;

public class ValidateFileTests
{
    [Fact]
    public void Every_row_gets_a_line_then_a_summary_and_exit_1_when_any_is_invalid()
    {
        using var csv = new TempCsv("""
            kind,value,uf
            cpf,111.444.777-35,
            cnpj,12ABC34501DE45,
            cep,01001-000,
            phone,(20) 1234-5678,
            email,ana@empresa.com.br,
            municipio,3550308,
            """);
        var run = CliRun.Of("validate", "--file", csv.Path);

        Assert.Equal(1, run.Exit);
        Assert.Equal(7, run.OutputLines.Length);
        Assert.StartsWith("line 2  cpf", run.OutputLines[0]);
        Assert.Contains("111.444.777-35  valid", run.OutputLines[0]);
        Assert.Matches("^line 3  cnpj +12ABC34501DE45  invalid registry.check_digit: ", run.OutputLines[1]);
        Assert.Contains("invalid registry.format: ", run.OutputLines[3]);
        Assert.Contains("; registry.range: ", run.OutputLines[3]);
        Assert.Equal("4 valid, 2 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public void All_valid_exits_0_and_semicolons_and_any_column_order_are_accepted()
    {
        using var csv = new TempCsv("value;KIND\n11.222.333/0001-81;cnpj\n\n92500-000;cep\n");
        var run = CliRun.Of("validate", "--file", csv.Path);
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("line 2  cnpj", run.OutputLines[0]);
        Assert.StartsWith("line 4  cep", run.OutputLines[1]); // the blank line still counts
        Assert.Equal("2 valid, 0 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error() =>
        CliRun.Of("validate", "--file", "/nonexistent/docs.csv").AssertUsageError("file not found: /nonexistent/docs.csv");

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("kind,valor\ncpf,11144477735\n", "missing column 'value'")]
    [InlineData("tipo,value\ncpf,11144477735\n", "missing column 'kind'")]
    [InlineData("kind,value\ncpf,11144477735\nrg,123\n", "line 3: unknown kind 'rg'")]
    [InlineData("kind,value,uf\nie,110.042.490.114,\n", "line 2: an ie row needs its uf")]
    [InlineData("kind,value\nie,110.042.490.114\n", "line 2: an ie row needs its uf")]
    [InlineData("kind,value,uf\ncpf,11144477735,ZZ\n", "line 2: unknown uf 'ZZ'")]
    public void A_bad_file_is_a_usage_error_before_any_row_is_printed(string content, string expected)
    {
        using var csv = new TempCsv(content);
        CliRun.Of("validate", "--file", csv.Path).AssertUsageError(expected);
    }

    [Fact]
    public void Every_problem_of_a_bad_file_is_listed_one_line_each()
    {
        using var csv = new TempCsv("kind,value,uf\ncpf,11144477735,\nrg,123,\nie,110.042.490.114,\ncnpj,1,XX\nrg,1,ZZ\n");

        var run = CliRun.Of("validate", "--file", csv.Path);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Equal(
        [
            "crm: error: line 3: unknown kind 'rg' (expected one of cpf, cnpj, ie, cep, phone, email, municipio)",
            "crm: error: line 4: an ie row needs its uf",
            "crm: error: line 5: unknown uf 'XX'",
            "crm: error: line 6: unknown kind 'rg' (expected one of cpf, cnpj, ie, cep, phone, email, municipio)",
            "crm: error: line 6: unknown uf 'ZZ'",
        ], run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Both_missing_columns_are_named()
    {
        using var csv = new TempCsv("tipo,valor\ncpf,1\n");
        Assert.Equal(
        [
            "crm: error: missing column 'kind' in the header (expected kind,value,uf)",
            "crm: error: missing column 'value' in the header (expected kind,value,uf)",
        ], CliRun.Of("validate", "--file", csv.Path).Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_file_with_many_bad_rows_lists_the_first_ones_and_counts_the_rest()
    {
        using var csv = new TempCsv("kind,value\n" + string.Concat(Enumerable.Repeat("rg,1\n", 30)));

        var lines = CliRun.Of("validate", "--file", csv.Path).Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(21, lines.Length);
        Assert.StartsWith("crm: error: line 21: unknown kind 'rg'", lines[19], StringComparison.Ordinal);
        Assert.Equal("crm: error: and 10 more problems", lines[20]);
    }

    [Fact]
    public void Ie_rows_are_checked_in_their_uf()
    {
        using var csv = new TempCsv("kind,value,uf\nie,110.042.490.114,SP\nie,110.042.490.114,MG\ncpf,11144477735,SP\n");
        var run = CliRun.Of("validate", "--file", csv.Path);
        Assert.Equal(1, run.Exit);
        Assert.Contains("110.042.490.114  valid  SP", run.OutputLines[0]);
        Assert.Contains("110.042.490.114  invalid", run.OutputLines[1]);
        Assert.Contains("valid", run.OutputLines[2]); // the uf of a non-IE row is ignored
        Assert.Equal("2 valid, 1 invalid", run.OutputLines[^1]);
    }
}
