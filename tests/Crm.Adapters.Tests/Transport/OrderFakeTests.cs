using System.Globalization;
using System.Net;
using System.Text;
using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// The fake ERPs take sales orders over real HTTP as their documented contracts say (ERP.md): Datasul's
/// <c>POST /api/pdp/v1/ordersPublic</c> and Protheus' EAI <c>Order</c> message; every refused field is named in the TOTVS
/// envelope, and a resend under the same idempotency key is absorbed, the order taken once.
/// </summary>
public sealed class OrderFakeTests
{
    private static readonly Guid Account = Guid.NewGuid();

    [Fact]
    public async Task Datasul_takes_an_order_for_a_known_customer_numbers_it_once_and_serves_it_back()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        await server.Erp.SendAsync(new DatasulAdapter().Prepare(Samples.Register(Samples.Company())));
        var shortName = server.Ems.Customers.Values.Single().ShortName;
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var order = $$"""
            {"CustomerOrderId":"PC-77","EmissionDate":"2026-12-01","ImplantationDate":"2026-12-02","ShortName":"{{shortName}}",
             "OrderItems":[{"ItemCode":"ROT-AX3000","OriginalPrice":349.9,"QuantityBilling":10}],
             "OrderRepresentatives":[{"ShortReprName":"JOAO","CommissionPerc":3.5,"PercentPrintComm":50}]}
            """;

        using var first = await client.SendAsync(Post(FakeDatasulServer.OrdersPath, DatasulAdapter.Id, FakeDatasulEms.OrdersResource, order));
        using var again = await client.SendAsync(Post(FakeDatasulServer.OrdersPath, DatasulAdapter.Id, FakeDatasulEms.OrdersResource, order));
        using var read = await client.GetAsync($"{FakeDatasulServer.OrdersPath.TrimStart('/')}/5001");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, read.StatusCode));
        var body = await first.Content.ReadAsStringAsync();
        Assert.Contains("\"OrderId\":5001", body, StringComparison.Ordinal);
        Assert.Contains("\"OrderSituation\":1", body, StringComparison.Ordinal);
        Assert.Equal(body, await again.Content.ReadAsStringAsync());
        Assert.Equal(body, await read.Content.ReadAsStringAsync());
        Assert.Single(server.Ems.Orders);
        Assert.Equal(1, server.Erp.Duplicates);
        Assert.Single(server.Erp.EffectsOf(new(Account)));
    }

    [Fact]
    public async Task Datasul_refuses_an_order_naming_every_missing_or_wrong_field_and_takes_nothing()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        const string order = """
            {"CustomerOrderId":"PC-78","ImplantationDate":"02/12/2026","ShortName":"NINGUEM",
             "OrderItems":[{"OriginalPrice":10,"QuantityBilling":0}],
             "OrderRepresentatives":[{"ShortReprName":"REPRESENTANTE-LONGO","CommissionPerc":150,"PercentPrintComm":50}]}
            """;

        using var answer = await client.SendAsync(Post(FakeDatasulServer.OrdersPath, DatasulAdapter.Id, FakeDatasulEms.OrdersResource, order));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(
            [("EmissionDate", "datasul.order.required"), ("ImplantationDate", "datasul.order.date"), ("ShortName", "datasul.order.unknown_customer"),
             ("OrderItems[0].ItemCode", "datasul.order.required"), ("OrderItems[0].QuantityBilling", "datasul.order.range"),
             ("OrderRepresentatives[0].ShortReprName", "datasul.order.too_long"), ("OrderRepresentatives[0].CommissionPerc", "datasul.order.range")],
            Named(await answer.Content.ReadAsStringAsync()));
        Assert.Empty(server.Ems.Orders);
    }

    [Fact]
    public async Task Protheus_takes_the_eai_order_message_as_sc5_and_sc6_once_and_refuses_a_wrong_total_or_unknown_customer()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        var adapter = new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
        var customer = (await server.Erp.SendAsync(adapter.Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode; // A1_COD + A1_LOJA
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        string Order(string code, decimal total) => $$$"""
            {"Header":{"UUID":"{{{Guid.NewGuid()}}}","Type":"BusinessMessage","Transaction":"ORDER","Version":"4.009","ProductName":"CRM"},
             "Content":{"CompanyId":"T1","BranchId":"D MG 01","OrderPurpose":"2","RegisterDate":"2026-12-01","CustomerCode":"{{{code}}}",
              "CustomerInternalId":"T1|D MG 01|{{{code}}}|{{{customer[6..]}}}","PaymentTermCode":"15",
              "SalesOrderItens":{"Item":[{"OrderItem":"01","ItemCode":"ROT-AX3000","itemunitofmeasure":"UN","Quantity":3,"UnityPrice":349.9,"TotalPrice":{{{total.ToString(CultureInfo.InvariantCulture)}}},"TypeOperation":"501"}]} } }
            """;
        var valid = Order(customer[..6], 1049.70m);

        using var first = await client.SendAsync(Post(FakeProtheusServer.TransactionsPath, ProtheusAdapter.Id, FakeProtheus.OrderResource, valid));
        using var again = await client.SendAsync(Post(FakeProtheusServer.TransactionsPath, ProtheusAdapter.Id, FakeProtheus.OrderResource, valid));
        using var wrong = await client.SendAsync(Post(FakeProtheusServer.TransactionsPath, ProtheusAdapter.Id, FakeProtheus.OrderResource,
            Order("999999", 1000m)));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Contains("\"OrderId\":\"000001\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["000001"], server.Protheus.Sc5.Keys);
        Assert.Equal(1, server.Erp.Duplicates);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(
            [("Content.CustomerCode", "protheus.order.unknown_customer"), ("Content.SalesOrderItens.Item[0].TotalPrice", "protheus.order.total")],
            Named(await wrong.Content.ReadAsStringAsync()));
    }

    /// <summary>Each problem of a TOTVS error envelope as (field, code): the envelope names the field as "Campo X." in its message.</summary>
    private static IEnumerable<(string Field, string Code)> Named(string body) =>
        TotvsError.ProblemsIn(body).Select(p => (p.Message[(p.Message.LastIndexOf("Campo ", StringComparison.Ordinal) + 6)..^1], p.Code));

    /// <summary>A change as a transport sends it: the body, its idempotency key and the account it is about.</summary>
    private static HttpRequestMessage Post(string path, ErpId erp, string resource, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ErpHttpTransport.IdempotencyKeyHeader, IdempotencyKey.Of(erp, resource, Account, body).Value);
        request.Headers.Add(ErpHttpTransport.AccountHeader, Account.ToString());
        return request;
    }
}
