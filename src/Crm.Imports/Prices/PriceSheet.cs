using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;

namespace Crm.Imports.Prices;

/// <summary>A price change as imported (seed 003): the product, the customer by code or CPF/CNPJ with its origin, the new price and when it starts.</summary>
/// <param name="Row">The sheet row.</param>
/// <param name="ProductCode">The product code.</param>
/// <param name="CustomerCode">The customer's external code, when given.</param>
/// <param name="CustomerTaxId">The customer's CPF/CNPJ, when given instead.</param>
/// <param name="Origin">The customer's origin, upper-cased.</param>
/// <param name="Price">The unit price.</param>
/// <param name="ValidFrom">The first day it applies (blank: the day the job processes it).</param>
public sealed record PriceRow(int Row, string ProductCode, string? CustomerCode, string? CustomerTaxId, string Origin, decimal Price, NodaTime.LocalDate? ValidFrom);

/// <summary>The price import's columns and row mapping. Rows are queued as pending and processed by a job in the engine.</summary>
public sealed class PriceSheet
{
    /// <summary>Product code (required).</summary>
    public const string Product = "Código do produto";
    /// <summary>Customer external code (this or <see cref="TaxId"/>).</summary>
    public const string Customer = "Código do cliente";
    /// <summary>Customer CPF/CNPJ (this or <see cref="Customer"/>).</summary>
    public const string TaxId = "CPF/CNPJ";
    /// <summary>Customer origin (required).</summary>
    public const string Origin = "Origem";
    /// <summary>Price, decimal comma or point (required).</summary>
    public const string Price = "Preço";
    /// <summary>First day, dd/MM/yyyy, yyyy-MM-dd or an Excel date serial.</summary>
    public const string ValidFrom = "Vigência";

    /// <summary>The columns in template order.</summary>
    public static IReadOnlyList<SheetColumn> Columns { get; } = [new(Product), new(Customer), new(TaxId), new(Origin), new(Price), new(ValidFrom)];

    private readonly HeaderMap _map;
    private PriceSheet(HeaderMap map) => _map = map;

    /// <summary>The mapper for <paramref name="headers"/>, or the header's problems.</summary>
    public static OneOf<PriceSheet, IReadOnlyList<ImportProblem>> For(IReadOnlyList<string> headers) =>
        HeaderMap.Of(headers, Columns.Select(c => c.Header), [Product, Origin, Price])
            .Match<OneOf<PriceSheet, IReadOnlyList<ImportProblem>>>(m => new PriceSheet(m), p => p);

    /// <summary>The xlsx template with an example row.</summary>
    public static void WriteTemplate(Stream output) =>
        SheetWriter.Write(output, ImportFormat.Xlsx, Columns, [["PROD-1", "C-1001", null, "DATASUL", "12,50", "01/01/2027"]], "Precos");

    /// <summary>The row as a price change, or every problem in it.</summary>
    public OneOf<PriceRow, IReadOnlyList<ImportProblem>> Map(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string? Required(string column)
        {
            var value = _map[row, column];
            if (value is null) problems.Add(new ImportProblem(row.Number, column, ImportCodes.Required, $"'{column}' is required."));
            return value;
        }
        var product = Required(Product);
        var origin = Required(Origin);
        var customer = _map[row, Customer];
        var taxId = _map[row, TaxId];
        if (customer is null && taxId is null)
            problems.Add(new ImportProblem(row.Number, Customer, ImportCodes.Required, $"'{Customer}' or '{TaxId}' is required."));
        var priceText = Required(Price);
        decimal price = 0;
        if (priceText is not null && !Cells.TryDecimal(priceText, out price))
            problems.Add(new ImportProblem(row.Number, Price, ImportCodes.Malformed, $"'{priceText}' is not a price."));
        else if (price < 0)
            problems.Add(new ImportProblem(row.Number, Price, ImportCodes.NotAllowed, "A price cannot be negative."));
        NodaTime.LocalDate? from = null;
        if (_map[row, ValidFrom] is { } dateText)
        {
            if (Cells.TryDate(dateText, out var date)) from = date;
            else problems.Add(new ImportProblem(row.Number, ValidFrom, ImportCodes.Malformed, $"'{dateText}' is not a date."));
        }
        return problems.Count > 0 ? problems : new PriceRow(row.Number, product!, customer, taxId, origin!.ToUpperInvariant(), price, from);
    }
}
