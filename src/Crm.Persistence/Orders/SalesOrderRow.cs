using System.Text.Json;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Persistence.Conversions;
using NodaTime;

namespace Crm.Persistence.Orders;

/// <summary>
/// A sales order as stored: the columns that lists, visibility and release by customer filter on (status, customer,
/// seller, company/branch of the customer, issue date, total), and the order itself — header, items, approvals, history —
/// as JSON documents always read and written with it (one row per order: a 1,000-line order is one UPDATE).
/// Rebuilt through the domain's <c>SalesOrder.Restore</c>, no rule re-run.
/// </summary>
public sealed class SalesOrderRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The order's id.</summary>
    public SalesOrderId Id { get; set; }

    /// <summary>Its status.</summary>
    public SalesOrderStatus Status { get; set; }

    /// <summary>The customer account.</summary>
    public AccountId Customer { get; set; }

    /// <summary>The seller (the order's owner for visibility).</summary>
    public UserId Seller { get; set; }

    /// <summary>The customer's company when the order was placed (visibility).</summary>
    public CompanyId? Company { get; set; }

    /// <summary>The customer's branch when the order was placed (visibility).</summary>
    public BranchId? Branch { get; set; }

    /// <summary>The issue date.</summary>
    public LocalDate IssueDate { get; set; }

    /// <summary>The total of the last pricing; null when an edit came after it.</summary>
    public decimal? Total { get; set; }

    /// <summary>The document freight; null to take it from the freight matrix.</summary>
    public decimal? Freight { get; set; }

    /// <summary>The document discount.</summary>
    public decimal Discount { get; set; }

    /// <summary>The order it copies.</summary>
    public SalesOrderId? CopiedFrom { get; set; }

    /// <summary>The header (JSON).</summary>
    public string Header { get; set; } = "";

    /// <summary>The items, cancelled ones included (JSON).</summary>
    public string Items { get; set; } = "";

    /// <summary>The approvals with who decided, when and why (JSON).</summary>
    public string Approvals { get; set; } = "";

    /// <summary>Every change with who and when (JSON).</summary>
    public string History { get; set; } = "";

    /// <summary>The totals of the last pricing (JSON); null when an edit came after it.</summary>
    public string? Totals { get; set; }

    /// <summary>The reasons of the last release evaluation that blocked it (JSON).</summary>
    public string BlockReasons { get; set; } = "";

    /// <summary>A new row for <paramref name="order"/>, placed in the customer's <paramref name="company"/>/<paramref name="branch"/>.</summary>
    public static SalesOrderRow From(SalesOrder order, CompanyId? company, BranchId? branch)
    {
        ArgumentNullException.ThrowIfNull(order);
        var row = new SalesOrderRow { Tenant = order.Tenant, Id = order.Id, Company = company, Branch = branch };
        row.Write(order);
        return row;
    }

    /// <summary>Copies <paramref name="order"/>'s state into the row (a tracked row: the next save writes what changed).</summary>
    public void Write(SalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        (Status, Customer, Seller, IssueDate, Freight, Discount, CopiedFrom) =
            (order.Status, order.Header.Customer, order.Header.Seller, order.Header.IssueDate, order.Freight, order.Discount, order.CopiedFrom);
        Total = order.Totals?.Total;
        Header = Json(order.Header);
        Items = Json(order.Items);
        Written = new(Items, [.. order.Items]);
        Approvals = Json(order.Approvals);
        History = Json(order.History);
        Totals = order.Totals is { } totals ? Json(totals) : null;
        BlockReasons = Json(order.BlockReasons);
    }

    /// <summary>The order as stored.</summary>
    public SalesOrder ToOrder()
    {
        var items = Read<List<OrderItem>>(Items);
        Loaded = new(Items, [.. items]);
        return SalesOrder.Restore(Id, Tenant, Read<OrderHeader>(Header), Status, items,
            Read<List<ItemApproval>>(Approvals), Read<List<HistoryEntry>>(History), Freight, Discount, CopiedFrom,
            Totals is null ? null : Read<OrderTotals>(Totals), Read<List<Problem>>(BlockReasons));
    }

    // The items of the document this row last parsed (ToOrder) and last wrote (Write), each with that document: the save
    // builds the SalesOrderItems rows from them instead of parsing a 1,000-line document (over a megabyte) again. Not
    // mapped (not public).
    internal ParsedItems? Loaded { get; private set; }

    internal ParsedItems? Written { get; private set; }

    /// <summary>The order's history as stored, without rebuilding the order.</summary>
    public IReadOnlyList<HistoryEntry> ReadHistory() => Read<List<HistoryEntry>>(History);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, DomainJson.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, DomainJson.Options)!;
}

/// <summary>An item document and the items it holds.</summary>
internal sealed record ParsedItems(string Json, IReadOnlyList<OrderItem> Items)
{
    /// <summary>The items, when <paramref name="json"/> is this very document (the same string instance); else null.</summary>
    public IReadOnlyList<OrderItem>? Of(string? json) => ReferenceEquals(json, Json) ? Items : null;
}
