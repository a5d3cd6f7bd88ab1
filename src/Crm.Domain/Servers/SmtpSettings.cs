using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Servers;

/// <summary>The protocol of a secure SMTP connection (seed 001, "Tipo de conexão segura").</summary>
public enum SecureConnection
{
    /// <summary>SSL (implicit TLS, usually port 465).</summary>
    Ssl,
    /// <summary>TLS (STARTTLS, usually port 587).</summary>
    Tls,
}

/// <summary>The SMTP screen of seed 001 ("Parâmetros SMTP"), as typed.</summary>
/// <param name="Company">Empresa.</param>
/// <param name="Branch">Filial; null for the whole company.</param>
/// <param name="Host">Endereço SMTP.</param>
/// <param name="Port">Porta SMTP.</param>
/// <param name="SendDelay">Intervalo/Delay no envio: how long after the triggering process the e-mail goes.</param>
/// <param name="SenderEmail">E-mail de envio (also the recipient of the test e-mail).</param>
/// <param name="DisplayName">Nome a exibir.</param>
/// <param name="RequiresAuthentication">Requer autenticação.</param>
/// <param name="User">Usuário.</param>
/// <param name="Password">Senha; null keeps the stored one.</param>
/// <param name="UseSecureConnection">Usar conexão segura.</param>
/// <param name="SecureConnection">Tipo de conexão segura.</param>
/// <param name="IsPrimaryServer">Servidor principal.</param>
public sealed record SmtpForm(
    CompanyId Company, BranchId? Branch, string? Host, int? Port, Duration SendDelay, string? SenderEmail, string? DisplayName,
    bool RequiresAuthentication, string? User, Secret? Password, bool UseSecureConnection, SecureConnection? SecureConnection,
    bool IsPrimaryServer);

/// <summary>
/// The SMTP server a company/branch sends its notifications through (movements of opportunities, occurrences, tasks,
/// appointments and follow-ups). The customer's own server: Senior's is not allowed. Credentials exist exactly when the
/// server requires authentication, and the secure-connection type exactly when the connection is secure.
/// </summary>
public sealed class SmtpSettings : CompanyServer<SmtpSettingsId, SmtpForm>
{
    /// <summary>The longest send delay accepted.</summary>
    public static readonly Duration MaxSendDelay = Duration.FromHours(24);

    private SmtpSettings() { }

    /// <summary>Delay between the triggering process and the e-mail.</summary>
    public Duration SendDelay { get; private set; }
    /// <summary>Sender address.</summary>
    public Registry.Email Sender { get; private set; }
    /// <summary>Sender display name.</summary>
    public string? DisplayName { get; private set; }
    /// <summary>User and password; present exactly when the server requires authentication.</summary>
    public ServerCredentials? Credentials { get; private set; }
    /// <summary>The secure-connection protocol; null when the connection is not secure.</summary>
    public SecureConnection? SecureConnection { get; private set; }
    /// <summary>Whether this is the primary sending server.</summary>
    public bool IsPrimaryServer { get; private set; }

    /// <summary>Whether the server requires authentication.</summary>
    public bool RequiresAuthentication => Credentials is not null;

    /// <summary>Whether the connection is encrypted.</summary>
    public bool UsesSecureConnection => SecureConnection is not null;

    /// <summary>New settings, or every problem of the form.</summary>
    public static Outcome<SmtpSettings> Create(SmtpSettingsId id, TenantId tenantId, SmtpForm form, ISecretProtector protector) =>
        Fill(new SmtpSettings { Id = id, TenantId = tenantId }, form, protector);

    /// <summary>What read APIs return: every field, the password only as "is set".</summary>
    public SmtpSettingsView ToView() => new(Id, Company, Branch, Host, Port, SendDelay, Sender.Value, DisplayName, RequiresAuthentication,
        Credentials?.User, Credentials is not null, UsesSecureConnection, SecureConnection, IsPrimaryServer);

    private protected override Outcome<Success> Apply(SmtpForm form, ISecretProtector protector)
    {
        var problems = new ProblemCollector("smtp");
        var host = ServerEndpoint.Host(form.Host, ref problems);
        var port = ServerEndpoint.Port(form.Port, ref problems);
        if (form.SendDelay < Duration.Zero || form.SendDelay > MaxSendDelay)
            problems.Add("send_delay", ServerCodes.SendDelayOutOfRange, "O intervalo de envio vai de zero a 24 horas.");
        var sender = TextRule.Clean(form.SenderEmail) is null
            ? Missing(ref problems, "sender_email", "Informe o e-mail de envio.")
            : problems.Parse(Registry.Email.Parse(form.SenderEmail), "sender_email");
        var displayName = problems.Text(form.DisplayName, "display_name");
        if (displayName is not null && TextRule.IsLongerThan(displayName, TextLimits.SmtpDisplayName))
            problems.Add("display_name", ServerCodes.DisplayNameTooLong, $"O nome a exibir tem no máximo {TextLimits.SmtpDisplayName} caracteres.");
        var credentials = form.RequiresAuthentication
            ? ServerCredentials.Validate(form.User, form.Password, Credentials, protector, ref problems)
            : null;
        if (form.UseSecureConnection && form.SecureConnection is null)
            problems.Add("secure_connection", ServerCodes.SecureConnectionRequired, "Informe o tipo de conexão segura: SSL ou TLS.");
        if (problems.HasErrors)
            return problems.ToInvalid();
        Locate(form.Company, form.Branch, host!, port!.Value);
        (SendDelay, Sender, DisplayName) = (form.SendDelay, sender!.Value, displayName);
        (Credentials, SecureConnection, IsPrimaryServer) =
            (credentials, form.UseSecureConnection ? form.SecureConnection : null, form.IsPrimaryServer);
        return new Success();
    }

    private static Registry.Email? Missing(ref ProblemCollector problems, string field, string message)
    {
        problems.Add(field, $"{field}.required", message);
        return null;
    }
}

/// <summary>SMTP settings as read APIs show them: never the password, only whether one is set.</summary>
/// <param name="Id">Id.</param>
/// <param name="Company">Company.</param>
/// <param name="Branch">Branch.</param>
/// <param name="Host">Host.</param>
/// <param name="Port">Port.</param>
/// <param name="SendDelay">Send delay.</param>
/// <param name="SenderEmail">Sender e-mail.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="RequiresAuthentication">Requires authentication.</param>
/// <param name="User">User.</param>
/// <param name="HasPassword">Whether a password is stored.</param>
/// <param name="UseSecureConnection">Secure connection.</param>
/// <param name="SecureConnection">SSL or TLS.</param>
/// <param name="IsPrimaryServer">Primary server.</param>
public sealed record SmtpSettingsView(
    SmtpSettingsId Id, CompanyId Company, BranchId? Branch, string Host, int Port, Duration SendDelay, string SenderEmail,
    string? DisplayName, bool RequiresAuthentication, string? User, bool HasPassword, bool UseSecureConnection,
    SecureConnection? SecureConnection, bool IsPrimaryServer);
