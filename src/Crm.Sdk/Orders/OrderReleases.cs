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
/// Release (MATA440, seed 002) on the unit of work, in one transaction that serializes the writers of the customer's credit
/// and of its products' stock and quotas (<see cref="SaleLocks"/>): the customer's credit from its ERP standing, the catalog's
/// stock less what released orders not yet sent to the ERP and orders sent after that stock was counted hold, the quotas'
/// balance, the domain's decision applied to each order, the quotas the released orders use consumed, and each released order staged for the ERP. An order the ERP's adapter
/// refuses (its field check) refuses the whole release with those problems, and nothing is saved.
/// </summary>
internal static class OrderReleases
{
    /// <summary>
    /// Releases the orders <paramref name="rows"/> reads once the customer's credit is locked, then its products' stripes:
    /// two concurrent releases never read the same credit, stock or quota balance; the second sees what the first took.
    /// </summary>
    public static async Task<CrmResult<IReadOnlyList<OrderReleased>>> ReleaseAsync(UnitOfWork work, AccountId customer,
        Func<Task<IReadOnlyList<SalesOrderRow>>> rows, LocalDate? deliveriesUntil)
    {
        await using var transaction = await SaleLocks.BeginAsync(work).ConfigureAwait(false);
        await SaleLocks.CustomerAsync(work, customer).ConfigureAwait(false);
        var found = await rows().ConfigureAwait(false);
        var orders = found.Select(r => r.ToOrder()).ToList();
        var products = orders.SelectMany(o => o.Items.Select(i => i.Product)).Distinct(StringComparer.Ordinal).ToList();
        await SaleLocks.ProductsAsync(work, products).ConfigureAwait(false);
        var data = await work.Db.LoadAsync(products, null, withRelations: false, work.Cancellation).ConfigureAwait(false);
        if (!ProductCatalog.Build(data).TryPickT0(out var catalog, out var broken))
            return broken;
        var today = OrderWork.Today(work);
        var evaluating = orders.Select(o => o.Id).ToList();
        var credit = await CreditAsync(work, customer, evaluating).ConfigureAwait(false);
        var held = await StockHeldAsync(work, products, evaluating).ConfigureAwait(false);
        var decisions = credit.Match(
            position => OrderRelease.ByCustomer(orders, position, catalog, today, deliveriesUntil, held),
            unknown => orders.Select(o => new ReleaseDecision(o.Id, false, o.Totals?.Total ?? 0m, unknown.Problems)).ToList());
        var at = work.Clock.GetCurrentInstant();
        var outcomes = new List<OrderReleased>();
        foreach (var (row, order) in found.Zip(orders))
        {
            var decision = decisions.First(d => d.Order == order.Id);
            if (!order.ApplyRelease(decision, work.User, at).TryPickT0(out _, out var invalid))
                return invalid;
            var handoff = new ErpHandoff(ErpHandoffStatus.None, null, null, "Pedido não liberado: nada vai ao ERP.");
            if (order.Status == SalesOrderStatus.Released)
            {
                await MoveQuotasAsync(work, order, 1m).ConfigureAwait(false);
                if (!(await OrderOutbox.StageAsync(work, order).ConfigureAwait(false)).TryPickT0(out handoff, out var refused))
                    return refused;
            }
            row.Write(order);
            outcomes.Add(new OrderReleased(order.Id, 0, order.Status, order.BlockReasons, handoff));
        }
        var saved = await work.SaveAsync(outcomes).ConfigureAwait(false);
        if (!saved.Succeeded)
            return saved.Failure<IReadOnlyList<OrderReleased>>();
        await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
        return CrmResult<IReadOnlyList<OrderReleased>>.Of([.. outcomes.Select((o, i) => o with { Version = work.VersionOf(found[i]) })]);
    }

    /// <summary>
    /// A released order being cancelled (in a transaction of <see cref="SaleLocks.BeginAsync"/>) gives back what it took of
    /// its quotas, under its products' stripes.
    /// </summary>
    public static async Task ReturnQuotasAsync(UnitOfWork work, SalesOrder order)
    {
        await SaleLocks.ProductsAsync(work, order.Items.Where(i => i.IsOpen && i.Quota is not null).Select(i => i.Product)).ConfigureAwait(false);
        await MoveQuotasAsync(work, order, -1m).ConfigureAwait(false);
    }

    /// <summary>
    /// The base quantities per (product, warehouse) held by the tenant's orders not among <paramref name="evaluating"/> that
    /// the catalog's stock still counts as free: the released ones not yet sent (the CRM promised them, the ERP does not have
    /// them), and the ones sent to the ERP after that stock was counted (<see cref="StockRow.ImportedAt"/>; of several units'
    /// rows, the earliest). An order sent before the count is in the ERP's stock already; stock saved without a count time
    /// holds no sent order.
    /// </summary>
    private static async Task<Dictionary<(string Product, string Warehouse), decimal>> StockHeldAsync(UnitOfWork work, List<string> products,
        List<SalesOrderId> evaluating)
    {
        var db = work.Db;
        var countedAt = (await db.Stock.AsNoTracking().Where(s => products.Contains(s.Product))
                .Select(s => new { s.Product, s.Warehouse, s.Unit, s.ImportedAt }).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .Where(s => s.ImportedAt is not null).GroupBy(s => (s.Product, s.Warehouse)).ToDictionary(g => g.Key, g => g.Min(s => s.ImportedAt!.Value));
        // An order's first send is when the ERP took its stock (a later message, e.g. its cancellation, does not matter).
        var sentAt = countedAt.Count == 0 ? [] : (await db.Outbox.AsNoTracking()
                .Where(m => m.Order != null && m.Status == OutboxStatus.Sent && m.SentAt > countedAt.Values.Min())
                .Select(m => new { m.Order, m.SentAt }).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .GroupBy(m => m.Order!.Value).ToDictionary(g => g.Key, g => g.Min(m => m.SentAt!.Value));
        var sentIds = sentAt.Keys.ToList();
        var rows = await db.SalesOrders.AsNoTracking()
            .Where(o => (o.Status == SalesOrderStatus.Released || (o.Status == SalesOrderStatus.Sent && sentIds.Contains(o.Id))) && !evaluating.Contains(o.Id)
                && db.SalesOrderItems.Any(i => i.Order == o.Id && i.IsOpen && products.Contains(i.Product)))
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var held = new Dictionary<(string Product, string Warehouse), decimal>();
        foreach (var order in rows.Select(r => r.ToOrder()))
            foreach (var item in order.Items.Where(i => i.IsOpen))
            {
                var key = (item.Product, item.Warehouse);
                if (order.Status == SalesOrderStatus.Released || (countedAt.TryGetValue(key, out var counted) && sentAt[order.Id] > counted))
                    held[key] = held.GetValueOrDefault(key) + (item.BaseQuantity ?? 0m);
            }
        return held;
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

    // A released order takes what it uses of each quota it names (QuotaUse), a cancelled one gives it back (sign −1); the
    // rows are saved with the order.
    private static async Task MoveQuotasAsync(UnitOfWork work, SalesOrder order, decimal sign)
    {
        var use = order.QuotaUse();
        if (use.Count == 0)
            return;
        var codes = use.Keys.ToList();
        foreach (var quota in await work.Db.Quotas.Where(q => codes.Contains(q.Code)).ToListAsync(work.Cancellation).ConfigureAwait(false))
            quota.Consumed += sign * use[quota.Code];
    }
}
