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
    public const string OrdersPath = "/" + DatasulTransport.OrdersPath;

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
            return ReadByNumber(Uri.UnescapeDataString(request.Path[(OrdersPath.Length + 1)..]), "Pedido", number => Ems.Orders.GetValueOrDefault(number));
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
            "GET" => ReadByNumber(id, "Emitente", code => Ems.Customers.TryGetValue(code, out var c) ? PayloadJson.Serialize(c) : null),
            _ => null,
        };
    }

    /// <summary>
    /// <c>GET …/{id}</c> of a record EMS keys by a number (<c>cod-emitente</c>, <c>nr-pedido</c>): its JSON as <paramref name="find"/>
    /// gives it, read under the EMS lock; 404 naming <paramref name="what"/> when <paramref name="id"/> is not a number or not found.
    /// </summary>
    private FakeAnswer ReadByNumber(string id, string what, Func<int, string?> find) =>
        Ems.Locked(() => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && find(number) is { } json
            ? new FakeAnswer(200, json)
            : Refuse(404, [new Problem("", "404", $"{what} {id} não encontrado.")]));
}
