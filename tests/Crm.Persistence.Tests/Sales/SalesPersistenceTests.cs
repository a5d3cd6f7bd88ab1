using System.Text.Json;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Persistence.Catalog;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Orders;
using Crm.Persistence.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Sales;

/// <summary>The catalog's tables and the sales orders read back exactly as written, on both providers, confined to their tenant.</summary>
public sealed class SalesPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly UserId Seller = new(Guid.NewGuid());
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    // Records compare their lists by reference: the JSON of a value says whether every field came back.
    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    [Theory, SqliteData, PostgresData]
    public async Task A_catalog_batch_reads_back_piece_by_piece_and_another_tenant_sees_none_of_it(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var catalog = SalesFixture.Catalog();
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync(catalog, null, default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var loaded = await read.LoadAsync(["KIT-ESC", "CABO", "OLD"], null, withRelations: true, default);

        // The kit brings its components; the similar/complementary lists of the loaded products are cleared (their products are not loaded).
        Assert.Equal(["CABO", "KIT-ESC", "MOUSE", "NB-14", "OLD"], loaded.Products.Select(p => p.Code).Order());
        var notebook = catalog.Products.Single(p => p.Code == "NB-14");
        Assert.Equal(Json(notebook with { Similar = [], Complementary = [] }), Json(loaded.Products.Single(p => p.Code == "NB-14")));
        Assert.Equal(Json(catalog.Prices.OrderBy(p => p.Table).ThenBy(p => p.Product).ThenBy(p => p.Amount)),
            Json(loaded.Prices.OrderBy(p => p.Table).ThenBy(p => p.Product).ThenBy(p => p.Amount)));
        // Two counts of the same product, warehouse and unit (null is the base unit, as UN) are one row each.
        Assert.Equal(4, loaded.Stock.Count);
        Assert.Equal(Json(catalog.ProgrammedStock), Json(loaded.ProgrammedStock));
        Assert.Equal(Json(catalog.Lots), Json(loaded.Lots));
        Assert.Equal(Json(catalog.Quotas), Json(loaded.Quotas));
        Assert.Equal(Json(catalog.Promotions), Json(loaded.Promotions));
        Assert.Equal(2, loaded.Warehouses.Count);
        Assert.True(ProductCatalog.Build(loaded).IsValid);
        await using var other = db.Open(new TenantId(Guid.NewGuid()));
        Assert.Empty(await other.Products.ToListAsync());
        Assert.Empty((await other.LoadAsync(["NB-14"], null, true, default)).Products);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_batch_of_more_products_than_a_sqlite_statement_takes_parameters_is_saved_and_replaced_whole(string provider)
    {
        // 33,000 codes: more than the 32,766 parameters SQLite takes in one statement.
        const int Count = 33_000;
        await using var db = await TestDatabase.Create(provider);
        CatalogData Batch(decimal price) => new()
        {
            Products = [.. Enumerable.Range(0, Count).Select(i => SalesFixture.Product($"P{i}", $"Produto {i}", "8471.30.12"))],
            Prices = [.. Enumerable.Range(0, Count).Select(i => new ListPrice("T1", $"P{i}", price))],
        };
        foreach (var price in new[] { 1m, 2m })
        {
            await using var write = db.Open(Tenant);
            await write.StageAsync(Batch(price), null, default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        Assert.Equal((Count, Count), (await read.Products.CountAsync(), await read.ListPrices.CountAsync()));
        Assert.Equal([2m], await read.ListPrices.Select(p => p.Amount).Distinct().ToListAsync());
        Assert.Equal(Count, (await read.ProductsWithComponentsAsync(Enumerable.Range(0, Count).Select(i => $"P{i}"), default)).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_second_batch_replaces_by_key_and_leaves_the_rest(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync(SalesFixture.Catalog(), null, default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync(new CatalogData
            {
                Products = [SalesFixture.Product("NB-14", "Notebook 14\" v2", "8471.30.12")],
                Prices = [new ListPrice(SalesFixture.Table, "NB-14", 3_400m)],
                Stock = [new StockEntry("NB-14", SalesFixture.Warehouse, 7m)],
            }, null, default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var loaded = await read.LoadAsync(["NB-14", "MOUSE"], SalesFixture.Table, withRelations: true, default);
        Assert.Equal("Notebook 14\" v2", loaded.Products.Single(p => p.Code == "NB-14").Description);
        Assert.Equal([3_400m, 45.90m], loaded.Prices.OrderByDescending(p => p.Amount).Select(p => p.Amount));
        Assert.Equal(7m, loaded.Stock.Single(s => s.Product == "NB-14").Quantity);
        Assert.Equal(2, loaded.Stock.Count(s => s.Product == "MOUSE"));
        Assert.Equal(3_300m, (await read.ListPrices.SingleAsync(p => p.Table == "T2")).Amount); // another table's price stays
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_priced_order_with_approvals_and_history_reads_back_field_for_field_and_a_stale_version_conflicts(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
        var context = SalesFixture.Context(catalog);
        var header = SalesFixture.Header(new AccountId(Guid.NewGuid()), Seller) with { SellerRole = "CRM - Usuário" };
        var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), Tenant, header, Seller, At).AsT0;
        Assert.True(order.AddItems([SalesFixture.Item("KIT-ESC", 1m), SalesFixture.Item("NB-14", 1m, "CX", discount: 12m)], catalog, Seller, At).IsValid);
        Assert.True(order.ApportionFreight(150.00m, Seller, At).IsValid);
        Assert.NotNull(order.Recalculate(context, Seller, At).AsT0.Pricing);
        Assert.Equal(SalesOrderStatus.AwaitingApproval, order.Submit(context, Seller, At).AsT0);
        await using (var write = db.Open(Tenant))
        {
            write.SalesOrders.Add(SalesOrderRow.From(order, null, null));
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var row = await read.SalesOrders.SingleAsync(o => o.Id == order.Id);
        var loaded = row.ToOrder();

        Assert.Equal(Json(order.Header), Json(loaded.Header));
        Assert.Equal(Json(order.Items), Json(loaded.Items));
        Assert.Equal(Json(order.Approvals), Json(loaded.Approvals));
        Assert.Equal(order.History, loaded.History);
        Assert.Equal(order.Totals, loaded.Totals);
        Assert.Equal((order.Status, order.Freight, order.Discount), (loaded.Status, loaded.Freight, loaded.Discount));
        Assert.Equal(order.Totals!.Value.Total, row.Total);
        Assert.Equal(3, loaded.Items.Count);

        await using var stale = db.Open(Tenant);
        var old = await stale.SalesOrders.SingleAsync(o => o.Id == order.Id);
        Assert.True(loaded.Cancel("cliente desistiu", Seller, At).IsValid);
        row.Write(loaded);
        Assert.True((await read.SaveAsync()).IsSaved);
        old.Discount = 1m;
        Assert.IsType<Conflict>((await stale.SaveAsync()).Value);
    }
}
