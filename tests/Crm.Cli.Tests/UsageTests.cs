namespace Crm.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void Crm_alone_prints_the_usage_on_the_error_writer_and_exits_2()
    {
        var run = CliRun.Of();

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Contains("validate", run.Error, StringComparison.Ordinal);
        Assert.Contains("demo", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_parse_error_is_shown_one_line_each()
    {
        var run = CliRun.Of("validate", "cpf", "111.444.777-35", "second", "--unknown-option", "third");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Output);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("crm: error: ", line));
        Assert.Contains(lines, l => l.Contains("'second'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'--unknown-option'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'third'", StringComparison.Ordinal));
    }
}
