using System.Net.Sockets;
using System.Text;
using Crm.Domain.Servers;
using Crm.Domain.Problems;
using FluentFTP;
using FluentFTP.Exceptions;
using Microsoft.Extensions.Logging;
using NodaTime;
using OneOf.Types;
using Renci.SshNet.Common;

namespace Crm.Connectors.Documents;

/// <summary>
/// Keeps documents on a company's file server, FTP (FluentFTP) or SFTP (SSH.NET) as its settings say, in the configured
/// folder. The password is unprotected only to open the connection; expected failures come back as
/// <see cref="TransferFailure"/> values, never thrown.
/// </summary>
public sealed partial class FileServerClient : IFileUploader
{
    private readonly ISecretProtector _protector;
    private readonly ILogger<FileServerClient> _logger;
    private readonly ConnectorOptions _options;

    /// <summary>A client that unprotects passwords with <paramref name="protector"/>.</summary>
    public FileServerClient(ISecretProtector protector, ILogger<FileServerClient> logger, ConnectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(logger);
        (_protector, _logger, _options) = (protector, logger, options ?? new ConnectorOptions());
    }

    /// <summary>Stores <paramref name="content"/> as <paramref name="name"/> in the configured folder, replacing a file of that name.</summary>
    public Task<Transfer<StoredDocument>> StoreAsync(FtpSettings settings, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Run<StoredDocument>(settings, name, "store", async (session, path) =>
        {
            var start = content.CanSeek ? content.Position : 0;
            await session.UploadAsync(settings.Folder, path, content, cancellationToken);
            return new StoredDocument(path, content.CanSeek ? content.Position - start : -1);
        }, cancellationToken);
    }

    /// <summary>Copies the document <paramref name="name"/> into <paramref name="destination"/>; gives the bytes copied.</summary>
    public Task<Transfer<long>> FetchAsync(FtpSettings settings, string name, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Run<long>(settings, name, "fetch", Fetch(destination, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes the document <paramref name="name"/>.</summary>
    public Task<Transfer<Success>> DeleteAsync(FtpSettings settings, string name, CancellationToken cancellationToken) =>
        Run<Success>(settings, name, "delete", Delete(cancellationToken), cancellationToken);

    /// <summary>
    /// Copies the document stored at <paramref name="path"/> (the <see cref="StoredDocument.Path"/> its store gave, whatever
    /// the settings' folder is now) into <paramref name="destination"/>; gives the bytes copied.
    /// </summary>
    public Task<Transfer<long>> FetchStoredAsync(FtpSettings settings, string path, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return RunAt<long>(settings, path, "fetch", Fetch(destination, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes the document stored at <paramref name="path"/> (its <see cref="StoredDocument.Path"/>).</summary>
    public Task<Transfer<Success>> DeleteStoredAsync(FtpSettings settings, string path, CancellationToken cancellationToken) =>
        RunAt<Success>(settings, path, "delete", Delete(cancellationToken), cancellationToken);

    private static Func<IFileServerSession, string, Task<Transfer<Success>>> Delete(CancellationToken cancellationToken) =>
        async (session, path) => await session.DeleteAsync(path, cancellationToken) ? new Success() : NotFound(path);

    private static Func<IFileServerSession, string, Task<Transfer<long>>> Fetch(Stream destination, CancellationToken cancellationToken) =>
        async (session, path) =>
        {
            using var buffer = new MemoryStream();
            if (!await session.DownloadAsync(path, buffer, cancellationToken))
                return NotFound(path);
            buffer.Position = 0;
            await buffer.CopyToAsync(destination, cancellationToken);
            return buffer.Length;
        };

    /// <summary>
    /// "Testar envio de arquivo" (seed 001): uploads the domain's test file to the configured folder, reads it back,
    /// compares and deletes it, all on one connection.
    /// </summary>
    public Task<Transfer<StoredDocument>> SendTestFileAsync(FtpSettings settings, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var test = ConnectionChecks.File(settings, now);
        var bytes = Encoding.UTF8.GetBytes(test.Content);
        return Run<StoredDocument>(settings, test.Path[(test.Path.LastIndexOf('/') + 1)..], "test", async (session, path) =>
        {
            await session.UploadAsync(settings.Folder, path, new MemoryStream(bytes), cancellationToken);
            using var back = new MemoryStream();
            var found = await session.DownloadAsync(path, back, cancellationToken);
            await session.DeleteAsync(path, cancellationToken);
            return found && back.ToArray().AsSpan().SequenceEqual(bytes)
                ? new StoredDocument(path, bytes.Length)
                : new TransferFailure(TransferFailure.Mismatch, $"O arquivo de teste lido de volta de {path} difere do enviado.");
        }, cancellationToken);
    }

    /// <summary>The domain's port: uploads the test file; a failure comes back as <see cref="Invalid"/> naming it.</summary>
    async Task<Outcome<Success>> IFileUploader.UploadAsync(FtpSettings settings, TestFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stored = await StoreAsync(settings, file.Path[(file.Path.LastIndexOf('/') + 1)..], new MemoryStream(Encoding.UTF8.GetBytes(file.Content)), cancellationToken);
        return stored.Match<Outcome<Success>>(_ => new Success(), failure => new Invalid(new Problem("ftp", failure.Code, failure.Message)));
    }

    private Task<Transfer<T>> Run<T>(FtpSettings settings, string name, string operation,
        Func<IFileServerSession, string, Task<Transfer<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsPlainName(name))
            return Task.FromResult<Transfer<T>>(new TransferFailure(TransferFailure.InvalidName,
                "O nome do arquivo não pode ser vazio nem conter barras, \"..\" ou caracteres de controle."));
        return RunAt(settings, settings.Folder == "/" ? "/" + name : $"{settings.Folder}/{name}", operation, work, cancellationToken);
    }

    private async Task<Transfer<T>> RunAt<T>(FtpSettings settings, string path, string operation,
        Func<IFileServerSession, string, Task<Transfer<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TransferMethod == TransferMethod.CustomerServer)
            return new TransferFailure(TransferFailure.CustomerTransfers,
                "Nestas configurações o servidor do cliente transfere os arquivos; o CRM não se conecta a ele.");
        if (!IsStoredPath(path))
            return new TransferFailure(TransferFailure.InvalidName, "O caminho do arquivo deve ser absoluto, sem \"..\" nem caracteres de controle.");
        try
        {
            var password = _protector.Unprotect(settings.Credentials.Password).Reveal();
            await using var session = settings.Protocol == FileProtocol.Sftp
                ? await SftpSession.OpenAsync(settings.Host, settings.Port, settings.Credentials.User, password, _options.Timeout, cancellationToken)
                : await FtpSession.OpenAsync(settings.Host, settings.Port, settings.Credentials.User, password, _options.Timeout, cancellationToken);
            var result = await work(session, path);
            result.Switch(_ => LogDone(operation, path, settings.Host, settings.Port),
                failure => LogFailed(operation, path, settings.Host, settings.Port, failure.Code));
            return result;
        }
        catch (Exception e) when (Classify(e, settings, cancellationToken) is { } failure)
        {
            LogFailed(operation, path, settings.Host, settings.Port, failure.Code);
            return failure;
        }
    }

    private static TransferFailure NotFound(string path) => new(TransferFailure.NotFound, $"O arquivo {path} não existe no servidor.");

    // A path a store gave: absolute, made of plain names.
    private static bool IsStoredPath(string? path) =>
        path is ['/', ..] && path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts && parts.All(IsPlainName);

    private static bool IsPlainName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 255 && name.Trim() is not ("." or "..")
        && !name.Any(c => c is '/' or '\\' || char.IsControl(c));

    // Both libraries' failures, sorted into what the user can act on. A cancelled token is the caller's and propagates.
    private static TransferFailure? Classify(Exception e, FtpSettings settings, CancellationToken cancellationToken)
    {
        var server = $"{settings.Protocol.ToString().ToUpperInvariant()} {settings.Host}:{settings.Port}";
        var inner = e is FtpException { InnerException: { } wrapped } && e is not FtpCommandException ? wrapped : e;
        return inner switch
        {
            FtpAuthenticationException or SshAuthenticationException => new TransferFailure(TransferFailure.AuthenticationFailed,
                $"O servidor {server} recusou o usuário \"{settings.Credentials.User}\" ou a senha."),
            FtpCommandException command => new TransferFailure(TransferFailure.Refused, $"O servidor {server} recusou a operação: {command.CompletionCode} {command.Message}"),
            SftpPermissionDeniedException => new TransferFailure(TransferFailure.Refused, $"O servidor {server} negou permissão na pasta {settings.Folder}."),
            SftpPathNotFoundException => new TransferFailure(TransferFailure.Refused, $"A pasta {settings.Folder} não existe no servidor {server}."),
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            SocketException or IOException or TimeoutException or OperationCanceledException or SshException or FtpException =>
                new TransferFailure(TransferFailure.Unavailable, $"O servidor {server} não está disponível ({inner.GetType().Name})."),
            _ => null,
        };
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "File {Operation} of {Path} on {Host}:{Port} done")]
    private partial void LogDone(string operation, string path, string host, int port);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "File {Operation} of {Path} on {Host}:{Port} failed: {Code}")]
    private partial void LogFailed(string operation, string path, string host, int port, string code);
}
