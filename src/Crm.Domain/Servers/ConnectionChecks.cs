using Crm.Domain.Problems;
using Crm.Domain.Registry;
using NodaTime;
using NodaTime.Text;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Servers;

/// <summary>An e-mail the host sends through an SMTP server.</summary>
/// <param name="From">Sender address.</param>
/// <param name="FromName">Sender display name.</param>
/// <param name="To">Recipient.</param>
/// <param name="Subject">Subject.</param>
/// <param name="Body">Plain-text body.</param>
public sealed record EmailMessage(Email From, string? FromName, Email To, string Subject, string Body);

/// <summary>A small file the host uploads to check FTP settings.</summary>
/// <param name="Path">Where it goes: the configured folder and the file name.</param>
/// <param name="Content">Its text.</param>
public sealed record TestFile(string Path, string Content);

/// <summary>The port that sends e-mail through given SMTP settings (the host implements it; it unprotects the password).</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; a refusal by the server comes back as <see cref="Invalid"/>.</summary>
    Task<Outcome<Success>> SendAsync(SmtpSettings settings, EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>The port that uploads a file through given FTP settings (the host implements it).</summary>
public interface IFileUploader
{
    /// <summary>Uploads <paramref name="file"/>; a refusal by the server comes back as <see cref="Invalid"/>.</summary>
    Task<Outcome<Success>> UploadAsync(FtpSettings settings, TestFile file, CancellationToken cancellationToken);
}

/// <summary>
/// The "Testar envio de e-mail" and "Testar envio de arquivo" buttons (seed 001): what to send; the ports send it. The
/// test e-mail goes to the sender address itself; the test file goes to the configured folder, named by the instant.
/// </summary>
public static class ConnectionChecks
{
    private static readonly InstantPattern Stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>The test e-mail of <paramref name="settings"/>, sent at <paramref name="now"/>.</summary>
    public static EmailMessage Email(SmtpSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new EmailMessage(settings.Sender, settings.DisplayName, settings.Sender, "CRM - teste de envio de e-mail",
            $"Este e-mail confirma que o servidor SMTP {settings.Host}:{settings.Port} está configurado corretamente no CRM. " +
            $"Enviado em {Stamp.Format(now)}.");
    }

    /// <summary>The test file of <paramref name="settings"/>, sent at <paramref name="now"/>.</summary>
    public static TestFile File(FtpSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = $"crm-teste-{Stamp.Format(now)}.txt";
        return new TestFile(settings.Folder == "/" ? "/" + name : $"{settings.Folder}/{name}",
            $"Arquivo de teste do CRM para o servidor {settings.Host}:{settings.Port} ({settings.Protocol}). Enviado em {Stamp.Format(now)}.");
    }
}
