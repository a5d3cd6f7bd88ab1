using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging;
using NodaTime;
using OneOf;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Crm.Adapters.Http;

/// <summary>
/// The send every HTTP ERP transport shares. A subclass builds the request of a message (method, path, body, ERP headers)
/// and reads the ERP's code and error format; this class adds the <see cref="IdempotencyKeyHeader"/>, asks the subclass to
/// authorize, and turns the outcome into a <see cref="TransportResult"/>: 2xx is <see cref="Delivered"/>; 408, 429, 5xx, a
/// timeout, a dropped connection or an open circuit are <see cref="Unavailable"/> (send again later); any other 4xx is
/// <see cref="Rejected"/> with the ERP's problems. A 401 gets one more try after <see cref="RenewCredentialsAsync"/>.
/// Retries, the circuit breaker and timeouts are the typed client's resilience handler (see
/// <see cref="ErpHttpServiceCollectionExtensions.AddErpHttpTransport{TTransport, TOptions}"/>). Bodies and credentials are never
/// logged: a body carries CPF/CNPJ, a header the password or token. It is also the ERP's <see cref="IErpReader"/>: the
/// standing is <see cref="ReadAccountStateAsync"/> as <see cref="ErpAccountState.ToStanding"/>; a subclass serves the
/// master-data lists and the customer list its ERP's contract documents, <see cref="ReadPageSize"/> records a page.
/// </summary>
public abstract partial class ErpHttpTransport : IErpTransport, IErpReader
{
    /// <summary>How many records one <see cref="IErpReader"/> page asks the ERP for.</summary>
    public const int ReadPageSize = 100;

    /// <summary>The header carrying <see cref="ErpMessage.Key"/>: the ERP applies one key once.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// The header carrying <see cref="ErpMessage.Account"/> (the CRM account's id, no personal data): ERP logs and the fake
    /// servers correlate a request with its account by it (the fakes keep each account's arrival order).
    /// </summary>
    public const string AccountHeader = "X-Crm-Account";

    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the transport on the typed client <paramref name="http"/>; <paramref name="time"/> (the host's clock) tells how
    /// long a <c>Retry-After</c> date is from now.
    /// </summary>
    protected ErpHttpTransport(HttpClient http, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        Http = http;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc />
    public abstract ErpId Erp { get; }

    /// <summary>The typed client, its base address the ERP's (null when the options give none).</summary>
    protected HttpClient Http { get; }

    /// <inheritdoc />
    public async ValueTask<TransportResult> SendAsync(ErpMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Erp != Erp)
            throw new ArgumentException($"A message for {message.Erp} was given to the {Erp} transport.", nameof(message));
        cancellationToken.ThrowIfCancellationRequested();
        LogSending(message.Erp, message.Operation, message.Resource, message.Account.Value, message.Key.Value);
        var answer = await ExchangeAsync(() =>
        {
            var request = CreateRequest(message);
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, message.Key.Value);
            request.Headers.TryAddWithoutValidation(AccountHeader, message.Account.Value.ToString());
            return request;
        }, cancellationToken).ConfigureAwait(false);
        return Log(message, answer.Match<TransportResult>(ok => Acknowledged(message, ok), rejected => rejected, unavailable => unavailable));
    }

    /// <summary>
    /// Reads <paramref name="pathAndQuery"/> (relative to the ERP's address) with the transport's credentials, resilience and
    /// logging rules: the body of a 2xx answer; <see cref="Rejected"/> with the ERP's problems for a 4xx (a 404 included);
    /// <see cref="Unavailable"/> for 408, 429, 5xx, a timeout, a dropped connection or an open circuit, and for a 401/403: refused
    /// credentials are the configuration's fault, not the record's, so a job reading many records stops at the first instead
    /// of repeating a refused login (which may lock the ERP user). Bodies are not logged.
    /// </summary>
    public async ValueTask<OneOf<string, Rejected, Unavailable>> ReadAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        cancellationToken.ThrowIfCancellationRequested();
        var answer = await ExchangeAsync(() => new HttpRequestMessage(HttpMethod.Get, pathAndQuery), cancellationToken,
            credentialsRefusedIsUnavailable: true).ConfigureAwait(false);
        return answer.Match<OneOf<string, Rejected, Unavailable>>(ok => ok.Body, rejected => rejected, unavailable => unavailable);
    }

    /// <summary>
    /// Every item of a paged list, reading page <paramref name="first"/>, then the next, until a page says there is no next
    /// one; the first failure ends the read with it. Cancellation stops between pages and inside a request.
    /// </summary>
    protected static async ValueTask<OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadEveryPageAsync(int first,
        Func<int, CancellationToken, ValueTask<OneOf<ErpListPage, Rejected, Unavailable>>> readPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        var items = new List<string>();
        for (var page = first; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await readPage(page, cancellationToken).ConfigureAwait(false);
            if (!read.TryPickT0(out var current, out var failed))
                return failed.Match<OneOf<IReadOnlyList<string>, Rejected, Unavailable>>(r => r, u => u);
            items.AddRange(current.Items);
            if (!current.HasNext)
                return items;
        }
    }

    /// <summary>
    /// The state of the customer <paramref name="erpCode"/> as of <paramref name="today"/>, with what this ERP does not expose
    /// (<see cref="ErpAccountState.NotExposed"/>) and the credit left: <see cref="Rejected"/> when the ERP does not know it or
    /// refuses the read, <see cref="Unavailable"/> when it cannot be reached (read again later).
    /// </summary>
    public abstract ValueTask<OneOf<ErpAccountState, Rejected, Unavailable>> ReadAccountStateAsync(string erpCode, LocalDate today,
        CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async ValueTask<ErpRead<ErpStanding>> ReadStandingAsync(string erpCode, LocalDate today, Instant readAt,
        CancellationToken cancellationToken = default)
    {
        var read = await ReadAccountStateAsync(erpCode, today, cancellationToken).ConfigureAwait(false);
        return read.Match<ErpRead<ErpStanding>>(
            state => state.ErpCode == erpCode
                ? state.ToStanding(readAt)
                : new Rejected([new Problem("erp_code", $"{Erp}.state.code_mismatch",
                    $"{Erp} answered customer {state.ErpCode} when asked for {erpCode}.")]),
            r => r, u => u);
    }

    /// <inheritdoc />
    public virtual IReadOnlyList<MasterDataKind> MasterDataKinds => [];

    /// <inheritdoc />
    public virtual ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ErpRead<MasterDataPage>>(NotServed("kind", $"O ERP {Erp} não expõe a lista {kind}."));

    /// <inheritdoc />
    public virtual bool ServesCustomers => false;

    /// <inheritdoc />
    public virtual ValueTask<ErpRead<ErpPayloadPage>> ReadCustomersAsync(int page, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ErpRead<ErpPayloadPage>>(NotServed("customers", $"O ERP {Erp} não expõe a lista de clientes."));

    /// <summary>The refusal of a list this ERP does not serve (<see cref="ErpReadCodes.ListNotServed"/>).</summary>
    protected static Rejected NotServed(string field, string message) => new([new Problem(field, ErpReadCodes.ListNotServed, message)]);

    /// <summary>
    /// The <see cref="MasterDataPage"/> of <paramref name="kind"/> in <paramref name="read"/>, each item mapped by
    /// <paramref name="recordOf"/>. An item it cannot map (null: no usable code, not the list's JSON) is left out and logged
    /// (event 7105, with the count, not the item): refusing the whole page would stop the list at that page on every load, so
    /// one bad record in the ERP would keep every later record of the list out of the CRM.
    /// </summary>
    protected ErpRead<MasterDataPage> MasterDataPageOf(MasterDataKind kind, OneOf<ErpListPage, Rejected, Unavailable> read,
        Func<string, MasterDataRecord?> recordOf)
    {
        ArgumentNullException.ThrowIfNull(recordOf);
        if (!read.TryPickT0(out var page, out var failed))
            return failed.Match<ErpRead<MasterDataPage>>(r => r, u => u);
        var records = new List<MasterDataRecord>(page.Items.Count);
        foreach (var item in page.Items)
        {
            if (recordOf(item) is { } record)
                records.Add(record);
        }
        if (records.Count < page.Items.Count)
            LogUnreadable(Erp, kind, page.Items.Count - records.Count);
        return new MasterDataPage(records, page.HasNext);
    }

    /// <summary>
    /// Reads <paramref name="pathAndQuery"/> (<see cref="ReadAsync"/>) and maps the body with <paramref name="map"/>; a body
    /// that is not the ERP's JSON (a <see cref="JsonException"/> or <see cref="FormatException"/> from the map) is
    /// <see cref="Rejected"/> (<c>{erp}.state.unreadable</c>).
    /// </summary>
    protected async ValueTask<OneOf<T, Rejected, Unavailable>> ReadAsAsync<T>(string pathAndQuery, Func<string, T> map,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var answer = await ReadAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
        if (!answer.TryPickT0(out var body, out var failed))
            return failed.Match<OneOf<T, Rejected, Unavailable>>(r => r, u => u);
        try
        {
            return map(body);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new Rejected([new Problem("", $"{Erp}.state.unreadable", $"{Erp} answered {pathAndQuery} with something that is not its record.")]);
        }
    }

    private TransportResult Acknowledged(ErpMessage message, Answer answer)
    {
        string? code;
        try
        {
            code = ReadErpCode(message, answer.Body);
        }
        catch (JsonException)
        {
            // Accepted, perhaps applied, but unreadable: a resend under the same key gets the ERP's answer again.
            return new Unavailable($"{Erp}: HTTP {answer.Status} with an answer that is not the ERP's JSON.");
        }
        return code is { Length: > 0 }
            ? new Delivered(code, answer.Body)
            : new Rejected([new Problem("", $"{Erp}.response.no_code", $"{Erp} acknowledged the {message.Resource} message without its code.")]);
    }

    private sealed record Answer(int Status, string Body);

    // One request (made again after a credential renewal), authorized, sent through the typed client's resilience handler.
    private async Task<OneOf<Answer, Rejected, Unavailable>> ExchangeAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken,
        bool credentialsRefusedIsUnavailable = false)
    {
        if (Http.BaseAddress is null)
            return new Unavailable($"{Erp}: no ERP address is configured (BaseUrl / ApiUrl).");
        try
        {
            for (var renewed = false; ; renewed = true)
            {
                using var request = create();
                if (await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false) is { } refused)
                    return refused.IsT1 ? refused.AsT1 : refused.IsT2 ? refused.AsT2 : new Unavailable($"{Erp}: credentials not available.");
                using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !renewed && CanRenewCredentials)
                {
                    if (await RenewCredentialsAsync(request.Headers.Authorization, cancellationToken).ConfigureAwait(false) is { } failed)
                        return failed.IsT1 ? failed.AsT1 : failed.IsT2 ? failed.AsT2 : new Unavailable($"{Erp}: credentials not renewed.");
                    LogRenewed(Erp);
                    continue;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new Answer(status, body);
                if (status is 408 or 429 or >= 500)
                    return new Unavailable($"{Erp}: HTTP {status} {response.ReasonPhrase}.", RetryAfterOf(response.Headers.RetryAfter));
                if (credentialsRefusedIsUnavailable && status is 401 or 403)
                    return new Unavailable($"{Erp}: the ERP refused the credentials (HTTP {status}); check the configured user and password.");
                var problems = ReadProblems(body);
                return new Rejected(problems.Count > 0
                    ? problems
                    : [new Problem("", $"{Erp}.http_{status}", $"{Erp} refused the request: HTTP {status} {response.ReasonPhrase}.")]);
            }
        }
        catch (HttpRequestException e)
        {
            return new Unavailable($"{Erp}: the connection failed ({e.HttpRequestError}).");
        }
        catch (TimeoutRejectedException)
        {
            return new Unavailable($"{Erp}: the ERP did not answer in time.");
        }
        catch (BrokenCircuitException)
        {
            return new Unavailable($"{Erp}: the circuit is open after repeated failures.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, when a host sets one, ends the call this way.
            return new Unavailable($"{Erp}: the ERP did not answer in time.");
        }
    }

    // Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); a date already past means "now".
    private Duration? RetryAfterOf(RetryConditionHeaderValue? retryAfter) =>
        retryAfter?.Delta is { } delta ? Duration.FromTimeSpan(delta)
        : retryAfter?.Date is { } date ? Duration.FromTimeSpan(TimeSpan.FromTicks(Math.Max(0, (date - _time.GetUtcNow()).Ticks)))
        : null;

    /// <summary>The request that sends <paramref name="message"/>: method, path relative to the ERP's address, body, ERP headers.</summary>
    protected abstract HttpRequestMessage CreateRequest(ErpMessage message);

    /// <summary>
    /// Puts the credentials on <paramref name="request"/> (Basic, a bearer token...) and answers null; or answers the outcome
    /// when they cannot be had (the ERP refused the application key: <see cref="Rejected"/>). Nothing by default.
    /// </summary>
    protected virtual ValueTask<TransportResult?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TransportResult?>(null);

    /// <summary>True when a 401 can be cured by <see cref="RenewCredentialsAsync"/> (tokens); false for fixed credentials.</summary>
    protected virtual bool CanRenewCredentials => false;

    /// <summary>
    /// After a 401: renews the credentials refused as <paramref name="refused"/> (a token refresh) and answers null to send
    /// once more, or the outcome when they cannot be renewed.
    /// </summary>
    protected virtual ValueTask<TransportResult?> RenewCredentialsAsync(AuthenticationHeaderValue? refused, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TransportResult?>(null);

    /// <summary>
    /// The ERP's code in its answer to the accepted <paramref name="message"/>: the customer's code, or for an order message
    /// (<see cref="ErpMessage.Order"/> set) the ERP's order number; null when it has none. A <see cref="JsonException"/> (the
    /// answer is not the ERP's JSON) makes the send <see cref="Unavailable"/>.
    /// </summary>
    protected abstract string? ReadErpCode(ErpMessage message, string body);

    /// <summary>The problems in the ERP's error answer; empty when the body is not the ERP's error format.</summary>
    protected abstract IReadOnlyList<Problem> ReadProblems(string body);

    /// <summary>An <c>Authorization: Basic</c> header for <paramref name="username"/> and <paramref name="password"/>.</summary>
    protected static AuthenticationHeaderValue Basic(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    /// <summary>A JSON body, UTF-8.</summary>
    protected static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private TransportResult Log(ErpMessage message, TransportResult result)
    {
        result.Switch(
            delivered => LogDelivered(Erp, message.Account.Value, message.Resource, delivered.ErpCode, message.Key.Value),
            rejected => LogRejected(Erp, message.Account.Value, message.Key.Value, string.Join("; ", rejected.Problems.Select(p => p.Code))),
            unavailable => LogUnavailable(Erp, message.Account.Value, message.Key.Value, unavailable.Reason));
        return result;
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Sending {Operation} of account {Account} to {Erp} {Resource} (key {Key})")]
    private partial void LogSending(ErpId erp, ErpOperation operation, string resource, Guid account, string key);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Erp} acknowledged account {Account} ({Resource}) as {ErpCode} (key {Key})")]
    private partial void LogDelivered(ErpId erp, Guid account, string resource, string erpCode, string key);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "{Erp} rejected account {Account} (key {Key}): {Codes}")]
    private partial void LogRejected(ErpId erp, Guid account, string key, string codes);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "{Erp} unavailable for account {Account} (key {Key}): {Reason}")]
    private partial void LogUnavailable(ErpId erp, Guid account, string key, string reason);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "{Erp} refused the credentials; renewed them and sending once more")]
    private partial void LogRenewed(ErpId erp);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "{Erp} listed {Count} {Kind} record(s) without a usable code; left out of the page")]
    private partial void LogUnreadable(ErpId erp, MasterDataKind kind, int count);
}
