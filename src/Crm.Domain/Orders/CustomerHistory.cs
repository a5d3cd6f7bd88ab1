using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>A price the customer was quoted for a product in an earlier order (última cotação).</summary>
/// <param name="Order">The order.</param>
/// <param name="Date">Its issue date.</param>
/// <param name="Quantity">The quantity, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit sold.</param>
/// <param name="UnitPrice">The net unit price quoted.</param>
/// <param name="Status">Where that order is now.</param>
public sealed record LastQuote(SalesOrderId Order, LocalDate Date, decimal Quantity, string Unit, decimal UnitPrice, SalesOrderStatus Status)
{
    /// <summary>The order.</summary>
    public SalesOrderId Order { get; init; } = Order;

    /// <summary>Its issue date.</summary>
    public LocalDate Date { get; init; } = Date;

    /// <summary>The quantity, in <see cref="Unit"/>.</summary>
    public decimal Quantity { get; init; } = Quantity;

    /// <summary>The unit sold.</summary>
    public string Unit { get; init; } = Unit;

    /// <summary>The net unit price quoted.</summary>
    public decimal UnitPrice { get; init; } = UnitPrice;

    /// <summary>Where that order is now.</summary>
    public SalesOrderStatus Status { get; init; } = Status;
}

/// <summary>What a customer's earlier orders tell the seller typing a new one: last quotes of a product and favourite products (seed 003).</summary>
public static class CustomerHistory
{
    /// <summary>The latest <paramref name="count"/> priced quotes of <paramref name="product"/> in <paramref name="orders"/> (one customer's), newest first; cancelled items and orders are left out.</summary>
    public static IReadOnlyList<LastQuote> LastQuotes(IEnumerable<SalesOrder> orders, string product, int count)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders
            .Where(o => o.Status != SalesOrderStatus.Cancelled)
            .SelectMany(o => o.Items
                .Where(i => i.IsOpen && i.Values is not null && string.Equals(i.Product, product, StringComparison.Ordinal))
                .Select(i => new LastQuote(o.Id, o.Header.IssueDate, i.Quantity, i.Unit, i.Values!.NetUnitPrice, o.Status)))
            .OrderByDescending(q => q.Date)
            .Take(count)
            .ToArray();
    }

    /// <summary>The <paramref name="count"/> products found in most of <paramref name="orders"/> (favoritos), most frequent first, then by code; cancelled items and orders are left out.</summary>
    public static IReadOnlyList<string> Favourites(IEnumerable<SalesOrder> orders, int count)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders
            .Where(o => o.Status != SalesOrderStatus.Cancelled)
            .SelectMany(o => o.Items.Where(i => i.IsOpen).Select(i => i.Product).Distinct(StringComparer.Ordinal))
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(g => g.Key)
            .ToArray();
    }
}
