namespace Crm.Cli.Tests;

/// <summary><c>crm indicators</c> over the demo's database: the charts of each group, a user's own view, the PNG chart, bad input.</summary>
public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-indicators-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public void The_demo_s_indicators_are_charted_per_group_with_the_previous_period_and_written_as_a_png()
    {
        var demo = CliRun.Of("demo", "--db", Db);
        var png = Path.Combine(_folder.FullName, "faturamento.png");
        var diretora = CliRun.Of("indicators", "--db", Db, "--png", png);
        var bruno = CliRun.Of("indicators", "--db", Db, "--user", "bruno");

        Assert.Equal((0, 0, 0), (demo.Exit, diretora.Exit, bruno.Exit));
        // The demo ends with this month's summary: Ana's order is the month's revenue.
        Assert.Contains(demo.OutputLines, l => l.StartsWith("Faturamento de Ana Vendedora: R$ ", StringComparison.Ordinal));
        foreach (var title in new[] { "Cadastro", "Faturamento por representante", "Produtos mais vendidos (valor)", "Atendimento" })
            Assert.Contains(diretora.OutputLines, l => l == title);
        Assert.Contains(diretora.OutputLines, l => l.StartsWith("Ana Vendedora (atual)", StringComparison.Ordinal));
        Assert.Contains(diretora.OutputLines, l => l.StartsWith("Ana Vendedora (anterior)", StringComparison.Ordinal) && l.EndsWith("0,00", StringComparison.Ordinal));
        // Bruno sees his own portfolio only: none of Ana's sales.
        Assert.DoesNotContain(bruno.OutputLines, l => l.Contains("Ana Vendedora", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 5_000, $"a {bytes.Length}-byte PNG holds no chart");
    }

    [Fact]
    public void A_bad_date_a_reversed_period_or_an_unknown_user_is_one_clear_line()
    {
        CliRun.Of("indicators", "--db", Db, "--from", "31/12/2026").AssertUsageError("--from '31/12/2026' is not a date yyyy-MM-dd");
        CliRun.Of("indicators", "--db", Db, "--user", "ninguém").AssertUsageError("no demo user 'ninguém'");
        var reversed = CliRun.Of("indicators", "--db", Db, "--from", "2026-12-10", "--to", "2026-12-01");
        Assert.NotEqual(0, reversed.Exit);
        Assert.Contains("O fim do período é anterior ao início.", Assert.Single(reversed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_s_indicators_block_is_the_region_the_cli_runs()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Crm.Sdk.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No Crm.Sdk.sln above the tests");
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var section = Array.IndexOf(readme, "## Indicators");
        var open = Array.FindIndex(readme, section, l => l.Trim() == "```csharp");
        var close = Array.FindIndex(readme, open + 1, l => l.Trim() == "```");
        var source = File.ReadAllLines(Path.Combine(root, "samples", "Crm.Cli", "Indicators", "IndicatorsCommand.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <indicators>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </indicators>");
        Assert.True(section >= 0 && open > section && start >= 0 && end > start, "the README section or the region is missing");
        var indent = source[(start + 1)..end].Min(l => l.Length - l.TrimStart().Length);
        Assert.Equal(readme[(open + 1)..close], source[(start + 1)..end].Select(l => l[indent..]));
    }
}
