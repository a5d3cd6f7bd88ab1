using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Sdk.Orders;

/// <summary>A sale problem of an order: the item it is about (null for the whole order), its product, and the problem itself.</summary>
/// <param name="Item">The item's number; null for a problem of the order (minimum order value, payment condition, credit).</param>
/// <param name="Product">The item's product.</param>
/// <param name="Problem">Field (<c>items[N].…</c>), stable code (<see cref="OrderCodes"/>), message with its reason, severity.</param>
public sealed record SaleProblem(int? Item, string? Product, Problem Problem)
{
    /// <inheritdoc />
    public override string ToString() => Item is { } item ? $"item {item} ({Product}): {Problem}" : Problem.ToString();
}

/// <summary>An order was created or copied.</summary>
/// <param name="Id">The order.</param>
/// <param name="Version">Its stored version; pass it to the next change.</param>
public sealed record OrderSaved(SalesOrderId Id, long Version);

/// <summary>An order was edited (and recalculated) or recalculated.</summary>
/// <param name="Id">The order.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="Items">The items the change added or changed (kits expanded into their components); empty for others.</param>
/// <param name="Problems">Every sale problem of the order after the change (errors stop submission; warnings do not).</param>
/// <param name="Totals">The totals of the recalculation; null when a problem stopped the pricing.</param>
public sealed record OrderChecked(SalesOrderId Id, long Version, IReadOnlyList<OrderItem> Items, IReadOnlyList<SaleProblem> Problems, OrderTotals? Totals);

/// <summary>An order moved in its life (submitted, approved, rejected, cancelled, reopened).</summary>
/// <param name="Id">The order.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="Status">Its status now.</param>
/// <param name="PendingApprovals">The items still waiting for a user whose role may approve their discount.</param>
public sealed record OrderMoved(SalesOrderId Id, long Version, SalesOrderStatus Status, IReadOnlyList<ItemApproval> PendingApprovals);

/// <summary>What happened with the ERP when an order was released.</summary>
public enum ErpHandoffStatus
{
    /// <summary>The order was not released: nothing goes to the ERP.</summary>
    None,

    /// <summary>The tenant integrates with no ERP: the order stays in the CRM.</summary>
    NotIntegrated,

    /// <summary>The order is in the ERP outbox, written with the release; the dispatcher sends it.</summary>
    Queued,

    /// <summary>The tenant's ERP adapter does not send orders: recorded as a parked outbox message with the code, never retried.</summary>
    NotSupported,
}

/// <summary>The ERP side of a release.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Erp">The ERP; null when the tenant integrates with none.</param>
/// <param name="Code">The problem code when it could not go (<c>integration.orders_unsupported</c>).</param>
/// <param name="Message">What to tell the user.</param>
public sealed record ErpHandoff(ErpHandoffStatus Status, string? Erp, string? Code, string Message);

/// <summary>A release evaluation was applied to an order.</summary>
/// <param name="Id">The order.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="Status">Released, or blocked.</param>
/// <param name="Reasons">Why it was blocked (credit, stock, delivery date); empty when released.</param>
/// <param name="Erp">What happened with the ERP.</param>
public sealed record OrderReleased(SalesOrderId Id, long Version, SalesOrderStatus Status, IReadOnlyList<Problem> Reasons, ErpHandoff Erp);

/// <summary>An order as stored.</summary>
/// <param name="Order">The aggregate.</param>
/// <param name="Version">Its stored version.</param>
public sealed record OrderRead(SalesOrder Order, long Version);

/// <summary>An order as a list shows it.</summary>
/// <param name="Id">The order.</param>
/// <param name="Customer">The customer account.</param>
/// <param name="Seller">The seller.</param>
/// <param name="Status">Its status.</param>
/// <param name="IssueDate">Its issue date.</param>
/// <param name="Total">The total of its last pricing; null when not priced since the last edit.</param>
public sealed record OrderListRow(SalesOrderId Id, AccountId Customer, UserId Seller, SalesOrderStatus Status, LocalDate IssueDate, decimal? Total);
