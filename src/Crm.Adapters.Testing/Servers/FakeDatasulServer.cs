using System.Globalization;
using Crm.Adapters.Datasul;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Servers;

/// <summary>
/// A fake EMS over HTTP (ERP.md §1.2 source B) on <see cref="FakeDatasulEms"/>: <c>POST /api/cdp/v1/customerPublic</c>
/// creates, <c>PUT /api/cdp/v1/customerPublic/{cod-emitente}</c> updates, <c>GET /api/cdp/v1/customerPublic?page=&amp;pageSize=</c>
/// lists (<c>{hasNext, items}</c>) and <c>GET …/{cod-emitente}</c> reads one; <c>POST /api/pdp/v1/ordersPublic</c> takes a
/// sales order (<see cref="FakeDatasulEms"/> checks it) and <c>GET …/ordersPublic/{nr-pedido}</c> reads it back; the master-data lists of
/// <see cref="DatasulMasterData"/> are served from <see cref="FakeDatasulEms.Tables"/> (items <c>{code, name}</c>); Basic
/// authentication; TOTVS error envelope.
/// </summary>
public sealed class FakeDatasulServer : FakeTotvsServer
{
    private const string Root = "/" + DatasulTransport.Path;

    /// <summary>The sales order API (ERP.md §1.2, TTALK <c>OrdersPublic_v1_000</c>).</summary>
    public const string OrdersPath = "/api/pdp/v1/ordersPublic";

    private FakeDatasulServer(FakeDatasulEms ems, string? username, string? password) : base(ems, username, password) => Ems = ems;

    /// <summary>The EMS behind it.</summary>
    public FakeDatasulEms Ems { get; }

    /// <summary>Starts a server on a free port; with <paramref name="username"/>, it demands those Basic credentials.</summary>
    public static async Task<FakeDatasulServer> StartAsync(string? username = null, string? password = null, bool https = false,
        CancellationToken cancellationToken = default)
    {
        var server = new FakeDatasulServer(new FakeDatasulEms(), username, password);
        await server.StartAsync(https, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <inheritdoc />
    protected override FakeAnswer? Route(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path == OrdersPath && request.Method == "POST")
            return Apply(ErpOperation.Create, FakeDatasulEms.OrdersResource, null, request);
        if (request.Path.StartsWith(OrdersPath + "/", StringComparison.Ordinal) && request.Method == "GET")
            return Ems.Locked(() => int.TryParse(request.Path[(OrdersPath.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                                    && Ems.Orders.TryGetValue(number, out var order)
                ? new FakeAnswer(200, order)
                : Refuse(404, [new Problem("", "404", $"Pedido {request.Path[(OrdersPath.Length + 1)..]} não encontrado.")]));
        if (request.Path == Root)
            return request.Method switch
            {
                "POST" => Apply(ErpOperation.Create, "customerPublic", null, request),
                "GET" => Ems.Locked(() => TotvsPage<DatasulCustomer>.Answer([.. Ems.Customers.OrderBy(c => c.Key).Select(c => c.Value)], request.Query)),
                _ => null,
            };
        if (request.Method == "GET" && Enum.GetValues<DatasulMasterData>().Cast<DatasulMasterData?>()
                .FirstOrDefault(l => request.Path == "/" + DatasulTransport.PathOf(l!.Value)) is { } list)
            return TotvsPage<FakeMasterRecord>.Answer(Ems.RecordsOf(list), request.Query);
        if (!request.Path.StartsWith(Root + "/", StringComparison.Ordinal))
            return null;
        var id = Uri.UnescapeDataString(request.Path[(Root.Length + 1)..]);
        return request.Method switch
        {
            "PUT" => Apply(ErpOperation.Update, "customerPublic", id, request),
            "GET" => Ems.Locked(() => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Ems.Customers.TryGetValue(code, out var c)
                ? new FakeAnswer(200, PayloadJson.Serialize(c))
                : Refuse(404, [new Problem("", "404", $"Emitente {id} não encontrado.")])),
            _ => null,
        };
    }
}
