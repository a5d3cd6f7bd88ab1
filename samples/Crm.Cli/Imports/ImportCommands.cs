using System.CommandLine;
using Crm.Cli.Demo;
using Crm.Imports;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Imports.Matrices;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk;
using Crm.Sdk.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Imports;

/// <summary>
/// <c>crm template</c> (an import's xlsx template), <c>crm import customers</c> (a customer file into the demo tenant,
/// through Marina Diretora's session, as a host would call <c>session.Imports.CustomersAsync</c>) and <c>crm import matrix</c>
/// (a matrix sheet as the whole stored matrix, through <c>session.Imports.MatrixAsync</c>).
/// </summary>
internal sealed class ImportCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDemoDatabase)
{
    private static readonly string[] Sheets = ["customers", "prices", "leads", "contacts", "matrix"];

    private static string MatrixNames => string.Join(", ", MatrixSheets.All.Select(s => s.Name));

    public Command Template()
    {
        var kind = new Argument<string>("sheet") { Description = $"One of {string.Join(", ", Sheets)}." };
        var matrix = new Argument<string?>("matrix") { Arity = ArgumentArity.ZeroOrOne, Description = $"With 'matrix': {MatrixNames}." };
        var output = new Option<string?>("--out") { Description = "The xlsx to write (default: modelo-<sheet>.xlsx in the current folder)." };
        var command = new Command("template", "Writes an import's xlsx template: headers, an example row, the allowed values as lists.") { kind, matrix, output };
        command.SetAction(result => WriteTemplate(result.GetValue(kind)!, result.GetValue(matrix), result.GetValue(output)));
        return command;
    }

    public Command Import()
    {
        var file = new Argument<string>("file") { Description = "The .xlsx or .csv of customers (the columns of 'crm template customers')." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Judge every row against the rules and the database without writing." };
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}; run 'crm demo' first).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var customers = new Command("customers",
            "Imports customers into the demo tenant as Marina Diretora: a new external code + origin registers an account, a known one updates it; the refused rows go to <file>.erros.<ext>.")
            { file, dryRun, db };
        customers.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => CustomersAsync(path, result.GetValue(file)!, result.GetValue(dryRun), cancellationToken)));
        var name = new Argument<string>("name") { Description = $"The matrix: {MatrixNames}." };
        var sheet = new Argument<string>("file") { Description = "The .xlsx or .csv of the matrix (the columns of 'crm template matrix <name>')." };
        var matrix = new Command("matrix",
            "Imports a matrix sheet into the demo tenant as Marina Diretora: the sheet becomes the whole matrix (rules not in it are removed), all or nothing; the refused rows go to <file>.erros.<ext>.")
            { name, sheet, dryRun, db };
        matrix.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => MatrixAsync(path, result.GetValue(name)!, result.GetValue(sheet)!, result.GetValue(dryRun), cancellationToken)));
        return new Command("import", "Imports a spreadsheet through a user's session.") { customers, matrix };
    }

    private int WriteTemplate(string kind, string? matrixName, string? output)
    {
        Action<Stream>? write = kind switch
        {
            "customers" => CustomerExport.WriteTemplate,
            "prices" => PriceSheet.WriteTemplate,
            "leads" => LeadSheet.WriteTemplate,
            "contacts" => s => SheetWriter.Write(s, ImportFormat.Xlsx, ContactSheet.Columns, [], "Contatos"),
            "matrix" => matrixName is not null && MatrixSheets.Named(matrixName) is { } matrix ? matrix.WriteTemplate : null,
            _ => null,
        };
        if (write is null)
            return fail(kind == "matrix" ? $"name the matrix: {MatrixNames}" : $"unknown sheet '{kind}': {string.Join(", ", Sheets)}");
        var path = output ?? $"modelo-{(kind == "matrix" ? matrixName : kind)}.xlsx";
        try
        {
            using var file = File.Create(path);
            write(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fail($"--out {path} cannot be written: {e.Message}");
        }
        console.MarkupLineInterpolated($"Modelo gravado em [bold]{Printable.OneLine(Path.GetFullPath(path))}[/]");
        return 0;
    }

    /// <summary>
    /// Runs an import of <paramref name="path"/> (its format known from the extension) in Marina Diretora's session on the demo
    /// database, given where its error sheet goes.
    /// </summary>
    private async Task<int> AsMarinaAsync(string database, string path, Func<CrmSession, ImportFormat, string, Task<int>> run, CancellationToken cancellationToken)
    {
        if (ImportFile.FormatOf(path).TryPickT1(out var unknown, out var format))
            return fail(unknown.Message);
        if (!File.Exists(path))
            return fail($"{path}: file not found");
        return await CliEngine.AsMarinaAsync(database, session => run(session, format, ErrorPath(path)), cancellationToken);
    }

    private Task<int> CustomersAsync(string database, string path, bool dryRun, CancellationToken cancellationToken) =>
        AsMarinaAsync(database, path, (session, format, errorPath) => CustomersAsync(session, path, format, errorPath, dryRun, cancellationToken), cancellationToken);

    private async Task<int> CustomersAsync(CrmSession session, string path, ImportFormat format, string errorPath, bool dryRun, CancellationToken cancellationToken)
    {
        CrmResult<CustomerImportSummary>? result = null;
        await using (var errors = File.Create(errorPath))
        await using (var input = File.OpenRead(path))
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Importando clientes").IsIndeterminate();
                var progress = new Progress<CustomerImportProgress>(p => task.Description = $"Clientes: {p.Read:N0} lidas, {p.Invalid:N0} recusadas");
                result = await session.Imports.CustomersAsync(input, format, new CustomerImportOptions { DryRun = dryRun, Progress = progress },
                    errors, cancellationToken);
                task.StopTask();
            });
        if (!result!.TryPickT0(out var summary, out _) || summary.Invalid == 0)
            File.Delete(errorPath);
        if (summary is null)
            return fail($"the import was refused ({result.Outcome}): {string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}"))}"
                + (result.IsT3 ? " (run 'crm demo' first: the import runs as its Marina Diretora)" : ""));
        var table = new Table().Title(dryRun ? "Resumo (simulação: nada foi gravado)" : "Resumo")
            .AddColumns("Lidas", "Válidas", "Recusadas", "Criadas", "Atualizadas", "Inalteradas");
        table.AddRow($"{summary.Read:N0}", $"{summary.Valid:N0}", $"{summary.Invalid:N0}", $"{summary.Created:N0}", $"{summary.Updated:N0}", $"{summary.Unchanged:N0}");
        console.Write(table);
        foreach (var problem in summary.Problems)
            console.MarkupLineInterpolated($"[red]Linha {problem.Row}[/], {Printable.OneLine(problem.Column ?? "-")}: {problem.Code}: {Printable.OneLine(problem.Message)}");
        if (summary.Failure is { } failure)
            console.MarkupLineInterpolated($"[red]O arquivo parou de ser lido:[/] {Printable.OneLine(failure.Message)}");
        if (summary.Invalid > 0)
            console.MarkupLineInterpolated($"Planilha de erros: [bold]{Printable.OneLine(errorPath)}[/]");
        return summary.Problems.Count == 0 && summary.Failure is null ? 0 : 1;
    }

    private Task<int> MatrixAsync(string database, string name, string path, bool dryRun, CancellationToken cancellationToken) =>
        AsMarinaAsync(database, path, (session, format, errorPath) => MatrixAsync(session, name, path, format, errorPath, dryRun, cancellationToken), cancellationToken);

    private async Task<int> MatrixAsync(CrmSession session, string name, string path, ImportFormat format, string errorPath, bool dryRun, CancellationToken cancellationToken)
    {
        CrmResult<MatrixImport> result;
        await using (var errors = File.Create(errorPath))
        await using (var input = File.OpenRead(path))
            result = await session.Imports.MatrixAsync(name, new MatrixImportFile(input, format, dryRun, errors), cancellationToken);
        if (!result.TryPickT0(out var summary, out _) || summary.Problems.Count == 0)
            File.Delete(errorPath);
        if (summary is null)
            return fail($"the import was refused ({result.Outcome}): {string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}"))}"
                + (result.IsT3 ? " (run 'crm demo' first: the import runs as its Marina Diretora)" : ""));
        var table = new Table().Title(dryRun ? "Resumo (simulação: nada foi gravado)" : summary.Problems.Count > 0 ? "Resumo (nada foi gravado)" : "Resumo")
            .AddColumns("Lidas", "Novas", "Alteradas", "Inalteradas", "Removidas", "Versão");
        table.AddRow($"{summary.Read:N0}", $"{summary.Added:N0}", $"{summary.Replaced:N0}", $"{summary.Unchanged:N0}", $"{summary.Removed:N0}",
            summary.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—");
        console.Write(table);
        foreach (var problem in summary.Problems)
            console.MarkupLineInterpolated($"[red]Linha {problem.Row}[/], {Printable.OneLine(problem.Column ?? "-")}: {problem.Code}: {Printable.OneLine(problem.Message)}");
        if (summary.Failure is { } failure)
            console.MarkupLineInterpolated($"[red]O arquivo parou de ser lido:[/] {Printable.OneLine(failure.Message)}");
        if (summary.Problems.Count > 0)
            console.MarkupLineInterpolated($"Planilha de erros: [bold]{Printable.OneLine(errorPath)}[/]");
        return summary.Problems.Count == 0 && summary.Failure is null ? 0 : 1;
    }

    private static string ErrorPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".erros" + Path.GetExtension(path));
}
