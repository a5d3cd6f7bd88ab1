using BenchmarkDotNet.Attributes;
using Crm.Imports.Customers;
using Crm.Imports.Reading;

namespace Crm.Benchmarks.Imports;

/// <summary>
/// Reading and mapping a customer file (no database): rows per second at 10⁴ and 10⁵ rows for xlsx and CSV, and at 10⁶ CSV
/// rows the managed heap's peak while reading, printed as "// peak heap" (flat: it does not grow with the row count).
/// </summary>
[MemoryDiagnoser]
public class CustomerImportBenchmarks
{
    private string _path = null!;

    /// <summary>Data rows in the file.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Rows { get; set; }

    /// <summary>File format.</summary>
    [Params(ImportFormat.Csv, ImportFormat.Xlsx)]
    public ImportFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"crm-bench-customers-{Rows}.{Format.ToString().ToLowerInvariant()}");
        var template = CustomerSheet.For([.. CustomerColumns.All.Select(c => c.Header)]).AsT0.Map(new SheetRow(2, [.. CustomerColumns.Example])).AsT0;
        using var file = File.Create(_path);
        CustomerExport.Write(file, Format, Enumerable.Range(0, Rows).Select(i => template with { Key = new CustomerKey("C" + i, "DATASUL") }));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int ParseAndMap()
    {
        var limits = new ImportLimits { MaxFileBytes = 2L * 1024 * 1024 * 1024 };
        using var sheet = ImportFile.Open(File.OpenRead(_path), Format, limits: limits).AsT0;
        var mapper = CustomerSheet.For(sheet.Headers).AsT0;
        var valid = 0;
        long peak = 0;
        foreach (var row in sheet.ReadRows())
        {
            if (mapper.Map(row).IsT0) valid++;
            if (row.Number % 50_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
        }
        Console.WriteLine($"// peak heap at {Rows:N0} {Format} rows: {peak / 1024.0 / 1024.0:F1} MB");
        return valid;
    }
}
