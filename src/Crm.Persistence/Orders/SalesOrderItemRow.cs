using System.Text.Json;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Persistence.Conversions;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Orders;

/// <summary>
/// One item of a sales order as columns (table <c>SalesOrderItems</c>): product, quantity, priced total and whether it is
/// open, so the indicators group sales by product on an index instead of expanding every order's item document. Written
/// by the order's own save (never by hand): only the items whose product, quantity, total or status changed.
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
}

internal sealed class SalesOrderItemConfiguration(CrmDbContext context) : IEntityTypeConfiguration<SalesOrderItemRow>
{
    public void Configure(EntityTypeBuilder<SalesOrderItemRow> builder)
    {
        builder.IsTenantRows("SalesOrderItems", i => i.Tenant, i => new { i.Order, i.Item }, context);
        builder.Property(i => i.Product).HasMaxLength(Crm.Domain.Texts.TextLimits.ProductCode);
        builder.HasTenantIndex(nameof(SalesOrderItemRow.Product));
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
            if (entry.State == EntityState.Modified && !items.IsModified)
                continue;
            var before = entry.State == EntityState.Added ? [] : Rows(entry.Entity, items.OriginalValue);
            var after = Rows(entry.Entity, items.CurrentValue);
            foreach (var (id, row) in after)
                if (!before.TryGetValue(id, out var old))
                    Track(db, row, EntityState.Added);
                else if ((old.Product, old.Quantity, old.Total, old.IsOpen) != (row.Product, row.Quantity, row.Total, row.IsOpen))
                    Track(db, row, EntityState.Modified);
            foreach (var (id, old) in before)
                if (!after.ContainsKey(id))
                    Track(db, old, EntityState.Deleted);
        }
    }

    // The same item may already be tracked (added by an earlier save of this unit of work): that instance is updated.
    private static void Track(CrmDbContext db, SalesOrderItemRow row, EntityState state)
    {
        var tracked = db.SalesOrderItems.Local.FirstOrDefault(i => i.Order == row.Order && i.Item == row.Item);
        if (tracked is null)
        {
            db.Entry(row).State = state;
            return;
        }
        (tracked.Product, tracked.Quantity, tracked.Total, tracked.IsOpen) = (row.Product, row.Quantity, row.Total, row.IsOpen);
        var entry = db.Entry(tracked);
        entry.State = state == EntityState.Deleted ? EntityState.Deleted : entry.State == EntityState.Added ? EntityState.Added : EntityState.Modified;
    }

    private static Dictionary<OrderItemId, SalesOrderItemRow> Rows(SalesOrderRow order, string? json) =>
        string.IsNullOrEmpty(json) ? []
            : JsonSerializer.Deserialize<List<OrderItem>>(json, DomainJson.Options)!.ToDictionary(i => i.Id, i => new SalesOrderItemRow
            {
                Tenant = order.Tenant, Order = order.Id, Item = i.Id, Product = i.Product, Quantity = i.Quantity, Total = i.Values?.Total, IsOpen = i.IsOpen,
            });
}
