using Crm.Domain.Orders;
using Crm.Domain.Tests.Catalog;
using NodaTime;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

/// <summary>Release by credit, stock and delivery date, by order and by customer (seed 002; Protheus MATA440/MATA450).</summary>
public class ReleaseTests
{
    internal static SalesOrder Approved(int daysLater, params Domain.Orders.ItemInput[] items)
    {
        var order = Priced(Order(Header() with { IssueDate = CatalogFixture.Date.PlusDays(daysLater) }, items));
        Assert.Equal(SalesOrderStatus.Approved, order.Submit(Context(), Seller, At).AsT0);
        return order;
    }

    [Fact]
    public void An_order_above_the_credit_left_is_blocked_and_its_stock_is_not_evaluated()
    {
        var order = Approved(0, Item("P1", 50m));
        var total = order.Totals!.Value.Total;
        var decision = OrderRelease.ByOrder(order, new CreditPosition(total + 100m, 101m), CatalogFixture.Built() /* stock is fine */, CatalogFixture.Date);
        Assert.Equal(OrderCodes.CreditLimit, Assert.Single(decision.Reasons).Code);

        // a catalog without stock: still only the credit reason (MATA440 evaluates stock only after credit)
        var expired = OrderRelease.ByOrder(order, new CreditPosition(1_000_000m, 0m, CatalogFixture.Date.PlusDays(-1)), Domain.Catalog.ProductCatalog.Empty, CatalogFixture.Date);
        Assert.Equal(OrderCodes.CreditExpired, Assert.Single(expired.Reasons).Code);

        Assert.True(OrderRelease.ByOrder(order, new CreditPosition(total + 100m, 100m), CatalogFixture.Built(), CatalogFixture.Date).Released);
    }

    [Fact]
    public void By_customer_the_oldest_orders_take_the_stock_and_credit_first()
    {
        var first = Approved(1, Item("P1", 60m));
        var second = Approved(0, Item("P1", 60m));
        var third = Approved(2, Item("LOTTED", 10m));
        var decisions = OrderRelease.ByCustomer([first, second, third], new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal([second.Id, first.Id, third.Id], decisions.Select(d => d.Order));
        Assert.Equal([true, false, true], decisions.Select(d => d.Released));
        Assert.Equal(OrderCodes.StockBlock, Assert.Single(decisions[1].Reasons).Code);

        // credit for the first two only: the blocked one takes nothing, so the third still fits
        var credit = new CreditPosition(second.Totals!.Value.Total + third.Totals!.Value.Total, 0m);
        var byCredit = OrderRelease.ByCustomer([first, second, third], credit, CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal([true, false, true], byCredit.Select(d => d.Released));
    }

    [Fact]
    public void Stock_held_by_released_orders_elsewhere_and_a_quotas_balance_block_what_they_do_not_cover()
    {
        var first = Approved(0, Item("P1", 60m));
        var held = new Dictionary<(string Product, string Warehouse), decimal> { [("P1", "A1")] = 50m };
        var decisions = OrderRelease.ByCustomer([first], new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date, committedStock: held);
        Assert.Equal(OrderCodes.StockBlock, Assert.Single(decisions[0].Reasons).Code);
        Assert.True(OrderRelease.ByCustomer([first], new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date,
            committedStock: new Dictionary<(string Product, string Warehouse), decimal> { [("P1", "A1")] = 40m })[0].Released);

        // Quota Q1 has 5 left (20 - 15): the first order takes 3, the second's 3 do not fit any more.
        var q1 = Approved(0, Item("P1", 3m) with { Quota = "Q1" });
        var q2 = Approved(1, Item("P1", 3m) with { Quota = "Q1" });
        var byQuota = OrderRelease.ByCustomer([q2, q1], new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal([true, false], byQuota.Select(d => d.Released));
        Assert.Equal(("quota", OrderCodes.QuotaBlock), (Assert.Single(byQuota[1].Reasons).Field, byQuota[1].Reasons[0].Code));
    }

    [Fact]
    public void Items_delivering_after_the_horizon_are_not_due()
    {
        var order = Approved(0, Item("P1", 1m) with { PromiseDate = CatalogFixture.Date.PlusDays(30) });
        var decision = OrderRelease.ByOrder(order, new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date, CatalogFixture.Date.PlusDays(7));
        Assert.Equal(("items[1].promise_date", OrderCodes.NotDue), (Assert.Single(decision.Reasons).Field, decision.Reasons[0].Code));
    }

    [Fact]
    public void A_blocked_order_keeps_its_reasons_and_can_be_released_later()
    {
        var order = Approved(0, Item("P1", 10m));
        var blocked = OrderRelease.ByOrder(order, new CreditPosition(0m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal(SalesOrderStatus.Blocked, order.ApplyRelease(blocked, Manager, At).AsT0);
        Assert.Equal(OrderCodes.CreditLimit, Assert.Single(order.BlockReasons).Code);
        Assert.Contains(order.History, h => h.Field == "block" && h.NewValue!.StartsWith(OrderCodes.CreditLimit, StringComparison.Ordinal));

        var later = OrderRelease.ByOrder(order, new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal(SalesOrderStatus.Released, order.ApplyRelease(later, Manager, At.Plus(Duration.FromHours(1))).AsT0);
        Assert.Empty(order.BlockReasons);
        Assert.Equal(SalesOrderStatus.Sent, order.MarkSent("000123", Manager, At).AsT0);
    }

    [Fact]
    public void A_draft_is_not_released()
    {
        var order = Priced(Order(Item("P1", 1m)));
        var decision = OrderRelease.ByOrder(order, new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Contains(decision.Reasons, r => r.Code == OrderCodes.Transition);
        Assert.Equal(OrderCodes.Transition, Assert.Single(order.ApplyRelease(decision with { Released = true, Reasons = [] }, Seller, At).Problems).Code);
    }
}

public class OrderStatusTests
{
    [Fact]
    public void The_state_machine_allows_exactly_these_moves()
    {
        const SalesOrderStatus D = SalesOrderStatus.Draft, W = SalesOrderStatus.AwaitingApproval, R = SalesOrderStatus.Rejected,
            A = SalesOrderStatus.Approved, B = SalesOrderStatus.Blocked, L = SalesOrderStatus.Released, S = SalesOrderStatus.Sent, C = SalesOrderStatus.Cancelled;
        HashSet<(SalesOrderStatus, SalesOrderStatus)> allowed =
        [
            (D, W), (D, A), (D, C), (W, A), (W, R), (W, D), (W, C), (R, D), (R, C),
            (A, L), (A, B), (A, D), (A, C), (B, L), (B, B), (B, D), (B, C), (L, S), (L, C),
        ];
        var all = Enum.GetValues<SalesOrderStatus>();
        foreach (var from in all)
            foreach (var to in all)
                Assert.True(allowed.Contains((from, to)) == SalesOrderStatuses.CanMove(from, to), $"{from} → {to}");
    }

    [Fact]
    public void Invalid_moves_are_values_and_change_nothing()
    {
        var order = Order(Item("P1", 1m));
        Assert.Equal(OrderCodes.Transition, Assert.Single(order.MarkSent("1", Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.Transition, Assert.Single(order.Reopen(Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.Transition, Assert.Single(order.Approve(order.Items[0].Id, "manager", Context(), null, Manager, At).Problems).Code);
        Assert.Equal(SalesOrderStatus.Draft, order.Status);

        Assert.Equal(SalesOrderStatus.Cancelled, order.Cancel("duplicado", Seller, At).AsT0);
        Assert.Equal(OrderCodes.Transition, Assert.Single(order.Cancel("de novo", Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.NotEditable, Assert.Single(order.AddItems([Item("P1", 1m)], CatalogFixture.Built(), Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.NotEditable, Assert.Single(order.Recalculate(Context(), Seller, At).Problems).Code);
        Assert.Equal(["Draft", "Cancelled"], order.History.Where(h => h.Field == "status").Select(h => h.NewValue));
    }
}

public class OrderRestoreTests
{
    [Fact]
    public void A_restored_order_is_the_stored_one_and_goes_on_from_where_it_was()
    {
        var order = ReleaseTests.Approved(0, Item("P1", 2m) with { Discount = 1m }, Item("LOTTED", 3m));
        var restored = SalesOrder.Restore(order.Id, order.Tenant, order.Header, order.Status, order.Items, order.Approvals, order.History,
            order.Freight, order.Discount, order.CopiedFrom, order.Totals, order.BlockReasons);
        Assert.Equal((order.Status, order.Totals, order.Items.Count, order.History.Count), (restored.Status, restored.Totals, restored.Items.Count, restored.History.Count));
        Assert.Equal(order.Items, restored.Items);
        Assert.Equal(order.History, restored.History);
        var decision = OrderRelease.ByOrder(restored, new CreditPosition(1_000_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date);
        Assert.Equal(SalesOrderStatus.Released, restored.ApplyRelease(decision, Manager, At).AsT0);
        // the next item of a restored order continues the numbering
        var draft = Order(Item("P1", 1m));
        var again = SalesOrder.Restore(draft.Id, draft.Tenant, draft.Header, draft.Status, draft.Items, [], draft.History, null, 0m, null, null, []);
        Assert.Equal(2, again.AddItems([Item("P1", 1m)], CatalogFixture.Built(), Seller, At).AsT0[0].Number);
    }
}

public class CustomerHistoryTests
{
    [Fact]
    public void Last_quotes_are_the_latest_priced_items_and_favourites_the_most_ordered_products()
    {
        var older = ReleaseTests.Approved(0, Item("P1", 2m) with { NewPrice = 97m }, Item("BEER", 12m));
        var newer = ReleaseTests.Approved(3, Item("P1", 1m) with { NewPrice = 96m });
        var cancelled = ReleaseTests.Approved(5, Item("SLOW", 1m), Item("P1", 1m) with { NewPrice = 98m });
        cancelled.Cancel("desistiu", Seller, At);
        var unpriced = Order(Item("BEER", 12m));

        var quotes = CustomerHistory.LastQuotes([older, newer, cancelled, unpriced], "P1", 5);
        Assert.Equal([(newer.Id, 96m), (older.Id, 97m)], quotes.Select(q => (q.Order, q.UnitPrice)));
        Assert.Single(CustomerHistory.LastQuotes([older, newer], "P1", 1));
        Assert.Equal(["BEER", "P1"], CustomerHistory.Favourites([older, newer, cancelled, unpriced], 2));
    }
}

public class QuotaUseTests
{
    [Fact]
    public void An_order_says_what_it_takes_from_each_quota_in_base_units()
    {
        var order = Order(Item("P1", 2m) with { Quota = "Q1" }, Item("P1", 1m, "CX") with { Quota = "Q1" }, Item("BEER", 12m), Item("P1", 1m) with { Quota = "Q2" });
        order.CancelItem(order.Items[3].Id, "sem cota", Seller, At);
        Assert.Equal(new Dictionary<string, decimal> { ["Q1"] = 14m }, order.QuotaUse());
    }
}

public class HeaderChangeTests
{
    [Fact]
    public void A_header_change_records_each_changed_field_with_who_and_when()
    {
        var order = Priced(Order(Item("P1", 1m)));
        var later = At.Plus(NodaTime.Duration.FromMinutes(5));
        var entries = order.ChangeHeader(order.Header with { Carrier = "T1", FreightType = FreightType.Fob, Observations = "Entregar pela manhã" }, Manager, later).AsT0;
        Assert.Equal([("header.carrier", null, "T1"), ("header.freight_type", "Cif", "Fob"), ("header.observations", null, "Entregar pela manhã")],
            entries.Select(e => (e.Field, e.OldValue, e.NewValue)));
        Assert.All(entries, e => Assert.Equal((Manager, later), (e.By, e.At)));
        Assert.False(order.IsPriced);
        Assert.Equal(OrderCodes.Required, Assert.Single(order.ChangeHeader(order.Header with { PaymentCondition = "" }, Manager, later).Problems).Code);
    }
}
