using System.Text.Json.Nodes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;
using Crm.Adapters.Tests.Transport;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// A released order prepared by the adapter, sent by the ERP's HTTP transport over real loopback HTTP to the fake ERP, held
/// there with its fields and totals; the ERP's order number comes back as the ERP code; a resend is absorbed; a bad order is
/// refused with every field named.
/// </summary>
public sealed class OrderTransportTests
{
    private static readonly ProtheusOptions Options = new() { CompanyId = "T1", BranchId = "D MG 01" };
    private static readonly ProtheusAdapter Protheus = new(Options);
    private static readonly DatasulAdapter Datasul = new();

    private static TransportHost ProtheusHost(FakeProtheusServer server) =>
        new(ProtheusAdapter.Id, server, s => s.AddProtheusAdapter(o => (o.CompanyId, o.BranchId, o.BaseUrl) = (Options.CompanyId, Options.BranchId, server.BaseUrl)));

    [Fact]
    public async Task Protheus_takes_the_order_message_once_as_sc5_and_answers_its_c5_num()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        using var host = ProtheusHost(server);
        var account = Samples.Register(Samples.Company());
        var customer = (await host.Transport.SendAsync(Protheus.Prepare(account))).AsT0.ErpCode;
        var order = TestOrders.Released(customer, lines: 3, customer: account.Integrated(customer));
        Assert.True(Protheus.CheckOrder(order).IsValid);
        var message = Protheus.PrepareOrder(order).AsT0;

        var sent = await host.Transport.SendAsync(message);
        var again = await host.Transport.SendAsync(message);

        Assert.True(sent.IsT0, sent.Value.ToString());
        Assert.Equal(("000001", "000001"), (sent.AsT0.ErpCode, again.AsT0.ErpCode));
        Assert.Equal("POST /rest/totvseai/standardmessage/v1/transactions", $"{server.Requests[^1].Method} {server.Requests[^1].Path}");
        Assert.Equal("T1,D MG 01", server.Requests[^1].Headers[ProtheusTransport.TenantHeader]);
        var sc5 = JsonNode.Parse(Assert.Single(server.Protheus.Sc5).Value)!;
        Assert.Equal((customer[..6], "15", "000001"), ((string)sc5["CustomerCode"]!, (string)sc5["PaymentTermCode"]!, (string)sc5["OrderId"]!));
        var items = sc5["SalesOrderItens"]!["Item"]!.AsArray();
        Assert.Equal(order.Items.Select(i => (i.Product, i.Value)), items.Select(i => ((string)i!["ItemCode"]!, (decimal)i["TotalPrice"]!)));
        Assert.Equal(order.Total, (decimal)sc5["SUMMARY"]!["ordertotalamount"]!);
        Assert.Equal(order.Total - order.Freight - order.Items.Sum(i => i.Value - i.Discount), (decimal)sc5["SUMMARY"]!["valtottaxes"]!);
        Assert.Equal(1, server.Erp.Duplicates);
        Assert.Contains(host.Logs.Lines, l => l.Contains("(Order) as 000001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_applied_whose_answer_was_lost_is_resent_by_the_transport_and_taken_once()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        using var host = ProtheusHost(server);
        var customer = (await host.Transport.SendAsync(Protheus.Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;
        server.Inject(FakeFault.ApplyThenDrop);

        var sent = await host.Transport.SendAsync(Protheus.PrepareOrder(TestOrders.Released(customer)).AsT0);

        Assert.True(sent.IsT0, sent.Value.ToString());
        Assert.Equal("000001", sent.AsT0.ErpCode);
        Assert.Single(server.Protheus.Sc5);
        Assert.Equal(1, server.Erp.Duplicates);
        Assert.Equal(2, server.Requests.Count(r => r.Path == FakeProtheusServer.TransactionsPath));
    }

    [Fact]
    public async Task Protheus_refuses_an_order_for_a_blocked_customer_or_with_fields_too_long_naming_each()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        using var host = ProtheusHost(server);
        var customer = (await host.Transport.SendAsync(Protheus.Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;
        server.Protheus.Block(customer);
        var order = TestOrders.Of(customer, [TestOrders.Item(1, "PRODUTO-COM-16CH", 1m, 10m, unit: "CXA")], paymentCondition: "99");

        var refused = await host.Transport.SendAsync(Protheus.PrepareOrder(order).AsT0);

        Assert.True(refused.IsT1, refused.Value.ToString());
        Assert.Equal(["protheus.order.c5_condpag", "protheus.order.customer_blocked", "protheus.order.too_long", "protheus.order.too_long"],
            refused.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(["items[0].product", "items[0].unit"], Protheus.CheckOrder(order).Problems.Select(p => p.Field));
        Assert.Empty(server.Protheus.Sc5);
    }

    [Fact]
    public async Task Datasul_takes_orders_public_for_the_customer_once_answers_nr_pedido_and_serves_it_back()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        var account = Samples.Register(Samples.Company());
        var customer = (await host.Transport.SendAsync(Datasul.Prepare(account))).AsT0.ErpCode;
        var shortName = server.Ems.Customers.Values.Single().ShortName;
        // As the engine builds it (ErpOrder.From(order, account)): the account carries the short name ordersPublic needs.
        var order = TestOrders.Released(customer, lines: 4, customer: account.Integrated(customer));
        Assert.True(Datasul.CheckOrder(order).IsValid);
        var message = Datasul.PrepareOrder(order).AsT0;

        var sent = await host.Transport.SendAsync(message);
        var again = await host.Transport.SendAsync(message);
        var read = await host.Get<DatasulTransport>().ReadAsync($"{DatasulTransport.OrdersPath}/{sent.AsT0.ErpCode}");

        Assert.Equal(("5001", "5001"), (sent.AsT0.ErpCode, again.AsT0.ErpCode));
        var held = JsonNode.Parse(server.Ems.Orders[5001])!;
        Assert.Equal(read.AsT0, server.Ems.Orders[5001]);
        Assert.Equal((shortName, int.Parse(customer, System.Globalization.CultureInfo.InvariantCulture), 1),
            ((string?)held["ShortName"], (int)held["CustomerCode"]!, (int)held["OrderSituation"]!));
        Assert.Equal(order.Items.Select(i => (i.Product, i.Value - i.Discount)),
            held["OrderItems"]!.AsArray().Select(i => ((string)i!["ItemCode"]!, (decimal)i["LiquidMerchandise"]!)));
        Assert.Equal(order.Items.Sum(i => i.Value - i.Discount), (decimal)held["OrderAmount"]!);
        Assert.Equal(1, server.Erp.Duplicates);
        Assert.Single(server.Ems.Orders);
    }

    [Fact]
    public async Task Datasul_refuses_an_order_without_the_short_name_or_whose_cents_do_not_add_up()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        var account = Samples.Register(Samples.Company());
        var customer = (await host.Transport.SendAsync(Datasul.Prepare(account))).AsT0.ErpCode;
        var order = TestOrders.Released(customer, customer: account.Integrated(customer));
        var wrongCents = order with { Items = [order.Items[0] with { Value = order.Items[0].Value + 0.01m }, order.Items[1]] };

        var unnamed = await host.Transport.SendAsync(Datasul.PrepareOrder(order with { CustomerAccount = null }).AsT0);
        var uneven = await host.Transport.SendAsync(Datasul.PrepareOrder(wrongCents).AsT0);
        var otherCustomer = await host.Transport.SendAsync(Datasul.PrepareOrder(TestOrders.Released("999", customer: account)).AsT0);

        Assert.Equal([("ShortName", "datasul.order.required")], Named(unnamed));
        Assert.Equal([("OrderItems[0].LiquidMerchandise", "datasul.order.total")], Named(uneven));
        Assert.Equal([("CustomerCode", "datasul.order.customer_mismatch")], Named(otherCustomer));
        Assert.Empty(server.Ems.Orders);
    }

    /// <summary>Each refused field and code; the TOTVS envelope names the field as "Campo X." at the end of the message.</summary>
    private static IEnumerable<(string Field, string Code)> Named(TransportResult result)
    {
        Assert.True(result.IsT1, result.Value.ToString());
        return result.AsT1.Problems.Select(p => (p.Field.Length > 0 ? p.Field : p.Message[(p.Message.LastIndexOf("Campo ", StringComparison.Ordinal) + 6)..^1], p.Code));
    }
}
