using Crm.Domain.Identity;
using Crm.Domain.Servers;
using NodaTime;

namespace Crm.Domain.Tests.Servers;

public class SmtpSettingsTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly CompanyId Company = new(Guid.NewGuid());
    private static readonly BranchId Branch = new(Guid.NewGuid());

    internal static SmtpForm Form() => new(
        Company, Branch, " SMTP.Empresa.com.br ", 587, Duration.FromSeconds(30), "crm@empresa.com.br", "CRM Empresa",
        RequiresAuthentication: true, User: "crm@empresa.com.br", Password: new Secret("s3nh@"), UseSecureConnection: true,
        SecureConnection: SecureConnection.Tls, IsPrimaryServer: true);

    private static SmtpSettings Create(SmtpForm form, ReversingProtector? protector = null) =>
        SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Tenant, form, protector ?? new ReversingProtector()).AsT0;

    [Fact]
    public void Every_field_of_the_SMTP_screen_is_kept()
    {
        var settings = Create(Form());

        Assert.Equal((Company, (BranchId?)Branch, "smtp.empresa.com.br", 587, Duration.FromSeconds(30)),
            (settings.Company, settings.Branch, settings.Host, settings.Port, settings.SendDelay));
        Assert.Equal(("crm@empresa.com.br", "CRM Empresa"), (settings.Sender.Value, settings.DisplayName));
        Assert.Equal((true, "crm@empresa.com.br"), (settings.RequiresAuthentication, settings.Credentials!.User));
        Assert.Equal((true, (SecureConnection?)SecureConnection.Tls, true), (settings.UsesSecureConnection, settings.SecureConnection, settings.IsPrimaryServer));
    }

    [Fact]
    public void The_password_is_stored_only_protected()
    {
        var settings = Create(Form());

        Assert.Equal("enc:@hn3s", settings.Credentials!.Password.Payload);
        Assert.Equal("crm@empresa.com.br:***", settings.Credentials.ToString());
    }

    [Fact]
    public void Every_problem_of_the_form_is_listed_at_once()
    {
        var form = Form() with
        {
            Host = "smtp://servidor:25", Port = 70000, SendDelay = Duration.FromSeconds(-1), SenderEmail = "sem-arroba",
            DisplayName = new string('x', 101), User = " ", Password = null, SecureConnection = null,
        };

        var invalid = SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Tenant, form, new ReversingProtector()).AsT1;

        Assert.Equal(["host", "port", "send_delay", "sender_email", "display_name", "user", "password", "secure_connection"],
            invalid.Problems.Select(p => p.Field).Distinct());
        Assert.Contains(invalid.Problems, p => p.Code == "smtp.secure_connection.required");
        Assert.Contains(invalid.Problems, p => p.Code == "smtp.password.required");
    }

    [Fact]
    public void A_missing_host_port_and_sender_are_required()
    {
        var invalid = SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Tenant, Form() with { Host = null, Port = null, SenderEmail = "" },
            new ReversingProtector()).AsT1;

        Assert.Equal(["smtp.host.required", "smtp.port.required", "smtp.sender_email.required"], invalid.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Without_authentication_no_credentials_are_kept_and_without_secure_connection_no_protocol()
    {
        var settings = Create(Form() with { RequiresAuthentication = false, UseSecureConnection = false });

        Assert.Null(settings.Credentials);
        Assert.False(settings.RequiresAuthentication);
        Assert.Null(settings.SecureConnection);
    }

    [Fact]
    public void An_update_without_a_password_keeps_the_stored_one()
    {
        var protector = new ReversingProtector();
        var settings = Create(Form(), protector);

        Assert.True(settings.Update(Form() with { Port = 465, SecureConnection = SecureConnection.Ssl, Password = null }, protector).IsT0);

        Assert.Equal((465, "enc:@hn3s"), (settings.Port, settings.Credentials!.Password.Payload));
        Assert.Equal(1, protector.Protected);
    }

    [Fact]
    public void Turning_authentication_back_on_needs_the_password_again()
    {
        var protector = new ReversingProtector();
        var settings = Create(Form() with { RequiresAuthentication = false }, protector);

        var invalid = settings.Update(Form() with { Password = null }, protector).AsT1;

        Assert.Equal("smtp.password.required", Assert.Single(invalid.Problems).Code);
    }

    [Fact]
    public void The_read_model_says_whether_a_password_is_set_and_never_shows_it()
    {
        var view = Create(Form()).ToView();

        Assert.True(view.HasPassword);
        Assert.DoesNotContain("s3nh@", view.ToString());
        Assert.DoesNotContain("@hn3s", view.ToString());
        Assert.DoesNotContain(typeof(SmtpSettingsView).GetProperties(), p => p.PropertyType == typeof(Secret) || p.PropertyType == typeof(ProtectedSecret));
    }

    [Fact]
    public void The_test_e_mail_goes_to_the_sender_address()
    {
        var settings = Create(Form());

        var message = ConnectionChecks.Email(settings, Instant.FromUtc(2026, 11, 22, 18, 30));

        Assert.Equal((settings.Sender, settings.Sender, "CRM Empresa"), (message.From, message.To, message.FromName));
        Assert.Contains("smtp.empresa.com.br:587", message.Body);
        Assert.Contains("20261122T183000Z", message.Body);
    }
}
