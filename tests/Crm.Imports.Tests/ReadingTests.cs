using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Tests;

public sealed class ReadingTests
{
    private static Sheet Open(byte[] bytes, ImportFormat format, string? sheet = null, ImportLimits? limits = null) =>
        ImportFile.Open(new MemoryStream(bytes), format, sheet, limits).Match(s => s, p => throw new Xunit.Sdk.XunitException($"{p.Code}: {p.Message}"));

    private static FileProblem Refused(Stream input, ImportFormat format, string? sheet = null, ImportLimits? limits = null) =>
        ImportFile.Open(input, format, sheet, limits).Match(s =>
        {
            using (s)
            {
                _ = s.ReadRows().Count();
                return s.Failure ?? throw new Xunit.Sdk.XunitException("expected a refusal, the file was read");
            }
        }, p => p);

    internal static byte[] Xlsx(IReadOnlyList<string> headers, params string?[][] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Xlsx, [.. headers.Select(h => new SheetColumn(h))], rows);
        return output.ToArray();
    }

    [Theory]
    [InlineData("CPF;Nome\r\n123;José da Silva\r\n", "utf-8-bom")]
    [InlineData("CPF;Nome\r\n123;José da Silva\r\n", "utf-8")]
    [InlineData("CPF;Nome\r\n123;José da Silva\r\n", "windows-1252")]
    [InlineData("CPF,Nome\n123,José da Silva\n", "utf-8")]
    [InlineData("CPF\tNome\n123\tJosé da Silva", "utf-8")]
    public void Csv_encodings_and_separators_read_to_the_same_cells(string text, string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
            "windows-1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
        using var sheet = Open(bytes, ImportFormat.Csv);
        Assert.Equal(["CPF", "Nome"], sheet.Headers);
        var row = Assert.Single(sheet.ReadRows());
        Assert.Equal(2, row.Number);
        Assert.Equal("José da Silva", row[1]);
        Assert.Null(sheet.Failure);
    }

    [Fact]
    public void Xlsx_written_reads_back_cell_by_cell_including_a_32k_cell()
    {
        var big = new string('x', 32_000);
        using var sheet = Open(Xlsx(["A", "B", "C"], ["1", null, "três"], [big, "  spaced  ", ""]), ImportFormat.Xlsx);
        Assert.Equal(["A", "B", "C"], sheet.Headers);
        var rows = sheet.ReadRows().ToList();
        Assert.Equal([2, 3], rows.Select(r => r.Number));
        Assert.Equal("1", rows[0][0]);
        Assert.Null(rows[0][1]);
        Assert.Equal("três", rows[0][2]);
        Assert.Equal(big, rows[1][0]);
        Assert.Equal("spaced", rows[1][1]);
    }

    [Fact]
    public void Xlsx_formula_gives_its_value_shared_strings_dates_as_numbers_and_merged_cells_are_read()
    {
        var bytes = HandMadeXlsx(
            """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Código</t></si><si><r><t>Ri</t></r><r><t>ch</t></r></si></sst>""",
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Data</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>45292</v></c><c r="D2"><f>1+1</f><v>2</v></c><c r="E2" t="b"><v>1</v></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells></worksheet>
            """);
        using var sheet = Open(bytes, ImportFormat.Xlsx);
        Assert.Equal(["Código", "Data"], sheet.Headers);
        var row = Assert.Single(sheet.ReadRows());
        Assert.Equal("Rich", row[0]);
        Assert.Equal("45292", row[1]);
        Assert.Null(row[2]);
        Assert.Equal("2", row[3]);
        Assert.Equal("TRUE", row[4]);
    }

    /// <summary>A minimal workbook written by hand: what other tools (not our writer) produce.</summary>
    internal static byte[] HandMadeXlsx(string? sharedStrings, string sheetXml)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Clientes" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
                (sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""") + "</Relationships>");
            Add("xl/worksheets/sheet1.xml", sheetXml);
            if (sharedStrings is not null) Add("xl/sharedStrings.xml", sharedStrings);
        }
        return output.ToArray();
    }

    [Fact]
    public void A_missing_sheet_is_named_with_the_sheets_there_are()
    {
        var problem = Refused(new MemoryStream(Xlsx(["A"], ["1"])), ImportFormat.Xlsx, "Clientes");
        Assert.Equal(FileCodes.SheetMissing, problem.Code);
        Assert.Contains("Data", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_zip_and_truncated_xlsx_are_refused_not_thrown()
    {
        Assert.Equal(FileCodes.NotXlsx, Refused(new MemoryStream(Encoding.UTF8.GetBytes("CPF;Nome\n1;2")), ImportFormat.Xlsx).Code);
        var whole = Xlsx(["A"], ["1"]);
        for (var cut = 1; cut < whole.Length; cut += 97)
        {
            var problem = Refused(new MemoryStream(whole[..cut]), ImportFormat.Xlsx);
            Assert.StartsWith("import.file.", problem.Code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_cell_over_the_limit_is_refused_in_csv_and_xlsx()
    {
        var limits = new ImportLimits { MaxCellChars = 1000 };
        var csv = Encoding.UTF8.GetBytes("A;B\n1;" + new string('y', 5000) + "\n");
        Assert.Equal(FileCodes.CellTooLong, Refused(new MemoryStream(csv), ImportFormat.Csv, limits: limits).Code);
        Assert.Equal(FileCodes.CellTooLong, Refused(new MemoryStream(Xlsx(["A"], [new string('y', 5000)])), ImportFormat.Xlsx, limits: limits).Code);
    }

    [Fact]
    public void A_50_MB_cell_is_refused_within_bounded_memory()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var problem = Refused(new EndlessStream("A;B\n1;\""u8.ToArray(), (byte)'z', 50L * 1024 * 1024), ImportFormat.Csv);
        Assert.Equal(FileCodes.CellTooLong, problem.Code);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 16L * 1024 * 1024, "reading the refused cell allocated more than 16 MB");
    }

    [Fact]
    public void Dev_zero_is_refused_within_bounded_time()
    {
        if (!OperatingSystem.IsLinux()) { Console.WriteLine("SKIPPED: needs /dev/zero (Linux)"); return; }
        var limits = new ImportLimits { MaxFileBytes = 8L * 1024 * 1024 };
        foreach (var format in new[] { ImportFormat.Csv, ImportFormat.Xlsx })
        {
            var clock = Stopwatch.StartNew();
            var problem = Refused(File.OpenRead("/dev/zero"), format, limits: limits);
            Assert.True(problem.Code is FileCodes.TooLarge or FileCodes.CellTooLong, problem.Code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task A_fifo_that_never_ends_is_refused()
    {
        if (!OperatingSystem.IsLinux()) { Console.WriteLine("SKIPPED: needs mkfifo (Linux)"); return; }
        var fifo = Path.Combine(Path.GetTempPath(), "crm-import-" + Guid.NewGuid().ToString("N"));
        using (var mk = Process.Start("mkfifo", fifo)) await mk.WaitForExitAsync();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            try
            {
                using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                var line = "1;2;3\n"u8.ToArray();
                w.Write("A;B;C\n"u8);
                while (!stop.IsCancellationRequested) w.Write(line);
            }
            catch (IOException) { } // the reader closed its end
        });
        try
        {
            var problem = Refused(new FileStream(fifo, FileMode.Open, FileAccess.Read), ImportFormat.Csv, limits: new ImportLimits { MaxFileBytes = 4L * 1024 * 1024 });
            Assert.Equal(FileCodes.TooLarge, problem.Code);
        }
        finally
        {
            await stop.CancelAsync();
            await writer.WaitAsync(TimeSpan.FromSeconds(10));
            File.Delete(fifo);
        }
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        Assert.Equal(FileCodes.Empty, Refused(new MemoryStream([]), ImportFormat.Csv).Code);
    }
}

/// <summary>A prefix then one byte repeated up to <c>length</c> bytes (or forever): big inputs without big memory.</summary>
internal sealed class EndlessStream(byte[] prefix, byte fill, long length = long.MaxValue) : ReadOnlyStream
{
    private long _position;

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[i] = _position < prefix.Length ? prefix[_position] : fill;
        return n;
    }
}
