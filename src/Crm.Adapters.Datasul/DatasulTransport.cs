using System.Globalization;
using Crm.Adapters.Http;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>
/// Sends customers to the Datasul public REST API (ERP.md §1.2 source B): <c>POST {BaseUrl}/api/cdp/v1/customerPublic</c>
/// creates, <c>PUT …/customerPublic/{cod-emitente}</c> updates; Basic authentication with <see cref="DatasulOptions.Username"/>
/// and <see cref="DatasulOptions.Password"/>; the answer's <c>CustomerCode</c> is the ERP code; errors are the TOTVS envelope.
/// Registered by <see cref="DatasulServiceCollectionExtensions.AddDatasulAdapter"/> as a typed client.
/// </summary>
public sealed class DatasulTransport(HttpClient http, IOptions<DatasulOptions> options, ILogger<DatasulTransport> logger)
    : TotvsHttpTransport(http, logger, options?.Value.Username, options?.Value.Password)
{
    /// <summary>The resource path under the EMS host.</summary>
    public const string Path = "api/cdp/v1/customerPublic";

    /// <inheritdoc />
    public override ErpId Erp => DatasulAdapter.Id;

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(ErpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Operation == ErpOperation.Create
            ? new HttpRequestMessage(HttpMethod.Post, Path) { Content = Json(message.Body) }
            : new HttpRequestMessage(HttpMethod.Put, $"{Path}/{Uri.EscapeDataString(message.ErpCode ?? "")}") { Content = Json(message.Body) };
    }

    /// <inheritdoc />
    protected override string? ReadErpCode(string body) =>
        PayloadJson.Deserialize<DatasulCustomer>(body).CustomerCode?.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override string CustomerPath(string? erpCode) => erpCode is null ? Path : $"{Path}/{erpCode}";
}
