using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;

namespace Crm.Cli.Tests;

/// <summary><c>crm matrix list</c> and <c>crm import matrix</c> on the demo's database: the matrices the demo saved, and a sheet imported as a whole matrix.</summary>
public sealed class MatrixCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-matrix-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public void The_demo_s_matrices_are_listed_and_a_sheet_imports_once_a_dry_run_and_a_bad_sheet_writing_nothing()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var icms = CliRun.Of("matrix", "list", "icms", "--db", Db);
        Assert.Equal(0, icms.Exit);
        Assert.Contains(icms.OutputLines, l => l.Contains("versão 1, 2 regra(s)", StringComparison.Ordinal));
        Assert.Contains(icms.OutputLines, l => l.Contains("icms-sp", StringComparison.Ordinal) && l.Contains("uf_origem=SP", StringComparison.Ordinal));

        var file = Sheet("ipi.csv", new MatrixRule<IpiRule>("ipi-nt", MatrixKey.Any, new IpiRule("53")),
            new MatrixRule<IpiRule>("ipi-0901", new MatrixKey { NcmPrefix = "0901" }, new IpiRule("50", 5m)));
        var dryRun = CliRun.Of("import", "matrix", "ipi", file, "--db", Db, "--dry-run");
        var afterDryRun = CliRun.Of("matrix", "list", "ipi", "--db", Db);
        var imported = CliRun.Of("import", "matrix", "ipi", file, "--db", Db);
        var bad = Sheet("ruim.csv", new MatrixRule<IpiRule>("ipi-0901", new MatrixKey { NcmPrefix = "0901" }, new IpiRule("00", 5m)));
        var refused = CliRun.Of("import", "matrix", "ipi", bad, "--db", Db);
        var after = CliRun.Of("matrix", "list", "ipi", "--db", Db);
        var unknown = CliRun.Of("matrix", "list", "iss", "--db", Db);

        Assert.Equal((0, 0, 1), (dryRun.Exit, imported.Exit, refused.Exit));
        Assert.Contains("simulação", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains(afterDryRun.OutputLines, l => l.Contains("versão 1, 1 regra(s)", StringComparison.Ordinal));
        Assert.Contains(refused.OutputLines, l => l.Contains("Linha 2, CST: matrix.payload.code", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "ruim.erros.csv")));
        Assert.Contains(after.OutputLines, l => l.Contains("versão 2, 2 regra(s)", StringComparison.Ordinal));
        Assert.Contains(after.OutputLines, l => l.Contains("ipi-0901", StringComparison.Ordinal) && l.Contains("Rate = 5", StringComparison.Ordinal));
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("matrix.unknown", OneLine(unknown.Error), StringComparison.Ordinal);
    }

    private static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private string Sheet(string name, params MatrixRule<IpiRule>[] rules)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var output = File.Create(path);
        MatrixSheets.Ipi.Write(output, ImportFormat.Csv, rules);
        return path;
    }
}
