using Spectre.Console;

namespace Crm.Cli.Tests;

/// <summary>Runs <c>crm</c> in memory: what it printed, what it reported as errors, and its exit code.</summary>
public sealed record CliRun(int Exit, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 4096;
        var exit = new CrmCli(console, error).Run(args);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A usage error: exit 2, one line on the error writer, no stack trace, nothing on the output.</summary>
    public void AssertUsageError(string expected)
    {
        Assert.Equal(2, Exit);
        var line = Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("crm: error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", Error);
        Assert.Equal("", Output);
    }
}

/// <summary>A CSV file in a temporary folder, deleted afterwards.</summary>
public sealed class TempCsv : IDisposable
{
    public TempCsv(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"crm-{Guid.NewGuid():N}.csv");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
