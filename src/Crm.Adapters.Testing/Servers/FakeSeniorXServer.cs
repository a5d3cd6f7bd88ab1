using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Servers;

/// <summary>
/// A fake Senior X platform and Mega API in one HTTPS server (ERP.md §3), on <see cref="FakeSeniorX"/>: <c>loginWithKey</c>
/// checks the tenant's application key and answers a <c>jsonToken</c> (access token for an hour, refresh token);
/// <c>refreshToken</c> renews it; <c>crm/integration_mega/actions/upsertAgent</c> takes an agent with a valid bearer token
/// (401 otherwise) and creates it (no <c>idErp</c>) or updates it; <c>GET crm/integration_mega/entities/{primitive}?offset=&amp;size=</c>
/// lists the tables of <see cref="FakeSeniorX"/> (<see cref="SeniorXPage{T}"/>), <c>…/entities/agent/{idErp}</c> reads one
/// agent, with the same token. <see cref="ExpireTokens"/> makes every access token stale,
/// as an expiry would. Errors are <see cref="SeniorXError"/>. Serve both <see cref="MegaOptions.PlatformUrl"/> and
/// <see cref="MegaOptions.ApiUrl"/> from <see cref="FakeErpServer.BaseUrl"/>.
/// </summary>
public sealed class FakeSeniorXServer : FakeErpServer
{
    private readonly string _tenant;
    private readonly string _accessKey;
    private readonly string _secret;
    private readonly HashSet<string> _accessTokens = [];
    private readonly HashSet<string> _refreshTokens = [];
    private int _issued;

    private FakeSeniorXServer(FakeSeniorX mega, string tenant, string accessKey, string secret) : base(mega)
    {
        Mega = mega;
        _tenant = tenant;
        _accessKey = accessKey;
        _secret = secret;
    }

    /// <summary>The Mega behind it (the agents).</summary>
    public FakeSeniorX Mega { get; }

    /// <summary>How many logins with the key and token refreshes it granted.</summary>
    public (int Logins, int Refreshes) Granted { get; private set; }

    /// <summary>Starts an HTTPS server on a free port accepting the application key <paramref name="accessKey"/>/<paramref name="secret"/> of <paramref name="tenant"/>.</summary>
    public static async Task<FakeSeniorXServer> StartAsync(string tenant, string accessKey, string secret, CancellationToken cancellationToken = default)
    {
        // The platform login happens here over HTTP, so the in-memory Mega is handed the right key.
        var inner = new FakeSeniorX(new MegaOptions { TenantName = tenant, AccessKey = accessKey, Secret = secret }, tenant, accessKey, secret);
        var server = new FakeSeniorXServer(inner, tenant, accessKey, secret);
        await server.StartAsync(https: true, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Makes every access token stale (refresh tokens stay valid): the next call gets 401.</summary>
    public void ExpireTokens()
    {
        lock (_accessTokens)
            _accessTokens.Clear();
    }

    /// <inheritdoc />
    protected override FakeAnswer Answer(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == "POST" && request.Path == SeniorXRoute.LoginWithKey(BaseUrl).AbsolutePath)
            return Login(request);
        if (request.Method == "POST" && request.Path == SeniorXRoute.RefreshToken(BaseUrl).AbsolutePath)
            return Refresh(request);
        var route = request.Method switch
        {
            "POST" when request.Path == SeniorXRoute.UpsertAgent(BaseUrl).AbsolutePath => (Func<FakeAnswer>)(() => Upsert(request)),
            "GET" => Read(request),
            _ => null,
        };
        if (route is null)
            return Refuse(404, [new Problem("", "not_found", $"{request.Method} {request.Path} não existe.")]);
        var bearer = AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var auth) && auth.Scheme == "Bearer" ? auth.Parameter : null;
        lock (_accessTokens)
            if (bearer is null || !_accessTokens.Contains(bearer))
                return Refuse(401, [new Problem("", "platform.authentication.invalid_token", "Token inválido ou expirado.")]);
        return route();
    }

    private FakeAnswer Upsert(FakeRequest request)
    {
        var agent = PayloadJson.Deserialize<MegaAgent>(request.Body);
        return Apply(agent.IdErp is null ? ErpOperation.Create : ErpOperation.Update, "agent", agent.IdErp, request);
    }

    // The entity lists of MegaList, paged, and one agent by its idErp; null for a path that is none of them.
    private Func<FakeAnswer>? Read(FakeRequest request)
    {
        foreach (var list in Enum.GetValues<MegaList>())
        {
            var path = "/" + SeniorXRoute.EntityPath(list);
            if (request.Path == path)
                return () => Mega.Locked(() => list switch
                {
                    MegaList.Companies => SeniorXPage<MegaCompany>.Answer(Mega.Companies, request.Query),
                    MegaList.Branches => SeniorXPage<MegaBranch>.Answer(Mega.Branches, request.Query),
                    MegaList.Agents => SeniorXPage<MegaAgent>.Answer(Mega.Export().Agents, request.Query),
                    MegaList.Representatives => SeniorXPage<MegaRepresentative>.Answer(Mega.Representatives, request.Query),
                    MegaList.PaymentConditions => SeniorXPage<MegaPaymentCondition>.Answer(Mega.PaymentConditions, request.Query),
                    _ => SeniorXPage<MegaPriceTable>.Answer(Mega.PriceTables, request.Query),
                });
            if (list == MegaList.Agents && request.Path.StartsWith(path + "/", StringComparison.Ordinal))
            {
                var id = Uri.UnescapeDataString(request.Path[(path.Length + 1)..]);
                return () => Mega.Locked(() => Mega.Agents.TryGetValue(id, out var agent)
                    ? new FakeAnswer(200, PayloadJson.Serialize(agent))
                    : Refuse(404, [new Problem("", "mega.agent.not_found", $"Agente {id} não encontrado.")]));
            }
        }
        return null;
    }

    private FakeAnswer Login(FakeRequest request)
    {
        var login = JsonSerializer.Deserialize<LoginWithKeyRequest>(request.Body);
        if (login is null || login.TenantName != _tenant || login.AccessKey != _accessKey || login.Secret != _secret)
            return Refuse(401, [new Problem("", "platform.authentication.invalid_key", $"Chave de aplicação inválida para o tenant {login?.TenantName}.")]);
        Granted = (Granted.Logins + 1, Granted.Refreshes);
        return Issue();
    }

    private FakeAnswer Refresh(FakeRequest request)
    {
        var refresh = JsonSerializer.Deserialize<RefreshTokenRequest>(request.Body);
        lock (_accessTokens)
            if (refresh is null || !_refreshTokens.Remove(refresh.Token))
                return Refuse(401, [new Problem("", "platform.authentication.invalid_refresh_token", "Refresh token inválido.")]);
        Granted = (Granted.Logins, Granted.Refreshes + 1);
        return Issue();
    }

    private FakeAnswer Issue()
    {
        lock (_accessTokens)
        {
            var n = (++_issued).ToString(CultureInfo.InvariantCulture);
            var token = new SeniorXToken($"access-{n}-{Guid.NewGuid():N}", $"refresh-{n}-{Guid.NewGuid():N}", 3600);
            _accessTokens.Add(token.AccessToken);
            _refreshTokens.Add(token.RefreshToken!);
            return new FakeAnswer(200, JsonSerializer.Serialize(new LoginResponse(JsonSerializer.Serialize(token))));
        }
    }

    /// <inheritdoc />
    protected override FakeAnswer Refuse(int status, IReadOnlyList<Problem> problems) => new(status, JsonSerializer.Serialize(new SeniorXError
    {
        Message = string.Join(" ", problems.Select(p => p.Message)),
        Reason = problems.Count == 1 ? problems[0].Code : "validation",
        Details = [.. problems.Select(p => new SeniorXErrorDetail(p.Field, p.Code, p.Message))],
    }));
}
