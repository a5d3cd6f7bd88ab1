using FluentFTP;
using FluentFTP.Exceptions;
using Renci.SshNet;

namespace Crm.Connectors.Documents;

/// <summary>One connection to a file server; paths are absolute on the server.</summary>
internal interface IFileServerSession : IAsyncDisposable
{
    Task UploadAsync(string folder, string path, Stream content, CancellationToken cancellationToken);

    /// <summary>False when there is no such file.</summary>
    Task<bool> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken);

    /// <summary>False when there is no such file.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken);
}

/// <summary>FTP without encryption (seed 001), passive data connections (EPSV, else PASV), through FluentFTP.</summary>
internal sealed class FtpSession(AsyncFtpClient client) : IFileServerSession
{
    public static async Task<IFileServerSession> OpenAsync(string host, int port, string user, string password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var milliseconds = (int)timeout.TotalMilliseconds;
        var client = new AsyncFtpClient(host, user, password, port, new FtpConfig
        {
            DataConnectionType = FtpDataConnectionType.AutoPassive,
            ConnectTimeout = milliseconds,
            ReadTimeout = milliseconds,
            DataConnectionConnectTimeout = milliseconds,
            DataConnectionReadTimeout = milliseconds,
        });
        try
        {
            await client.Connect(cancellationToken);
            return new FtpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task UploadAsync(string folder, string path, Stream content, CancellationToken cancellationToken)
    {
        var status = await client.UploadStream(content, path, FtpRemoteExists.Overwrite, createRemoteDir: true, token: cancellationToken);
        if (status != FtpStatus.Success)
            throw new FtpException($"Upload of {path} ended as {status}.");
    }

    public async Task<bool> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken) =>
        await client.FileExists(path, cancellationToken) && await client.DownloadStream(destination, path, token: cancellationToken);

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!await client.FileExists(path, cancellationToken))
            return false;
        await client.DeleteFile(path, cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            await client.Disconnect();
        client.Dispose();
    }
}

/// <summary>SFTP (SSH file transfer, encrypted) through SSH.NET, with password authentication.</summary>
internal sealed class SftpSession(SftpClient client) : IFileServerSession
{
    public static async Task<IFileServerSession> OpenAsync(string host, int port, string user, string password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new SftpClient(new ConnectionInfo(host, port, user, new PasswordAuthenticationMethod(user, password)) { Timeout = timeout })
        {
            OperationTimeout = timeout,
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
            return new SftpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task UploadAsync(string folder, string path, Stream content, CancellationToken cancellationToken)
    {
        var current = "";
        foreach (var part in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + part;
            if (!await client.ExistsAsync(current, cancellationToken))
                await client.CreateDirectoryAsync(current, cancellationToken);
        }
        await client.UploadFileAsync(content, path, cancellationToken);
    }

    public async Task<bool> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        if (!await client.ExistsAsync(path, cancellationToken))
            return false;
        await client.DownloadFileAsync(path, destination, cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!await client.ExistsAsync(path, cancellationToken))
            return false;
        await client.DeleteFileAsync(path, cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            client.Disconnect();
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
