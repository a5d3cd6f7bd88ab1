using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Sdk.Orders;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    [Theory, SqliteData, PostgresData]
    public async Task Cancelling_a_released_order_gives_its_quota_back(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var diretor = sales.Host.As(sales.Host.Diretor);
        var customer = await sales.CustomerAsync(24, sales.Host.Diretor, limit: 1_000_000m);
        var order = await ApprovedAsync(diretor, customer, SalesFixture.Item("NB-14", 3m) with { Quota = "Q-NB" });
        var released = Ok(await diretor.Orders.ReleaseAsync(order.Id, order.Version));
        Assert.Equal(3m, await ConsumedAsync(sales.Host));

        Ok(await diretor.Orders.CancelAsync(order.Id, released.Version, "cliente desistiu"));

        Assert.Equal(0m, await ConsumedAsync(sales.Host));
    }

    private static async Task<decimal> ConsumedAsync(TestHost host)
    {
        await using var db = host.Open();
        return (await db.Quotas.AsNoTracking().SingleAsync(q => q.Code == "Q-NB")).Consumed;
    }

    /// <summary>
    /// Two approved orders of <paramref name="customer"/>, released by two sessions at once while a third transaction holds the
    /// release's lock (PostgreSQL: the customer's advisory lock; SQLite: the write lock). Both must be seen waiting for it
    /// before reading anything the decision depends on (no credit read: PostgreSQL shows both waits in pg_locks); without the
    /// lock both would read the same credit, stock and quota and both be released.
    /// </summary>
    private static async Task<(OrderReleased Released, OrderReleased Blocked)> RaceAsync(SalesHost sales, AccountId customer, ItemInput first, ItemInput second)
    {
        var host = sales.Host;
        var orders = new[] { await ApprovedAsync(host.As(host.Diretor), customer, first), await ApprovedAsync(host.As(host.Diretor), customer, second) };
        var sessions = new[] { host.As(host.Diretor), host.As(host.Diretor) };
        OrderReleased[] results;
        await using (var holder = host.Open())
        {
            var postgres = holder.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            await using var transaction = await holder.Database.BeginTransactionAsync();
            var (space, key) = SaleLocks.CustomerLock(host.Tenant, customer);
            if (postgres)
                await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space}, {key})");
            var creditReads = CreditReads(host);
            var releases = orders.Select((o, i) => Task.Run(() => sessions[i].Orders.ReleaseAsync(o.Id, o.Version))).ToArray();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            if (postgres)
                while (await holder.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() < 2)
                    await Task.Delay(20, timeout.Token);
            else
                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            Assert.All(releases, r => Assert.False(r.IsCompleted));
            Assert.Equal(creditReads, CreditReads(host)); // both wait before reading the credit
            await transaction.RollbackAsync();
            results = [.. (await Task.WhenAll(releases)).Select(Ok)];
        }
        var released = Assert.Single(results, r => r.Status == SalesOrderStatus.Released);
        var blocked = Assert.Single(results, r => r.Status == SalesOrderStatus.Blocked);
        Assert.Equal(SalesOrderStatus.Blocked, Ok(await host.As(host.Diretor).Orders.GetAsync(blocked.Id)).Order.Status);
        return (released, blocked);
    }

    // The credit reads the engine has started so far (a release reads the customer's sent orders from the outbox).
    private static int CreditReads(TestHost host) => host.Logs.Lines.Count(l => l.Event.Id == RelationalEventId.CommandExecuting.Id
        && l.Message.Contains("FROM \"Outbox\"", StringComparison.Ordinal));

    /// <summary>An order of one item, created and submitted by <paramref name="diretor"/>: approved (nothing to approve).</summary>
    internal static async Task<OrderMoved> ApprovedAsync(CrmSession diretor, AccountId customer, ItemInput item)
    {
        var created = Ok(await diretor.Orders.CreateAsync(SalesFixture.Header(customer, diretor.User)));
        var added = Ok(await diretor.Orders.AddItemsAsync(created.Id, created.Version, [item]));
        Assert.True(added.Totals is not null, string.Join("\n", added.Problems));
        var submitted = Ok(await diretor.Orders.SubmitAsync(created.Id, added.Version));
        Assert.Equal(SalesOrderStatus.Approved, submitted.Status);
        return submitted;
    }
}
