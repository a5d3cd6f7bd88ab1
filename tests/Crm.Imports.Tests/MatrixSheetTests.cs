using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Crm.Imports.Tests;

public sealed class MatrixSheetTests
{
    /// <summary>A sheet of <paramref name="rows"/> given as header → cell, under every column of <paramref name="sheet"/> plus any extra header used.</summary>
    internal static (IReadOnlyList<string> Headers, List<SheetRow> Rows) Rows(IMatrixSheet sheet, params Dictionary<string, string?>[] rows)
    {
        var headers = sheet.Columns.Select(c => c.Header).Concat(rows.SelectMany(r => r.Keys)).Distinct().ToList();
        return (headers, [.. rows.Select((r, i) => new SheetRow(i + 2, [.. headers.Select(h => r.GetValueOrDefault(h))]))]);
    }

    private static OneOf.OneOf<Matrix<T>, IReadOnlyList<ImportProblem>> Import<T>(MatrixSheet<T> sheet, params Dictionary<string, string?>[] rows)
        where T : IMatrixPayload<T>
    {
        var (headers, list) = Rows(sheet, rows);
        return sheet.Import(headers, list);
    }

    private static Dictionary<string, string?> IcmsRow(string id, params (string Column, string? Value)[] cells)
    {
        var row = new Dictionary<string, string?> { [MatrixColumns.Id] = id, ["CST/CSOSN"] = "00", ["Alíquota"] = "18" };
        foreach (var (column, value) in cells) row[column] = value;
        return row;
    }

    private static Dictionary<string, string?> Cells(params (string Column, string? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);

    public static TheoryData<string> Names => [.. MatrixSheets.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_template_is_a_real_xlsx_whose_example_imports_without_problems_and_offers_its_lists(string name)
    {
        var sheet = MatrixSheets.Named(name)!;
        var output = new MemoryStream();
        sheet.WriteTemplate(output);

        using (var opened = ImportFile.Open(new MemoryStream(output.ToArray()), ImportFormat.Xlsx, sheet.Title).AsT0)
        {
            Assert.Equal(sheet.Columns.Select(c => c.Header), opened.Headers);
            Assert.Empty(sheet.Check(opened.Headers, opened.ReadRows().ToList()));
        }
        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var lists = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DataValidation>().ToList();
        Assert.Equal(sheet.Columns.Count(c => c.AllowedValues.Count > 0), lists.Count);
        Assert.All(lists, l => Assert.True(l.Formula1!.Text.Length <= 257, "Excel limits a literal list to 255 characters"));
    }

    [Fact]
    public void Every_domain_matrix_has_a_sheet_whose_columns_are_its_accepted_dimensions_then_its_payload()
    {
        Assert.Equal(15, MatrixSheets.All.Select(s => s.Name).Distinct().Count());
        var icms = MatrixSheets.Icms.Columns.Select(c => c.Header).ToList();
        Assert.DoesNotContain(MatrixColumns.Header(Crm.Domain.Matrices.Dimension.Role), icms);
        Assert.Contains(MatrixColumns.Header(Crm.Domain.Matrices.Dimension.Role), MatrixSheets.Approval.Columns.Select(c => c.Header));
        Assert.Equal([MatrixColumns.Id, "Cliente", "Produto", "CEST", "NCM"], icms.Take(5));
        Assert.Equal(["CST/CSOSN", "Alíquota", "Redução de base", "Alíquota FCP"], icms.TakeLast(4));
    }

    [Fact]
    public void Blank_dimensions_are_wildcards_decimals_are_pt_BR_and_dates_are_text_or_serials()
    {
        var matrix = Import(MatrixSheets.Icms,
            IcmsRow("GERAL", ("Alíquota", "17,5"), ("Redução de base", "0"), (MatrixColumns.ValidFrom, "01/01/2026"), (MatrixColumns.ValidTo, "46387")),
            IcmsRow("SP-BA", ("UF de origem", "sp"), ("UF de destino", "BA"), ("Alíquota", "7"), (MatrixColumns.ValidFrom, "2026-01-01")),
            IcmsRow("NCM", ("NCM", "8471.30"), ("Alíquota", "12"), ("CST/CSOSN", "20"), ("Redução de base", "33,33"), (MatrixColumns.MaxQuantity, "1.234,5"))).AsT0;

        var general = matrix.Rules[0];
        Assert.Equal(17.5m, general.Payload.Rate);
        Assert.Equal(new Validity(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), general.Key.Validity);
        Assert.Equal(MatrixKey.Any with { Validity = general.Key.Validity }, general.Key);
        Assert.Equal((Uf.SP, Uf.BA), (matrix.Rules[1].Key.OriginUf, matrix.Rules[1].Key.DestinationUf));
        Assert.Equal(new IcmsRule("20", 12m, 33.33m), matrix.Rules[2].Payload);
        Assert.Equal(new QuantityRange(null, 1234.5m), matrix.Rules[2].Key.Quantity);

        var anyCustomer = new MatrixContext { Date = new LocalDate(2026, 6, 1), Customer = "C9", OriginUf = Uf.RJ, DestinationUf = Uf.MG };
        Assert.Equal("GERAL", matrix.Find(anyCustomer)?.Id);
        Assert.Equal("SP-BA", matrix.Find(anyCustomer with { OriginUf = Uf.SP, DestinationUf = Uf.BA })?.Id);
    }

    [Fact]
    public void A_blank_payload_cell_takes_the_domains_default_or_is_required()
    {
        var rule = Import(MatrixSheets.Icms, IcmsRow("R", ("Alíquota", null))).AsT0.Rules[0];
        Assert.Equal(new IcmsRule("00"), rule.Payload); // no rate: the interstate law's
        var problem = Assert.Single(Import(MatrixSheets.IcmsSt, Cells((MatrixColumns.Id, "ST"))).AsT1);
        Assert.Equal(new ImportProblem(2, "Alíquota ST", ImportCodes.Required, "'Alíquota ST' is required."), problem);
        var ipi = Import(MatrixSheets.Ipi, Cells((MatrixColumns.Id, "I"), ("CST", "50"))).AsT0.Rules[0].Payload;
        Assert.Equal(new IpiRule("50", 0m, null, "999", FreightInBase: true), ipi);
    }

    public static TheoryData<string, string?, string> BadCells => new()
    {
        { "Alíquota", "dezoito", ImportCodes.Malformed },
        { "UF de destino", "XX", ImportCodes.NotAllowed },
        { "UF de origem", "1", ImportCodes.NotAllowed },
        { "Origem do produto", "9", ImportCodes.NotAllowed },
        { "CEST", "12345", ImportCodes.NotAllowed },
        { MatrixColumns.ValidFrom, "31/02/2026", ImportCodes.Malformed },
        { MatrixColumns.MinQuantity, "dez", ImportCodes.Malformed },
        { "Alíquota FCP", "2%", ImportCodes.Malformed },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void Each_cell_that_is_not_a_value_of_its_column_is_named(string column, string? value, string code)
    {
        var problem = Assert.Single(Import(MatrixSheets.Icms, IcmsRow("R1"), IcmsRow("R2", (column, value))).AsT1);
        Assert.Equal((3, column, code), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void A_row_with_a_refused_cell_still_has_its_other_rules_checked_without_a_second_problem_on_that_cell()
    {
        var problems = Import(MatrixSheets.IcmsSt,
            Cells((MatrixColumns.Id, "ST"), ("UF de destino", "XX"), ("Alíquota ST", "150"), ("Base ST", "PAUTA"), ("Pauta", "dez"))).AsT1;
        Assert.Equal(
            [("UF de destino", ImportCodes.NotAllowed), ("Pauta", ImportCodes.Malformed), ("Alíquota ST", MatrixCodes.PayloadRange)],
            problems.Select(p => (p.Column, p.Code)));
        var repeated = Import(MatrixSheets.Icms, IcmsRow("R1", ("Alíquota", "x")), IcmsRow("R1"));
        Assert.Equal([(2, ImportCodes.Malformed), (3, MatrixCodes.IdDuplicate)], repeated.AsT1.Select(p => (p.Row, p.Code)));
    }

    [Theory]
    [InlineData("Base ST", "OUTRA", ImportCodes.NotAllowed)]
    [InlineData("Ajusta MVA interestadual", "talvez", ImportCodes.NotAllowed)]
    [InlineData("MVA", "1e", ImportCodes.Malformed)]
    public void Code_and_flag_columns_accept_only_their_values(string column, string value, string code)
    {
        var problem = Assert.Single(Import(MatrixSheets.IcmsSt, Cells((MatrixColumns.Id, "ST"), ("Alíquota ST", "18"), (column, value))).AsT1);
        Assert.Equal((2, column, code), (problem.Row, problem.Column, problem.Code));
        var lowerCase = Import(MatrixSheets.IcmsSt, Cells((MatrixColumns.Id, "ST"), ("Alíquota ST", "18"), ("Base ST", "pauta"), ("Pauta", "2,5"), ("Ajusta MVA interestadual", "sim")));
        Assert.Equal(new IcmsStRule(18m, Base: StBase.Pauta, AdjustMvaForInterstate: true, Pauta: 2.5m), lowerCase.AsT0.Rules[0].Payload);
    }

    public static TheoryData<string, string, string, string?> BuildErrors => new()
    {
        { "NCM", "84A1", MatrixCodes.NcmPrefix, "NCM" },
        { MatrixColumns.ValidTo, "01/01/2020", MatrixCodes.ValidityReversed, MatrixColumns.ValidTo },
        { MatrixColumns.MaxQuantity, "0", MatrixCodes.QuantityRange, MatrixColumns.MaxQuantity },
        { MatrixColumns.MinQuantity, "-1", MatrixCodes.QuantityRange, MatrixColumns.MinQuantity },
        { "Alíquota", "101", MatrixCodes.PayloadRange, "Alíquota" },
        { "CST/CSOSN", "99", MatrixCodes.PayloadCode, "CST/CSOSN" },
        { "Redução de base", "10", MatrixCodes.PayloadCode, "Redução de base" },
        { "Papel", "GERENTE", MatrixCodes.DimensionNotAllowed, "Papel" },
    };

    [Theory]
    [MemberData(nameof(BuildErrors))]
    public void Matrix_Build_configuration_errors_come_back_on_their_row_and_column(string column, string value, string code, string? expectedColumn)
    {
        var problems = Import(MatrixSheets.Icms, IcmsRow("OK"), IcmsRow("BAD", (MatrixColumns.ValidFrom, "01/01/2021"), (column, value))).AsT1;
        var problem = Assert.Single(problems);
        Assert.Equal((3, expectedColumn, code), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Overlapping_rules_are_named_on_the_later_row_and_a_missing_pauta_on_its_column()
    {
        var overlap = Assert.Single(Import(MatrixSheets.Icms, IcmsRow("A", ("UF de destino", "BA")), IcmsRow("B"), IcmsRow("C", ("UF de destino", "BA"))).AsT1);
        Assert.Equal((4, null, MatrixCodes.Overlap), (overlap.Row, overlap.Column, overlap.Code));
        Assert.Contains("A e C", overlap.Message, StringComparison.Ordinal);

        var pauta = Assert.Single(Import(MatrixSheets.IcmsSt, Cells((MatrixColumns.Id, "ST"), ("Alíquota ST", "18"), ("Base ST", "PAUTA"))).AsT1);
        Assert.Equal((2, "Pauta", MatrixCodes.PayloadMissing), (pauta.Row, pauta.Column, pauta.Code));
        var scenario = Assert.Single(Import(MatrixSheets.Negotiation, Cells((MatrixColumns.Id, "N"), ("Tabela de preço", "T1"))).AsT1);
        Assert.Equal(("Cenário", MatrixCodes.PayloadMissing), (scenario.Column, scenario.Code));
    }

    [Fact]
    public void A_blank_or_repeated_id_is_named_with_the_domains_code_and_the_rows_other_problems()
    {
        var problems = Import(MatrixSheets.Icms, IcmsRow("R1"), IcmsRow(" "), IcmsRow("R1", ("NCM", "123456789"))).AsT1;
        Assert.Equal(
            [(3, MatrixColumns.Id, MatrixCodes.IdEmpty), (4, MatrixColumns.Id, MatrixCodes.IdDuplicate), (4, "NCM", MatrixCodes.NcmPrefix)],
            problems.Select(p => (p.Row, p.Column, p.Code)));
        Assert.Contains("linha 2", problems[1].Message, StringComparison.Ordinal);

        var longest = new string('x', MatrixColumns.IdLength);
        Assert.True(Import(MatrixSheets.Icms, IcmsRow(longest)).IsT0);
        var tooLong = Assert.Single(Import(MatrixSheets.Icms, IcmsRow(longest + "x")).AsT1);
        Assert.Equal((2, MatrixColumns.Id, ImportCodes.TooLong), (tooLong.Row, tooLong.Column, tooLong.Code));
    }

    [Fact]
    public void The_id_column_is_required_in_the_header_and_unknown_headers_are_ignored()
    {
        var problem = Assert.Single(MatrixSheets.Commission.Import(["Comissão", "Observação"], []).AsT1);
        Assert.Equal((1, MatrixColumns.Id, ImportCodes.ColumnMissing), (problem.Row, problem.Column, problem.Code));
        Assert.Equal(new CommissionRule(2.5m),
            MatrixSheets.Commission.Import(["regra", "COMISSAO", "Observação"], [new SheetRow(2, ["C1", "2,5", "qualquer"])]).AsT0.Rules[0].Payload);
    }

    [Fact]
    public void A_companys_icms_st_table_arrives_as_a_spreadsheet_and_resolves_its_lines()
    {
        string[] headers = [MatrixColumns.Id, "NCM", "CEST", "UF de origem", "UF de destino", MatrixColumns.ValidFrom, "Alíquota ST", "MVA", "Ajusta MVA interestadual", "Alíquota FCP-ST"];
        var bytes = ReadingTests.Xlsx(headers,
            ["ST-2203-SP", "2203", "03.021.00", "SP", "SP", "45658", "18", "70", "N", null],
            ["ST-2203-MG", "2203.00.00", "0302100", "SP", "MG", "01/01/2025", "18", "70", "S", "2"],
            ["ST-8708-RJ", "8708", null, null, "RJ", "2025-01-01", "20", "71,78", "sim", "2"]);
        using var sheet = ImportFile.Open(new MemoryStream(bytes), ImportFormat.Xlsx).AsT0;
        var matrix = MatrixSheets.IcmsSt.Import(sheet.Headers, sheet.ReadRows()).AsT0;

        var beerToMg = new MatrixContext
        {
            Date = new LocalDate(2025, 3, 1), Ncm = Ncm.Parse("22030000").AsT0, Cest = Cest.Parse("0302100").AsT0, OriginUf = Uf.SP, DestinationUf = Uf.MG,
        };
        Assert.Equal(new IcmsStRule(18m, 70m, AdjustMvaForInterstate: true, FcpStRate: 2m), matrix.Find(beerToMg)?.Payload);
        Assert.Equal("ST-8708-RJ", matrix.Find(beerToMg with { Ncm = Ncm.Parse("87089990").AsT0, Cest = null, DestinationUf = Uf.RJ })?.Id);
        Assert.Null(matrix.Find(beerToMg with { Date = new LocalDate(2024, 12, 31) }));
    }

    [Fact]
    public void Numbers_and_dates_typed_as_excel_numbers_read_as_their_values()
    {
        var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            static Cell Text(string reference, string text) => new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
            static Cell Number(string reference, string value) => new(new CellValue(value)) { CellReference = reference };
            worksheet.Worksheet = new Worksheet(new SheetData(
                new Row(Text("A1", MatrixColumns.Id), Text("B1", MatrixColumns.ValidFrom), Text("C1", "Alíquota"), Text("D1", MatrixColumns.MinQuantity), Text("E1", "CST/CSOSN")) { RowIndex = 1 },
                new Row(Text("A2", "R1"), Number("B2", "45658"), Number("C2", "17.499999999999996"), Number("D2", "1.0000000000000001E-5"), Text("E2", "00")) { RowIndex = 2 }));
            workbook.Workbook = new Workbook(new Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "ICMS" }));
        }
        using var sheet = ImportFile.Open(new MemoryStream(output.ToArray()), ImportFormat.Xlsx).AsT0;
        var rule = MatrixSheets.Icms.Import(sheet.Headers, sheet.ReadRows()).AsT0.Rules[0];
        Assert.Equal((new LocalDate(2025, 1, 1), 17.5m), (rule.Key.Validity.From, rule.Payload.Rate));
        Assert.Equal(0.00001m, rule.Key.Quantity.Min);
    }
}
