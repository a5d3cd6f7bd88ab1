using System.CommandLine;
using Crm.Cli.Demo;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;
using Crm.Sdk;
using Crm.Sdk.Imports;
using Spectre.Console;

namespace Crm.Cli.Imports;

/// <summary>
/// <c>crm export customers|leads|contacts|matrix NAME|person CPF</c>: what Marina Diretora's session exports on the demo
/// database (as a host would call <c>session.Exports</c>), written to a file, with a progress display and a summary.
/// </summary>
internal sealed class ExportCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDemoDatabase)
{
    public Command Build()
    {
        var export = new Command("export", "Exports the demo tenant's records as Marina Diretora sees them, in the import's own columns (the file re-imports).");
        export.Subcommands.Add(Sheet("customers", "The accounts, as the customer sheet ('crm import customers' takes it back).", null,
            (session, _, output, format, ct) => session.Exports.CustomersAsync(output, format, ct)));
        export.Subcommands.Add(Sheet("leads", "The leads, as the lead sheet.", null, (session, _, output, format, ct) => session.Exports.LeadsAsync(output, format, ct)));
        export.Subcommands.Add(Sheet("contacts", "The contacts, as the contact sheet.", null,
            (session, _, output, format, ct) => session.Exports.ContactsAsync(output, format, ct)));
        export.Subcommands.Add(Sheet("matrix", "A matrix's stored rules, as its sheet ('crm import matrix NAME' takes it back).",
            new Argument<string>("name") { Description = $"The matrix: {string.Join(", ", MatrixSheets.All.Select(s => s.Name))}." },
            (session, name, output, format, ct) => session.Exports.MatrixAsync(name!, output, format, ct)));
        export.Subcommands.Add(Sheet("person", "Everything held about a CPF, for an LGPD access request (xlsx: Pedido, Dados, Histórico).",
            new Argument<string>("cpf") { Description = "The person's CPF, with or without its mask." },
            (session, cpf, output, _, ct) => session.Exports.PersonAsync(cpf!, output, ct)));
        return export;
    }

    private Command Sheet(string name, string description, Argument<string>? argument,
        Func<CrmSession, string?, Stream, ImportFormat, CancellationToken, Task<CrmResult<ExportSummary>>> export)
    {
        var format = new Option<string>("--format") { Description = "xlsx or csv (person: xlsx only).", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string?>("--out") { Description = $"The file to write (default: export-{name}.<format> in the current folder)." };
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}; run 'crm demo' first).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var command = new Command(name, description) { format, output, db };
        if (argument is not null)
            command.Arguments.Add(argument);
        command.SetAction((result, cancellationToken) =>
        {
            var extension = result.GetValue(format)!;
            if (name == "person" && extension != "xlsx")
                return Task.FromResult(fail("the person export is an xlsx workbook of three sheets: --format xlsx"));
            var path = result.GetValue(output) ?? $"export-{name}.{extension}";
            var value = argument is null ? null : result.GetValue(argument);
            return onDemoDatabase(result.GetValue(db)!, database => CliEngine.AsMarinaAsync(database,
                session => WriteAsync(session, path, extension == "csv" ? ImportFormat.Csv : ImportFormat.Xlsx,
                    (output, f) => export(session, value, output, f, cancellationToken)), cancellationToken));
        });
        return command;
    }

    private async Task<int> WriteAsync(CrmSession session, string path, ImportFormat format, Func<Stream, ImportFormat, Task<CrmResult<ExportSummary>>> export)
    {
        // Written beside the target and moved over it only when the export succeeds: a refusal or a failure leaves any file
        // already at the path as it was.
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        CrmResult<ExportSummary>? result = null;
        try
        {
            await using (var file = File.Create(temporary))
                await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("Exportando").IsIndeterminate();
                    result = await export(file, format);
                    task.StopTask();
                });
            if (result!.Succeeded)
                File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fail($"--out {path} cannot be written: {e.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
        if (!result!.TryPickT0(out var summary, out _))
            return fail($"the export was refused ({result.Outcome}): {string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}"))}"
                + (result.IsT3 ? " (run 'crm demo' first: the export runs as its Marina Diretora)" : ""));
        var table = new Table().Title("Resumo").AddColumns("Planilha", "Formato", "Registros", "Arquivo");
        table.AddRow(summary.Sheet, summary.Format.ToString().ToLowerInvariant(), $"{summary.Rows:N0}", Markup.Escape(Printable.OneLine(Path.GetFullPath(path))));
        console.Write(table);
        return 0;
    }
}
