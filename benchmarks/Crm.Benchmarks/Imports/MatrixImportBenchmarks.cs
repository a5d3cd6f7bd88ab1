using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;

namespace Crm.Benchmarks.Imports;

/// <summary>
/// Importing an ICMS-ST table (a company's, by NCM prefix × destination UF, with validity): reading the CSV, mapping each row and
/// <c>Matrix.Build</c> (which checks every pair of rules sharing a key for overlaps), at 10³ and 10⁴ rules.
/// </summary>
[MemoryDiagnoser]
public class MatrixImportBenchmarks
{
    private byte[] _file = null!;

    /// <summary>Rules in the sheet.</summary>
    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ufs = Enum.GetValues<Uf>();
        var rules = Enumerable.Range(0, Rules).Select(i => new MatrixRule<IcmsStRule>($"ST-{i}",
            new MatrixKey { NcmPrefix = (10_000_000 + i / ufs.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), DestinationUf = ufs[i % ufs.Length] },
            new IcmsStRule(18m, 40.5m + i % 10, AdjustMvaForInterstate: i % 2 == 0)));
        using var output = new MemoryStream();
        MatrixSheets.IcmsSt.Write(output, ImportFormat.Csv, rules);
        _file = output.ToArray();
    }

    [Benchmark]
    public int ReadAndBuild()
    {
        using var sheet = ImportFile.Open(new MemoryStream(_file), ImportFormat.Csv).AsT0;
        return MatrixSheets.IcmsSt.Import(sheet.Headers, sheet.ReadRows()).Match(m => m.Rules.Count, p => -p.Count);
    }
}
