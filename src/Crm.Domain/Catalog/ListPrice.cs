using Crm.Domain.Matrices;

namespace Crm.Domain.Catalog;

/// <summary>A product's list price per base unit in a price table, over a validity (preço de lista).</summary>
/// <param name="Table">The price table code.</param>
/// <param name="Product">The product code.</param>
/// <param name="Amount">The price per base unit, up to 10 decimal places as NF-e's vUnCom.</param>
/// <param name="Validity">The dates it applies on.</param>
public sealed record ListPrice(string Table, string Product, decimal Amount, Validity Validity = default)
{
    /// <summary>The price table code.</summary>
    public string Table { get; init; } = Table;

    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The price per base unit, up to 10 decimal places as NF-e's vUnCom.</summary>
    public decimal Amount { get; init; } = Amount;

    /// <summary>The dates it applies on.</summary>
    public Validity Validity { get; init; } = Validity;

    /// <summary>The id the pricing breakdown quotes: <c>price:TABLE:PRODUCT:FROM</c>.</summary>
    public string RuleId => $"price:{Table}:{Product}:{Validity.From?.ToString() ?? "…"}";
}

/// <summary>
/// A promotion (promoção) on a product over a validity: a promotional price per base unit or a discount in %, exactly one of the two.
/// </summary>
/// <param name="Code">The promotion's code.</param>
/// <param name="Product">The product code.</param>
/// <param name="Validity">The dates it applies on.</param>
/// <param name="Price">The promotional price per base unit.</param>
/// <param name="DiscountRate">The discount in % off the list price, in (0, 100).</param>
public sealed record Promotion(string Code, string Product, Validity Validity, decimal? Price = null, decimal? DiscountRate = null)
{
    /// <summary>The promotion's code.</summary>
    public string Code { get; init; } = Code;

    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The dates it applies on.</summary>
    public Validity Validity { get; init; } = Validity;

    /// <summary>The promotional price per base unit.</summary>
    public decimal? Price { get; init; } = Price;

    /// <summary>The discount in % off the list price, in (0, 100).</summary>
    public decimal? DiscountRate { get; init; } = DiscountRate;

    /// <summary>The discount in % it gives on <paramref name="listPrice"/> (never negative: a promotional price above the list gives none).</summary>
    public decimal DiscountOn(decimal listPrice) =>
        DiscountRate ?? (listPrice <= 0m ? 0m : Math.Max(0m, (1m - Price!.Value / listPrice) * 100m));
}
