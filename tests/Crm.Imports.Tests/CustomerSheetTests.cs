using Crm.Domain.Accounts.Registration;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Tests;

public sealed class CustomerSheetTests
{
    private static readonly IReadOnlyList<string> Headers = [.. CustomerColumns.All.Select(c => c.Header)];

    private static string?[] Example() => [.. CustomerColumns.Example];

    private static OneOf.OneOf<CustomerRow, IReadOnlyList<ImportProblem>> Map(string?[] cells, CustomerSheet? sheet = null) =>
        (sheet ?? CustomerSheet.For(Headers).AsT0).Map(new SheetRow(2, cells));

    private static string?[] With(string column, string? value)
    {
        var cells = Example();
        cells[Headers.ToList().IndexOf(column)] = value;
        return cells;
    }

    [Fact]
    public void The_example_row_maps_to_a_juridica_form_with_its_sections()
    {
        var row = Map(Example()).AsT0;
        Assert.Equal(new CustomerKey("C-1001", "DATASUL"), row.Key);
        Assert.Equal(PersonKind.Juridica, row.Form.Kind);
        Assert.Equal("11.222.333/0001-81", row.Form.TaxId);
        Assert.Equal("São Paulo", Assert.Single(row.Form.Addresses).City);
        Assert.Equal("Maria Souza", Assert.Single(row.Form.ResponsiblePeople).Name);
        Assert.Equal(new SalesTableBinding("TAB01", "1", "ARM01"), row.SalesTable);
        Assert.Equal("TAB01", row.Form.PriceTable);
    }

    public static TheoryData<string> RequiredColumns => [.. CustomerColumns.Required];

    [Theory]
    [MemberData(nameof(RequiredColumns))]
    public void Each_required_cell_missing_in_turn_is_named(string column)
    {
        var problem = Assert.Single(Map(With(column, "  ")).AsT1);
        Assert.Equal(new ImportProblem(2, column, ImportCodes.Required, $"'{column}' is required."), problem);
    }

    [Theory]
    [MemberData(nameof(RequiredColumns))]
    public void Each_required_column_missing_from_the_header_is_named(string column)
    {
        var problem = Assert.Single(CustomerSheet.For([.. Headers.Where(h => h != column)]).AsT1);
        Assert.Equal((1, column, ImportCodes.ColumnMissing), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Headers_match_ignoring_case_accents_and_spaces_and_duplicates_are_named()
    {
        Assert.True(CustomerSheet.For([" cpf/cnpj ", "CODIGO EXTERNO", "origem", "ESTRANGEIRO", "tipo de cliente"]).IsT0);
        var problem = Assert.Single(CustomerSheet.For([.. Headers, "Origem"]).AsT1);
        Assert.Equal(ImportCodes.ColumnDuplicated, problem.Code);
    }

    [Theory]
    [InlineData("529.982.247-25", "N", PersonKind.Fisica)]
    [InlineData("11222333000181", "N", PersonKind.Juridica)]
    [InlineData("P1234567", "S", PersonKind.Estrangeiro)]
    public void The_person_section_follows_the_document_and_the_foreigner_flag(string document, string foreigner, PersonKind kind)
    {
        var cells = With(CustomerColumns.TaxId, document);
        cells[Headers.ToList().IndexOf(CustomerColumns.Foreigner)] = foreigner;
        var form = Map(cells).AsT0.Form;
        Assert.Equal(kind, form.Kind);
        Assert.Equal(document, kind == PersonKind.Estrangeiro ? form.ForeignId : form.TaxId);
    }

    [Theory]
    [InlineData(CustomerColumns.TaxId, "123", ImportCodes.TaxIdShape)]
    [InlineData(CustomerColumns.Foreigner, "talvez", ImportCodes.NotAllowed)]
    [InlineData(CustomerColumns.Uf, "XX", ImportCodes.NotAllowed)]
    [InlineData(CustomerColumns.Street, null, ImportCodes.SectionIncomplete)]
    [InlineData(CustomerColumns.ResponsibleName, null, ImportCodes.SectionIncomplete)]
    public void Section_rules_name_the_cell(string column, string? value, string code)
    {
        var problem = Assert.Single(Map(With(column, value)).AsT1);
        Assert.Equal((2, column, code), (problem.Row, problem.Column, problem.Code));
    }

    [Theory]
    [InlineData(CustomerColumns.SalesTable)]
    [InlineData(CustomerColumns.BillingLocation)]
    [InlineData(CustomerColumns.Warehouse)]
    public void A_sales_table_needs_its_billing_location_and_warehouse(string column)
    {
        var problem = Assert.Single(Map(With(column, null)).AsT1);
        Assert.Equal((column, ImportCodes.SalesTableIncomplete), (problem.Column, problem.Code));
        var none = With(CustomerColumns.SalesTable, null);
        none[Headers.ToList().IndexOf(CustomerColumns.BillingLocation)] = null;
        none[Headers.ToList().IndexOf(CustomerColumns.Warehouse)] = null;
        Assert.Null(Map(none).AsT0.SalesTable);
    }

    [Fact]
    public void The_same_key_twice_in_a_file_is_named_on_the_second_row_and_origin_ignores_case()
    {
        var sheet = CustomerSheet.For(Headers).AsT0;
        Assert.True(Map(Example(), sheet).IsT0);
        var problem = Assert.Single(Map(With(CustomerColumns.Origin, "datasul"), sheet).AsT1);
        Assert.Equal(ImportCodes.DuplicateKey, problem.Code);
        Assert.True(Map(With(CustomerColumns.Origin, "PROTHEUS"), sheet).IsT0);
    }

    [Theory]
    [InlineData(ImportFormat.Xlsx)]
    [InlineData(ImportFormat.Csv)]
    public void An_export_re_imports_to_the_same_data(ImportFormat format)
    {
        var originals = new[] { Example(), With(CustomerColumns.ExternalCode, "C-2"), With(CustomerColumns.TaxId, "529.982.247-25") }
            .Select((cells, i) => Map(i == 2 ? With2(cells) : cells, null).AsT0).ToList();
        var file = new MemoryStream();
        CustomerExport.Write(file, format, originals);
        using var sheet = ImportFile.Open(new MemoryStream(file.ToArray()), format).AsT0;
        var mapper = CustomerSheet.For(sheet.Headers).AsT0;
        var back = sheet.ReadRows().Select(r => mapper.Map(r).AsT0).ToList();
        Assert.Equal(originals.Select(CustomerExport.Cells).Select(c => string.Join('|', c)), back.Select(CustomerExport.Cells).Select(c => string.Join('|', c)));
        Assert.Null(sheet.Failure);

        static string?[] With2(string?[] cells) { cells[1] = "C-3"; return cells; }
    }

    [Fact]
    public void The_template_reads_back_as_a_valid_sheet_with_its_example()
    {
        var file = new MemoryStream();
        CustomerExport.WriteTemplate(file);
        using var sheet = ImportFile.Open(new MemoryStream(file.ToArray()), ImportFormat.Xlsx, "Clientes").AsT0;
        Assert.Equal(Headers, sheet.Headers);
        var row = Assert.Single(sheet.ReadRows());
        Assert.True(CustomerSheet.For(sheet.Headers).AsT0.Map(row).IsT0);
        Assert.Contains("<x:dataValidation", System.Text.Encoding.UTF8.GetString(Unzipped(file.ToArray(), "xl/worksheets/")), StringComparison.Ordinal);
    }

    private static byte[] Unzipped(byte[] zip, string prefix)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var entry = archive.Entries.First(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal));
        using var s = entry.Open();
        var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    [Fact]
    public void The_error_sheet_repeats_the_rows_with_their_problems()
    {
        var bad = With(CustomerColumns.ClientType, null);
        var problems = Map(bad).AsT1;
        var file = new MemoryStream();
        ErrorSheet.Write(file, ImportFormat.Csv, Headers, [new SheetRow(2, bad)], problems);
        using var sheet = ImportFile.Open(new MemoryStream(file.ToArray()), ImportFormat.Csv).AsT0;
        Assert.Equal(ErrorSheet.ErrorColumn, sheet.Headers[^1]);
        var row = Assert.Single(sheet.ReadRows());
        Assert.Contains(ImportCodes.Required, row[Headers.Count], StringComparison.Ordinal);
        Assert.Equal("C-1001", row[1]);
    }
}
