using System.Text.Json;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Persistence.Orders;
using Crm.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Persistence.Tests.Sales;

/// <summary>
/// A random sequence of order operations, stored and read back after each one, never loses an item, a cent, an approval or
/// a history entry: the row's documents rebuild exactly the order the domain holds.
/// </summary>
public sealed class StoredOrderProperties
{
    private static readonly ProductCatalog Catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
    private static readonly SaleContext Context = SalesFixture.Context(Catalog);
    private static readonly UserId Seller = new(Guid.Parse("00000000-0000-4000-8000-0000000000a1"));
    private static readonly string[] Products = ["NB-14", "MOUSE", "CABO", "KIT-ESC", "OLD"];

    public static Arbitrary<(int Kind, int Product, int Quantity, int Cents)[]> Operations() =>
        Gen.Choose(0, 5).Zip(Gen.Choose(0, Products.Length - 1)).Zip(Gen.Choose(1, 12)).Zip(Gen.Choose(0, 50_000))
            .Select(t => (t.Item1.Item1.Item1, t.Item1.Item1.Item2, t.Item1.Item2, t.Item2)).ArrayOf().ToArbitrary();

    [Property(Arbitrary = [typeof(StoredOrderProperties)], MaxTest = 60)]
    public bool Every_state_of_a_random_order_reads_back_exactly((int Kind, int Product, int Quantity, int Cents)[] operations)
    {
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        var header = SalesFixture.Header(new AccountId(Guid.NewGuid()), Seller) with { SellerRole = "CRM - Usuário" };
        var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), new TenantId(Guid.NewGuid()), header, Seller, at).AsT0;
        var row = SalesOrderRow.From(order, null, null);
        foreach (var (kind, product, quantity, cents) in operations)
        {
            at += Duration.FromMinutes(1);
            var open = order.Items.Where(i => i.IsOpen).ToList();
            _ = kind switch
            {
                0 => order.AddItems([SalesFixture.Item(Products[product], quantity, discount: cents % 20)], Catalog, Seller, at).IsValid,
                1 when open.Count > 0 => order.CancelItem(open[cents % open.Count].Id, "motivo", Seller, at).IsValid,
                2 => order.ApportionFreight(cents / 100m, Seller, at).IsValid,
                3 => order.ApportionDiscount(cents / 1000m, Seller, at).IsValid,
                4 => order.Recalculate(Context, Seller, at).IsValid,
                _ => order.Submit(Context, Seller, at).IsValid || order.Reopen(Seller, at).IsValid,
            };
            row.Write(order);
            if (!Same(order, row.ToOrder()))
                return false;
        }
        return true;
    }

    private static bool Same(SalesOrder expected, SalesOrder actual) =>
        Json(expected.Items) == Json(actual.Items) && Json(expected.Approvals) == Json(actual.Approvals) && Json(expected.Header) == Json(actual.Header)
        && expected.History.SequenceEqual(actual.History) && expected.Totals == actual.Totals && expected.Status == actual.Status
        && expected.Freight == actual.Freight && expected.Discount == actual.Discount && expected.BlockReasons.SequenceEqual(actual.BlockReasons);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
