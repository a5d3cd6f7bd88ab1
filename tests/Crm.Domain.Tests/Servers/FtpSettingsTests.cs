using Crm.Domain.Identity;
using Crm.Domain.Servers;
using NodaTime;

namespace Crm.Domain.Tests.Servers;

public class FtpSettingsTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly CompanyId Company = new(Guid.NewGuid());

    private static FtpForm Form() => new(Company, null, "ftp.empresa.com.br", 22, "docs/crm/", "crm", new Secret("ftp-pass"),
        FileProtocol.Sftp, TransferMethod.Application);

    private static FtpSettings Create(FtpForm form, ReversingProtector? protector = null) =>
        FtpSettings.Create(new FtpSettingsId(Guid.NewGuid()), Tenant, form, protector ?? new ReversingProtector()).AsT0;

    [Fact]
    public void Every_field_of_the_FTP_screen_is_kept()
    {
        var settings = Create(Form());

        Assert.Equal((Company, (BranchId?)null, "ftp.empresa.com.br", 22, "/docs/crm"),
            (settings.Company, settings.Branch, settings.Host, settings.Port, settings.Folder));
        Assert.Equal(("crm", "enc:ssap-ptf", FileProtocol.Sftp, TransferMethod.Application),
            (settings.Credentials.User, settings.Credentials.Password.Payload, settings.Protocol, settings.TransferMethod));
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData("  ", "/")]
    [InlineData("/", "/")]
    [InlineData("/crm//anexos/", "/crm/anexos")]
    public void The_folder_is_normalized_to_an_absolute_path(string? folder, string expected) =>
        Assert.Equal(expected, Create(Form() with { Folder = folder }).Folder);

    [Fact]
    public void Every_problem_of_the_form_is_listed_at_once()
    {
        var form = Form() with { Host = "ftp .empresa", Port = 0, Folder = "../etc", User = null, Password = null, Protocol = (FileProtocol)7, TransferMethod = (TransferMethod)7 };

        var invalid = FtpSettings.Create(new FtpSettingsId(Guid.NewGuid()), Tenant, form, new ReversingProtector()).AsT1;

        Assert.Equal(["ftp.host.invalid", "ftp.port.out_of_range", "ftp.folder.invalid", "ftp.user.required", "ftp.password.required",
            "ftp.protocol.unknown", "ftp.transfer_method.unknown"], invalid.Problems.Select(p => p.Code));
    }

    [Fact]
    public void An_update_without_a_password_keeps_the_stored_one_and_a_new_one_replaces_it()
    {
        var protector = new ReversingProtector();
        var settings = Create(Form(), protector);

        settings.Update(Form() with { Password = null, Protocol = FileProtocol.Ftp, Port = 21 }, protector);
        Assert.Equal(("enc:ssap-ptf", FileProtocol.Ftp, 21), (settings.Credentials.Password.Payload, settings.Protocol, settings.Port));

        settings.Update(Form() with { Password = new Secret("nova") }, protector);
        Assert.Equal("enc:avon", settings.Credentials.Password.Payload);
    }

    [Fact]
    public void The_read_model_never_shows_the_password()
    {
        var view = Create(Form()).ToView();

        Assert.True(view.HasPassword);
        Assert.DoesNotContain("ftp-pass", view.ToString());
        Assert.DoesNotContain("ssap-ptf", view.ToString());
    }

    [Fact]
    public void The_test_file_goes_to_the_configured_folder_named_by_the_instant()
    {
        var now = Instant.FromUtc(2026, 11, 22, 18, 30, 5);

        var file = ConnectionChecks.File(Create(Form()), now);
        var atRoot = ConnectionChecks.File(Create(Form() with { Folder = null }), now);

        Assert.Equal("/docs/crm/crm-teste-20261122T183005Z.txt", file.Path);
        Assert.Equal("/crm-teste-20261122T183005Z.txt", atRoot.Path);
        Assert.Contains("ftp.empresa.com.br:22 (Sftp)", file.Content);
    }
}
