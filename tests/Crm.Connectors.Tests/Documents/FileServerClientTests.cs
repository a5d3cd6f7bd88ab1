using System.Text;
using Crm.Connectors.Documents;
using Crm.Connectors.Tests.Support;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Microsoft.Extensions.Logging;

namespace Crm.Connectors.Tests.Documents;

/// <summary>Real transfers with vsftpd and openssh-server on 127.0.0.1 (scripts/ftp.sh).</summary>
public sealed class FileServerClientTests : IDisposable
{
    private readonly AesProtector _protector = new();
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _factory;
    private readonly FileServerClient _client;

    public FileServerClientTests()
    {
        _factory = _logs.Factory();
        _client = new FileServerClient(_protector, _factory.CreateLogger<FileServerClient>(), new ConnectorOptions { Timeout = TimeSpan.FromSeconds(5) });
    }

    public void Dispose() => _factory.Dispose();

    private FtpSettings Settings(FileProtocol protocol, string? folder = null, string? password = null, int? port = null,
        TransferMethod method = TransferMethod.Application)
    {
        var server = FileServer.Of(protocol) ?? new FileServer("127.0.0.1", 1, "crm", "x", "/crm");
        return FtpSettings.Create(new FtpSettingsId(Guid.NewGuid()), Net.Tenant, new FtpForm(Net.Company, null, server.Host, port ?? server.Port,
            folder ?? server.Folder, server.User, new Secret(password ?? server.Password), protocol, method), _protector).AsT0;
    }

    private static string Name() => $"proposta-{Guid.NewGuid():N}.pdf";

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task A_document_is_stored_fetched_and_deleted_in_a_folder_created_on_demand(FileProtocol protocol)
    {
        var settings = Settings(protocol, folder: $"{FileServer.Of(protocol)!.Folder}/clientes/{Guid.NewGuid():N}");
        var content = Encoding.UTF8.GetBytes("%PDF-1.4 proposta comercial — R$ 1.234,56");
        var name = Name();

        var stored = (await _client.StoreAsync(settings, name, new MemoryStream(content), CancellationToken.None)).AsT0;
        Assert.Equal($"{settings.Folder}/{name}", stored.Path);
        Assert.Equal(content.Length, stored.Size);

        var back = new MemoryStream();
        Assert.Equal(content.Length, (await _client.FetchAsync(settings, name, back, CancellationToken.None)).AsT0);
        Assert.Equal(content, back.ToArray());

        Assert.True((await _client.DeleteAsync(settings, name, CancellationToken.None)).Succeeded);
        Assert.Equal(TransferFailure.NotFound, (await _client.FetchAsync(settings, name, new MemoryStream(), CancellationToken.None)).AsT1.Code);
        Assert.Equal(TransferFailure.NotFound, (await _client.DeleteAsync(settings, name, CancellationToken.None)).AsT1.Code);
    }

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task The_test_file_is_uploaded_read_back_and_removed(FileProtocol protocol)
    {
        var settings = Settings(protocol);

        var stored = (await _client.SendTestFileAsync(settings, Net.Now, CancellationToken.None)).AsT0;

        Assert.StartsWith($"{settings.Folder}/crm-teste-20261206T150000Z", stored.Path, StringComparison.Ordinal);
        var name = stored.Path[(stored.Path.LastIndexOf('/') + 1)..];
        Assert.Equal(TransferFailure.NotFound, (await _client.FetchAsync(settings, name, new MemoryStream(), CancellationToken.None)).AsT1.Code);
    }

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task A_wrong_password_names_the_user_and_never_shows_the_password(FileProtocol protocol)
    {
        const string wrong = "senha-errada-987";
        var settings = Settings(protocol, password: wrong);

        var failure = (await _client.StoreAsync(settings, Name(), new MemoryStream([1]), CancellationToken.None)).AsT1;

        Assert.Equal(TransferFailure.AuthenticationFailed, failure.Code);
        Assert.Contains($"\"{settings.Credentials.User}\"", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(wrong, StringComparison.Ordinal));
        Assert.False(failure.IsRetryable);
    }

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public async Task The_domain_port_uploads_the_test_file(FileProtocol protocol)
    {
        var settings = Settings(protocol);
        IFileUploader port = _client;
        var file = ConnectionChecks.File(settings, Net.Now.PlusTicks(Random.Shared.NextInt64(1, 1_000_000_000)));

        Assert.True((await port.UploadAsync(settings, file, CancellationToken.None)).IsValid);

        var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        var back = new MemoryStream();
        Assert.True((await _client.FetchAsync(settings, name, back, CancellationToken.None)).Succeeded);
        Assert.Equal(file.Content, Encoding.UTF8.GetString(back.ToArray()));
        Assert.True((await _client.DeleteAsync(settings, name, CancellationToken.None)).Succeeded);
    }

    [Theory]
    [InlineData(FileProtocol.Ftp)]
    [InlineData(FileProtocol.Sftp)]
    public async Task A_server_that_does_not_answer_is_unavailable_and_retryable(FileProtocol protocol)
    {
        var settings = Settings(protocol, port: Net.FreePort());

        var failure = (await _client.StoreAsync(settings, Name(), new MemoryStream([1]), CancellationToken.None)).AsT1;

        Assert.Equal(TransferFailure.Unavailable, failure.Code);
        Assert.True(failure.IsRetryable);
        Assert.Contains($":{settings.Port}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("a/b.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("a\nb.pdf")]
    public async Task A_name_that_is_not_a_plain_file_name_is_refused_before_connecting(string name)
    {
        var failure = (await _client.StoreAsync(Settings(FileProtocol.Sftp), name, new MemoryStream([1]), CancellationToken.None)).AsT1;

        Assert.Equal(TransferFailure.InvalidName, failure.Code);
        Assert.Equal(0, _protector.Unprotected);
    }

    [Fact]
    public async Task When_the_customer_server_transfers_the_CRM_does_not_connect()
    {
        var settings = Settings(FileProtocol.Ftp, method: TransferMethod.CustomerServer);

        var failure = (await _client.SendTestFileAsync(settings, Net.Now, CancellationToken.None)).AsT1;

        Assert.Equal(TransferFailure.CustomerTransfers, failure.Code);
        Assert.Equal(0, _protector.Unprotected);
    }
}
