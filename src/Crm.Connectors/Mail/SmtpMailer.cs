using System.Net.Sockets;
using Crm.Domain.Servers;
using Crm.Domain.Problems;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;
using OneOf.Types;

namespace Crm.Connectors.Mail;

/// <summary>
/// Sends e-mail through a company's SMTP server (MailKit): implicit SSL, STARTTLS or plain as the settings say, with
/// the stored password unprotected only for the AUTH command. Expected failures come back as values, never thrown.
/// </summary>
public sealed partial class SmtpMailer : IEmailSender
{
    /// <summary>Through <see cref="IEmailSender"/>: the server refused the e-mail or the login (retrying will not help).</summary>
    public const string RejectedCode = "smtp.rejected";

    /// <summary>Through <see cref="IEmailSender"/>: the server could not be reached or timed out (worth retrying later).</summary>
    public const string UnavailableCode = "smtp.unavailable";

    private readonly ISecretProtector _protector;
    private readonly ILogger<SmtpMailer> _logger;
    private readonly ConnectorOptions _options;

    /// <summary>A mailer that unprotects passwords with <paramref name="protector"/>.</summary>
    public SmtpMailer(ISecretProtector protector, ILogger<SmtpMailer> logger, ConnectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(logger);
        (_protector, _logger, _options) = (protector, logger, options ?? new ConnectorOptions());
    }

    /// <summary>Sends <paramref name="mail"/> through <paramref name="settings"/>.</summary>
    public async Task<MailDelivery> SendAsync(SmtpSettings settings, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(mail);
        using var message = Compose(mail);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        if (_options.ServerCertificateValidation is { } validation)
            client.ServerCertificateValidationCallback = validation;
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.SecureConnection), cancellationToken);
            if (settings.Credentials is { } credentials)
                await client.AuthenticateAsync(credentials.User, _protector.Unprotect(credentials.Password).Reveal(), cancellationToken);
            await client.SendAsync(message, cancellationToken);
            var encrypted = client.IsSecure;
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(mail.MessageId, settings.Host, settings.Port, encrypted);
            return new Sent(mail.MessageId, encrypted);
        }
        catch (AuthenticationException)
        {
            LogRefused(mail.MessageId, settings.Host, settings.Port, 535);
            return new Rejected(535, $"O servidor SMTP {settings.Host} recusou o usuário \"{settings.Credentials?.User}\" ou a senha.");
        }
        catch (SmtpCommandException e)
        {
            LogRefused(mail.MessageId, settings.Host, settings.Port, (int)e.StatusCode);
            return new Rejected((int)e.StatusCode, $"O servidor SMTP {settings.Host} recusou a mensagem: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            // MailKit's answer when the server lacks what the settings demand (STARTTLS, AUTH): a settings problem.
            LogRefused(mail.MessageId, settings.Host, settings.Port, 504);
            return new Rejected(504, $"O servidor SMTP {settings.Host} não oferece o que as configurações exigem: {e.Message}");
        }
        catch (Exception e) when (IsUnavailable(e, cancellationToken))
        {
            LogUnavailable(mail.MessageId, settings.Host, settings.Port, e.GetType().Name);
            return new Unavailable($"O servidor SMTP {settings.Host}:{settings.Port} não está disponível ({Describe(e)}).");
        }
    }

    /// <summary>
    /// "Testar envio de e-mail" (seed 001): really sends the domain's test message to the sender address itself.
    /// </summary>
    public Task<MailDelivery> SendTestAsync(SmtpSettings settings, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var test = ConnectionChecks.Email(settings, now);
        return SendAsync(settings, new OutgoingMail(MessageIds.Of("smtp-test", settings.Id.ToString()!, now.ToString()),
            test.From, test.FromName, test.To, test.FromName, test.Subject, test.Body, HtmlBody: null), cancellationToken);
    }

    /// <summary>
    /// The domain's port, whose only failure is <see cref="Invalid"/>: a refusal and an outage stay apart by their codes
    /// (<see cref="RejectedCode"/>, <see cref="UnavailableCode"/>), so a caller can still retry the outage only.
    /// </summary>
    async Task<Outcome<Success>> IEmailSender.SendAsync(SmtpSettings settings, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new OutgoingMail(MessageIds.Of("email", message.From.Value, message.To.Value, message.Subject, message.Body),
            message.From, message.FromName, message.To, null, message.Subject, message.Body, HtmlBody: null);
        return (await SendAsync(settings, mail, cancellationToken)).Match<Outcome<Success>>(
            _ => new Success(),
            rejected => new Invalid(new Problem("smtp", RejectedCode, rejected.Message)),
            unavailable => new Invalid(new Problem("smtp", UnavailableCode, unavailable.Message)));
    }

    private static MimeMessage Compose(OutgoingMail mail)
    {
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress(mail.FromName, mail.From.Value));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To.Value));
        return message;
    }

    // Seed 001: "SSL" is TLS from the first byte (usually port 465), "TLS" is STARTTLS (usually 587), else plain text.
    private static SecureSocketOptions SocketOptions(SecureConnection? secure) => secure switch
    {
        SecureConnection.Ssl => SecureSocketOptions.SslOnConnect,
        SecureConnection.Tls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    // A cancelled token is the caller's decision and propagates; a timeout (MailKit raises OperationCanceled or
    // TimeoutException for it), a refused connection or a broken TLS handshake is an outage worth retrying later.
    private static bool IsUnavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        SocketException or IOException or TimeoutException or ProtocolException or SslHandshakeException => true,
        _ => false,
    };

    private static string Describe(Exception e) => e switch
    {
        SocketException socket => socket.SocketErrorCode.ToString(),
        SslHandshakeException => "falha na negociação SSL/TLS",
        TimeoutException or OperationCanceledException => "tempo esgotado",
        _ => e.GetType().Name,
    };

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "E-mail {MessageId} sent through {Host}:{Port} (encrypted: {Encrypted})")]
    private partial void LogSent(string messageId, string host, int port, bool encrypted);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "E-mail {MessageId} refused by {Host}:{Port} with code {Code}")]
    private partial void LogRefused(string messageId, string host, int port, int code);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "E-mail {MessageId} not sent: {Host}:{Port} unavailable ({Error})")]
    private partial void LogUnavailable(string messageId, string host, int port, string error);
}
