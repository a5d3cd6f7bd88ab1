using System.Globalization;
using Crm.Adapters.Http;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>
/// Sends customers to the Datasul public REST API (ERP.md §1.2 source B): <c>POST {BaseUrl}/api/cdp/v1/customerPublic</c>
/// creates, <c>PUT …/customerPublic/{cod-emitente}</c> updates, <c>POST …/api/pdp/v1/ordersPublic</c> takes a sales order
/// (its answer's <c>OrderId</c>, <c>nr-pedido</c>, is the ERP code); Basic authentication with <see cref="DatasulOptions.Username"/>
/// and <see cref="DatasulOptions.Password"/>; the answer's <c>CustomerCode</c> is the ERP code; errors are the TOTVS envelope.
/// Reads one customer (<see cref="TotvsHttpTransport.ReadCustomerAsync"/>), every customer, and the master-data lists of
/// <see cref="DatasulMasterData"/>. Registered by <see cref="DatasulServiceCollectionExtensions.AddDatasulAdapter"/> as a typed client.
/// </summary>
public sealed class DatasulTransport(HttpClient http, IOptions<DatasulOptions> options, TimeProvider time,
    ILogger<DatasulTransport> logger)
    : TotvsHttpTransport(http, logger, time, options?.Value.Username, options?.Value.Password)
{
    /// <summary>The resource path under the EMS host.</summary>
    public const string Path = "api/cdp/v1/customerPublic";

    /// <summary>The sales order API under the EMS host (ERP.md §1.2, TOTVS <c>OrdersPublic_v1_000</c>).</summary>
    public const string OrdersPath = "api/pdp/v1/ordersPublic";

    /// <inheritdoc />
    public override ErpId Erp => DatasulAdapter.Id;

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(ErpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Resource == DatasulAdapter.OrderResource)
            return new HttpRequestMessage(HttpMethod.Post, OrdersPath) { Content = Json(message.Body) };
        return message.Operation == ErpOperation.Create
            ? new HttpRequestMessage(HttpMethod.Post, Path) { Content = Json(message.Body) }
            : new HttpRequestMessage(HttpMethod.Put, $"{Path}/{Uri.EscapeDataString(message.ErpCode ?? "")}") { Content = Json(message.Body) };
    }

    /// <summary>A customer's <c>CustomerCode</c> (<c>cod-emitente</c>); for an order, its <c>OrderId</c> (<c>nr-pedido</c>).</summary>
    protected override string? ReadErpCode(ErpMessage message, string body)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.Resource == DatasulAdapter.OrderResource
            ? PayloadJson.Deserialize<DatasulOrderNumber>(body).OrderId
            : PayloadJson.Deserialize<DatasulCustomer>(body).CustomerCode)?.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record DatasulOrderNumber([property: System.Text.Json.Serialization.JsonPropertyName("OrderId")] int? OrderId);

    /// <summary>
    /// <c>GET …/customerPublic/{cod-emitente}</c> read as <see cref="DatasulAccountState.Of"/> says: code, situation (CRM1003),
    /// credit suspension, last sale and credit limit; open balance and credit left are not exposed by <c>customerPublic</c>.
    /// </summary>
    public override ValueTask<OneOf.OneOf<ErpAccountState, Rejected, Unavailable>> ReadAccountStateAsync(string erpCode, NodaTime.LocalDate today,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(erpCode);
        return ReadAsAsync(CustomerPath(Uri.EscapeDataString(erpCode)),
            body => DatasulAccountState.Of(PayloadJson.Deserialize<DatasulCustomer>(body), today)
                    ?? throw new FormatException("EMS answered a customer without cod-emitente."), cancellationToken);
    }

    /// <inheritdoc />
    protected override string CustomerPath(string? erpCode) => erpCode is null ? Path : $"{Path}/{erpCode}";

    /// <summary>The path of <paramref name="list"/> under the EMS host.</summary>
    public static string PathOf(DatasulMasterData list) => list switch
    {
        DatasulMasterData.Companies => "api/framework/v1/companies",
        DatasulMasterData.Establishments => "api/framework/v1/Branches",
        DatasulMasterData.PaymentConditions => "api/fat/v1/paymentcondition",
        DatasulMasterData.PriceTables => "api/supply/v2/PriceListHeaderItems",
        DatasulMasterData.Representatives => "api/mov/v1/Representative",
        DatasulMasterData.Carriers => "api/fat/v1/carrier",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Every record of <paramref name="list"/>, as the ERP's JSON, page after page until <c>hasNext</c> is false.</summary>
    public ValueTask<OneOf.OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadMasterDataAsync(DatasulMasterData list, int pageSize = 100,
        CancellationToken cancellationToken = default) =>
        ReadAllAsync(PathOf(list), pageSize, cancellationToken);

    /// <summary>
    /// The lists the Datasul rules read that EMS serves (representatives, carriers, payment conditions, price tables), page by
    /// page as <see cref="IErpReader.ReadMasterDataAsync"/>; portadores and client groups have no TOTVS API and stay in the
    /// tenant's settings.
    /// </summary>
    protected override IReadOnlyDictionary<MasterDataKind, string> MasterDataPaths { get; } = new Dictionary<MasterDataKind, string>
    {
        [MasterDataKind.Representative] = PathOf(DatasulMasterData.Representatives),
        [MasterDataKind.Carrier] = PathOf(DatasulMasterData.Carriers),
        [MasterDataKind.PaymentCondition] = PathOf(DatasulMasterData.PaymentConditions),
        [MasterDataKind.PriceTable] = PathOf(DatasulMasterData.PriceTables),
    };
}
