using System.Security.Cryptography;
using System.Text;
using Crm.Domain.Access;
using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Servers;
using Crm.Persistence.Activities;
using Crm.Sdk.Documents;
using Crm.Sdk.Servers;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Documents through sessions: files kept on the real FTP/SFTP servers of scripts/ftp.sh, links, visibility, refusals.</summary>
public sealed class DocumentsTests
{
    private const string Password = "Senha-FTP-91ab";

    private static async Task<(TestHost Host, AccountId Account)> WithServerAsync(string provider, FileProtocol protocol, string? password = null,
        TransferMethod method = TransferMethod.Application)
    {
        var (host, account, _, _) = await WithSettingsAsync(provider, protocol, password, method);
        return (host, account);
    }

    private static async Task<(TestHost Host, AccountId Account, FtpForm Form, ServerSaved<FtpSettingsId> Saved)> WithSettingsAsync(string provider,
        FileProtocol protocol, string? password = null, TransferMethod method = TransferMethod.Application)
    {
        var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        var form = ServerForms.Ftp(company, protocol, password) with { TransferMethod = method };
        var saved = Ok(await host.As(host.Diretor).Servers.CreateFtpAsync(form));
        var account = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(21, company: company))).Id;
        return (host, account, form, saved);
    }

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task A_file_is_uploaded_with_its_size_and_sha256_read_back_and_deleted_from_the_server(FileProtocol protocol)
    {
        var (host, account, form, settings) = await WithSettingsAsync(TestProviders.Sqlite, protocol);
        await using var _ = host;
        var usuario = host.As(host.Usuario);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Contrato de prestação de serviços. ", 2000)));
        var subject = new ActivitySubject.Account(account);

        var attached = Ok(await usuario.Documents.AttachFileAsync(subject, "contrato.pdf", new MemoryStream(bytes)));
        // The company moves its folder: the document stays where it was stored, and is read and deleted there.
        Ok(await host.As(host.Diretor).Servers.UpdateFtpAsync(settings.Id, settings.Version, form with { Folder = form.Folder + "-novo" }));
        using var back = new MemoryStream();
        var read = Ok(await host.As(host.Coordenador).Documents.DownloadAsync(attached.Id, back));
        var deleted = Ok(await host.As(host.Diretor).Documents.DeleteAsync(attached.Id));
        var gone = await usuario.Documents.DownloadAsync(attached.Id, new MemoryStream());

        Assert.Equal((DocumentKind.File, (long?)bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), (attached.Kind, attached.Size, attached.Sha256));
        Assert.EndsWith($"{attached.Id:N}-contrato.pdf", attached.Location, StringComparison.Ordinal);
        Assert.Equal(bytes, back.ToArray());
        Assert.Equal(attached, read);
        Assert.Equal(attached.Id, deleted.Id);
        Assert.IsType<NotFound>(gone.Value);
        var stored = await host.Engine.Files.FetchStoredAsync((await FtpSettingsAsync(host)), attached.Location, new MemoryStream(), default);
        Assert.Equal(Crm.Connectors.Documents.TransferFailure.NotFound, stored.AsT1.Code); // the file is gone from the server too
        Assert.Empty(Ok(await usuario.Documents.ListAsync(subject)));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1420);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(FileServer.Of(protocol)!.Password, StringComparison.Ordinal));
    }

    private static async Task<FtpSettings> FtpSettingsAsync(TestHost host)
    {
        await using var db = host.Open();
        return await db.FtpSettings.AsNoTracking().SingleAsync();
    }

    [Theory, FileServer(FileProtocol.Sftp)]
    public async Task A_refused_login_is_a_value_with_the_servers_code_and_nothing_is_recorded(FileProtocol protocol)
    {
        var (host, account) = await WithServerAsync(TestProviders.Sqlite, protocol, Password);
        await using var _ = host;

        var refused = await host.As(host.Usuario).Documents.AttachFileAsync(new ActivitySubject.Account(account), "a.txt", new MemoryStream([1, 2, 3]));

        Assert.Equal(["file.auth_failed"], Assert.IsType<Invalid>(refused.Value).Problems.Select(p => p.Code));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(Password, StringComparison.Ordinal));
        await using var db = host.Open();
        Assert.Empty(db.Documents);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Links_are_attached_listed_and_refused_with_every_problem_on_visible_subjects_only(string provider)
    {
        var (host, account) = await WithServerAsync(provider, FileProtocol.Ftp, method: TransferMethod.CustomerServer);
        await using var _ = host;
        var usuario = host.As(host.Usuario);
        var subject = new ActivitySubject.Account(account);

        var link = Ok(await usuario.Documents.AttachLinkAsync(subject, "Proposta", "https://exemplo.com.br/proposta.pdf"));
        var bad = await usuario.Documents.AttachLinkAsync(subject, "a/b", "javascript:alert(1)");
        var customerMoves = await usuario.Documents.AttachFileAsync(subject, "x.txt", new MemoryStream([1]));
        var hidden = await host.As(host.Outro).Documents.AttachLinkAsync(subject, "X", "https://exemplo.com.br");
        var denied = await host.As(host.SemPapel).Documents.ListAsync(subject);
        var noDelete = await usuario.Documents.DeleteAsync(link.Id);

        Assert.Equal((DocumentKind.Link, "https://exemplo.com.br/proposta.pdf"), (link.Kind, link.Location));
        Assert.Equal([DocumentCodes.NameInvalid, "document.link.invalid"], bad.Problems.Select(p => p.Code));
        Assert.Equal([DocumentCodes.CustomerTransfers], customerMoves.Problems.Select(p => p.Code));
        Assert.Equal("account", Assert.IsType<NotFound>(hidden.Value).Entity);
        Assert.Equal(Module.Documents, Assert.IsType<Denied>(denied.Value).Module);
        Assert.Equal(Permission.Access | Permission.Delete, Assert.IsType<Denied>(noDelete.Value).Action);
        Assert.Equal([link.Id], Ok(await host.As(host.Coordenador).Documents.ListAsync(subject)).Select(d => d.Id));
        await using var db = host.Open();
        Assert.Equal(account, (await db.Documents.SingleAsync()).Account);
    }
}
