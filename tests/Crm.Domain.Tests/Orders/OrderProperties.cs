using Crm.Domain.Orders;
using Crm.Domain.Tests.Catalog;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

public class OrderProperties
{
    // The property: whatever the items' values, the freight and discount shares of a recalculated order add up
    // exactly to the document amounts, and the order total to the sum of its items.
    [Property(MaxTest = 60)]
    public bool Apportioned_cents_always_sum_to_the_header(NonEmptyArray<PositiveInt> prices, PositiveInt freight, NonNegativeInt discount)
    {
        var items = prices.Get.Take(12).Select(p => Item("P1", 1m + p.Get % 7) with { NewPrice = 80m + p.Get % 100_000 / 100m }).ToArray();
        var order = Order(items);
        var value = items.Sum(i => i.Quantity * i.NewPrice!.Value);
        var freightAmount = freight.Get / 100m;
        var discountAmount = Math.Min(discount.Get / 100m, decimal.Floor(value / 2m));
        order.ApportionFreight(freightAmount, Seller, At);
        order.ApportionDiscount(discountAmount, Seller, At);
        Priced(order);
        return order.Items.Sum(i => i.Values!.Freight) == freightAmount
               && order.Items.Sum(i => i.Values!.Discount) == discountAmount
               && order.Items.Sum(i => i.Values!.Total) == order.Totals!.Value.Total;
    }

    // Copy, edit some items and the header, compare: exactly the edited fields come back.
    [Property(MaxTest = 60)]
    public bool Copy_then_compare_finds_exactly_the_edits(NonEmptyArray<byte> edits, bool changeHeader)
    {
        var catalog = CatalogFixture.Built();
        var plan = edits.Get.Take(8).ToArray();
        var original = Order(plan.Select((_, i) => Item("P1", 1m + i)).ToArray());
        var copy = original.Copy(new SalesOrderId(Guid.NewGuid()), Seller, At);
        var expected = new HashSet<string>();
        if (changeHeader)
        {
            copy.ChangeHeader(copy.Header with { Carrier = "T9" }, Seller, At);
            expected.Add("header.carrier");
        }
        for (var i = 0; i < plan.Length; i++)
        {
            var item = copy.Items[i];
            switch (plan[i] % 4)
            {
                case 1:
                    copy.ChangeItem(item.Id, Item("P1", item.Quantity + 1m), catalog, Seller, At);
                    expected.Add($"items[{i + 1}].quantity");
                    break;
                case 2:
                    copy.ChangeItem(item.Id, Item("P1", item.Quantity) with { Discount = 1m + plan[i] % 50 }, catalog, Seller, At);
                    expected.Add($"items[{i + 1}].discount");
                    break;
                case 3:
                    copy.CancelItem(item.Id, "motivo", Seller, At);
                    expected.Add($"items[{i + 1}].status");
                    expected.Add($"items[{i + 1}].status_reason");
                    break;
            }
        }
        return OrderComparison.Compare(original, copy).Select(d => d.Field).ToHashSet().SetEquals(expected);
    }

    // Whatever the orders and the credit, the released ones together never pass the credit left nor the stock on hand.
    [Property(MaxTest = 40)]
    public bool Release_never_frees_an_order_over_the_credit_limit_or_beyond_stock(NonEmptyArray<PositiveInt> quantities, NonNegativeInt limit)
    {
        var catalog = CatalogFixture.Built();
        var orders = quantities.Get.Take(6).Select((q, i) =>
            ReleaseTests.Approved(i % 3, Item("P1", 1m + q.Get % 100), Item("LOTTED", 1m + q.Get % 30))).ToArray();
        var credit = new CreditPosition(limit.Get % 50_000, limit.Get % 7);
        var decisions = OrderRelease.ByCustomer(orders, credit, catalog, CatalogFixture.Date);
        var released = orders.Where(o => decisions.Single(d => d.Order == o.Id).Released).ToArray();
        decimal Quantity(string product) => released.SelectMany(o => o.Items).Where(i => i.Product == product).Sum(i => i.BaseQuantity!.Value);
        return released.Sum(o => o.Totals!.Value.Total) <= credit.Available
               && Quantity("P1") <= catalog.OnHand("P1", "A1")
               && Quantity("LOTTED") <= catalog.OnHand("LOTTED", "A1");
    }

    // A random sequence of edits, apportionments and recalculations: every item ever added is still there with its number,
    // and every recalculation's totals are the exact sums of the open items' values.
    [Property(MaxTest = 40)]
    public bool A_random_sequence_of_order_operations_never_loses_an_item_or_a_cent(NonEmptyArray<int> operations)
    {
        var catalog = CatalogFixture.Built();
        var context = Context(catalog);
        var order = Order(Item("P1", 1m));
        var added = 1;
        foreach (var op in operations.Get.Take(25))
        {
            var open = order.Items.Where(i => i.IsOpen).ToArray();
            var pick = open.Length == 0 ? null : open[Math.Abs(op % open.Length)];
            switch (Math.Abs(op % 6))
            {
                case 0:
                    added += order.AddItems([Item(op % 2 == 0 ? "P1" : "BEER", op % 2 == 0 ? 1m + Math.Abs(op % 5) : 12m)], catalog, Seller, At).AsT0.Count;
                    break;
                case 1 when pick is not null:
                    order.ChangeItem(pick.Id, Item(pick.Product, pick.Quantity, pick.Unit) with { NewPrice = pick.Product == "P1" ? 80m + Math.Abs(op % 1_000) / 100m : null }, catalog, Seller, At);
                    break;
                case 2 when pick is not null && open.Length > 1:
                    order.CancelItem(pick.Id, "motivo", Seller, At);
                    break;
                case 3:
                    order.ApportionFreight(Math.Abs(op % 10_000) / 100m, Seller, At);
                    break;
                case 4:
                    order.ApportionDiscount(Math.Abs(op % 500) / 100m, Seller, At);
                    break;
                default:
                    var check = order.Recalculate(context, Seller, At).AsT0;
                    if (check.Pricing is null)
                        return false;
                    var items = order.Items.Where(i => i.IsOpen).Select(i => i.Values!).ToArray();
                    if (items.Sum(v => v.Total) != order.Totals!.Value.Total || items.Sum(v => v.Products) != order.Totals.Value.Products
                        || items.Sum(v => v.Freight) != order.Totals.Value.Freight || (order.Freight is { } f && f != order.Totals.Value.Freight))
                        return false;
                    break;
            }
        }
        return order.Items.Count == added && order.Items.Select(i => i.Number).SequenceEqual(Enumerable.Range(1, added));
    }
}
