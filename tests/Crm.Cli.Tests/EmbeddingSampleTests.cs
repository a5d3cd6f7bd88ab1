using System.Diagnostics;
using System.Reflection;

namespace Crm.Cli.Tests;

/// <summary>
/// The README's embedding sample is <c>samples/Crm.Embedding</c>: this project builds it (a project reference that does not
/// reference its assembly), runs the built program in a temporary folder, and checks that the README's <c>## Embedding</c>
/// code block is exactly the region of its <c>Program.cs</c> between <c>// &lt;embedding&gt;</c> and <c>// &lt;/embedding&gt;</c>.
/// </summary>
public sealed class EmbeddingSampleTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-embedding-");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public void The_sample_registers_reads_back_refuses_a_duplicate_and_a_denied_action_at_every_run()
    {
        // Twice on the same file: the sample provisions a new tenant at each run, so its output never changes.
        for (var run = 1; run <= 2; run++)
        {
            var (exit, output, error) = RunSample();

            Assert.True(exit == 0, $"run {run}, exit {exit}: {error}");
            Assert.Equal("", error);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(11, lines.Length);
            Assert.Equal("registered: Cliente Exemplo Ltda (EXEMPLO), CNPJ 11.222.333/0001-81, version 1", lines[0]);
            Assert.StartsWith("again: duplicate: account.tax_id.duplicate", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("ana merges: denied: Accounts ", lines[2], StringComparison.Ordinal);
            Assert.Contains("Delete", lines[2], StringComparison.Ordinal);
            // Matrices: a CST ICMS does not know is refused by rule and field; a change on an old version is a conflict.
            Assert.Equal("matrix: invalid: icms[icms-ba].cst matrix.payload.code", lines[3]);
            Assert.Equal("stale: conflict", lines[4]);
            // Catalog and orders: three coffees are not a multiple of two; four are released (no ERP in the sample).
            Assert.StartsWith("items: item 1 (CAFE): items[1].quantity: order.item.not_multiple", lines[5], StringComparison.Ordinal);
            Assert.Equal("order: Released, total 75.60, ERP: NotIntegrated", lines[6]);
            Assert.Equal("proposal: True", lines[7]);
            // Jobs: no ERP to pull from; the one account's situation recomputed; nothing sent, so nothing to delete.
            Assert.Equal("jobs: 0 standing(s) pulled, 1 account(s) recomputed, 0 sent message(s) deleted", lines[8]);
            // Service: the occurrence's life in its history (opening, answer, closing); the account's timeline.
            Assert.Equal("occurrence: Closed, breached: False, 11 history entries", lines[9]);
            Assert.Equal("timeline: Registration, AppointmentScheduled, FollowUp, OccurrenceOpened, OccurrenceAnswered, OccurrenceClosed, Order", lines[10]);
            Assert.True(File.Exists(Path.Combine(_folder.FullName, "crm.db")), "the sample's database is not where the README says");
        }
    }

    [Theory]
    [InlineData("embedding", "## Embedding")]
    [InlineData("matrices", "## Tax and commercial matrices")]
    [InlineData("orders", "## Catalog and orders")]
    [InlineData("jobs", "## Scheduled jobs and the ERP inbound")]
    [InlineData("service", "## Customer service and activities")]
    public void The_readme_shows_the_sample_code_exactly(string region, string section) =>
        Assert.Equal(SampleRegion(region), ReadmeBlock(section));

    [Theory]
    [InlineData("embedding")]
    [InlineData("matrices")]
    [InlineData("orders")]
    [InlineData("jobs")]
    [InlineData("service")]
    public void The_region_markers_are_there_once_each(string region)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "samples", "Crm.Embedding", "Program.cs"));
        Assert.Single(lines, l => l.Trim() == $"// <{region}>");
        Assert.Single(lines, l => l.Trim() == $"// </{region}>");
    }

    private static string[] SampleRegion(string region)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "samples", "Crm.Embedding", "Program.cs"));
        var start = Array.FindIndex(lines, l => l.Trim() == $"// <{region}>");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// </{region}>");
        Assert.True(start >= 0 && end > start, $"Program.cs has no // <{region}> … // </{region}> region");
        return Normalized(lines[(start + 1)..end]);
    }

    /// <summary>The first <c>csharp</c> code block of the README's <paramref name="heading"/> section.</summary>
    private static string[] ReadmeBlock(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var section = Array.IndexOf(lines, heading);
        Assert.True(section >= 0, $"README.md has no '{heading}' section");
        var open = Array.FindIndex(lines, section, l => l.Trim() == "```csharp");
        var next = Array.FindIndex(lines, section + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        Assert.True(open > section && (next < 0 || open < next), $"the '{heading}' section has no ```csharp block");
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        return Normalized(lines[(open + 1)..close]);
    }

    /// <summary>The lines without trailing spaces and without the indentation they all share.</summary>
    private static string[] Normalized(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. lines.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()).TrimEnd())];
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Crm.Sdk.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Crm.Sdk.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs the sample built with the same configuration as this test project, in the test's temporary folder.</summary>
    private (int Exit, string Output, string Error) RunSample()
    {
        var configuration = typeof(EmbeddingSampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(Root, "samples", "Crm.Embedding", "bin", configuration, "net10.0", "Crm.Embedding.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the sample did not finish within 120 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
