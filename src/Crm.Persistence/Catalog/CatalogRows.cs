using System.Text.Json;
using Crm.Domain.Catalog;
using Crm.Persistence.Conversions;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using NodaTime;

namespace Crm.Persistence.Catalog;

/// <summary>
/// A product as stored: the columns lists and filters read (code, description, status, line, NCM), the rest of the
/// product — units, costs, fiscal data, relations, kit — in one JSON document always read and written with it.
/// </summary>
public sealed class ProductRow
{
    /// <summary>The product code (key within the tenant).</summary>
    public string Code { get; set; } = "";

    /// <summary>The description.</summary>
    public string Description { get; set; } = "";

    /// <summary>Active, inactive or blocked.</summary>
    public ProductStatus Status { get; set; }

    /// <summary>The product line.</summary>
    public string? Line { get; set; }

    /// <summary>The NCM.</summary>
    public string Ncm { get; set; } = "";

    /// <summary>The whole product as a JSON document.</summary>
    public string Document { get; set; } = "";

    /// <summary>A row for <paramref name="product"/>.</summary>
    public static ProductRow From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new()
        {
            Code = product.Code, Description = product.Description, Status = product.Status, Line = product.Line, Ncm = product.Fiscal.Ncm,
            Document = JsonSerializer.Serialize(product, DomainJson.Options),
        };
    }

    /// <summary>The domain value.</summary>
    public Product ToProduct() => JsonSerializer.Deserialize<Product>(Document, DomainJson.Options)!;
}

/// <summary>A warehouse as stored.</summary>
public sealed class WarehouseRow
{
    /// <summary>Its code (key within the tenant).</summary>
    public string Code { get; set; } = "";

    /// <summary>Its name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The domain value.</summary>
    public Warehouse ToWarehouse() => new(Code, Name);
}

/// <summary>A list price as stored: one row per table, product and validity start.</summary>
public sealed class ListPriceRow
{
    /// <summary>The row's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The price table.</summary>
    public string Table { get; set; } = "";

    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The price per base unit.</summary>
    public decimal Amount { get; set; }

    /// <summary>First date it applies on; null for always.</summary>
    public LocalDate? ValidFrom { get; set; }

    /// <summary>Last date it applies on; null for open-ended.</summary>
    public LocalDate? ValidTo { get; set; }

    /// <summary>A row for <paramref name="price"/>.</summary>
    public static ListPriceRow From(ListPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return new() { Id = Guid.NewGuid(), Table = price.Table, Product = price.Product, Amount = price.Amount, ValidFrom = price.Validity.From, ValidTo = price.Validity.To };
    }

    /// <summary>The domain value.</summary>
    public ListPrice ToPrice() => new(Table, Product, Amount, new Validity(ValidFrom, ValidTo));
}

/// <summary>Stock on hand of a product in a warehouse, counted in one unit (empty unit: the base unit).</summary>
public sealed class StockRow
{
    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; set; } = "";

    /// <summary>The unit counted; empty for the base unit (a key column cannot be null).</summary>
    public string Unit { get; set; } = "";

    /// <summary>The quantity on hand in <see cref="Unit"/>.</summary>
    public decimal Quantity { get; set; }

    /// <summary>
    /// When this quantity was imported or saved; null when the save did not say. Orders sent to the ERP after it still
    /// hold their stock (the ERP's count did not include them yet).
    /// </summary>
    public Instant? ImportedAt { get; set; }

    /// <summary>A row for <paramref name="entry"/>, counted at <paramref name="importedAt"/>.</summary>
    public static StockRow From(StockEntry entry, Instant? importedAt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new() { Product = entry.Product, Warehouse = entry.Warehouse, Unit = entry.Unit ?? "", Quantity = entry.Quantity, ImportedAt = importedAt };
    }

    /// <summary>The domain value.</summary>
    public StockEntry ToEntry() => new(Product, Warehouse, Quantity, Unit.Length == 0 ? null : Unit);
}

/// <summary>Stock programmed to arrive in a warehouse on a date.</summary>
public sealed class ProgrammedStockRow
{
    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; set; } = "";

    /// <summary>The date it becomes available.</summary>
    public LocalDate Date { get; set; }

    /// <summary>The quantity in base units.</summary>
    public decimal Quantity { get; set; }

    /// <summary>A row for <paramref name="entry"/>.</summary>
    public static ProgrammedStockRow From(ProgrammedStock entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new() { Product = entry.Product, Warehouse = entry.Warehouse, Date = entry.Date, Quantity = entry.Quantity };
    }

    /// <summary>The domain value.</summary>
    public ProgrammedStock ToEntry() => new(Product, Warehouse, Date, Quantity);
}

/// <summary>A lot of a product in a warehouse.</summary>
public sealed class LotRow
{
    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; set; } = "";

    /// <summary>The lot number.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its stock in base units.</summary>
    public decimal Quantity { get; set; }

    /// <summary>The last day it may be sold.</summary>
    public LocalDate? Expiry { get; set; }

    /// <summary>A row for <paramref name="lot"/>.</summary>
    public static LotRow From(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new() { Product = lot.Product, Warehouse = lot.Warehouse, Code = lot.Code, Quantity = lot.Quantity, Expiry = lot.Expiry };
    }

    /// <summary>The domain value.</summary>
    public Lot ToLot() => new(Product, Warehouse, Code, Quantity, Expiry);
}

/// <summary>A sales quota and what released orders consumed of it.</summary>
public sealed class QuotaRow
{
    /// <summary>The quota's code.</summary>
    public string Code { get; set; } = "";

    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The quota in base units.</summary>
    public decimal Quantity { get; set; }

    /// <summary>First date it applies on.</summary>
    public LocalDate? ValidFrom { get; set; }

    /// <summary>Last date it applies on.</summary>
    public LocalDate? ValidTo { get; set; }

    /// <summary>The seller it belongs to; null for any.</summary>
    public UserId? Seller { get; set; }

    /// <summary>The customer code it belongs to; null for any.</summary>
    public string? Customer { get; set; }

    /// <summary>What released orders have used of it.</summary>
    public decimal Consumed { get; set; }

    /// <summary>A row for <paramref name="quota"/>.</summary>
    public static QuotaRow From(Quota quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        return new()
        {
            Code = quota.Code, Product = quota.Product, Quantity = quota.Quantity, ValidFrom = quota.Validity.From, ValidTo = quota.Validity.To,
            Seller = quota.Seller, Customer = quota.Customer, Consumed = quota.Consumed,
        };
    }

    /// <summary>The domain value.</summary>
    public Quota ToQuota() => new(Code, Product, Quantity, new Validity(ValidFrom, ValidTo), Seller, Customer, Consumed);
}

/// <summary>A promotion on a product.</summary>
public sealed class PromotionRow
{
    /// <summary>The promotion's code.</summary>
    public string Code { get; set; } = "";

    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>First date it applies on.</summary>
    public LocalDate? ValidFrom { get; set; }

    /// <summary>Last date it applies on.</summary>
    public LocalDate? ValidTo { get; set; }

    /// <summary>The promotional price per base unit.</summary>
    public decimal? Price { get; set; }

    /// <summary>The discount in %.</summary>
    public decimal? DiscountRate { get; set; }

    /// <summary>A row for <paramref name="promotion"/>.</summary>
    public static PromotionRow From(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        return new()
        {
            Code = promotion.Code, Product = promotion.Product, ValidFrom = promotion.Validity.From, ValidTo = promotion.Validity.To,
            Price = promotion.Price, DiscountRate = promotion.DiscountRate,
        };
    }

    /// <summary>The domain value.</summary>
    public Promotion ToPromotion() => new(Code, Product, new Validity(ValidFrom, ValidTo), Price, DiscountRate);
}
