using Crm.Imports.Prices;
using Crm.Imports.Reading;
using NodaTime;

namespace Crm.Imports.Tests;

public sealed class PriceSheetTests
{
    private static readonly string[] Headers = [.. PriceSheet.Columns.Select(c => c.Header)];
    private static OneOf.OneOf<PriceRow, IReadOnlyList<ImportProblem>> Map(params string?[] cells) => PriceSheet.For(Headers).AsT0.Map(new SheetRow(5, cells));

    [Theory]
    [InlineData("12,50", "01/01/2027")]
    [InlineData("12.5", "2027-01-01")]
    [InlineData("12.50", "46388")]
    public void A_price_reads_decimal_commas_points_and_dates_as_text_or_serials(string price, string date)
    {
        var row = Map("P1", "C1", null, "datasul", price, date).AsT0;
        Assert.Equal(12.5m, row.Price);
        Assert.Equal(new LocalDate(2027, 1, 1), row.ValidFrom);
        Assert.Equal("DATASUL", row.Origin);
    }

    [Fact]
    public void Product_origin_and_a_customer_code_or_document_are_required()
    {
        var problems = Map(null, null, null, null, "1", null).AsT1;
        Assert.Equal([PriceSheet.Product, PriceSheet.Origin, PriceSheet.Customer], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal((5, ImportCodes.Required), (p.Row, p.Code)));
        Assert.True(Map("P1", null, "11222333000181", "X", "1", null).IsT0);
    }

    [Theory]
    [InlineData("doze", null, ImportCodes.Malformed, PriceSheet.Price)]
    [InlineData("-1", null, ImportCodes.NotAllowed, PriceSheet.Price)]
    [InlineData("1", "31/02/2027", ImportCodes.Malformed, PriceSheet.ValidFrom)]
    public void Bad_cells_are_named(string price, string? date, string code, string column)
    {
        var problem = Assert.Single(Map("P1", "C1", null, "X", price, date).AsT1);
        Assert.Equal((column, code), (problem.Column, problem.Code));
    }
}
