using Crm.Domain.Servers;

namespace Crm.Cli.Tests;

/// <summary><c>crm smtp test</c> and <c>crm ftp test</c> against real servers on 127.0.0.1, on the demo's database.</summary>
public sealed class ServerCommandTests : IDisposable
{
    private const string PasswordVariable = "CRM_CLI_TEST_SMTP_PASSWORD";
    private const string Password = "Cli-Senha-5b9e";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-servers-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public async Task Smtp_test_saves_the_settings_and_really_sends_to_the_sender_keeping_the_password_on_a_second_run()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        await using var smtp = new LocalSmtpServer(LocalSmtpServer.FreePort(), account: ("crm", Password));
        smtp.Start();
        Environment.SetEnvironmentVariable(PasswordVariable, Password);
        string[] args = ["smtp", "test", "--host", "127.0.0.1", "--port", $"{smtp.Port}", "--sender", "ti@exemplo.com.br", "--user", "crm", "--db", Db];

        var first = CliRun.Of([.. args, "--password-env", PasswordVariable]);
        var second = CliRun.Of(args); // no password: the stored one is kept

        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Equal(0, second.Exit);
        Assert.Contains(first.OutputLines, l => l.StartsWith("enviado (Message-ID ", StringComparison.Ordinal));
        var received = await smtp.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("ti@exemplo.com.br", Assert.Single(r.Recipients)));
        Assert.All(received, r => Assert.Equal("crm", r.AuthenticatedUser));
        Assert.DoesNotContain(Password, first.Output + second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_test_shows_an_unreachable_server_and_a_bad_form_with_every_problem()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);

        var down = CliRun.Of("smtp", "test", "--host", "127.0.0.1", "--port", $"{LocalSmtpServer.FreePort()}", "--sender", "ti@exemplo.com.br", "--db", Db);
        var bad = CliRun.Of("smtp", "test", "--host", "smtp://x", "--port", "70000", "--sender", "nada", "--db", Db);

        Assert.Equal(1, down.Exit);
        Assert.Contains(down.OutputLines, l => l.StartsWith("indisponível: ", StringComparison.Ordinal));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("smtp.host.invalid", bad.Output, StringComparison.Ordinal);
        Assert.Contains("smtp.port.out_of_range", bad.Output, StringComparison.Ordinal);
        Assert.Contains("sender_email", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_variable_that_is_not_set_is_a_usage_error() =>
        CliRun.Of("smtp", "test", "--host", "127.0.0.1", "--port", "25", "--sender", "ti@exemplo.com.br", "--password-env", "CRM_CLI_TEST_UNSET", "--db", Db)
            .AssertUsageError("CRM_CLI_TEST_UNSET: the environment variable is not set");

    [Theory, FileServer(FileProtocol.Ftp), FileServer(FileProtocol.Sftp)]
    public void Ftp_test_uploads_reads_back_and_deletes_a_file(FileProtocol protocol)
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var server = FileServer.Of(protocol)!;
        Environment.SetEnvironmentVariable("CRM_CLI_TEST_FTP_PASSWORD", server.Password);

        var run = CliRun.Of("ftp", "test", "--host", server.Host, "--port", $"{server.Port}", "--folder", $"{server.Folder}/cli", "--user", server.User,
            "--password-env", "CRM_CLI_TEST_FTP_PASSWORD", "--protocol", protocol.ToString(), "--db", Db);
        var wrong = CliRun.Of("ftp", "test", "--host", server.Host, "--port", $"{server.Port}", "--user", "ninguem", "--protocol", protocol.ToString(), "--db", Db);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains(run.OutputLines, l => l.StartsWith("arquivo enviado, lido de volta, igual e apagado: ", StringComparison.Ordinal));
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("file.auth_failed", wrong.Output, StringComparison.Ordinal);
    }
}
