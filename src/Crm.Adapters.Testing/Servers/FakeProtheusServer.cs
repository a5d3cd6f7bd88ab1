using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Servers;

/// <summary>
/// A fake Protheus REST server (ERP.md §2.4) on <see cref="FakeProtheus"/>: <c>POST /rest/api/crm/v1/customerVendor</c>
/// creates, <c>PUT …/customerVendor/1/{A1_COD + A1_LOJA}</c> updates, <c>GET …/customerVendor/1?page=&amp;pageSize=</c> lists
/// customers (<c>{hasNext, items}</c>), the master-data lists of <see cref="ProtheusMasterData"/> (items <c>{code}</c>), <c>GET …/customerVendor/1/{code}</c> reads one
/// and <c>GET /rest/api/fat/v1/CustomerCreditLimit/{code}</c> its credit; <c>POST /rest/totvseai/standardmessage/v1/transactions</c>
/// takes the EAI <c>Order</c> message (SC5/SC6, checked by <see cref="FakeProtheus"/>) (<see cref="FakeProtheus.SetCredit"/>); Basic authentication; every
/// change carries the <c>tenantId: empresa,filial</c> header naming the body's company and branch; TOTVS error envelope.
/// </summary>
public sealed class FakeProtheusServer : FakeTotvsServer
{
    private const string Root = "/" + ProtheusTransport.Path;

    /// <summary>
    /// The TOTVS EAI standard-message endpoint under the REST server, where the <c>Order</c> message arrives (TDN "Mensagem
    /// padronizada REST/JSON": <c>POST /totvseai/standardmessage/v1/transactions</c>, "implemented by every ERP").
    /// </summary>
    public const string TransactionsPath = "/" + ProtheusTransport.TransactionsPath;

    private FakeProtheusServer(FakeProtheus protheus, string? username, string? password) : base(protheus, username, password) => Protheus = protheus;

    /// <summary>The Protheus behind it (SA1 and the tables its checks read).</summary>
    public FakeProtheus Protheus { get; }

    /// <summary>Starts a server over <paramref name="protheus"/> on a free port; with <paramref name="username"/>, it demands those Basic credentials.</summary>
    public static async Task<FakeProtheusServer> StartAsync(FakeProtheus protheus, string? username = null, string? password = null,
        bool https = false, CancellationToken cancellationToken = default)
    {
        var server = new FakeProtheusServer(protheus, username, password);
        await server.StartAsync(https, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <inheritdoc />
    protected override FakeAnswer? Route(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path == TransactionsPath && request.Method == "POST")
            return Apply(ErpOperation.Create, FakeProtheus.OrderResource, null, request);
        if (request.Path == Root && request.Method == "POST")
            return Change(ErpOperation.Create, null, request);
        if (request.Path == Root + "/1" && request.Method == "GET")
            return Protheus.Locked(() => TotvsPage<ProtheusCustomer>.Answer(
                [.. Protheus.Sa1.Values.OrderBy(r => r.Filial + r.Cod + r.Loja).Select(r => Protheus.Read(r.Cod + r.Loja))], request.Query));
        if (request.Method == "GET" && Enum.GetValues<ProtheusMasterData>().Cast<ProtheusMasterData?>()
                .FirstOrDefault(l => request.Path == "/" + ProtheusTransport.PathOf(l!.Value)) is { } list)
            return Protheus.Locked(() => TotvsPage<FakeMasterRecord>.Answer([.. Protheus.CodesOf(list).Select(c => new FakeMasterRecord(c))], request.Query));
        if (request.Method == "GET" && request.Path.StartsWith("/" + ProtheusTransport.CreditLimitPath + "/", StringComparison.Ordinal))
        {
            var customer = Uri.UnescapeDataString(request.Path[(ProtheusTransport.CreditLimitPath.Length + 2)..]);
            return Protheus.Locked(() => Protheus.CreditLimitOf(customer) is { } credit
                ? new FakeAnswer(200, PayloadJson.Serialize(credit))
                : Refuse(404, [new Problem("", "404", $"Cliente {customer} não encontrado.")]));
        }
        if (!request.Path.StartsWith(Root + "/1/", StringComparison.Ordinal))
            return null;
        var id = Uri.UnescapeDataString(request.Path[(Root.Length + 3)..]);
        return request.Method switch
        {
            "PUT" => Change(ErpOperation.Update, id, request),
            "GET" => Protheus.Locked(() => Protheus.Sa1.Values.Any(r => r.Cod + r.Loja == id)
                ? new FakeAnswer(200, PayloadJson.Serialize(Protheus.Read(id)))
                : Refuse(404, [new Problem("", "404", $"Cliente {id} não encontrado.")])),
            _ => null,
        };
    }

    private FakeAnswer Change(ErpOperation operation, string? id, FakeRequest request)
    {
        var tenant = request.Header(ProtheusTransport.TenantHeader);
        var customer = PayloadJson.Deserialize<ProtheusCustomer>(request.Body);
        if (tenant != $"{customer.CompanyId},{customer.BranchId}")
            return Refuse(400, [new Problem("", "protheus.tenant", $"O cabeçalho tenantId '{tenant}' não é a empresa e filial do cliente.")]);
        if (operation == ErpOperation.Update && id != customer.Code + customer.StoreId)
            return Refuse(400, [new Problem("code", "protheus.sa1.key_mismatch", $"O cliente {id} da URL não é o do corpo.")]);
        return Apply(operation, "customerVendor", id, request);
    }
}
