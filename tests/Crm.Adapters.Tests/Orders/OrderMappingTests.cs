using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// How the adapters map a released order (ERP.md §1.2, §2.2, §4): Protheus to the EAI <c>Order</c> message (SC5/SC6), Datasul
/// to <c>ordersPublic</c>, every ERP field limit and required field checked first with named problems; Mega has no documented
/// order contract and says so.
/// </summary>
public sealed class OrderMappingTests
{
    private static readonly ProtheusAdapter Protheus = new(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01", SalesOperation = "01" });
    private static readonly DatasulAdapter Datasul = new();

    [Fact]
    public void Protheus_maps_the_order_to_sc5_and_sc6_of_the_eai_order_message()
    {
        var order = TestOrders.Of("00010101", [TestOrders.Item(1, "ROT-AX3000", 3, 349.9m, discount: 4.97m, lot: "L2026-01"),
            TestOrders.Item(2, "CABO-10M", 2.5m, 10.3333333333m)], freight: 68m);

        Assert.True(Protheus.CheckOrder(order).IsValid);
        // A customer may go without a branch; an order may not (C5_FILIAL).
        Assert.Equal([("branch", "protheus.order.required")],
            new ProtheusAdapter(new ProtheusOptions { BranchId = "" }).CheckOrder(order).Problems.Select(p => (p.Field, p.Code)));
        var message = Protheus.ToOrderMessage(order);

        Assert.Equal(("ORDER", "4.009", order.Order.Value.ToString()), (message.Header.Transaction, message.Header.Version, message.Header.Uuid));
        var sc5 = message.Content;
        Assert.Equal(("2", "000101", "T1|D MG 01|000101|01", "15", "3", "1", 68m, "2026-12-01"),
            (sc5.OrderPurpose, sc5.CustomerCode, sc5.CustomerInternalId, sc5.PaymentTermCode, sc5.CarrierCode, sc5.FreightType, sc5.FreightValue, sc5.RegisterDate));
        Assert.Equal(
            // C6_PRCVEN is the net unit price at 2 decimals: (1049.70 − 4.97) / 3 = 348.2433…, 25.83 / 2.5 = 10.332; C6_VALOR the net value, exact.
            [("01", "ROT-AX3000", "UN", 3m, 348.24m, 1044.73m, 4.97m, "01", "L2026-01"), ("02", "CABO-10M", "UN", 2.5m, 10.33m, 25.83m, 0m, "01", null)],
            sc5.SalesOrderItens.Item.Select(i => (i.OrderItem, i.ItemCode, i.UnitOfMeasure, i.Quantity, i.UnityPrice, i.TotalPrice, i.DiscountTotalValue,
                i.TypeOperation, i.LotNumber)));
        // Net = 1049.70 − 4.97 + 25.83; taxes = the IPI the sample charges on top (104.47 + 2.58).
        Assert.Equal((1070.56m, 4.97m, 107.05m, 1245.61m), (sc5.Summary.NetAmount, sc5.Summary.DiscountAmount, sc5.Summary.Taxes, sc5.Summary.TotalAmount));
        Assert.Equal((1070.56m, 4.97m), (sc5.OrderItemAmount, sc5.TotalDiscount));
        Assert.Equal([349.9m + 10m, 10.3333333333m + 10m], sc5.SalesOrderItens.Item.Select(i => i.PriceOfPriceTable));
        Assert.Equal(($"T1|D MG 01|{order.Order.Value:N}", "upsert", "TB1"), (sc5.InternalId, message.Header.Event, sc5.PriceTableNumber));
    }

    [Fact]
    public void Protheus_names_every_field_that_does_not_fit_sc5_or_sc6_and_cuts_nothing()
    {
        var order = TestOrders.Of("000101", [
            TestOrders.Item(1, "PRODUTO-COM-16CH", 0m, 10m),
            TestOrders.Item(2, "OK", 1.125m, 10m, unit: "CXA", lot: "LOTE-COM-11"),
            TestOrders.Item(3, "OK", 1m, 10m, discount: 11m)], paymentCondition: "1234", carrier: "1234567", freightType: FreightType.ThirdParty);

        var problems = Protheus.CheckOrder(order).Problems;

        Assert.Equal(
            [("customer_code", "protheus.order.out_of_range"), ("payment_condition", "protheus.order.too_long"), ("carrier", "protheus.order.too_long"),
             ("freight_type", "protheus.order.out_of_range"), ("items[0].product", "protheus.order.too_long"), ("items[0].quantity", "protheus.order.out_of_range"),
             ("items[0].value", "protheus.order.out_of_range"), ("items[1].unit", "protheus.order.too_long"), ("items[1].quantity", "protheus.order.out_of_range"),
             ("items[1].lot", "protheus.order.too_long"), ("items[2].discount", "protheus.order.out_of_range")],
            problems.Select(p => (p.Field, p.Code)));
        Assert.Contains(problems, p => p.Message.Contains("C6_PRODUTO", StringComparison.Ordinal) && p.Message.Contains("15", StringComparison.Ordinal));
        // The payload is the order as it is: nothing was cut to fit.
        Assert.Equal("PRODUTO-COM-16CH", Protheus.ToOrderMessage(order).Content.SalesOrderItens.Item[0].ItemCode);
    }

    [Fact]
    public void Sc6_items_count_as_soma1_in_two_characters_in_order_and_never_twice()
    {
        var numbers = Enumerable.Range(1, ProtheusAdapter.MaxItems).Select(ProtheusAdapter.Sc6Item).ToList();

        Assert.All(numbers, n => Assert.Equal(2, n!.Length));
        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(["01", "99", "9A", "9Z", "A0", "AZ", "B0", "ZZ"],
            new[] { 1, 99, 100, 125, 126, 161, 162, ProtheusAdapter.MaxItems }.Select(ProtheusAdapter.Sc6Item));
        Assert.Null(ProtheusAdapter.Sc6Item(ProtheusAdapter.MaxItems + 1));
        var tooMany = TestOrders.Released("00010101", lines: ProtheusAdapter.MaxItems + 1);
        Assert.Equal([("items[1061]", "protheus.order.out_of_range")], Protheus.CheckOrder(tooMany).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Datasul_maps_the_order_to_orders_public_for_the_customer_short_name()
    {
        var order = TestOrders.Of("1001", [TestOrders.Item(1, "ROT-AX3000", 3, 349.9m, discount: 4.97m), TestOrders.Item(2, "CABO-10M", 2.5m, 10.3333333333m)]);

        Assert.True(Datasul.CheckOrder(order).IsValid);
        var payload = DatasulAdapter.ToOrder(order);

        Assert.Equal(("1A2B3C4D5E6F", "PADSJOAO", 1001, "2026-12-01", "101", 15, "TB1", 3, 68m),
            (payload.CustomerOrderId, payload.ShortName, payload.CustomerCode, payload.EmissionDate, payload.BranchId, payload.PaymentTerms,
             payload.PriceTableOrder, payload.CodeCarrier, payload.ValueFreight));
        Assert.Equal([(10, "ROT-AX3000", 3m, 349.9m, 1044.73m, 4.97m), (20, "CABO-10M", 2.5m, 10.3333333333m, 25.83m, 0m)],
            payload.OrderItems.Select(i => (i.Sequence, i.ItemCode, i.QuantityBilling, i.OriginalPrice, i.LiquidMerchandise, i.TotalValueDiscount)));
        Assert.Equal((1070.56m, 4.97m), (payload.OrderAmount, payload.TotalDiscount));
        // qt-pedida is the stock unit's quantity, which EMS derives: only qt-un-fat (the billing unit's) is sent.
        Assert.DoesNotContain("QuantityRequested", Datasul.PrepareOrder(order).AsT0.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_orders_made_in_one_millisecond_get_different_nr_pedcli()
    {
        var now = DateTimeOffset.Parse("2026-12-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture);
        var (first, second) = (Guid.CreateVersion7(now), Guid.CreateVersion7(now));
        var order = TestOrders.Of("1001", [TestOrders.Item(1, "ROT-AX3000", 3, 349.9m)]);
        Assert.Equal(first.ToString("N")[..12], second.ToString("N")[..12]);

        var numbers = new[] { first, second }.Select(id => DatasulAdapter.CustomerOrderIdOf(order with { Order = new SalesOrderId(id) })).ToArray();

        Assert.NotEqual(numbers[0], numbers[1]);
        Assert.Equal([first.ToString("N")[^12..].ToUpperInvariant(), second.ToString("N")[^12..].ToUpperInvariant()], numbers);
    }

    [Fact]
    public void Datasul_names_every_field_ems_would_refuse_including_the_short_name_an_erp_order_lacks()
    {
        var order = TestOrders.Of("C-1001", [TestOrders.Item(1, "PRODUTO-COM-17-CH", 2m, 0m, unit: "CXA")], paymentCondition: "à vista",
            carrier: "123456");
        order = order with { Header = order.Header with { Establishment = "101-SP" }, CustomerAccount = null };

        Assert.Equal(
            [("customer", "datasul.order.required"), ("customer_code", "datasul.order.not_a_number"), ("establishment", "datasul.order.too_long"),
             ("payment_condition", "datasul.order.not_a_number"), ("carrier", "datasul.order.too_long"), ("items[0].product", "datasul.order.too_long"),
             ("items[0].unit", "datasul.order.too_long"), ("items[0].unit_price", "datasul.order.out_of_range"), ("items[0].value", "datasul.order.out_of_range")],
            Datasul.CheckOrder(order).Problems.Select(p => (p.Field, p.Code)));
        IErpAdapter throughTheContract = Datasul;
        Assert.Equal(Datasul.CheckOrder(order).Problems, throughTheContract.CheckOrder(order).Problems);
        var longShortName = TestAccounts.Register(Samples.Company() with { ShortName = "NOME-ABREVIADO-13" }).Integrated("1001");
        Assert.Equal([("customer_short_name", "datasul.order.too_long")],
            Datasul.CheckOrder(TestOrders.Released("1001", customer: longShortName)).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void An_order_goes_only_with_its_own_customer_account_integrated_under_its_code()
    {
        var account = Samples.Register(Samples.Company());
        var order = TestOrders.Released("00010101", customer: account);

        // Integrated() records the ERP state on the account itself: not integrated first, then another code, then the order's.
        var notIntegrated = Protheus.CheckOrder(order).Problems;
        account.Integrated("00099901");
        var otherCode = Protheus.CheckOrder(order).Problems;
        account.Integrated("00010101");

        Assert.True(Protheus.CheckOrder(order).IsValid);
        Assert.Equal(["protheus.order.customer_mismatch"], notIntegrated.Select(p => p.Code));
        Assert.Equal(["protheus.order.customer_mismatch"], otherCode.Select(p => p.Code));
        Assert.Equal([("customer", "protheus.order.required")], Protheus.CheckOrder(order with { CustomerAccount = null }).Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("customer_code", "datasul.order.customer_mismatch")],
            Datasul.CheckOrder(TestOrders.Released("1001") with { CustomerAccount = account }).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Mega_has_no_documented_order_contract_and_says_so()
    {
        var answer = new MegaAdapter().PrepareOrder(TestOrders.Released("1001"));

        Assert.True(answer.IsT1);
        Assert.Equal("integration.orders_unsupported", answer.AsT1.Problem.Code);
    }

    [Fact]
    public void An_order_message_is_the_same_bytes_and_key_every_time_and_carries_the_order()
    {
        var order = TestOrders.Released("00010101", lines: 5);

        var (first, again) = (Protheus.PrepareOrder(order).AsT0, Protheus.PrepareOrder(order).AsT0);
        var datasul = Datasul.PrepareOrder(order).AsT0;

        Assert.Equal((first.Body, first.Key), (again.Body, again.Key));
        Assert.Equal((ProtheusAdapter.OrderResource, ErpOperation.Create, order.Order, order.Customer), (first.Resource, first.Operation, first.Order, first.Account));
        Assert.Equal((DatasulAdapter.OrderResource, order.Order), (datasul.Resource, datasul.Order));
        Assert.NotEqual(first.Key, Protheus.PrepareOrder(order with { Freight = 70m }).AsT0.Key);
    }

    /// <summary>
    /// The adapters and the fake ERPs agree on the contract: an order within the ERP's ranges passes the adapter's check and
    /// the fake takes it, holding the merchandise (net of discounts) the order says.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property Every_order_an_adapter_accepts_the_fake_erp_takes() =>
        Prop.ForAll(Items(), generated =>
        {
            // Prices within C6_PRCVEN's range, so that every order is one both checks accept.
            // Prices of at least 1 and discounts below the value, so that the net unit price (C6_PRCVEN, 2 decimals) is above zero.
            var items = generated.Select(i => TestOrders.Item(i.Number, i.Product, i.Quantity, Math.Clamp(i.UnitPrice, 1m, 99_999.99m)))
                .Zip(generated, (item, g) => item with { Discount = Math.Min(g.Discount, decimal.Round(item.Value * 0.99m, 2, MidpointRounding.ToZero)) }).ToArray();
            var protheus = Crm.Adapters.Tests.Protheus.ProtheusFakes.Seeded();
            var customer = Send(protheus, Protheus.Prepare(Samples.Register(Samples.Company()))).AsT0.ErpCode;
            var order = TestOrders.Of(customer, items);
            var ems = new Crm.Adapters.Testing.Fakes.FakeDatasulEms();
            var emsAccount = Samples.Register(Samples.Company());
            var emsCustomer = Send(ems, Datasul.Prepare(emsAccount)).AsT0.ErpCode;
            var emsOrder = TestOrders.Of(emsCustomer, items, customer: emsAccount.Integrated(emsCustomer));
            var net = items.Sum(i => i.Value - i.Discount);
            return Protheus.CheckOrder(order).IsValid && Send(protheus, Protheus.PrepareOrder(order).AsT0).IsT0 && protheus.Sc5.Count == 1
                   && (decimal)System.Text.Json.Nodes.JsonNode.Parse(protheus.Sc5.Values.Single())!["OrderItemAmount"]! == net
                   && Datasul.CheckOrder(emsOrder).IsValid && Send(ems, Datasul.PrepareOrder(emsOrder).AsT0).IsT0 && ems.Orders.Count == 1
                   && (decimal)System.Text.Json.Nodes.JsonNode.Parse(ems.Orders.Values.Single())!["OrderAmount"]! == net;
        });

    private static TransportResult Send(IErpTransport erp, ErpMessage message) => erp.SendAsync(message).AsTask().GetAwaiter().GetResult();

    /// <summary>Random items: quantities, prices of up to 10 decimals and discounts up to the item's value.</summary>
    private static Arbitrary<ErpOrderItem[]> Items() =>
        Gen.Choose(1, 30).SelectMany(count => (
            from quantity in Gen.Choose(1, 99_999)
            from price in Gen.Choose(1, int.MaxValue)
            from scale in Gen.Choose(2, 10)
            from share in Gen.Choose(0, 100)
            select (quantity / 100m, price / (decimal)Math.Pow(10, scale), share)).ListOf(count))
        .Select(rows => rows.Select((r, i) =>
        {
            var item = TestOrders.Item(i + 1, $"P{i}", r.Item1, r.Item2);
            return item with { Discount = decimal.Round(item.Value * r.share / 100m, 2, MidpointRounding.ToZero) };
        }).ToArray())
        .ToArbitrary();

    [Property]
    public Property Order_payload_totals_add_up_to_the_cent_for_either_erp() =>
        Prop.ForAll(Items(), Gen.Choose(0, 100_000).ToArbitrary(), (items, freightCents) =>
        {
            var order = TestOrders.Of("00010101", items, freight: freightCents / 100m);
            var sc5 = Protheus.ToOrderMessage(order).Content;
            var ems = DatasulAdapter.ToOrder(order);
            var net = sc5.SalesOrderItens.Item.Sum(i => i.TotalPrice);
            return (net == sc5.OrderItemAmount && net == sc5.Summary.NetAmount
                    && sc5.Summary.TotalAmount == sc5.Summary.NetAmount + sc5.FreightValue + sc5.Summary.Taxes && sc5.Summary.Taxes >= 0m
                    && sc5.SalesOrderItens.Item.Zip(items, (i, item) => i.TotalPrice == item.Value - item.Discount && decimal.Round(i.UnityPrice, 2) == i.UnityPrice
                        && Math.Abs(i.TotalPrice - (i.Quantity * i.UnityPrice)) <= i.Quantity * 0.005m).All(ok => ok)
                    && ems.OrderAmount == net && ems.OrderItems.Sum(i => i.LiquidMerchandise) == net
                    && ems.OrderItems.All(i => Math.Abs(i.LiquidMerchandise + i.TotalValueDiscount - i.QuantityBilling * i.OriginalPrice) <= 0.005m))
                .ToProperty();
        });
}
