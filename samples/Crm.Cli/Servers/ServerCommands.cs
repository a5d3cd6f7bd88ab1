using System.CommandLine;
using Crm.Cli.Demo;
using Crm.Connectors.Mail;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Sdk;
using Crm.Sdk.Servers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Servers;

/// <summary>
/// <c>crm smtp test</c> and <c>crm ftp test</c>: Marina Diretora saves the demo company's SMTP or FTP/SFTP settings through
/// her session (created the first time, updated after; a password is read from the environment variable
/// <c>--password-env</c> names, never from the command line, and left out it keeps the stored one), then presses "Testar
/// envio de e-mail" / "Testar envio de arquivo": the e-mail really goes to the sender address, the file is really uploaded,
/// read back, compared and deleted. Exit 0 when the test passed, 1 when the server refused or was unreachable or the settings
/// were refused, 2 for usage errors.
/// </summary>
internal sealed class ServerCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDemoDatabase)
{
    public Command Smtp()
    {
        var (host, port, user, passwordEnv, db) = Common("SMTP");
        var sender = new Option<string>("--sender") { Description = "The sender address (E-mail de envio), also the test e-mail's recipient.", Required = true };
        var secure = new Option<string>("--secure") { Description = "none, ssl (TLS from the first byte, port 465) or tls (STARTTLS, port 587).", DefaultValueFactory = _ => "none" };
        var test = new Command("test", "Saves the demo company's SMTP settings as Marina Diretora and sends the test e-mail to the sender address.")
            { host, port, sender, user, passwordEnv, secure, db };
        test.SetAction((result, cancellationToken) =>
        {
            var choice = result.GetValue(secure)?.ToLowerInvariant();
            if (choice is not ("none" or "ssl" or "tls"))
                return Task.FromResult(fail($"--secure '{result.GetValue(secure)}' must be none, ssl or tls"));
            SecureConnection? security = choice == "ssl" ? SecureConnection.Ssl : choice == "tls" ? SecureConnection.Tls : null;
            if (!Password(result.GetValue(passwordEnv), out var password, out var problem))
                return Task.FromResult(fail(problem));
            var login = result.GetValue(user);
            var form = new SmtpForm(DemoData.Company, null, result.GetValue(host), result.GetValue(port), Duration.Zero, result.GetValue(sender),
                "CRM demo", RequiresAuthentication: login is not null, login, password, security is not null, security, IsPrimaryServer: true);
            return onDemoDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => SmtpAsync(session, form, cancellationToken), cancellationToken));
        });
        return new Command("smtp", "The demo company's SMTP server.") { test };
    }

    public Command Ftp()
    {
        var (host, port, user, passwordEnv, db) = Common("FTP/SFTP");
        var folder = new Option<string?>("--folder") { Description = "The folder the CRM puts files in (blank: the server's root)." };
        var protocol = new Option<FileProtocol>("--protocol") { Description = "Ftp (no encryption) or Sftp.", DefaultValueFactory = _ => FileProtocol.Ftp };
        var test = new Command("test", "Saves the demo company's FTP/SFTP settings as Marina Diretora and uploads, reads back, compares and deletes a test file.")
            { host, port, folder, user, passwordEnv, protocol, db };
        test.SetAction((result, cancellationToken) =>
        {
            if (!Password(result.GetValue(passwordEnv), out var password, out var problem))
                return Task.FromResult(fail(problem));
            var form = new FtpForm(DemoData.Company, null, result.GetValue(host), result.GetValue(port), result.GetValue(folder), result.GetValue(user),
                password, result.GetValue(protocol), TransferMethod.Application);
            return onDemoDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => FtpAsync(session, form, cancellationToken), cancellationToken));
        });
        return new Command("ftp", "The demo company's FTP or SFTP server.") { test };
    }

    private static (Option<string> Host, Option<int?> Port, Option<string?> User, Option<string?> PasswordEnv, Option<string> Db) Common(string server) => (
        new Option<string>("--host") { Description = $"The {server} server's host name or IP.", Required = true },
        new Option<int?>("--port") { Description = "Its port.", Required = true },
        new Option<string?>("--user") { Description = "The server user (SMTP: authentication is required when given)." },
        new Option<string?>("--password-env") { Description = "The environment variable holding the password (left out: the stored password is kept)." },
        new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}; run 'crm demo' first).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        });

    private static bool Password(string? variable, out Secret? password, out string problem)
    {
        (password, problem) = (null, "");
        if (variable is null)
            return true;
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } value)
        {
            problem = $"--password-env {variable}: the environment variable is not set";
            return false;
        }
        password = new Secret(value);
        return true;
    }

    private async Task<int> SmtpAsync(CrmSession session, SmtpForm form, CancellationToken cancellationToken)
    {
        var servers = session.Servers;
        if (await SaveAsync("SMTP", await servers.SmtpServersAsync(cancellationToken), s => (s.Id, s.Company, s.Branch),
                (id, version) => servers.UpdateSmtpAsync(id, version, form, cancellationToken), () => servers.CreateSmtpAsync(form, cancellationToken)) is not { } id)
            return 1;
        var tested = await servers.TestSmtpAsync(id, cancellationToken);
        if (!tested.TryPickT0(out var test, out _))
            return Refused("O teste", tested);
        console.MarkupLineInterpolated($"Testar envio de e-mail: {form.Host}:{form.Port} → {form.SenderEmail}");
        return test.Delivery.Match(
            sent => Line($"[green]enviado[/] (Message-ID {Markup.Escape(sent.MessageId)}, {(sent.Encrypted ? "criptografado" : "sem criptografia")})", 0),
            rejected => Line($"[red]recusado[/] pelo servidor (código {rejected.Code}): {Markup.Escape(Printable.OneLine(rejected.Message))}", 1),
            unavailable => Line($"[red]indisponível[/]: {Markup.Escape(Printable.OneLine(unavailable.Message))}", 1));
    }

    private async Task<int> FtpAsync(CrmSession session, FtpForm form, CancellationToken cancellationToken)
    {
        var servers = session.Servers;
        if (await SaveAsync("FTP", await servers.FtpServersAsync(cancellationToken), s => (s.Id, s.Company, s.Branch),
                (id, version) => servers.UpdateFtpAsync(id, version, form, cancellationToken), () => servers.CreateFtpAsync(form, cancellationToken)) is not { } id)
            return 1;
        var tested = await servers.TestFtpAsync(id, cancellationToken);
        if (!tested.TryPickT0(out var test, out _))
            return Refused("O teste", tested);
        console.MarkupLineInterpolated($"Testar envio de arquivo: {form.Protocol} {form.Host}:{form.Port}");
        return test.Transfer.Match(
            document => Line($"[green]arquivo enviado, lido de volta, igual e apagado[/]: {Markup.Escape(document.Path)} ({document.Size} bytes)", 0),
            failure => Line($"[red]falhou[/] ({Markup.Escape(failure.Code)}): {Markup.Escape(Printable.OneLine(failure.Message))}", 1));
    }

    // The demo company's own settings (no branch) are updated when stored, created otherwise; null when refused (shown).
    private async Task<TId?> SaveAsync<TView, TId>(string what, CrmResult<IReadOnlyList<ServerRead<TView>>> stored,
        Func<TView, (TId Id, CompanyId Company, BranchId? Branch)> key, Func<TId, long, Task<CrmResult<ServerSaved<TId>>>> update,
        Func<Task<CrmResult<ServerSaved<TId>>>> create) where TId : struct
    {
        var existing = stored.TryPickT0(out var list, out _) ? list.FirstOrDefault(s => key(s.Settings) is { Branch: null } k && k.Company == DemoData.Company) : null;
        var saved = existing is null ? await create() : await update(key(existing.Settings).Id, existing.Version);
        if (!saved.TryPickT0(out var ok, out _))
        {
            Refused($"As configurações {what}", saved);
            return null;
        }
        console.MarkupLineInterpolated($"Configurações {what} da empresa salvas (versão {ok.Version}; a senha fica criptografada e não é exibida).");
        return ok.Id;
    }

    private int Refused<T>(string what, CrmResult<T> result)
    {
        console.MarkupLine($"[red]{Markup.Escape(what)} foram recusadas ({result.Outcome}):[/]");
        foreach (var problem in result.Problems)
            console.MarkupLineInterpolated($"  {problem.Field}: {problem.Code}: {Printable.OneLine(problem.Message)}");
        if (result.IsT3 || result.IsT4)
            console.MarkupLine("(run 'crm demo' first: the command runs as its Marina Diretora)");
        return 1;
    }

    private int Line(string markup, int exit)
    {
        console.MarkupLine(markup);
        return exit;
    }
}
