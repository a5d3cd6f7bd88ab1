using System.Text;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Tests;

/// <summary>Thousands of damaged files (seeded, so a failure reproduces): reading and mapping never throw, and every refusal is named.</summary>
public sealed class FuzzTests
{
    [Theory]
    [InlineData(ImportFormat.Xlsx, 1)]
    [InlineData(ImportFormat.Csv, 2)]
    public void Malformed_files_never_crash_and_every_problem_is_named(ImportFormat format, int seed)
    {
        var random = new Random(seed);
        var good = new MemoryStream();
        CustomerExport.Write(good, format, Enumerable.Range(0, 20).Select(i =>
            CustomerSheet.For([.. CustomerColumns.All.Select(c => c.Header)]).AsT0.Map(new SheetRow(2, [.. CustomerColumns.Example])).AsT0 with { Key = new CustomerKey("C" + i, "X") }));
        var original = good.ToArray();
        var limits = new ImportLimits { MaxCellChars = 2000, MaxColumns = 64, MaxRows = 100 };
        for (var i = 0; i < 1500; i++)
        {
            var bytes = Mutate(original, random, format);
            var opened = ImportFile.Open(new MemoryStream(bytes), random.Next(10) == 0 ? ImportFormat.Csv : format,
                random.Next(20) == 0 ? "Outra" : null, limits);
            if (opened.TryPickT1(out var refused, out var sheet))
            {
                Assert.StartsWith("import.file.", refused.Code, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(refused.Message));
                continue;
            }
            using (sheet)
            {
                var mapper = CustomerSheet.For(sheet.Headers);
                foreach (var row in sheet.ReadRows())
                    if (mapper.TryPickT0(out var customers, out _) && customers.Map(row).TryPickT1(out var problems, out _))
                        Assert.All(problems, p => Assert.StartsWith("import.", p.Code, StringComparison.Ordinal));
                if (sheet.Failure is { } failure) Assert.StartsWith("import.file.", failure.Code, StringComparison.Ordinal);
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random, ImportFormat format)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(6))
        {
            case 0: return bytes[..random.Next(bytes.Length)]; // truncated
            case 1: // flipped bytes
                for (var k = random.Next(1, 20); k > 0; k--) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                return bytes;
            case 2: // random garbage
                var garbage = new byte[random.Next(0, 4096)];
                random.NextBytes(garbage);
                return garbage;
            case 3: // Windows-1252 text, semicolons and stray quotes in a CSV
                return format == ImportFormat.Csv
                    ? [.. CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Encoding.UTF8.GetString(bytes).Replace(';', random.Next(2) == 0 ? ',' : ';').Insert(random.Next(bytes.Length / 2), "\"ção"))]
                    : bytes;
            case 4: // a long cell
                return [.. bytes, .. Encoding.UTF8.GetBytes("\r\n" + new string('9', random.Next(1000, 5000)))];
            default: // a BOM in front, or twice
                return [.. Encoding.UTF8.Preamble, .. bytes];
        }
    }

    private static readonly string?[] Nasty =
    [
        null, "", " ", "x", "-1", "0", "100", "100,5", "1.234,56", "1e400", "1E-05", "99999999999999999999999999999999", "NaN",
        "01/13/2026", "31/12/2026", "46000", "-5", "SP", "sp", "XX", "S", "N", "talvez", "MVA", "PAUTA", "00", "999", "2203", "22.03",
        "123456789", "03.021.00", "=SUM(A1:A9)", "R1", "R2", new string('9', 300), "\u0000", "\"", ";",
    ];

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Garbage_in_every_matrix_sheet_never_crashes_and_every_problem_has_a_row_and_a_code(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 600; i++)
        {
            var matrix = Matrices.MatrixSheets.All[random.Next(Matrices.MatrixSheets.All.Count)];
            var headers = matrix.Columns.Select(c => c.Header).Where(_ => random.Next(8) > 0).Append(Matrices.MatrixColumns.Id).Distinct().ToList();
            var rows = Enumerable.Range(2, random.Next(1, 6))
                .Select(n => new SheetRow(n, [.. headers.Select(_ => Nasty[random.Next(Nasty.Length)])])).ToList();
            var problems = matrix.Check(headers, rows);
            Assert.All(problems, p =>
            {
                Assert.Contains(p.Row, rows.Select(r => r.Number));
                Assert.Matches("^(import|matrix)\\.", p.Code);
                Assert.False(string.IsNullOrWhiteSpace(p.Message));
            });
        }
    }
}
