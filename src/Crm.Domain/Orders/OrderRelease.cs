using System.Runtime.InteropServices;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Catalog;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>A customer's credit position (SA1 A1_LC, A1_SALDUPM + A1_SALPEDL): the limit, what is already owed or committed, and when the limit expires.</summary>
/// <param name="Limit">The credit limit.</param>
/// <param name="OpenBalance">Open receivables plus released orders not yet invoiced.</param>
/// <param name="ExpiresOn">The last day the limit is valid; null when it does not expire.</param>
public sealed record CreditPosition(decimal Limit, decimal OpenBalance, LocalDate? ExpiresOn = null)
{
    /// <summary>The credit limit.</summary>
    public decimal Limit { get; init; } = Limit;

    /// <summary>Open receivables plus released orders not yet invoiced.</summary>
    public decimal OpenBalance { get; init; } = OpenBalance;

    /// <summary>The last day the limit is valid; null when it does not expire.</summary>
    public LocalDate? ExpiresOn { get; init; } = ExpiresOn;

    /// <summary>What new orders may still take: the limit minus the open balance (A1_LC − A1_SALDUPM − A1_SALPEDL).</summary>
    public decimal Available => Limit - OpenBalance;

    /// <summary>
    /// The credit position of an account from its stored ERP <paramref name="standing"/>: its limit and expiry, and its open
    /// balance plus <paramref name="openOrders"/> (the CRM's released orders not yet invoiced, A1_SALPEDL). Problems, each
    /// named, when the ERP blocks the customer (<c>order.release.customer_blocked</c>), when the standing lacks the limit (<c>order.release.credit_limit_unknown</c>) or the open balance
    /// (<c>order.release.open_balance_unknown</c>): an unknown amount is never taken as zero.
    /// </summary>
    public static Outcome<CreditPosition> From(ErpStanding standing, decimal openOrders)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentOutOfRangeException.ThrowIfNegative(openOrders);
        var problems = new ProblemCollector();
        if (standing.Blocked == true)
            problems.Add(new Problem("credit.blocked", OrderCodes.CustomerBlocked, "O ERP bloqueou as vendas ao cliente (crédito suspenso)."));
        if (standing.CreditLimit is null)
            problems.Add(new Problem("credit.limit", OrderCodes.CreditLimitUnknown, "O ERP não informou o limite de crédito do cliente."));
        if (standing.OpenBalance is null)
            problems.Add(new Problem("credit.open_balance", OrderCodes.OpenBalanceUnknown, "O ERP não informou o saldo em aberto do cliente."));
        if (problems.HasProblems)
            return problems.ToInvalid();
        return new CreditPosition(standing.CreditLimit!.Value, standing.OpenBalance!.Value + openOrders, standing.CreditLimitExpiresOn);
    }
}

/// <summary>The release evaluation of one order: released, or the reasons it is blocked (credit, stock, date, sale problems).</summary>
/// <param name="Order">The order.</param>
/// <param name="Released">True when released.</param>
/// <param name="Amount">The order total it takes from the credit when released.</param>
/// <param name="Reasons">Why it is blocked; empty when released.</param>
public sealed record ReleaseDecision(SalesOrderId Order, bool Released, decimal Amount, IReadOnlyList<Problem> Reasons)
{
    /// <summary>The order.</summary>
    public SalesOrderId Order { get; init; } = Order;

    /// <summary>True when released.</summary>
    public bool Released { get; init; } = Released;

    /// <summary>The order total it takes from the credit when released.</summary>
    public decimal Amount { get; init; } = Amount;

    /// <summary>Why it is blocked; empty when released.</summary>
    public IReadOnlyList<Problem> Reasons { get; init; } = Reasons;
}

/// <summary>
/// Release of sales orders (liberação, seed 002; Protheus MATA440/MATA450): credit first — an expired limit or a total above
/// the credit left blocks the order and its stock is not evaluated — then the stock of every item, then the delivery dates.
/// By customer, the customer's orders are evaluated oldest first, each released one taking its total from the credit and its
/// quantities from the stock and its quotas, so that together they never pass the credit limit, the stock or a quota's balance.
/// </summary>
public static class OrderRelease
{
    /// <summary>Evaluates one order (liberação por pedido).</summary>
    /// <param name="order">An approved or blocked order, recalculated.</param>
    /// <param name="credit">The customer's credit position.</param>
    /// <param name="catalog">The catalog, whose stock is what is free to commit.</param>
    /// <param name="today">The day of the release.</param>
    /// <param name="horizon">Items delivering after this date are not due yet; null to release whatever the dates.</param>
    public static ReleaseDecision ByOrder(SalesOrder order, CreditPosition credit, ProductCatalog catalog, LocalDate today, LocalDate? horizon = null) =>
        ByCustomer([order], credit, catalog, today, horizon)[0];

    /// <summary>Evaluates every order of one customer (liberação por cliente), oldest first (issue date, then id); one decision per order in that order.</summary>
    /// <param name="orders">The customer's approved or blocked orders.</param>
    /// <param name="credit">The customer's credit position.</param>
    /// <param name="catalog">The catalog, whose stock is what is free to commit.</param>
    /// <param name="today">The day of the release.</param>
    /// <param name="horizon">Items delivering after this date are not due yet; null to release whatever the dates.</param>
    /// <param name="committedStock">
    /// Base quantities per (product, warehouse) already committed to released orders not among <paramref name="orders"/> and not
    /// yet in the catalog's stock; null for none.
    /// </param>
    public static IReadOnlyList<ReleaseDecision> ByCustomer(
        IEnumerable<SalesOrder> orders, CreditPosition credit, ProductCatalog catalog, LocalDate today, LocalDate? horizon = null,
        IReadOnlyDictionary<(string Product, string Warehouse), decimal>? committedStock = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(catalog);
        var sorted = orders.OrderBy(o => o.Header.IssueDate).ThenBy(o => o.Id.Value).ToArray();
        if (sorted.Select(o => o.Header.Customer).Distinct().Skip(1).Any())
            throw new ArgumentException("Release by customer takes the orders of one customer.", nameof(orders));
        var available = credit.Available;
        // stock taken by the orders released before (elsewhere, then here)
        var committed = committedStock is null ? new Dictionary<(string, string), decimal>() : new Dictionary<(string, string), decimal>(committedStock);
        var needs = new Dictionary<(string, string), decimal>(); // the stock of the order at hand, reused from order to order
        var quotasTaken = new Dictionary<string, decimal>(StringComparer.Ordinal); // quota taken by the orders released so far (the catalog's Consumed is before them)
        var decisions = new ReleaseDecision[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var order = sorted[i];
            needs.Clear();
            var (reasons, amount) = Evaluate(order, credit, available, catalog, committed, needs, quotasTaken, today, horizon);
            if (!reasons.HasProblems)
            {
                available -= amount;
                foreach (var (key, quantity) in needs)
                    CollectionsMarshal.GetValueRefOrAddDefault(committed, key, out _) += quantity;
                foreach (var (quota, quantity) in order.QuotaUse())
                    CollectionsMarshal.GetValueRefOrAddDefault(quotasTaken, quota, out _) += quantity;
            }
            decisions[i] = new ReleaseDecision(order.Id, !reasons.HasProblems, amount, reasons.Items);
        }
        return decisions;
    }

    /// <summary>The reasons that block <paramref name="order"/> (none when nothing does) and its amount; fills <paramref name="needs"/> with the stock it takes.</summary>
    private static (ProblemCollector Reasons, decimal Amount) Evaluate(
        SalesOrder order, CreditPosition credit, decimal available, ProductCatalog catalog,
        Dictionary<(string, string), decimal> committed, Dictionary<(string, string), decimal> needs, Dictionary<string, decimal> quotasTaken,
        LocalDate today, LocalDate? horizon)
    {
        var reasons = new ProblemCollector();
        if (order.Status is not (SalesOrderStatus.Approved or SalesOrderStatus.Blocked))
            reasons.Add(new Problem("status", OrderCodes.Transition, $"Só pedidos aprovados ou bloqueados são liberados (situação {order.Status})."));
        if (order.Totals is not { } totals)
        {
            reasons.Add(new Problem("order", OrderCodes.NotPriced, "Recalcule o pedido antes de liberá-lo."));
            return (reasons, 0m);
        }
        var amount = totals.Total;
        if (credit.ExpiresOn < today)
            reasons.Add(new Problem("credit", OrderCodes.CreditExpired, $"Limite de crédito vencido em {credit.ExpiresOn}."));
        else if (amount > available)
            reasons.Add(new Problem("credit", OrderCodes.CreditLimit, $"Pedido de {amount} acima do crédito disponível de {available}."));
        if (reasons.HasProblems)
            return (reasons, amount); // MATA440: without credit, stock is not evaluated
        foreach (var item in order.Items)
        {
            if (!item.IsOpen)
                continue;
            CollectionsMarshal.GetValueRefOrAddDefault(needs, (item.Product, item.Warehouse), out _) += item.BaseQuantity ?? decimal.MaxValue / 2;
            var delivery = item.PromiseDate ?? item.BillingDate ?? order.Header.IssueDate;
            if (delivery > horizon)
                reasons.Add(new Problem($"items[{item.Number}].promise_date", OrderCodes.NotDue, $"Entrega em {delivery}, depois de {horizon}."));
        }
        foreach (var ((product, warehouse), need) in needs)
        {
            var left = (catalog.OnHand(product, warehouse) ?? 0m) - committed.GetValueOrDefault((product, warehouse));
            if (need > left)
                reasons.Add(new Problem("stock", OrderCodes.StockBlock, $"Estoque de {product} no armazém {warehouse}: {left} livres para {need}."));
        }
        foreach (var (code, need) in order.QuotaUse())
        {
            var left = (catalog.FindQuota(code)?.Remaining ?? 0m) - quotasTaken.GetValueOrDefault(code);
            if (need > left)
                reasons.Add(new Problem("quota", OrderCodes.QuotaBlock, $"Cota {code}: saldo de {left} para {need}."));
        }
        return (reasons, amount);
    }
}
