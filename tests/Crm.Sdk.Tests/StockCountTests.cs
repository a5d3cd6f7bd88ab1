using Crm.Domain.Catalog;
using Crm.Domain.Orders;
using Crm.Tests.Shared;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>The stock a release may take: an order sent to the ERP holds its stock until the ERP's stock is counted again.</summary>
public sealed class StockCountTests
{
    [Theory, SqliteData, PostgresData]
    public async Task An_order_sent_after_the_stock_was_counted_still_holds_it_until_the_next_count(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(31, host.Diretor, limit: 1_000_000m);
        // The fixture's catalog (20 notebooks in A1) was saved when the host was made: counted then.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await ReleaseRaceTests.ApprovedAsync(diretor, customer, SalesFixture.Item("NB-14", 12m));
        Assert.Equal(SalesOrderStatus.Released, Ok(await diretor.Orders.ReleaseAsync(first.Id, first.Version)).Status);
        await host.Engine.Outbox.DispatchPendingAsync();
        await host.Engine.Outbox.DispatchPendingAsync();
        Assert.Equal(SalesOrderStatus.Sent, Ok(await diretor.Orders.GetAsync(first.Id)).Order.Status);

        var second = await ReleaseRaceTests.ApprovedAsync(diretor, customer, SalesFixture.Item("NB-14", 12m));
        var blocked = Ok(await diretor.Orders.ReleaseAsync(second.Id, second.Version));
        // The ERP's stock counted after the send (its first order already taken out, new notebooks in): 12 are free, held by no one.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Ok(await diretor.Catalog.SaveAsync(new CatalogData { Stock = [new StockEntry("NB-14", SalesFixture.Warehouse, 12m)] }));
        var reopened = Ok(await diretor.Orders.GetAsync(second.Id));
        var released = Ok(await diretor.Orders.ReleaseAsync(second.Id, reopened.Version));

        Assert.Equal((SalesOrderStatus.Blocked, OrderCodes.StockBlock), (blocked.Status, Assert.Single(blocked.Reasons).Code));
        Assert.Equal(SalesOrderStatus.Released, released.Status);
    }
}
