using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Tests.Orders;
using Crm.Domain.Accounts;
using Crm.Domain.Integration.Messages;
using NJsonSchema;

namespace Crm.Adapters.Tests;

/// <summary>
/// Generated payloads validate against TOTVS' published JSON schemas (copies in Schemas/, see its README): Datasul customers
/// against <c>CustomerPublic_1_000.json#/definitions/CustomersInfo</c> and orders against
/// <c>OrdersPublic_1_000.json#/definitions/OrdersInfo</c>; Protheus customers against
/// <c>CustomerVendor_2_008.json#/definitions/customerVendorInfo</c> and the content of order messages against
/// <c>Order_4_009.json#/definitions/BusinessContentType</c>. Mega has no published schema.
/// </summary>
public sealed class PayloadSchemaTests
{
    private const string Totvs = "https://raw.githubusercontent.com/totvs/ttalk-standard-message/master/jsonschema/";

    public static TheoryData<string> Accounts() => ["company", "long texts", "integrated"];

    private static Account AccountNamed(string name) => name switch
    {
        "company" => Samples.Register(Samples.Company()),
        "long texts" => Samples.Register(Samples.LongTexts()),
        _ => Crm.Adapters.Testing.TestAccounts.Integrated(Samples.Register(Samples.Company()), "00012301"),
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Datasul_payload_is_a_valid_CustomersInfo(string account)
    {
        var schema = await Definition("CustomerPublic_1_000.json", "CustomersInfo");
        var body = new DatasulAdapter().Prepare(AccountNamed(account)).Body;
        Assert.Empty(schema.Validate(body).Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Protheus_payload_is_a_valid_customerVendorInfo(string account)
    {
        var schema = await Definition("CustomerVendor_2_008.json", "customerVendorInfo");
        var body = new ProtheusAdapter().Prepare(AccountNamed(account)).Body;
        Assert.Empty(schema.Validate(body).Select(e => e.ToString()));
    }

    public static TheoryData<int> OrderSizes() => [1, 3, 120];

    [Theory]
    [MemberData(nameof(OrderSizes))]
    public async Task Datasul_order_payload_is_a_valid_OrdersInfo(int lines)
    {
        var schema = await Definition("OrdersPublic_1_000.json", "OrdersInfo");
        var body = new DatasulAdapter().PrepareOrder(TestOrders.Released("1001", lines)).AsT0.Body;
        Assert.Empty(schema.Validate(body).Select(e => e.ToString()));
        // With the items' IPI (val-ipi, aliquota-ipi), insurance and the merchandise with IPI.
        var taxed = PayloadJson.Serialize(DatasulAdapter.ToOrder(TaxedOrders.Of("1001", lines, st: true)));
        Assert.Empty(schema.Validate(taxed).Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(OrderSizes))]
    public async Task Protheus_order_message_content_is_a_valid_Order_BusinessContentType(int lines)
    {
        var schema = await Definition("Order_4_009.json", "BusinessContentType");
        var message = new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" }).ToOrderMessage(TestOrders.Released("00010101", lines));
        var body = PayloadJson.Serialize(message.Content);
        Assert.Empty(schema.Validate(body).Select(e => e.ToString()));
        // With LISTOFTAXESITEM (a list of {VALUESANDTAXES} lists), the bases in OTHER.ADDFIELDS, the IPI and ICMS fields, the
        // expense shares and the SUMMARY's IPI and accessory costs.
        var taxed = new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" }).ToOrderMessage(TaxedOrders.Of("00010101", lines, st: true));
        Assert.Empty(schema.Validate(PayloadJson.Serialize(taxed.Content)).Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_order_schemas_do_reject_a_wrong_payload()
    {
        var order = await Definition("Order_4_009.json", "BusinessContentType");
        var ordersPublic = await Definition("OrdersPublic_1_000.json", "OrdersInfo");
        Assert.NotEmpty(order.Validate("""{"OrderPurpose":"3","FreightType":"9","CustomerCode":"1234567890123456","SUMMARY":{"ordertotalamount":-1}}"""));
        Assert.NotEmpty(ordersPublic.Validate("""{"CustomerCode":"not a number","OrderType":7,"OrderItems":[{"Sequence":"x"}]}"""));
    }

    [Fact]
    public async Task The_schemas_do_reject_a_wrong_payload()
    {
        var vendor = await Definition("CustomerVendor_2_008.json", "customerVendorInfo");
        var datasul = await Definition("CustomerPublic_1_000.json", "CustomersInfo");
        Assert.NotEmpty(vendor.Validate("""{"strategicCustomerType":"Z","name":"Nome com mais de quarenta caracteres no total."}"""));
        Assert.NotEmpty(datasul.Validate("""{"CustomerCode":"not a number","EntityType":7}"""));
    }

    private static readonly Lazy<string> LocalCopies = new(() =>
    {
        // Every schema with its TOTVS URLs rewritten to file names, so references resolve among the local copies.
        var folder = Directory.CreateTempSubdirectory("totvs-schemas-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.json"))
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file)
                .Replace(Totvs + "schemas/types/", "", StringComparison.Ordinal)
                .Replace(Totvs + "schemas/", "", StringComparison.Ordinal)
                .Replace(Totvs + "apis/types/", "", StringComparison.Ordinal)
                // OrdersPublic types its amounts "decimal", which JSON Schema does not have: read as "number".
                .Replace("\"type\": \"decimal\"", "\"type\": \"number\"", StringComparison.Ordinal));
        return folder;
    });

    private static async Task<JsonSchema> Definition(string file, string definition) =>
        (await JsonSchema.FromFileAsync(Path.Combine(LocalCopies.Value, file))).Definitions[definition];
}
