using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Servers;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>The SMTP and FTP/SFTP settings of a company through a session: saved, read, and really tested against local servers.</summary>
public sealed class ServersTests
{
    private const string Password = "S3nh@-do-SMTP-9f27";

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_form_lists_every_problem_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);
        var servers = host.As(host.Diretor).Servers;
        var form = ServerForms.Smtp(new CompanyId(Guid.NewGuid()), 25) with { Host = "smtp://x", Port = null, SenderEmail = "" };

        var result = await servers.CreateSmtpAsync(form);

        var invalid = Assert.IsType<Invalid>(result.Value);
        Assert.Equal(["company.not_found", $"smtp.{ServerCodes.HostInvalid}", $"smtp.{ServerCodes.PortRequired}", "smtp.sender_email.required"],
            invalid.Problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Empty(Ok(await servers.SmtpServersAsync()));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_test_email_really_goes_to_the_sender_and_a_blank_password_keeps_the_stored_one(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = new LocalSmtpServer(LocalSmtpServer.FreePort(), account: ("crm", Password));
        smtp.Start();
        var (company, _) = await ServerForms.CompanyAsync(host);
        var servers = host.As(host.Diretor).Servers;
        var saved = Ok(await servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port, Password)));

        var first = Ok(await servers.TestSmtpAsync(saved.Id));
        var kept = Ok(await servers.UpdateSmtpAsync(saved.Id, saved.Version, ServerForms.Smtp(company, smtp.Port) with
            { RequiresAuthentication = true, User = "crm", Password = null, DisplayName = "CRM renomeado" }));
        var second = Ok(await servers.TestSmtpAsync(saved.Id));
        Ok(await servers.UpdateSmtpAsync(saved.Id, kept.Version, ServerForms.Smtp(company, smtp.Port, "senha-errada")));
        var refused = Ok(await servers.TestSmtpAsync(saved.Id));

        Assert.IsType<Sent>(first.Delivery.Value);
        Assert.IsType<Sent>(second.Delivery.Value);
        Assert.Equal(535, Assert.IsType<Rejected>(refused.Delivery.Value).Code);
        var received = await smtp.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal(["crm@exemplo.com.br"], r.Recipients));
        Assert.All(received, r => Assert.Equal("crm", r.AuthenticatedUser));
        var read = Assert.Single(Ok(await host.As(host.Coordenador).Servers.SmtpServersAsync()));
        Assert.Equal((true, "crm", 3L), (read.Settings.HasPassword, read.Settings.User, read.Version));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1200 && (string)l.Values["Outcome"]! == "sent");
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(Password, StringComparison.Ordinal)
            || l.Values.Values.Any(v => v?.ToString()?.Contains(Password, StringComparison.Ordinal) == true));
    }

    [Theory, SqliteData]
    public async Task An_unreachable_server_is_a_value_not_an_exception(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        var servers = host.As(host.Diretor).Servers;
        var saved = Ok(await servers.CreateSmtpAsync(ServerForms.Smtp(company, LocalSmtpServer.FreePort())));

        var tested = Ok(await servers.TestSmtpAsync(saved.Id));

        Assert.IsType<Unavailable>(tested.Delivery.Value);
        Assert.IsType<NotFound>((await servers.TestSmtpAsync(new SmtpSettingsId(Guid.NewGuid()))).Value);
    }

    [Theory, SqliteData]
    public async Task A_second_primary_server_and_a_stale_version_are_refused(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        var servers = host.As(host.Diretor).Servers;
        var first = Ok(await servers.CreateSmtpAsync(ServerForms.Smtp(company, 2525)));
        Ok(await servers.UpdateSmtpAsync(first.Id, first.Version, ServerForms.Smtp(company, 2526)));

        var second = await servers.CreateSmtpAsync(ServerForms.Smtp(company, 2527));
        var stale = await servers.UpdateSmtpAsync(first.Id, first.Version, ServerForms.Smtp(company, 2528));

        Assert.Equal(ServerCodes.SmtpPrimaryDuplicate, Assert.Single(Assert.IsType<Invalid>(second.Value).Problems).Code);
        Assert.IsType<Crm.Persistence.Concurrency.Conflict>(stale.Value);
        Assert.Equal(2526, Assert.Single(Ok(await servers.SmtpServersAsync())).Settings.Port);
    }

    [Theory, SqliteData]
    public async Task Only_settings_editors_save_and_test_and_readers_read(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        var saved = Ok(await host.As(host.Diretor).Servers.CreateFtpAsync(ServerForms.Ftp(company, FileProtocol.Sftp, Password)));

        var usuario = await host.As(host.Usuario).Servers.CreateSmtpAsync(ServerForms.Smtp(company, 25));
        var coordenadorTests = await host.As(host.Coordenador).Servers.TestFtpAsync(saved.Id);
        var coordenadorReads = Ok(await host.As(host.Coordenador).Servers.FtpServersAsync());

        Assert.Equal((Module.Settings, Denied.PermissionCode), (Assert.IsType<Denied>(usuario.Value).Module, Assert.IsType<Denied>(usuario.Value).Code));
        Assert.Equal(Module.Settings, Assert.IsType<Denied>(coordenadorTests.Value).Module);
        Assert.True(Assert.Single(coordenadorReads).Settings.HasPassword);
        await using var db = host.Open();
        Assert.DoesNotContain(Password, await db.FtpSettings.Select(s => s.Credentials.Password.Payload).SingleAsync(), StringComparison.Ordinal);
    }

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task The_test_file_is_uploaded_read_back_and_deleted_and_a_wrong_password_has_its_code(FileProtocol protocol)
    {
        await using var host = await Create(TestProviders.Sqlite);
        var (company, _) = await ServerForms.CompanyAsync(host);
        var servers = host.As(host.Diretor).Servers;
        var good = Ok(await servers.CreateFtpAsync(ServerForms.Ftp(company, protocol)));
        var bad = Ok(await servers.CreateFtpAsync(ServerForms.Ftp(company, protocol, password: "senha-errada")));

        var checkedFile = Ok(await servers.TestFtpAsync(good.Id));
        var refused = Ok(await servers.TestFtpAsync(bad.Id));

        Assert.True(checkedFile.Transfer.Succeeded, checkedFile.Transfer.Match(_ => "", f => f.Message));
        Assert.StartsWith("crm-teste-", Path.GetFileName(checkedFile.Transfer.AsT0.Path), StringComparison.Ordinal);
        Assert.Equal(TransferFailure.AuthenticationFailed, refused.Transfer.AsT1.Code);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1201 && (string)l.Values["Outcome"]! == TransferFailure.AuthenticationFailed);
    }
}
