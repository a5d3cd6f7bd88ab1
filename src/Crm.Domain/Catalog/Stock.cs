using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using NodaTime;

namespace Crm.Domain.Catalog;

/// <summary>A warehouse (armazém) goods are sold from.</summary>
/// <param name="Code">Its code (Protheus <c>C6_LOCAL</c>).</param>
/// <param name="Name">Its name.</param>
public sealed record Warehouse(string Code, string Name)
{
    /// <summary>Its code (Protheus <c>C6_LOCAL</c>).</summary>
    public string Code { get; init; } = Code;

    /// <summary>Its name.</summary>
    public string Name { get; init; } = Name;
}

/// <summary>Stock on hand of a product in a warehouse, counted in one of its units (estoque × unidade).</summary>
/// <param name="Product">The product code.</param>
/// <param name="Warehouse">The warehouse code.</param>
/// <param name="Quantity">The quantity on hand, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit counted; null for the base unit.</param>
public sealed record StockEntry(string Product, string Warehouse, decimal Quantity, string? Unit = null)
{
    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; init; } = Warehouse;

    /// <summary>The quantity on hand, in <see cref="Unit"/>.</summary>
    public decimal Quantity { get; init; } = Quantity;

    /// <summary>The unit counted; null for the base unit.</summary>
    public string? Unit { get; init; } = Unit;
}

/// <summary>Stock expected in a warehouse on a future date (estoque programado: a purchase or production arriving).</summary>
/// <param name="Product">The product code.</param>
/// <param name="Warehouse">The warehouse code.</param>
/// <param name="Date">The date it becomes available.</param>
/// <param name="Quantity">The quantity, in base units.</param>
public sealed record ProgrammedStock(string Product, string Warehouse, LocalDate Date, decimal Quantity)
{
    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; init; } = Warehouse;

    /// <summary>The date it becomes available.</summary>
    public LocalDate Date { get; init; } = Date;

    /// <summary>The quantity, in base units.</summary>
    public decimal Quantity { get; init; } = Quantity;
}

/// <summary>A lot (lote) of a product in a warehouse, with its stock in base units and its expiry.</summary>
/// <param name="Product">The product code.</param>
/// <param name="Warehouse">The warehouse code.</param>
/// <param name="Code">The lot number.</param>
/// <param name="Quantity">Its stock, in base units.</param>
/// <param name="Expiry">The last day it may be sold; null when it does not expire.</param>
public sealed record Lot(string Product, string Warehouse, string Code, decimal Quantity, LocalDate? Expiry = null)
{
    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The warehouse code.</summary>
    public string Warehouse { get; init; } = Warehouse;

    /// <summary>The lot number.</summary>
    public string Code { get; init; } = Code;

    /// <summary>Its stock, in base units.</summary>
    public decimal Quantity { get; init; } = Quantity;

    /// <summary>The last day it may be sold; null when it does not expire.</summary>
    public LocalDate? Expiry { get; init; } = Expiry;

    /// <summary>True when it may still be sold on <paramref name="date"/>.</summary>
    public bool IsValidOn(LocalDate date) => !(Expiry < date);
}

/// <summary>
/// A sales quota (cota): how much of a product a seller, or a customer, may buy over a validity, and how much orders
/// have consumed. A null seller or customer means any.
/// </summary>
/// <param name="Code">The quota's code.</param>
/// <param name="Product">The product code.</param>
/// <param name="Quantity">The quota, in base units.</param>
/// <param name="Validity">The dates it applies on.</param>
/// <param name="Seller">The seller it belongs to; null for any.</param>
/// <param name="Customer">The customer code it belongs to; null for any.</param>
/// <param name="Consumed">What released orders have used of it, in base units.</param>
public sealed record Quota(string Code, string Product, decimal Quantity, Validity Validity = default, UserId? Seller = null, string? Customer = null, decimal Consumed = 0m)
{
    /// <summary>The quota's code.</summary>
    public string Code { get; init; } = Code;

    /// <summary>The product code.</summary>
    public string Product { get; init; } = Product;

    /// <summary>The quota, in base units.</summary>
    public decimal Quantity { get; init; } = Quantity;

    /// <summary>The dates it applies on.</summary>
    public Validity Validity { get; init; } = Validity;

    /// <summary>The seller it belongs to; null for any.</summary>
    public UserId? Seller { get; init; } = Seller;

    /// <summary>The customer code it belongs to; null for any.</summary>
    public string? Customer { get; init; } = Customer;

    /// <summary>What released orders have used of it, in base units.</summary>
    public decimal Consumed { get; init; } = Consumed;

    /// <summary>What is left of it.</summary>
    public decimal Remaining => Quantity - Consumed;

    /// <summary>True when it applies to a sale by <paramref name="seller"/> to <paramref name="customer"/> on <paramref name="date"/>.</summary>
    public bool AppliesTo(UserId seller, string customer, LocalDate date) =>
        Validity.Contains(date) && (Seller is null || Seller == seller) && (Customer is null || string.Equals(Customer, customer, StringComparison.Ordinal));
}
