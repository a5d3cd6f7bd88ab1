using System.Text.Json.Serialization;
using Crm.Adapters.Http;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Protheus;

/// <summary>
/// Sends customers to the Protheus REST server (ERP.md §2.4): <c>POST {BaseUrl}/rest/api/crm/v1/customerVendor</c> creates,
/// <c>PUT …/customerVendor/1/{A1_COD + A1_LOJA}</c> updates (entity type 1, customers); sales orders go as the EAI
/// <c>Order</c> message to <c>POST …/rest/totvseai/standardmessage/v1/transactions</c> (<see cref="TransactionsPath"/>), the
/// order number <c>C5_NUM</c> read from the answer's <c>ListOfInternalId</c> being the ERP code (see <see cref="ReadErpCode"/>); Basic authentication with
/// <see cref="ProtheusOptions.Username"/> and <see cref="ProtheusOptions.Password"/>; the header <c>tenantId:
/// {CompanyId},{BranchId}</c> picks the company and branch; the answer's <c>code</c> + <c>storeId</c> is the ERP code;
/// errors are the TOTVS envelope. Registered by <see cref="ProtheusServiceCollectionExtensions.AddProtheusAdapter"/>.
/// </summary>
public sealed class ProtheusTransport(HttpClient http, IOptions<ProtheusOptions> options, TimeProvider time,
    ILogger<ProtheusTransport> logger)
    : TotvsHttpTransport(http, logger, time, options?.Value.Username, options?.Value.Password)
{
    /// <summary>The resource path under the REST server.</summary>
    public const string Path = "rest/api/crm/v1/customerVendor";

    /// <summary>
    /// The credit-limit API under the REST server (ERP.md §2.1, FATS900); one customer at <c>…/{A1_COD + A1_LOJA}</c> (the
    /// item path is inferred: the TOTVS schema documents the record, not its paths).
    /// </summary>
    public const string CreditLimitPath = "rest/api/fat/v1/CustomerCreditLimit";

    /// <summary>
    /// The TOTVS EAI standard-message endpoint under the REST server, where order messages go (TDN "Mensagem padronizada
    /// REST/JSON": <c>POST /totvseai/standardmessage/v1/transactions</c>; ERP.md §2.4: Protheus has no REST API that creates
    /// sales orders, the EAI <c>Order</c> message does).
    /// </summary>
    public const string TransactionsPath = "rest/totvseai/standardmessage/v1/transactions";

    /// <summary>The header naming the company group and the branch, <c>empresa,filial</c>.</summary>
    public const string TenantHeader = "tenantId";

    private readonly ProtheusOptions _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public override ErpId Erp => ProtheusAdapter.Id;

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(ErpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Resource == ProtheusAdapter.OrderResource ? new HttpRequestMessage(HttpMethod.Post, TransactionsPath)
            : message.Operation == ErpOperation.Create
            ? new HttpRequestMessage(HttpMethod.Post, Path)
            : new HttpRequestMessage(HttpMethod.Put, $"{Path}/1/{Uri.EscapeDataString(message.ErpCode ?? "")}");
        request.Content = Json(message.Body);
        request.Headers.TryAddWithoutValidation(TenantHeader, $"{_options.CompanyId},{_options.BranchId}");
        return request;
    }

    /// <summary>
    /// A customer's <c>code</c> + <c>storeId</c>. For an order, the <c>C5_NUM</c> Protheus numbered: the last <c>|</c> part of the
    /// <c>destination</c> of the <c>Order</c> entry of <c>Content.ReturnContent.ListOfInternalId</c> (Order_4_009's
    /// <c>ReturnContentType</c>, TTALK <c>ListOfInternalId_1_000</c>: name, origin, destination; the destination is Protheus'
    /// InternalId <c>FILIAL|C5_NUM</c>). Inferred: the schema documents <c>ReturnContent</c>, not where the synchronous answer of
    /// the REST endpoint carries it; <c>Content.ReturnContent</c> of a Response message is assumed.
    /// </summary>
    protected override string? ReadErpCode(ErpMessage message, string body)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Resource == ProtheusAdapter.OrderResource)
            return PayloadJson.Deserialize<ProtheusResponse>(body).Content?.ReturnContent?.ListOfInternalId?
                .FirstOrDefault(i => string.Equals(i.Name, ProtheusAdapter.OrderResource, StringComparison.OrdinalIgnoreCase))?
                .Destination?.Split('|')[^1].Trim() is { Length: > 0 } number ? number : null;
        return PayloadJson.Deserialize<ProtheusCustomer>(body) is { Code: { } code } customer ? code + (customer.StoreId ?? _options.StoreId) : null;
    }

    private sealed record ProtheusResponse([property: JsonPropertyName("Content")] ProtheusResponseContent? Content);

    private sealed record ProtheusResponseContent([property: JsonPropertyName("ReturnContent")] ProtheusReturnContent? ReturnContent);

    /// <summary>
    /// The customer (<c>GET …/customerVendor/1/{code}</c>: code, <c>A1_MSBLQL</c>, <c>A1_LC</c>) and its credit
    /// (<c>GET …/CustomerCreditLimit/{code}</c>: open balance, credit left), as <see cref="ProtheusAccountState.Of"/> reads
    /// them; either read failing fails the whole.
    /// </summary>
    public override async ValueTask<OneOf.OneOf<ErpAccountState, Rejected, Unavailable>> ReadAccountStateAsync(string erpCode,
        NodaTime.LocalDate today, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(erpCode);
        var code = Uri.EscapeDataString(erpCode);
        var customer = await ReadAsAsync(CustomerPath(code), PayloadJson.Deserialize<ProtheusCustomer>, cancellationToken).ConfigureAwait(false);
        if (!customer.TryPickT0(out var read, out var failed))
            return failed.Match<OneOf.OneOf<ErpAccountState, Rejected, Unavailable>>(r => r, u => u);
        return await ReadAsAsync($"{CreditLimitPath}/{code}", body => ProtheusAccountState.Of(read, PayloadJson.Deserialize<ProtheusCreditLimit>(body), _options.StoreId)
            ?? throw new FormatException("Protheus answered a customer without A1_COD."), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override string CustomerPath(string? erpCode) => erpCode is null ? $"{Path}/1" : $"{Path}/1/{erpCode}";

    /// <summary>The path of <paramref name="list"/> under the Protheus REST root.</summary>
    public static string PathOf(ProtheusMasterData list) => list switch
    {
        ProtheusMasterData.Sellers => "rest/api/crm/v2/seller",
        ProtheusMasterData.PaymentConditions => "rest/api/fat/v1/paymentcondition",
        ProtheusMasterData.Carriers => "rest/api/fat/v1/carrier",
        ProtheusMasterData.PriceTables => "rest/api/supply/v2/PriceListHeaderItems",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Every record of <paramref name="list"/>, as the ERP's JSON, page after page until <c>hasNext</c> is false.</summary>
    public ValueTask<OneOf.OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadMasterDataAsync(ProtheusMasterData list, int pageSize = 100,
        CancellationToken cancellationToken = default) =>
        ReadAllAsync(PathOf(list), pageSize, cancellationToken);

    /// <summary>
    /// The lists the Protheus rules read (SA3 sellers as representatives, SA4 carriers, SE4 payment conditions, DA0 price
    /// tables), served page by page as <see cref="IErpReader.ReadMasterDataAsync"/>.
    /// </summary>
    protected override IReadOnlyDictionary<Domain.Integration.Eligibility.MasterDataKind, string> MasterDataPaths { get; } =
        new Dictionary<Domain.Integration.Eligibility.MasterDataKind, string>
        {
            [Domain.Integration.Eligibility.MasterDataKind.Representative] = PathOf(ProtheusMasterData.Sellers),
            [Domain.Integration.Eligibility.MasterDataKind.Carrier] = PathOf(ProtheusMasterData.Carriers),
            [Domain.Integration.Eligibility.MasterDataKind.PaymentCondition] = PathOf(ProtheusMasterData.PaymentConditions),
            [Domain.Integration.Eligibility.MasterDataKind.PriceTable] = PathOf(ProtheusMasterData.PriceTables),
        };
}
