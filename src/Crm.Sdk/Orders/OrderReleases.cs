using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Persistence.Catalog;
using Crm.Persistence.Orders;
using Crm.Persistence.Outbox;
using Crm.Sdk.Engine;
using Crm.Sdk.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Orders;

/// <summary>
/// Release (MATA440, seed 002) on the unit of work: the customer's credit from its ERP standing, the catalog's stock, the
/// domain's decision applied to each order, the quotas the released orders use consumed, and each released order staged
/// for the ERP — all saved by the caller in one transaction. An order the ERP's adapter refuses (its field check) refuses
/// the whole release with those problems, and nothing is saved.
/// </summary>
internal static class OrderReleases
{
    public static async Task<Outcome<IReadOnlyList<OrderReleased>>> ReleaseAsync(UnitOfWork work, IReadOnlyList<SalesOrderRow> rows,
        AccountId customer, LocalDate? deliveriesUntil)
    {
        var orders = rows.Select(r => r.ToOrder()).ToList();
        var data = await work.Db.LoadAsync(orders.SelectMany(o => o.Items.Select(i => i.Product)), null, withRelations: false, work.Cancellation)
            .ConfigureAwait(false);
        if (!ProductCatalog.Build(data).TryPickT0(out var catalog, out var broken))
            return broken;
        var today = OrderWork.Today(work);
        var credit = await CreditAsync(work, customer, orders.Select(o => o.Id)).ConfigureAwait(false);
        var decisions = credit.Match(
            position => OrderRelease.ByCustomer(orders, position, catalog, today, deliveriesUntil),
            unknown => orders.Select(o => new ReleaseDecision(o.Id, false, o.Totals?.Total ?? 0m, unknown.Problems)).ToList());
        var at = work.Clock.GetCurrentInstant();
        var outcomes = new List<OrderReleased>();
        foreach (var (row, order) in rows.Zip(orders))
        {
            var decision = decisions.First(d => d.Order == order.Id);
            if (!order.ApplyRelease(decision, work.User, at).TryPickT0(out _, out var invalid))
                return invalid;
            var handoff = new ErpHandoff(ErpHandoffStatus.None, null, null, "Pedido não liberado: nada vai ao ERP.");
            if (order.Status == SalesOrderStatus.Released)
            {
                await ConsumeQuotasAsync(work, order).ConfigureAwait(false);
                if (!(await OrderOutbox.StageAsync(work, order).ConfigureAwait(false)).TryPickT0(out handoff, out var refused))
                    return refused;
            }
            row.Write(order);
            outcomes.Add(new OrderReleased(order.Id, 0, order.Status, order.BlockReasons, handoff));
        }
        return outcomes;
    }

    /// <summary>
    /// The customer's credit: limit and open balance from its ERP standing, plus the totals of its released orders not among
    /// <paramref name="evaluating"/> and of its orders sent to the ERP after the standing was read (one sent before is in the
    /// ERP's own open balance, and counting it again would block forever). Unknown when the ERP never told the limit or
    /// balance.
    /// </summary>
    private static async Task<Outcome<CreditPosition>> CreditAsync(UnitOfWork work, AccountId customer, IEnumerable<SalesOrderId> evaluating)
    {
        var account = await work.Db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == customer, work.Cancellation).ConfigureAwait(false);
        if (account?.ErpStanding is not { } standing)
            return new Invalid(new Problem("credit", OrderCodes.CreditLimitUnknown, "O ERP ainda não informou o limite de crédito e o saldo do cliente."));
        var excluded = evaluating.ToList();
        // Summed here: SQLite stores decimals as text and cannot add them in SQL.
        var sentSinceRead = (await work.Db.Outbox.AsNoTracking()
            .Where(m => m.Account == customer && m.Order != null && m.Status == OutboxStatus.Sent && m.SentAt > standing.ReadAt)
            .Select(m => m.Order).ToListAsync(work.Cancellation).ConfigureAwait(false)).ToHashSet();
        var open = (await work.Db.SalesOrders.AsNoTracking()
            .Where(o => o.Customer == customer && (o.Status == SalesOrderStatus.Released || o.Status == SalesOrderStatus.Sent) && !excluded.Contains(o.Id))
            .Select(o => new { o.Id, o.Status, o.Total }).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .Where(o => o.Status == SalesOrderStatus.Released || sentSinceRead.Contains(o.Id)).Sum(o => o.Total ?? 0m);
        return CreditPosition.From(standing, open);
    }

    // A released order takes what it uses of each quota it names (QuotaUse); the rows are saved with the release.
    private static async Task ConsumeQuotasAsync(UnitOfWork work, SalesOrder order)
    {
        var use = order.QuotaUse();
        if (use.Count == 0)
            return;
        var codes = use.Keys.ToList();
        foreach (var quota in await work.Db.Quotas.Where(q => codes.Contains(q.Code)).ToListAsync(work.Cancellation).ConfigureAwait(false))
            quota.Consumed += use[quota.Code];
    }
}
