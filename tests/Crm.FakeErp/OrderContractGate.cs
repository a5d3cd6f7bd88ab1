using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.FakeErp;

/// <summary>
/// A real HTTP server on 127.0.0.1 in front of a fake ERP server: a sales order posted to the ERP's order route (the Protheus
/// EAI transactions, Datasul <c>ordersPublic</c>) is first checked against <see cref="OrderTaxContract"/> and refused with
/// 400 and the TOTVS error envelope naming each field; everything else, and an order that passes, goes on to the fake
/// unchanged, its answer back unchanged.
/// </summary>
public sealed class OrderContractGate : IAsyncDisposable
{
    private static readonly string[] Unforwarded = ["Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection"];
    private readonly WebApplication _app;
    private readonly HttpClient _erp;
    private int _refused;

    private OrderContractGate(WebApplication app, HttpClient erp) => (_app, _erp) = (app, erp);

    /// <summary>The gate's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Orders refused here, never forwarded.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Starts a gate in front of <paramref name="erp"/> (a Protheus or Datasul fake).</summary>
    public static async Task<OrderContractGate> StartAsync(FakeErpServer erp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erp);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var gate = new OrderContractGate(builder.Build(), new HttpClient(erp.CreateHandler()) { BaseAddress = erp.BaseUrl });
        gate._app.Run(gate.HandleAsync);
        await gate._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = gate._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        gate.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return gate;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _erp.Dispose();
    }

    // The contract of the order the body carries, by route; null for a request that is not an order.
    private static IReadOnlyList<Problem>? OrderProblems(string method, string path, string body)
    {
        if (method != "POST")
            return null;
        Func<JsonNode?, IReadOnlyList<Problem>>? contract = path.TrimStart('/') switch
        {
            ProtheusTransport.TransactionsPath => document => OrderTaxContract.Protheus(document?["Content"]),
            DatasulTransport.OrdersPath => OrderTaxContract.Datasul,
            _ => null,
        };
        if (contract is null)
            return null;
        try
        {
            return contract(JsonNode.Parse(body));
        }
        catch (JsonException)
        {
            return null; // not JSON: the fake behind says so in its own words
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (OrderProblems(context.Request.Method, context.Request.Path.Value ?? "", body) is { Count: > 0 } problems)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(PayloadJson.Serialize(TotvsError.Of(problems)), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            (context.Request.Path.Value ?? "").TrimStart('/') + context.Request.QueryString.Value);
        if (body.Length > 0)
            forward.Content = new StringContent(body, Encoding.UTF8, "application/json");
        foreach (var header in context.Request.Headers.Where(h => !Unforwarded.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
            forward.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
        using var answer = await _erp.SendAsync(forward, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Where(h => h.Key is "Retry-After"))
            context.Response.Headers[header.Key] = header.Value.ToArray();
        if (answer.Content.Headers.ContentType is { } type)
            context.Response.ContentType = type.ToString();
        await context.Response.WriteAsync(await answer.Content.ReadAsStringAsync(context.RequestAborted).ConfigureAwait(false), context.RequestAborted)
            .ConfigureAwait(false);
    }
}
