using System.Text.Json;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Persistence.Conversions;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crm.Persistence.Orders;

/// <summary>
/// One item of a sales order as columns (table <c>SalesOrderItems</c>): product, quantity, priced total and whether it is
/// open, with its order's status, issue date, seller, company and branch, so the indicators group a period's sales by
/// product on one index instead of expanding every order's item document or joining the orders. Written by the order's
/// own save (never by hand): only the items whose own values or whose order's copied columns changed.
/// </summary>
public sealed class SalesOrderItemRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The order.</summary>
    public SalesOrderId Order { get; set; }

    /// <summary>The item's id in the order.</summary>
    public OrderItemId Item { get; set; }

    /// <summary>The product code.</summary>
    public string Product { get; set; } = "";

    /// <summary>The quantity, in the item's unit.</summary>
    public decimal Quantity { get; set; }

    /// <summary>The item's total of the last pricing; null when not priced since its last change.</summary>
    public decimal? Total { get; set; }

    /// <summary>False once the item is cancelled.</summary>
    public bool IsOpen { get; set; }

    /// <summary>The order's status (copied from the order).</summary>
    public SalesOrderStatus Status { get; set; }

    /// <summary>The order's issue date (copied from the order).</summary>
    public LocalDate IssueDate { get; set; }

    /// <summary>The order's seller (copied from the order).</summary>
    public UserId Seller { get; set; }

    /// <summary>The order's company (copied from the order).</summary>
    public CompanyId? Company { get; set; }

    /// <summary>The order's branch (copied from the order).</summary>
    public BranchId? Branch { get; set; }
}

internal sealed class SalesOrderItemConfiguration(CrmDbContext context) : IEntityTypeConfiguration<SalesOrderItemRow>
{
    public void Configure(EntityTypeBuilder<SalesOrderItemRow> builder)
    {
        builder.IsTenantRows("SalesOrderItems", i => i.Tenant, i => new { i.Order, i.Item }, context);
        builder.Property(i => i.Product).HasMaxLength(Crm.Domain.Texts.TextLimits.ProductCode);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasTenantIndex(nameof(SalesOrderItemRow.Product));
        // A period's sales per product read from this index alone (best sellers) for a wide scope; a seller's from the next.
        builder.HasTenantIndex(nameof(SalesOrderItemRow.IssueDate), nameof(SalesOrderItemRow.Status), nameof(SalesOrderItemRow.IsOpen),
            nameof(SalesOrderItemRow.Product), nameof(SalesOrderItemRow.Seller), nameof(SalesOrderItemRow.Company), nameof(SalesOrderItemRow.Branch),
            nameof(SalesOrderItemRow.Quantity), nameof(SalesOrderItemRow.Total));
        builder.HasTenantIndex(nameof(SalesOrderItemRow.Seller), nameof(SalesOrderItemRow.IssueDate));
    }
}

/// <summary>Keeps <c>SalesOrderItems</c> in step with the orders a save writes (called by the save, before it runs).</summary>
internal static class SalesOrderItemSync
{
    public static void Refresh(CrmDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<SalesOrderRow>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var items = entry.Property(o => o.Items);
            if (entry.State == EntityState.Modified && !items.IsModified && !Copied.Any(c => entry.Property(c).IsModified))
                continue;
            var order = entry.Entity;
            var after = Rows(Header(entry.CurrentValues), order.Written?.Of(items.CurrentValue) ?? Parse(items.CurrentValue));
            // Items unchanged (only the copied columns moved): the same items under the old columns, nothing parsed.
            var before = entry.State == EntityState.Added ? []
                : Rows(Header(entry.OriginalValues), !items.IsModified ? [.. after.Values.Select(r => r.Source)]
                    : order.Loaded?.Of(items.OriginalValue) ?? Parse(items.OriginalValue));
            foreach (var (id, (row, _)) in after)
                if (!before.TryGetValue(id, out var old))
                    Track(db, row, EntityState.Added);
                else if (Values(old.Row) != Values(row))
                    Track(db, row, EntityState.Modified);
            foreach (var (id, (old, _)) in before)
                if (!after.ContainsKey(id))
                    Track(db, old, EntityState.Deleted);
        }
    }

    // The order's columns each item row copies.
    private static readonly string[] Copied = [nameof(SalesOrderRow.Status), nameof(SalesOrderRow.IssueDate), nameof(SalesOrderRow.Seller),
        nameof(SalesOrderRow.Company), nameof(SalesOrderRow.Branch)];

    private static SalesOrderItemRow Header(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues order) => new()
    {
        Tenant = order.GetValue<TenantId>(nameof(SalesOrderRow.Tenant)), Order = order.GetValue<SalesOrderId>(nameof(SalesOrderRow.Id)),
        Status = order.GetValue<SalesOrderStatus>(nameof(SalesOrderRow.Status)), IssueDate = order.GetValue<LocalDate>(nameof(SalesOrderRow.IssueDate)),
        Seller = order.GetValue<UserId>(nameof(SalesOrderRow.Seller)), Company = order.GetValue<CompanyId?>(nameof(SalesOrderRow.Company)),
        Branch = order.GetValue<BranchId?>(nameof(SalesOrderRow.Branch)),
    };

    private static (string, decimal, decimal?, bool, SalesOrderStatus, LocalDate, UserId, CompanyId?, BranchId?) Values(SalesOrderItemRow r) =>
        (r.Product, r.Quantity, r.Total, r.IsOpen, r.Status, r.IssueDate, r.Seller, r.Company, r.Branch);

    // The same item may already be tracked (added by an earlier save of this unit of work): that instance is updated.
    private static void Track(CrmDbContext db, SalesOrderItemRow row, EntityState state)
    {
        // By key: a scan of the tracked items for each of a 1,000-line order's items costs a million comparisons.
        if (db.SalesOrderItems.Local.FindEntryUntyped([row.Tenant, row.Order, row.Item])?.Entity is not { } tracked)
        {
            db.Entry(row).State = state;
            return;
        }
        (tracked.Product, tracked.Quantity, tracked.Total, tracked.IsOpen) = (row.Product, row.Quantity, row.Total, row.IsOpen);
        (tracked.Status, tracked.IssueDate, tracked.Seller, tracked.Company, tracked.Branch) = (row.Status, row.IssueDate, row.Seller, row.Company, row.Branch);
        var entry = db.Entry(tracked);
        entry.State = state == EntityState.Deleted ? EntityState.Deleted : entry.State == EntityState.Added ? EntityState.Added : EntityState.Modified;
    }

    private static List<OrderItem> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<OrderItem>>(json, DomainJson.Options)!;

    private static Dictionary<OrderItemId, (SalesOrderItemRow Row, OrderItem Source)> Rows(SalesOrderItemRow header, IEnumerable<OrderItem> items) =>
        items.ToDictionary(i => i.Id, i => (new SalesOrderItemRow
        {
            Tenant = header.Tenant, Order = header.Order, Item = i.Id, Product = i.Product, Quantity = i.Quantity, Total = i.Values?.Total, IsOpen = i.IsOpen,
            Status = header.Status, IssueDate = header.IssueDate, Seller = header.Seller, Company = header.Company, Branch = header.Branch,
        }, i));
}
