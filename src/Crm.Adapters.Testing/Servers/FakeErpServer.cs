using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Adapters.Testing.Servers;

/// <summary>A fault the server can inject into a request.</summary>
public enum FakeFault
{
    /// <summary>Answer normally.</summary>
    None,
    /// <summary>HTTP 500, the message not applied.</summary>
    Status500,
    /// <summary>HTTP 503 with a <c>Retry-After</c> header (<see cref="FakeErpServer.RetryAfter"/>), the message not applied.</summary>
    Status503,
    /// <summary>Wait <see cref="FakeErpServer.SlowAnswer"/> before handling (a caller that gives up first leaves nothing applied).</summary>
    Slow,
    /// <summary>Never answer: hold the request until the caller gives up (its timeout) or the server stops; nothing applied.</summary>
    Timeout,
    /// <summary>Close the connection without answering, the message not applied.</summary>
    Drop,
    /// <summary>Apply the message, then close the connection without answering: the caller resends, a duplicate delivery.</summary>
    ApplyThenDrop,
}

/// <summary>One request the server received, as it arrived; the <c>Authorization</c> header is kept as its scheme only.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path.</param>
/// <param name="Query">Query string, with its <c>?</c>.</param>
/// <param name="Headers">Headers (<c>Authorization</c> reduced to its scheme).</param>
/// <param name="Body">Body.</param>
/// <param name="Fault">The fault injected.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body,
    FakeFault Fault)
{
    /// <summary>The <c>Idempotency-Key</c> header.</summary>
    public string? IdempotencyKey => Headers.GetValueOrDefault("Idempotency-Key");

    /// <summary>The status answered; 0 when the connection was dropped or the caller gave up.</summary>
    public int Status { get; internal set; }
}

/// <summary>A fake ERP server's record (<see cref="FakeErpServer.Record"/>), also served as JSON at <see cref="FakeErpServer.RecordPath"/>.</summary>
/// <param name="Requests">Requests received (ERP routes only).</param>
/// <param name="Faults">How many requests got each injected fault, by <see cref="FakeFault"/> name.</param>
/// <param name="Applied">Distinct effects: changes applied, one per idempotency key at most.</param>
/// <param name="Duplicates">Messages that arrived again under a key already answered, absorbed.</param>
/// <param name="Accounts">Per account id, the idempotency keys applied, in order of arrival.</param>
public sealed record FakeRecord(int Requests, IReadOnlyDictionary<string, int> Faults, int Applied, int Duplicates,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Accounts);

/// <summary>What a fake answers: a status and a JSON body.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Json">JSON body, or null for none.</param>
public sealed record FakeAnswer(int Status, string? Json = null);

/// <summary>A request as the fake ERP's routes see it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path.</param>
/// <param name="Query">Query parameters.</param>
/// <param name="Headers">Headers, <c>Authorization</c> whole.</param>
/// <param name="Body">Body.</param>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>A header, or null.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// A fake ERP that is a real HTTP server: Kestrel on 127.0.0.1 at a free port (HTTPS with a self-signed certificate when
/// asked; <see cref="CreateHandler"/> trusts it), serving an ERP's documented routes over a <see cref="FakeErpEndpoint"/>,
/// which applies each idempotency key once. It records every request (<see cref="Requests"/>) and injects faults: the
/// next requests' (<see cref="Inject"/>) or a share of all requests (<see cref="InjectRandomly"/>). Subclasses map routes
/// in <see cref="Answer"/>; requests are answered one at a time per server for the in-memory ERP's sake, faults aside.
/// </summary>
public abstract class FakeErpServer : IAsyncDisposable
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<FakeFault> _planned = [];
    private WebApplication? _app;
    private X509Certificate2? _certificate;
    private Random? _random;
    private double _rate;
    private FakeFault[] _randomFaults = [];

    /// <summary>Creates the server over <paramref name="erp"/>.</summary>
    protected FakeErpServer(FakeErpEndpoint erp)
    {
        ArgumentNullException.ThrowIfNull(erp);
        Erp = erp;
    }

    /// <summary>The ERP's data, rules and effects (<see cref="FakeErpEndpoint.Effects"/>, <see cref="FakeErpEndpoint.Duplicates"/>).</summary>
    public FakeErpEndpoint Erp { get; }

    /// <summary>The server's address, <c>http(s)://127.0.0.1:port/</c>, once started.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How long a <see cref="FakeFault.Slow"/> answer waits; 5 s by default.</summary>
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The <c>Retry-After</c> of a <see cref="FakeFault.Status503"/> answer, as the ERP would send it: seconds or an HTTP date
    /// (RFC 9110 §10.2.3); <c>1</c> by default.
    /// </summary>
    public string RetryAfter { get; set; } = "1";

    /// <summary>Every request received, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    /// <summary>Injects <paramref name="faults"/> into the next requests, one each, in order.</summary>
    public void Inject(params FakeFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (_requests)
            foreach (var fault in faults)
                _planned.Enqueue(fault);
    }

    /// <summary>
    /// Injects one of <paramref name="faults"/> (picked at random) into a share <paramref name="rate"/> (0–1) of the requests not
    /// given a fault by <see cref="Inject"/>; the same <paramref name="seed"/> gives the same sequence. A rate of 0 stops it.
    /// </summary>
    public void InjectRandomly(double rate, int seed, params FakeFault[] faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        ArgumentNullException.ThrowIfNull(faults);
        lock (_requests)
        {
            _rate = rate;
            _random = new Random(seed);
            _randomFaults = faults.Length == 0 ? [FakeFault.Status500, FakeFault.Status503, FakeFault.Drop, FakeFault.ApplyThenDrop] : faults;
        }
    }

    /// <summary>
    /// A handler for clients of this server: it trusts the server's self-signed certificate (and only that one besides the
    /// machine's trusted ones). Give it to the transport's typed client with <c>ConfigurePrimaryHttpMessageHandler</c>.
    /// </summary>
    public HttpMessageHandler CreateHandler()
    {
        var thumbprint = _certificate?.Thumbprint;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (thumbprint is not null && certificate is X509Certificate2 c && c.Thumbprint == thumbprint),
            },
        };
    }

    /// <summary>Starts listening on 127.0.0.1 at a free port; <paramref name="https"/> serves TLS with a fresh self-signed certificate.</summary>
    protected async Task StartAsync(bool https, CancellationToken cancellationToken)
    {
        if (https)
            _certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (_certificate is not null)
                listen.UseHttps(_certificate);
        }));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The answer to <paramref name="request"/>: the ERP's routes, authentication and rules.</summary>
    protected abstract FakeAnswer Answer(FakeRequest request);

    /// <summary>
    /// Sends <see cref="Erp"/> the message the request carries (its <c>Idempotency-Key</c> header, body, and the
    /// <paramref name="operation"/>, <paramref name="resource"/> and <paramref name="erpCode"/> its route says) and answers
    /// as the ERP does: 201 (create) or 200 (update) with the customer saved, the ERP's error for a refusal, 503 while
    /// <see cref="FakeErpEndpoint.Down"/>. A change without a valid key is refused: the fake cannot apply it once.
    /// </summary>
    protected FakeAnswer Apply(ErpOperation operation, string resource, string? erpCode, FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IdempotencyKey.TryParse(request.Header("Idempotency-Key"), out var key))
            return Refuse(400, [new Problem("", "fake.idempotency_key", "Every change carries an Idempotency-Key header of 64 lowercase hex digits.")]);
        var account = Guid.TryParse(request.Header(Crm.Adapters.Http.ErpHttpTransport.AccountHeader), out var id) ? id : Guid.Empty;
        var message = new ErpMessage(Erp.Erp, resource, operation, new AccountId(account), erpCode, request.Body, key);
        return Erp.SendAsync(message).AsTask().GetAwaiter().GetResult().Match(
            delivered => new FakeAnswer(operation == ErpOperation.Create ? 201 : 200, delivered.Response),
            rejected => Refuse(400, rejected.Problems),
            unavailable => Refuse(503, [new Problem("", "fake.down", unavailable.Reason)]));
    }

    /// <summary>The ERP's error answer listing <paramref name="problems"/> (the TOTVS envelope, the Senior X error...).</summary>
    protected abstract FakeAnswer Refuse(int status, IReadOnlyList<Problem> problems);

    /// <summary>The path of <see cref="Record"/> as JSON, served beside the ERP's routes (never faulted, never recorded).</summary>
    public const string RecordPath = "/_fake/record";

    /// <summary>What the server saw and did so far: for a test that runs it in another process (see <see cref="RecordPath"/>).</summary>
    public FakeRecord Record()
    {
        var requests = Requests;
        var effects = Erp.Effects;
        return new FakeRecord(requests.Count,
            requests.Where(r => r.Fault != FakeFault.None).GroupBy(r => r.Fault.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            effects.Count, Erp.Duplicates,
            effects.GroupBy(e => e.Account.Value.ToString()).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Key)]));
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == RecordPath)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(Record()), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var fault = NextFault();
        var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            headers.ToDictionary(h => h.Key, h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? h.Value.Split(' ')[0] : h.Value,
                StringComparer.OrdinalIgnoreCase), body, fault);
        lock (_requests)
            _requests.Add(recorded);
        switch (fault)
        {
            case FakeFault.Drop:
                context.Abort();
                return;
            case FakeFault.Status500 or FakeFault.Status503:
                var failure = Refuse(fault == FakeFault.Status500 ? 500 : 503, [new Problem("", "fake.fault", "Falha simulada pelo servidor falso.")]);
                if (fault == FakeFault.Status503)
                    context.Response.Headers.RetryAfter = RetryAfter;
                await WriteAsync(context, recorded, failure).ConfigureAwait(false);
                return;
            case FakeFault.Timeout:
                var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                using (var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
                    await Task.Delay(System.Threading.Timeout.Infinite, held.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                context.Abort();
                return;
            case FakeFault.Slow:
                try
                {
                    await Task.Delay(SlowAnswer, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                break;
        }
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var answer = Answer(new FakeRequest(context.Request.Method, context.Request.Path.Value ?? "", query, headers, body));
        if (fault == FakeFault.ApplyThenDrop)
        {
            context.Abort();
            return;
        }
        await WriteAsync(context, recorded, answer).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, RecordedRequest recorded, FakeAnswer answer)
    {
        recorded.Status = answer.Status;
        context.Response.StatusCode = answer.Status;
        if (answer.Json is { } json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private FakeFault NextFault()
    {
        lock (_requests)
        {
            if (_planned.TryDequeue(out var planned))
                return planned;
            return _random is not null && _random.NextDouble() < _rate ? _randomFaults[_random.Next(_randomFaults.Length)] : FakeFault.None;
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Crm.Adapters.Testing fake ERP", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync().ConfigureAwait(false);
        _certificate?.Dispose();
        GC.SuppressFinalize(this);
    }
}
