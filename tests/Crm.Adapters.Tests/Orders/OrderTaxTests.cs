using System.Text.Json.Nodes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;
using Crm.Adapters.Tests.Transport;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Taxes;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// The items' taxes and expense shares in the ERP order: the Protheus EAI <c>Order</c> (<c>LISTOFTAXESITEM</c>, the IPI and
/// ICMS fields, <c>FreightValue</c>/<c>InsuranceValue</c>/<c>unitvalacesscost</c>, <c>C5_SEGURO</c>/<c>C5_DESPESA</c>, the
/// <c>SUMMARY</c> totals) and Datasul <c>ordersPublic</c> (<c>val-ipi</c>, <c>aliquota-ipi</c>, <c>val-seguro</c>); what
/// <c>CheckOrder</c> refuses; and the fake servers, which check <see cref="OrderTaxContract"/> on the document over loopback
/// HTTP and refuse a wrong value naming its field.
/// </summary>
public sealed class OrderTaxTests
{
    private static readonly ProtheusOptions Options = new() { CompanyId = "T1", BranchId = "D MG 01" };
    private static readonly ProtheusAdapter Protheus = new(Options);
    private static readonly DatasulAdapter Datasul = new();

    [Fact]
    public void Protheus_sends_each_items_taxes_and_expense_shares_and_a_summary_that_adds_up_to_the_cent()
    {
        var order = TaxedOrders.Of("00010101", st: true);
        Assert.True(Protheus.CheckOrder(order).IsValid, string.Join("; ", Protheus.CheckOrder(order).Problems));

        var sc5 = Protheus.ToOrderMessage(order).Content;

        var items = sc5.SalesOrderItens.Item;
        var first = order.Items[0].Taxes!;
        var entries = Assert.Single(Assert.Single(items[0].ListOfTaxes!)).ValuesAndTaxes;
        // ICMS, ICMS-ST, IPI, PIS, COFINS, CBS, IBS-UF apply; FCP, FCP-ST, DIFAL and IBS-Mun do not and are not listed.
        Assert.Equal(["01", "03", "06", "07", "08", "09", "10"], entries.Select(e => e.Tax));
        Assert.All(entries, e => Assert.Equal("2", e.Kind));
        Assert.Equal((first.Icms.Rate, first.Icms.Value), (entries[0].Rate, entries[0].Value));
        Assert.Equal(entries.Select(e => ("VBC_" + e.Tax, ProtheusTaxes.Lines(first).Single(l => l.Code == e.Tax).Line.Base.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            items[0].Other!.AddFields.Select(f => (f.AddField.Field, f.AddField.Value)));
        Assert.Equal((first.Ipi.Value, 6.5m, 18m, 18m), (items[0].IpiValue, items[0].IpiRate, items[0].IcmsRate, items[0].IcmsStRate));
        Assert.Equal((68m, 12.34m, 5.01m), (items.Sum(i => i.FreightValue!.Value), items.Sum(i => i.InsuranceValue!.Value), items.Sum(i => i.AccessoryCost!.Value)));
        Assert.Equal((68m, 12.34m, 5.01m), (sc5.FreightValue, sc5.InsuranceValue, sc5.ExpenseValue));
        var (ipi, st) = (order.Items.Sum(i => i.Taxes!.Ipi.Value), order.Items.Sum(i => i.Taxes!.IcmsSt.Value));
        Assert.Equal((ipi, 5.01m, ipi + st), (sc5.Summary.IpiAmount, sc5.Summary.AccessoryCost, sc5.Summary.Taxes));
        Assert.Equal(order.Total, sc5.Summary.NetAmount + sc5.FreightValue + sc5.InsuranceValue + sc5.ExpenseValue + sc5.Summary.Taxes);
        // The fake's contract, read on the document alone, agrees.
        Assert.Empty(OrderTaxContract.Protheus(JsonNode.Parse(PayloadJson.Serialize(sc5))));
    }

    [Fact]
    public void Protheus_leaves_out_what_an_order_without_taxes_or_apportioned_expenses_does_not_have()
    {
        var sc5 = Protheus.ToOrderMessage(TestOrders.Released("00010101")).Content;

        Assert.All(sc5.SalesOrderItens.Item, i => Assert.Equal((null, null, null, null, null, null), (i.ListOfTaxes, i.Other, i.IpiValue, i.FreightValue, i.InsuranceValue, i.AccessoryCost)));
        Assert.Equal((null, null, null, null), (sc5.InsuranceValue, sc5.ExpenseValue, sc5.Summary.IpiAmount, sc5.Summary.AccessoryCost));
        Assert.DoesNotContain("LISTOFTAXESITEM", PayloadJson.Serialize(sc5), StringComparison.Ordinal);
    }

    [Fact]
    public void Protheus_check_names_a_tax_or_an_expense_share_the_message_cannot_carry()
    {
        var order = TaxedOrders.Of("00010101");
        var taxes = order.Items[0].Taxes!;
        order = order with
        {
            Items =
            [
                order.Items[0] with { Taxes = taxes with { Icms = new TaxLine(taxes.Icms.Base, 12.345m, taxes.Icms.Value, "rule") } },
                order.Items[1] with { Insurance = -1m, Freight = order.Items[1].Freight + 0.01m },
                order.Items[2] with { Taxes = taxes with { Pis = new TaxLine(taxes.Pis.Base, 1.65m, 0.1234567m, "rule") } },
            ],
        };

        Assert.Equal(
            [("items[0].taxes.icms.rate", "protheus.order.out_of_range"), ("items[1].insurance", "protheus.order.out_of_range"),
             ("items[2].taxes.pis.value", "protheus.order.out_of_range"), ("freight", "protheus.order.out_of_range")],
            Protheus.CheckOrder(order).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Neither_erp_takes_a_per_unit_ipi_as_a_rate_and_protheus_holds_the_icms_st_and_ipi_rates_to_their_3_decimal_fields()
    {
        // IPI pauta: 12 units × R$ 0,50 = R$ 6,00 — the rate is an amount per unit, not a percentage.
        static ErpOrder PerUnit(ErpOrder order) => With(order, order.Items[0].Taxes! with { Ipi = new TaxLine(12m, 0.50m, 6m, "pauta") });

        Assert.Equal([("items[0].taxes.ipi", "protheus.order.not_carried")],
            Protheus.CheckOrder(PerUnit(TaxedOrders.Of("00010101"))).Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("items[0].taxes.ipi", "datasul.order.not_carried")],
            Datasul.CheckOrder(PerUnit(TaxedOrders.Of("1001", otherExpenses: 0m))).Problems.Select(p => (p.Field, p.Code)));

        var protheus = TaxedOrders.Of("00010101");
        var wide = With(protheus, protheus.Items[0].Taxes! with { Icms = new TaxLine(1m, 1_000m, 10m, "x") });
        Assert.Equal([("items[0].taxes.icms.rate", "protheus.order.out_of_range")], Protheus.CheckOrder(wide).Problems.Select(p => (p.Field, p.Code)));
    }

    private static ErpOrder With(ErpOrder order, ItemTaxes firstItemTaxes) =>
        order with { Items = [order.Items[0] with { Taxes = firstItemTaxes }, .. order.Items.Skip(1)] };

    [Fact]
    public void The_protheus_contract_reads_vnf_as_net_freight_insurance_expenses_and_the_taxes_on_top()
    {
        var content = JsonNode.Parse(PayloadJson.Serialize(Protheus.ToOrderMessage(TaxedOrders.Of("00010101", st: true)).Content))!;
        content["ExpenseValue"] = 6m;
        content["SalesOrderItens"]!["Item"]![0]!["precenticmssubst"] = 17m;
        content["SUMMARY"]!["valtottaxes"] = (decimal)content["SUMMARY"]!["valtottaxes"]! - 0.02m;

        Assert.Equal(
            [("Content.SalesOrderItens.Item[0].precenticmssubst", "protheus.order.tax_value"), ("Content.ExpenseValue", "protheus.order.total"),
             ("Content.SUMMARY.valtottaxes", "protheus.order.tax_value"), ("Content.SUMMARY.ordertotalamount", "protheus.order.total")],
            OrderTaxContract.Protheus(content).Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Datasul_sends_each_items_ipi_and_insurance_and_the_merchandise_with_ipi()
    {
        var order = TaxedOrders.Of("1001", otherExpenses: 0m);
        Assert.True(Datasul.CheckOrder(order).IsValid, string.Join("; ", Datasul.CheckOrder(order).Problems));

        var sent = DatasulAdapter.ToOrder(order);

        Assert.Equal(order.Items.Select(i => (i.Taxes!.Ipi.Rate, i.Taxes.Ipi.Value, i.Insurance)),
            sent.OrderItems.Select(i => (i.Aliquot!.Value, i.IpiValue!.Value, i.InsurancePrice)));
        Assert.Equal((12.34m, sent.OrderAmount + order.Items.Sum(i => i.Taxes!.Ipi.Value)), (sent.ValueInsurance, sent.TotalOrderAmount));
        Assert.Empty(OrderTaxContract.Datasul(JsonNode.Parse(PayloadJson.Serialize(sent))));
        // An untaxed order says nothing of the IPI.
        Assert.All(DatasulAdapter.ToOrder(TestOrders.Released("1001")).OrderItems, i => Assert.Equal((null, null), (i.Aliquot, i.IpiValue)));
    }

    [Fact]
    public void Datasul_check_refuses_other_expenses_orders_public_has_no_field_for_and_an_ipi_rate_it_cannot_hold()
    {
        var order = TaxedOrders.Of("1001");
        var taxes = order.Items[1].Taxes!;
        order = order with { Items = [order.Items[0], order.Items[1] with { Taxes = taxes with { Ipi = new TaxLine(1m, 1000m, 10m, "x") } }, order.Items[2]] };

        Assert.Equal(
            [("items[0].other_expenses", "datasul.order.not_carried"), ("items[1].other_expenses", "datasul.order.not_carried"),
             ("items[1].taxes.ipi.rate", "datasul.order.out_of_range"), ("items[2].other_expenses", "datasul.order.not_carried")],
            Datasul.CheckOrder(order).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public async Task The_fake_protheus_takes_a_taxed_order_with_insurance_and_expenses_over_http_and_refuses_a_wrong_value_or_total_naming_its_field()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        using var host = new TransportHost(ProtheusAdapter.Id, server,
            s => s.AddProtheusAdapter(o => (o.CompanyId, o.BranchId, o.BaseUrl) = (Options.CompanyId, Options.BranchId, server.BaseUrl)));
        var account = Samples.Register(Samples.Company());
        var customer = (await host.Transport.SendAsync(Protheus.Prepare(account))).AsT0.ErpCode;
        // Insurance 12.34 (C5_SEGURO) and other expenses 5.01 (C5_DESPESA): in vNF, outside valtottaxes.
        var order = TaxedOrders.Of(customer, customer: account.Integrated(customer), st: true);
        var message = Protheus.PrepareOrder(order).AsT0;

        var sent = await host.Transport.SendAsync(message);
        var wrong = await host.Transport.SendAsync(Tampered(message, content =>
        {
            var item = content["SalesOrderItens"]!["Item"]![1]!;
            var icms = item["LISTOFTAXESITEM"]![0]![0]!["VALUESANDTAXES"]![0]!;
            icms["valuedescandtaxes"] = (decimal)icms["valuedescandtaxes"]! + 0.05m;
            item["OTHER"]!["ADDFIELDS"]!.AsArray().RemoveAt(1); // the ICMS-ST base
            content["SUMMARY"]!["valtotipimerchan"] = (decimal)content["SUMMARY"]!["valtotipimerchan"]! + 1m;
        }));
        // The total without insurance and expenses, as if valtottaxes carried them.
        var wrongTotal = await host.Transport.SendAsync(Tampered(message, content =>
            content["SUMMARY"]!["ordertotalamount"] = (decimal)content["SUMMARY"]!["ordertotalamount"]! - 12.34m - 5.01m));

        Assert.True(sent.IsT0, sent.IsT1 ? string.Join("; ", sent.AsT1.Problems) : "");
        var sc5 = JsonNode.Parse(Assert.Single(server.Protheus.Sc5).Value)!;
        Assert.Equal(JsonNode.Parse(message.Body)!["Content"]!["SalesOrderItens"]!["Item"]![0]!["LISTOFTAXESITEM"]!.ToJsonString(),
            sc5["SalesOrderItens"]!["Item"]![0]!["LISTOFTAXESITEM"]!.ToJsonString());
        Assert.Equal((12.34m, 5.01m, order.Total), ((decimal)sc5["InsuranceValue"]!, (decimal)sc5["ExpenseValue"]!, (decimal)sc5["SUMMARY"]!["ordertotalamount"]!));
        Assert.True(wrong.IsT1, wrong.Value.ToString());
        Assert.Equal(
            [("Content.SalesOrderItens.Item[1].LISTOFTAXESITEM[0][0].VALUESANDTAXES[0].valuedescandtaxes", "protheus.order.tax_value"),
             ("Content.SalesOrderItens.Item[1].OTHER.ADDFIELDS", "protheus.order.required"),
             ("Content.SUMMARY.valtotipimerchan", "protheus.order.total")],
            Named(wrong.AsT1.Problems));
        Assert.True(wrongTotal.IsT1, wrongTotal.Value.ToString());
        Assert.Equal([("Content.SUMMARY.ordertotalamount", "protheus.order.total")], Named(wrongTotal.AsT1.Problems));
        Assert.Single(server.Protheus.Sc5);
    }

    [Fact]
    public async Task The_fake_datasul_takes_a_taxed_order_over_http_and_refuses_an_ipi_outside_its_rate()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        var account = Samples.Register(Samples.Company());
        var customer = (await host.Transport.SendAsync(Datasul.Prepare(account))).AsT0.ErpCode;
        var taxed = TaxedOrders.Of(customer, customer: account.Integrated(customer), otherExpenses: 0m);
        var message = Datasul.PrepareOrder(taxed).AsT0;

        // The wrong one first: the right one would make it a duplicate (nome-abrev + nr-pedcli are taken once).
        var wrong = await host.Transport.SendAsync(Tampered(message, order =>
        {
            order["OrderItems"]![2]!["IpiValue"] = 0.5m;
            order["ValueInsurance"] = 1m;
        }));
        var sent = await host.Transport.SendAsync(message);

        Assert.True(sent.IsT0, sent.Value.ToString());
        Assert.Equal(taxed.Items.Select(i => i.Taxes!.Ipi.Value),
            JsonNode.Parse(server.Ems.Orders.Values.Single())!["OrderItems"]!.AsArray().Select(i => (decimal)i!["IpiValue"]!));
        Assert.True(wrong.IsT1, wrong.Value.ToString());
        Assert.Equal([("OrderItems[2].IpiValue", "datasul.order.tax_value"), ("ValueInsurance", "datasul.order.total"), ("TotalOrderAmount", "datasul.order.total")],
            Named(wrong.AsT1.Problems));
        Assert.Single(server.Ems.Orders);
    }

    // The field each refusal names: the TOTVS envelope carries it in the detailed message, "Campo {field}.".
    private static IEnumerable<(string Field, string Code)> Named(IEnumerable<Crm.Domain.Problems.Problem> problems) =>
        problems.Select(p => (p.Message[(p.Message.LastIndexOf("Campo ", StringComparison.Ordinal) + "Campo ".Length)..].TrimEnd('.'), p.Code));

    // The message with its body changed by hand, under a new key: what a wrong adapter would have sent.
    private static ErpMessage Tampered(ErpMessage message, Action<JsonNode> change)
    {
        var document = JsonNode.Parse(message.Body)!;
        change(message.Erp == ProtheusAdapter.Id ? document["Content"]! : document);
        var body = document.ToJsonString();
        return message with { Body = body, Key = IdempotencyKey.Of(message.Erp, message.Resource, Guid.NewGuid(), body) };
    }
}
