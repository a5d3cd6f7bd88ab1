namespace Crm.Cli.Tests;

/// <summary>Input is echoed on one line: control characters inside a value are shown escaped, never written raw.</summary>
public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb\tc", @"a\r\nb\tc")]
    [InlineData("\u001B[2J", @"\u001B[2J")]
    [InlineData("\u0000\u007F\u0085\u009B", @"\u0000\u007F\u0085\u009B")]
    [InlineData("a\u2028b\u202Ec", @"a\u2028b\u202Ec")]
    [InlineData(@"plain C:\path é ü", @"plain C:\path é ü")]
    public void Printable_escapes_every_control_character(string input, string shown) =>
        Assert.Equal(shown, Printable.OneLine(input));

    [Fact]
    public void Text_without_a_control_character_is_returned_as_it_is()
    {
        const string text = "Cliente 01 de Ana Ltda — 12.ABC.345/01DE-35";
        Assert.Same(text, Printable.OneLine(text));
    }

    [Fact]
    public void Every_character_is_either_kept_or_escaped_into_printable_text()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var shown = Printable.OneLine($"x{c}y");
            Assert.DoesNotContain(shown, char.IsControl);
            Assert.True(shown == $"x{c}y" || shown.StartsWith(@"x\", StringComparison.Ordinal), $"U+{(int)c:X4} shown as {shown}");
        }
    }

    [Fact]
    public void A_usage_error_quoting_a_value_stays_one_line() =>
        CliRun.Of("validate", "--uf", "S\nP", "110.042.490.114").AssertUsageError(@"unknown uf 'S\nP'");

    [Fact]
    public void A_parse_error_quoting_a_value_stays_one_line() =>
        CliRun.Of("validate", "cpf", "111.444.777-35", "x\u001B[31my").AssertUsageError(@"Unrecognized command or argument 'x\u001B[31my'");

    [Fact]
    public void An_invalid_value_is_echoed_escaped_on_its_report_line()
    {
        var run = CliRun.Of("validate", "cpf", "111\n444\u001B[2J");

        Assert.Equal(1, run.Exit);
        var line = Assert.Single(run.OutputLines);
        Assert.Contains(@"111\n444\u001B[2J  invalid", line, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, c => c == '\u001B');
    }

    [Fact]
    public void A_quoted_csv_cell_with_line_breaks_and_escapes_stays_on_its_row_line()
    {
        using var csv = new TempCsv("kind,value\ncpf,\"111\n444\u001B[31m\"\ncpf,11144477735\n");

        var run = CliRun.Of("validate", "--file", csv.Path);

        Assert.Equal(1, run.Exit);
        Assert.Equal(3, run.OutputLines.Length);
        Assert.StartsWith(@"line 2  cpf       111\n444\u001B[31m  invalid", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("line 4  cpf", run.OutputLines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, c => c == '\u001B');
    }

    [Fact]
    public void A_bad_csv_cell_is_quoted_escaped_in_the_error() =>
        CliRun.Of("validate", "--file", "/nonexistent/a\nb.csv").AssertUsageError(@"file not found: /nonexistent/a\nb.csv");

    [Fact]
    public void An_unknown_kind_in_a_csv_is_quoted_escaped()
    {
        using var csv = new TempCsv("kind,value\n\"r\ng\u0007\",123\n");
        CliRun.Of("validate", "--file", csv.Path).AssertUsageError(@"line 2: unknown kind 'r\ng\u0007'");
    }

    [Fact]
    public void A_db_path_is_quoted_escaped() =>
        CliRun.Of("demo", "--db", "/nonexistent/a\u001B[2Jb/demo.db").AssertUsageError(@"folder not found: /nonexistent/a\u001B[2Jb");
}
