using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Crm.Tests.Shared;

/// <summary>What the server received, and how.</summary>
internal sealed record ReceivedMail(MimeMessage Message, string? AuthenticatedUser, bool Secure, IReadOnlyList<string> Recipients);

/// <summary>How the local server listens (public: a theory parameter).</summary>
public enum ServerSecurity { Plain, StartTls, ImplicitTls }

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1: it speaks the protocol over TCP, negotiates TLS with a
/// self-signed certificate, checks AUTH and keeps what it received. Refuses recipients at <c>refused.example</c>. Stopped
/// and started again on the same port, it plays an outage. Linked into every test project that needs a mail server.
/// </summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ServerSecurity _security;
    private readonly (string User, string Password)? _account;
    private CancellationTokenSource? _running;
    private Task? _task;

    public LocalSmtpServer(int port, ServerSecurity security = ServerSecurity.Plain, (string User, string Password)? account = null)
        => (Port, _security, _account) = (port, security, account);

    public int Port { get; }

    public X509Certificate2 Certificate { get; } = SelfSignedCertificate();

    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>Called with each message as it is stored, before the server answers 250 (a test stops a dispatcher there).</summary>
    public Action<ReceivedMail>? OnReceived { get; set; }

    /// <summary>A port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the server holds at least <paramref name="count"/> messages (10 s at most), then returns them.</summary>
    public async Task<IReadOnlyCollection<ReceivedMail>> WaitForAsync(int count)
    {
        for (var i = 0; i < 200 && _received.Count < count; i++)
            await Task.Delay(50);
        return _received;
    }

    public void Start()
    {
        var endpoint = new EndpointDefinitionBuilder().Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))
            .AuthenticationRequired(_account is not null).AllowUnsecureAuthentication(_security == ServerSecurity.Plain);
        if (_security != ServerSecurity.Plain)
            endpoint = endpoint.Certificate(Certificate).IsSecure(_security == ServerSecurity.ImplicitTls);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(endpoint.Build()).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new RefusingFilter());
        services.Add(new DelegatingUserAuthenticator((user, password) => _account is { } a && a.User == user && a.Password == password));
        _running = new CancellationTokenSource();
        _task = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null)
            return;
        await _running.CancelAsync();
        try { await _task!; } catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate.Dispose();
    }

    private sealed class Store(LocalSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            var mail = new ReceivedMail(MimeMessage.Load(stream, cancellationToken), user, context.Pipe.IsSecure,
                [.. transaction.To.Select(m => m.AsAddress())]);
            server._received.Enqueue(mail);
            server.OnReceived?.Invoke(mail);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class RefusingFilter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(to.Host != "refused.example");
    }

    /// <summary>A self-signed certificate for localhost, loaded with its private key usable by SslStream.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
