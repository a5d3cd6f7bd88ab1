using System.Text.Json.Nodes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// Orders priced by the domain (<see cref="SalesFixture"/>: ICMS 18 % SP→SP, IPI 10 % on NCM 8471, PIS/COFINS
/// non-cumulative, CBS/IBS 2026), released and turned into <see cref="ErpOrder"/> by <c>ErpOrder.From</c>: whatever their
/// items and freight, the Protheus and Datasul messages pass <c>CheckOrder</c> and the fakes' contract read on the
/// document alone, and the fake Protheus takes one over loopback HTTP.
/// </summary>
public sealed class PricedOrderTaxTests
{
    private static readonly ProtheusAdapter Protheus = new(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
    private static readonly ProductCatalog Catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
    private static readonly SaleContext Context = SalesFixture.Context(Catalog);
    private static readonly UserId Seller = new(Guid.Parse("00000000-0000-4000-8000-0000000000a1"));
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    public static Arbitrary<(int Notebooks, int MousePairs, int FreightCents)> Orders() =>
        Gen.Choose(0, 3).Zip(Gen.Choose(0, 3)).Zip(Gen.Choose(0, 50_000))
            .Where(t => t.Item1.Item1 + t.Item1.Item2 > 0)
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2)).ToArbitrary();

    [Property(Arbitrary = [typeof(PricedOrderTaxTests)], MaxTest = 40)]
    public bool A_priced_orders_taxes_and_totals_pass_both_erps_checks_and_contracts((int Notebooks, int MousePairs, int FreightCents) shape)
    {
        var order = Released(TestOrders.Customer("00010101"), "00010101", shape.Notebooks, shape.MousePairs * 2, shape.FreightCents / 100m);
        var content = JsonNode.Parse(PayloadJson.Serialize(Protheus.ToOrderMessage(order).Content));
        var ordersPublic = JsonNode.Parse(PayloadJson.Serialize(DatasulAdapter.ToOrder(order)));
        return order.Items.All(i => i.Taxes is not null) && Protheus.CheckOrder(order).IsValid && OrderTaxContract.Protheus(content).Count == 0
               && new DatasulAdapter().CheckOrder(order).IsValid && OrderTaxContract.Datasul(ordersPublic).Count == 0;
    }

    [Fact]
    public async Task The_fake_protheus_takes_a_priced_order_with_its_taxes_over_http()
    {
        await using var server = await FakeProtheusServer.StartAsync(new FakeProtheus(sellers: ["7"], carriers: [3], conditions: ["15"], priceTables: ["TB1", SalesFixture.Table]));
        using var host = new Transport.TransportHost(ProtheusAdapter.Id, server,
            s => s.AddProtheusAdapter(o => (o.CompanyId, o.BranchId, o.BaseUrl) = ("T1", "D MG 01", server.BaseUrl)));
        var account = Samples.Register(Samples.Company());
        var code = (await host.Transport.SendAsync(Protheus.Prepare(account))).AsT0.ErpCode;
        var order = Released(account.Integrated(code), code, notebooks: 2, mice: 4, freight: 123.45m);

        var sent = await host.Transport.SendAsync(Protheus.PrepareOrder(order).AsT0);

        Assert.True(sent.IsT0, sent.IsT1 ? string.Join("; ", sent.AsT1.Problems) : "");
        var sc5 = JsonNode.Parse(Assert.Single(server.Protheus.Sc5).Value)!;
        Assert.Equal(order.Items.Sum(i => i.Taxes!.Ipi.Value), (decimal)sc5["SUMMARY"]!["valtotipimerchan"]!);
        Assert.Equal(123.45m, sc5["SalesOrderItens"]!["Item"]!.AsArray().Sum(i => (decimal)i!["FreightValue"]!));
    }

    private static ErpOrder Released(Account customer, string code, int notebooks, int mice, decimal freight)
    {
        var header = SalesFixture.Header(customer.Id, Seller) with { SellerRole = "CRM - Usuário", CustomerCode = code, PaymentCondition = "15" };
        var order = Valid(SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), new TenantId(Guid.NewGuid()), header, Seller, At));
        ItemInput[] items = [.. new[] { ("NB-14", notebooks), ("MOUSE", mice) }.Where(i => i.Item2 > 0).Select(i => SalesFixture.Item(i.Item1, i.Item2))];
        Valid(order.AddItems(items, Catalog, Seller, At));
        Valid(order.ApportionFreight(freight, Seller, At));
        Valid(order.Recalculate(Context, Seller, At));
        Valid(order.Submit(Context, Seller, At));
        Assert.Equal(SalesOrderStatus.Released,
            Valid(order.ApplyRelease(OrderRelease.ByOrder(order, new CreditPosition(1_000_000m, 0m), Catalog, SalesFixture.Today), Seller, At)));
        return Valid(ErpOrder.From(order, customer));
    }

    private static T Valid<T>(Crm.Domain.Problems.Outcome<T> outcome)
    {
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems));
        return outcome.AsT0;
    }
}
