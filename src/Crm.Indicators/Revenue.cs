using Crm.Domain.Orders;
using Crm.Persistence;
using Crm.Persistence.Orders;

namespace Crm.Indicators;

/// <summary>What counts as a sale: an order released by credit, stock and date, or already sent to the ERP.</summary>
public static class Revenue
{
    /// <summary>
    /// The statuses whose orders count as revenue: <see cref="SalesOrderStatus.Released"/> and
    /// <see cref="SalesOrderStatus.Sent"/>. An approved or blocked order may still fail release, and a draft or a
    /// cancelled one is no sale.
    /// </summary>
    public static IReadOnlyList<SalesOrderStatus> Statuses { get; } = [SalesOrderStatus.Released, SalesOrderStatus.Sent];

    /// <summary>Every revenue order of the tenant, visible or not (a purchase is a purchase, whoever sold it).</summary>
    internal static IQueryable<SalesOrderRow> Orders(CrmDbContext db)
    {
        var statuses = Statuses.ToList();
        return db.SalesOrders.Where(o => statuses.Contains(o.Status));
    }
}
