using System.Reflection;
using Crm.Domain.Servers;
using Xunit.Sdk;

namespace Crm.Tests.Shared;

/// <summary>
/// Runs the theory against the real FTP or SFTP server of <c>CRM_TEST_FTP</c> / <c>CRM_TEST_SFTP</c> (vsftpd and
/// openssh-server started on 127.0.0.1 by scripts/ftp.sh); skipped, with the reason shown, when the variable is missing.
/// Linked into every test project that needs a file server.
/// </summary>
public sealed class FileServerAttribute : DataAttribute
{
    private readonly FileProtocol _protocol;

    public FileServerAttribute(FileProtocol protocol)
    {
        _protocol = protocol;
        if (FileServer.Of(protocol) is null)
            Skip = $"No {protocol} server: {FileServer.Variable(protocol)} is not set (source scripts/ftp.sh, which installs and starts vsftpd and sshd).";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[_protocol]];
}

/// <summary>A test file server: "Host=...;Port=...;User=...;Password=...;Folder=..." from the environment.</summary>
internal sealed record FileServer(string Host, int Port, string User, string Password, string Folder)
{
    public static string Variable(FileProtocol protocol) => protocol == FileProtocol.Sftp ? "CRM_TEST_SFTP" : "CRM_TEST_FTP";

    public static FileServer? Of(FileProtocol protocol)
    {
        var text = Environment.GetEnvironmentVariable(Variable(protocol));
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new FileServer(parts["Host"], int.Parse(parts["Port"], System.Globalization.CultureInfo.InvariantCulture), parts["User"], parts["Password"], parts["Folder"]);
    }
}
