using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Sdk.Orders;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// Two sessions releasing orders of the same customer at once, which together would pass its credit, the stock or a quota:
/// the releases of a customer run one at a time, so exactly one order is released and the other is blocked with the reason.
/// </summary>
public sealed class ReleaseRaceTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Two_releases_at_once_never_pass_the_credit_limit_together(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        // Each order is 3,850.00 (one notebook with 10 % IPI); 5,000.00 of credit holds one.
        var customer = await sales.CustomerAsync(21, sales.Host.Diretor, limit: 5_000m);

        var (released, blocked) = await RaceAsync(sales, customer, SalesFixture.Item("NB-14", 1m), SalesFixture.Item("NB-14", 1m));

        Assert.Equal(OrderCodes.CreditLimit, Assert.Single(blocked.Reasons).Code);
        Assert.Equal(SalesOrderStatus.Released, released.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_releases_at_once_never_take_more_than_the_stock_together(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var customer = await sales.CustomerAsync(22, sales.Host.Diretor, limit: 1_000_000m);

        // 20 notebooks in A1: 12 and 12 do not both fit.
        var (_, blocked) = await RaceAsync(sales, customer, SalesFixture.Item("NB-14", 12m), SalesFixture.Item("NB-14", 12m));

        Assert.Equal(OrderCodes.StockBlock, Assert.Single(blocked.Reasons).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_releases_at_once_never_use_more_than_a_quota_together(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var diretor = sales.Host.As(sales.Host.Diretor);
        var catalog = SalesFixture.Catalog();
        Ok(await diretor.Catalog.SaveAsync(catalog with { Stock = [new StockEntry("NB-14", SalesFixture.Warehouse, 500m)] }));
        var customer = await sales.CustomerAsync(23, sales.Host.Diretor, limit: 10_000_000m);

        // Quota Q-NB holds 100 notebooks: 60 and 60 do not both fit (each fits alone, so both were submitted).
        var (released, blocked) = await RaceAsync(sales, customer,
            SalesFixture.Item("NB-14", 60m) with { Quota = "Q-NB" }, SalesFixture.Item("NB-14", 60m) with { Quota = "Q-NB" });

        Assert.Equal(OrderCodes.QuotaBlock, Assert.Single(blocked.Reasons).Code);
        Assert.Equal(SalesOrderStatus.Released, released.Status);
        await using var db = sales.Host.Open();
        Assert.Equal(60m, (await db.Quotas.AsNoTracking().SingleAsync(q => q.Code == "Q-NB")).Consumed);
    }

    /// <summary>
    /// Two approved orders of <paramref name="customer"/>, released by two sessions at once while a third transaction holds
    /// the writes back (SQLite: its write lock; PostgreSQL: an EXCLUSIVE lock on the orders, which lets reads through), so
    /// that without serialization both would read the same credit, stock and quota before either writes.
    /// </summary>
    private static async Task<(OrderReleased Released, OrderReleased Blocked)> RaceAsync(SalesHost sales, AccountId customer, ItemInput first, ItemInput second)
    {
        var host = sales.Host;
        var orders = new[] { await ApprovedAsync(host.As(host.Diretor), customer, first), await ApprovedAsync(host.As(host.Diretor), customer, second) };
        var sessions = new[] { host.As(host.Diretor), host.As(host.Diretor) };
        OrderReleased[] results;
        await using (var holder = host.Open())
        {
            await using var transaction = await holder.Database.BeginTransactionAsync();
            if (holder.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal))
                await holder.Database.ExecuteSqlRawAsync("LOCK TABLE \"SalesOrders\" IN EXCLUSIVE MODE");
            var releases = orders.Select((o, i) => Task.Run(() => sessions[i].Orders.ReleaseAsync(o.Id, o.Version))).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(releases, r => Assert.False(r.IsCompleted)); // both started, neither could write
            await transaction.RollbackAsync();
            results = [.. (await Task.WhenAll(releases)).Select(Ok)];
        }
        var released = Assert.Single(results, r => r.Status == SalesOrderStatus.Released);
        var blocked = Assert.Single(results, r => r.Status == SalesOrderStatus.Blocked);
        Assert.Equal(SalesOrderStatus.Blocked, Ok(await host.As(host.Diretor).Orders.GetAsync(blocked.Id)).Order.Status);
        return (released, blocked);
    }

    private static async Task<OrderMoved> ApprovedAsync(CrmSession diretor, AccountId customer, ItemInput item)
    {
        var created = Ok(await diretor.Orders.CreateAsync(SalesFixture.Header(customer, diretor.User)));
        var added = Ok(await diretor.Orders.AddItemsAsync(created.Id, created.Version, [item]));
        Assert.True(added.Totals is not null, string.Join("\n", added.Problems));
        var submitted = Ok(await diretor.Orders.SubmitAsync(created.Id, added.Version));
        Assert.Equal(SalesOrderStatus.Approved, submitted.Status);
        return submitted;
    }
}
