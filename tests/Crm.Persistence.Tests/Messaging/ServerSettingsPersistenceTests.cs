using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Persistence.Secrets;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Messaging;

public sealed class ServerSettingsPersistenceTests : IDisposable
{
    private const string Password = "S3nh@-do-SMTP";
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("crm-keys-");

    public void Dispose() => _keys.Delete(recursive: true);

    [Theory, SqliteData, PostgresData]
    public async Task Smtp_and_ftp_passwords_are_stored_encrypted_and_read_back_only_through_the_protector(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var protector = DataProtectionSecretProtector.InFolder(_keys.FullName);
        var company = new CompanyId(Guid.NewGuid());
        var smtp = SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Tenant, new SmtpForm(company, null, "smtp.exemplo.com.br", 587,
            Duration.FromSeconds(30), "crm@exemplo.com.br", "CRM Exemplo", true, "crm@exemplo.com.br", new Secret(Password), true,
            SecureConnection.Tls, true), protector).AsT0;
        var ftp = FtpSettings.Create(new FtpSettingsId(Guid.NewGuid()), Tenant, new FtpForm(company, null, "ftp.exemplo.com.br", 22, "/crm/docs",
            "crm", new Secret(Password), FileProtocol.Sftp, TransferMethod.Application), protector).AsT0;
        await using (var write = db.Open(Tenant))
        {
            write.SmtpSettings.Add(smtp);
            write.FtpSettings.Add(ftp);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var storedSmtp = await read.SmtpSettings.SingleAsync();
        var storedFtp = await read.FtpSettings.SingleAsync();
        var raw = await read.Database.SqlQueryRaw<string>("SELECT \"Password\" AS \"Value\" FROM \"SmtpSettings\"").SingleAsync();

        Assert.DoesNotContain(Password, raw, StringComparison.Ordinal);
        Assert.Equal(Password, protector.Unprotect(storedSmtp.Credentials!.Password).Reveal());
        Assert.Equal(Password, protector.Unprotect(storedFtp.Credentials.Password).Reveal());
        Assert.Equal(smtp.ToView(), storedSmtp.ToView());
        Assert.Equal(ftp.ToView(), storedFtp.ToView());
        Assert.DoesNotContain(Password, storedSmtp.ToView().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_ring_folder_outlives_the_protector_so_a_restart_still_reads_the_passwords()
    {
        var payload = DataProtectionSecretProtector.InFolder(_keys.FullName).Protect(new Secret(Password));

        var afterRestart = DataProtectionSecretProtector.InFolder(_keys.FullName);

        Assert.Equal(Password, afterRestart.Unprotect(payload).Reveal());
        Assert.NotEmpty(_keys.GetFiles("*.xml"));
    }
}
