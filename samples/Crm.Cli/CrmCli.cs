using System.CommandLine;
using System.Data.Common;
using Crm.Cli.Demo;
using Crm.Cli.Imports;
using Crm.Cli.Outbox;
using Crm.Cli.Servers;
using Crm.Persistence.Outbox;
using Crm.Cli.Validation;
using Crm.Domain.Registry;
using Spectre.Console;

namespace Crm.Cli;

/// <summary>
/// The <c>crm</c> command line. Exit codes: 0 when every document is valid, 1 when any is invalid, 2 for
/// usage errors and unusable files (always a one-line message on the error writer, never a stack trace).
/// </summary>
public sealed class CrmCli
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _error;

    /// <summary>A command line writing results to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public CrmCli(IAnsiConsole console, TextWriter error)
    {
        _console = console;
        _error = error;
    }

    /// <summary>Runs <paramref name="args"/>; returns the exit code.</summary>
    public int Run(string[] args)
    {
        var root = BuildRoot();
        if (args.Length == 0)
            return Usage(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                WriteError(error.Message);
            return ValidationReport.UsageError;
        }
        var output = new StringWriter();
        var exit = parsed.Invoke(new InvocationConfiguration { Output = output, Error = _error });
        _console.Write(new Text(output.ToString())); // help and version text
        return exit;
    }

    /// <summary><c>crm</c> alone: the usage, on the error writer since nothing was done, and the usage-error exit code.</summary>
    private int Usage(RootCommand root)
    {
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = _error, Error = _error });
        return ValidationReport.UsageError;
    }

    private RootCommand BuildRoot()
    {
        var validate = BuildValidate();
        var imports = new ImportCommands(_console, Fail, RunOnDemoDatabaseAsync);
        var servers = new ServerCommands(_console, Fail, RunOnDemoDatabaseAsync);
        var orders = new Orders.OrderCommands(_console, Fail, RunOnDemoDatabaseAsync);
        var matrices = new Matrices.MatrixCommands(_console, Fail, RunOnDemoDatabaseAsync);
        var service = new Service.ServiceCommands(_console, Fail, RunOnDemoDatabaseAsync);
        var indicators = new Indicators.IndicatorsCommand(_console, Fail, RunOnDemoDatabaseAsync);
        return new RootCommand("crm — the Crm.Sdk sample host.") { validate, BuildDemo(), BuildOutbox(), BuildErp(), orders.Build(), matrices.Build(), service.Service(), service.Agenda(), indicators.Build(), imports.Template(), imports.Import(), new ExportCommands(_console, Fail, RunOnDemoDatabaseAsync).Build(), servers.Smtp(), servers.Ftp() };
    }

    private Command BuildDemo()
    {
        var db = new Option<string>("--db")
        {
            Description = $"The SQLite file to provision and fill (default: ./{DemoCommand.DefaultPath}).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var demo = new Command("demo", "Runs the engine on a SQLite file: provisions a demo tenant, registers through users' sessions, refuses a duplicate, converts a lead, moves an opportunity, denies a Usuário, sends the accounts to a fake Protheus server on 127.0.0.1 through injected faults (retried, then acknowledged), places a sales order (a sale problem, an approval, the release and its ERP outcome, the proposal) and shows what a Diretor, a Coordenador and a Usuário see.") { db };
        demo.SetAction((result, cancellationToken) => RunDemoAsync(result.GetValue(db)!, cancellationToken));
        return demo;
    }

    private Command BuildOutbox()
    {
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var status = new Option<OutboxStatus?>("--status") { Description = "Show only the messages in this status: Pending, Sending, Sent or Parked." };
        var requeue = new Option<Guid?>("--requeue") { Description = "Put this parked message back in the queue." };
        var dispatch = new Option<string?>("--protheus-url") { Description = "Send the pending messages to the Protheus REST server at this address." };
        var outbox = new Command("outbox", "Shows the demo tenant's ERP outbox (pending, sent, parked) and, with --protheus-url, dispatches it with a progress display.")
            { db, status, requeue, dispatch };
        outbox.SetAction((result, cancellationToken) =>
        {
            Uri? protheus = null;
            if (result.GetValue(dispatch) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out protheus) || protheus.Scheme is not ("http" or "https")))
                return Task.FromResult(Fail($"--protheus-url '{url}' is not an absolute http(s) address"));
            return RunOnDemoDatabaseAsync(result.GetValue(db)!,
                path => new OutboxCommand(_console).RunAsync(path, result.GetValue(status), result.GetValue(requeue), protheus, cancellationToken));
        });
        return outbox;
    }

    private Command BuildErp()
    {
        var erp = new Command("erp", "The demo tenant's inbound jobs against a Protheus REST server: load its master data, pull its customers' standings.");
        foreach (var (name, description, load) in new[]
        {
            ("load", "Loads the Protheus master data (sellers, carriers, payment conditions, price tables) page by page; an interrupted load resumes where it stopped.", true),
            ("pull", "Reads each integrated customer's standing (situation, credit) from Protheus and records it.", false),
        })
        {
            var db = new Option<string>("--db")
            {
                Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
                DefaultValueFactory = _ => DemoCommand.DefaultPath,
            };
            var url = new Option<string>("--protheus-url") { Description = "The Protheus REST server's address.", Required = true };
            var command = new Command(name, description) { db, url };
            command.SetAction((result, cancellationToken) =>
            {
                var text = result.GetValue(url)!;
                if (!Uri.TryCreate(text, UriKind.Absolute, out var protheus) || protheus.Scheme is not ("http" or "https"))
                    return Task.FromResult(Fail($"--protheus-url '{text}' is not an absolute http(s) address"));
                var erpCommand = new Erp.ErpCommand(_console);
                return RunOnDemoDatabaseAsync(result.GetValue(db)!, path => load
                    ? erpCommand.LoadAsync(path, protheus, cancellationToken)
                    : erpCommand.PullAsync(path, protheus, cancellationToken));
            });
            erp.Subcommands.Add(command);
        }
        return erp;
    }

    private Task<int> RunDemoAsync(string path, CancellationToken cancellationToken) =>
        RunOnDemoDatabaseAsync(path, file => new DemoCommand(_console).RunAsync(file, cancellationToken));

    private async Task<int> RunOnDemoDatabaseAsync(string path, Func<string, Task<int>> run)
    {
        if (DemoDatabaseFile.Problem(path) is { } problem)
            return Fail(problem);
        try
        {
            return await run(path);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            // What the checks above cannot see: a read-only folder, a damaged file, another process migrating it for too long.
            return Fail($"--db {path} cannot be used: {e.Message}");
        }
    }

    private Command BuildValidate()
    {
        var uf = new Option<string?>("--uf") { Description = "The UF of an Inscrição Estadual, e.g. SP." };
        var file = new Option<string?>("--file") { Description = "A CSV with the columns kind,value,uf (header row required)." };
        var value = new Argument<string?>("ie") { Arity = ArgumentArity.ZeroOrOne, Description = "An Inscrição Estadual (with --uf)." };
        var validate = new Command("validate", "Validates Brazilian documents: one value, or every row of a CSV file.") { uf, file, value };
        validate.SetAction(result => ValidateFileOrIe(result.GetValue(file), result.GetValue(value), result.GetValue(uf)));

        foreach (var kind in Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Ie))
        {
            var argument = new Argument<string>("value") { Description = $"The {kind.Name()} to validate, with or without its mask." };
            var command = new Command(kind.Name(), $"Validates a {kind.Name()}.") { argument };
            command.SetAction(result => ValidateOne(kind, result.GetValue(argument)!, null));
            validate.Subcommands.Add(command);
        }

        var ieUf = new Option<string>("--uf") { Description = "The UF that issued the IE, e.g. SP.", Required = true };
        var ieValue = new Argument<string>("value") { Description = "The Inscrição Estadual, with or without its mask." };
        var ie = new Command("ie", "Validates an Inscrição Estadual of a UF.") { ieUf, ieValue };
        ie.SetAction(result => ValidateIe(result.GetValue(ieValue)!, result.GetValue(ieUf)));
        validate.Subcommands.Add(ie);
        return validate;
    }

    private int ValidateFileOrIe(string? file, string? value, string? uf)
    {
        if (file is not null)
            return value is null && uf is null ? ValidateFile(file) : Fail("--file takes no value and no --uf");
        if (value is null)
            return Fail("nothing to validate: give a kind and a value (crm validate cpf 111.444.777-35), --uf with an IE, or --file");
        return uf is null ? Fail($"'{value}' needs --uf to be validated as an Inscrição Estadual, or a kind before it (cpf, cnpj…)") : ValidateIe(value, uf);
    }

    private int ValidateIe(string value, string? uf)
    {
        if (!DocumentNames.TryParseUf(uf, out var state))
            return Fail($"unknown uf '{uf}'");
        return ValidateOne(DocumentKind.Ie, value, state);
    }

    private int ValidateOne(DocumentKind kind, string value, Uf? uf)
    {
        var result = DocumentCheck.Check(kind, value, uf);
        ValidationReport.WriteLine(_console, "", result);
        return result.IsValid ? ValidationReport.AllValid : ValidationReport.SomeInvalid;
    }

    private int ValidateFile(string path)
    {
        IReadOnlyList<DocumentRow> rows;
        try
        {
            rows = DocumentFile.Read(path);
        }
        catch (DocumentFileException e)
        {
            foreach (var problem in e.Problems)
                WriteError(problem);
            return ValidationReport.UsageError;
        }
        var checks = rows.Select(row => (row, DocumentCheck.Check(row.Kind, row.Value, row.Uf))).ToList();
        return ValidationReport.WriteFile(_console, checks);
    }

    private int Fail(string message)
    {
        WriteError(message);
        return ValidationReport.UsageError;
    }

    /// <summary>One line on the error writer, whatever the message quotes from the input.</summary>
    private void WriteError(string message) => _error.WriteLine($"crm: error: {Printable.OneLine(message)}");
}
