using Crm.Connectors.Mail;
using Crm.Connectors.Tests.Support;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Domain.Registry;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;

namespace Crm.Connectors.Tests.Mail;

/// <summary>Real SMTP conversations with a server on 127.0.0.1.</summary>
public sealed class SmtpMailerTests : IAsyncLifetime, IDisposable
{
    private const string Password = "s3nha-Sup3r-S3creta!";
    private readonly AesProtector _protector = new();
    private readonly CapturedLogs _logs = new();
    private readonly List<LocalSmtpServer> _servers = [];
    private ILoggerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = _logs.Factory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        _factory.Dispose();
    }

    public void Dispose() => _logs.Dispose();

    private LocalSmtpServer Server(ServerSecurity security = ServerSecurity.Plain, bool auth = false)
    {
        var server = new LocalSmtpServer(Net.FreePort(), security, auth ? ("crm", Password) : null);
        _servers.Add(server);
        server.Start();
        return server;
    }

    private SmtpMailer Mailer(LocalSmtpServer server) => new(_protector, _factory.CreateLogger<SmtpMailer>(), new ConnectorOptions
    {
        Timeout = TimeSpan.FromSeconds(5),
        // Trust exactly the test server's certificate, nothing else.
        ServerCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == server.Certificate.GetCertHashString(),
    });

    private SmtpSettings Settings(int port, SecureConnection? secure = null, string? password = null, Duration? delay = null) =>
        SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Net.Tenant, new SmtpForm(
            Net.Company, null, "127.0.0.1", port, delay ?? Duration.Zero, "crm@acme.com.br", "CRM Acme",
            RequiresAuthentication: password is not null, password is null ? null : "crm", password is null ? null : new Secret(password),
            UseSecureConnection: secure is not null, secure, IsPrimaryServer: true), _protector).AsT0;

    private static Notification Notification(SmtpSettings settings, string to = "ana@acme.com.br") =>
        NotificationComposer.Compose(settings,
            new Movement(Guid.NewGuid(), MovementSubject.Opportunity, "OP-42", "Venda de 30 tratores", MovementKind.StageChanged, "Bruno",
                Net.Now, "Proposta"),
            new Recipient(Email.Parse(to).AsT0, "Ana"), DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]);

    [Fact]
    public async Task A_notification_arrives_with_its_headers_and_both_bodies()
    {
        var server = Server();
        var settings = Settings(server.Port);
        var notification = Notification(settings);

        var delivery = await Mailer(server).SendAsync(settings, notification.Mail, CancellationToken.None);

        Assert.Equal(new Sent(notification.Mail.MessageId, Encrypted: false), delivery.AsT0);
        var received = Assert.Single(await server.WaitForAsync(1));
        var message = received.Message;
        Assert.Equal(notification.Mail.MessageId, message.MessageId);
        Assert.Equal("\"CRM Acme\" <crm@acme.com.br>", message.From.ToString());
        Assert.Equal("ana@acme.com.br", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("[CRM] Oportunidade mudou de etapa: Venda de 30 tratores", message.Subject);
        Assert.Contains("Detalhe: Proposta", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Oportunidade mudou de etapa</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("06/12/2026 12:00", message.TextBody, StringComparison.Ordinal); // 15:00 UTC in São Paulo (UTC-3)
        Assert.Null(received.AuthenticatedUser);
        Assert.False(received.Secure);
    }

    [Theory]
    [InlineData(SecureConnection.Tls, ServerSecurity.StartTls)]
    [InlineData(SecureConnection.Ssl, ServerSecurity.ImplicitTls)]
    public async Task Secure_connections_authenticate_over_TLS(SecureConnection secure, ServerSecurity security)
    {
        var server = Server(security, auth: true);
        var settings = Settings(server.Port, secure, Password);

        var delivery = await Mailer(server).SendAsync(settings, Notification(settings).Mail, CancellationToken.None);

        Assert.True(delivery.AsT0.Encrypted);
        var received = Assert.Single(await server.WaitForAsync(1));
        Assert.Equal("crm", received.AuthenticatedUser);
        Assert.True(received.Secure);
        Assert.Equal(1, _protector.Unprotected);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_certificate_is_not_sent_the_password()
    {
        var server = Server(ServerSecurity.StartTls, auth: true);
        var settings = Settings(server.Port, SecureConnection.Tls, Password);
        var mailer = new SmtpMailer(_protector, _factory.CreateLogger<SmtpMailer>(), new ConnectorOptions { Timeout = TimeSpan.FromSeconds(5) });

        var delivery = await mailer.SendAsync(settings, Notification(settings).Mail, CancellationToken.None);

        Assert.Contains("SSL/TLS", delivery.AsT2.Message, StringComparison.Ordinal);
        Assert.Equal(0, _protector.Unprotected);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_wrong_password_is_rejected_naming_the_user_and_never_echoing_any_password()
    {
        var server = Server(ServerSecurity.StartTls, auth: true);
        const string wrong = "senha-errada-123";
        var settings = Settings(server.Port, SecureConnection.Tls, wrong);

        var rejected = (await Mailer(server).SendAsync(settings, Notification(settings).Mail, CancellationToken.None)).AsT1;

        Assert.Equal(535, rejected.Code);
        Assert.Contains("\"crm\"", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, rejected.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(wrong, StringComparison.Ordinal));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Settings_asking_for_STARTTLS_from_a_server_without_it_are_rejected_before_any_password()
    {
        var server = Server();
        var settings = Settings(server.Port, SecureConnection.Tls, Password);

        var rejected = (await Mailer(server).SendAsync(settings, Notification(settings).Mail, CancellationToken.None)).AsT1;

        Assert.Contains("STARTTLS", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(0, _protector.Unprotected);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_refused_recipient_is_rejected_with_the_server_code()
    {
        var server = Server();
        var settings = Settings(server.Port);

        var rejected = (await Mailer(server).SendAsync(settings, Notification(settings, "x@refused.example").Mail, CancellationToken.None)).AsT1;

        Assert.InRange(rejected.Code, 500, 599);
    }

    [Fact]
    public async Task A_server_down_is_unavailable_and_the_retry_after_it_is_back_delivers_once()
    {
        var server = Server();
        await server.StopAsync();
        var settings = Settings(server.Port);
        var mail = Notification(settings).Mail;
        var mailer = Mailer(server);

        var down = await mailer.SendAsync(settings, mail, CancellationToken.None);
        Assert.True(down.IsRetryable);
        Assert.Contains($"127.0.0.1:{server.Port}", down.AsT2.Message, StringComparison.Ordinal);

        server.Start();
        var up = await mailer.SendAsync(settings, mail, CancellationToken.None);

        Assert.True(up.IsSent);
        var received = Assert.Single(await server.WaitForAsync(1));
        Assert.Equal(mail.MessageId, received.Message.MessageId);
    }

    [Fact]
    public async Task The_test_email_really_goes_to_the_sender_address()
    {
        var server = Server(ServerSecurity.StartTls, auth: true);
        var settings = Settings(server.Port, SecureConnection.Tls, Password);

        var delivery = await Mailer(server).SendTestAsync(settings, Net.Now, CancellationToken.None);

        Assert.True(delivery.IsSent);
        var received = Assert.Single(await server.WaitForAsync(1));
        Assert.Equal(["crm@acme.com.br"], received.Recipients);
        Assert.Equal("CRM - teste de envio de e-mail", received.Message.Subject);
        Assert.Contains($"127.0.0.1:{server.Port}", received.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_domain_port_tells_an_outage_from_a_refusal()
    {
        var down = Server();
        await down.StopAsync();
        var unreachable = Settings(down.Port);
        var refusing = Server(ServerSecurity.StartTls, auth: true);
        var wrongPassword = Settings(refusing.Port, SecureConnection.Tls, "senha-errada-123");

        var outage = await ((IEmailSender)Mailer(down)).SendAsync(unreachable, ConnectionChecks.Email(unreachable, Net.Now), CancellationToken.None);
        var refusal = await ((IEmailSender)Mailer(refusing)).SendAsync(wrongPassword, ConnectionChecks.Email(wrongPassword, Net.Now), CancellationToken.None);

        Assert.Equal(SmtpMailer.UnavailableCode, Assert.Single(outage.Problems).Code);
        Assert.Equal(SmtpMailer.RejectedCode, Assert.Single(refusal.Problems).Code);
    }
}
