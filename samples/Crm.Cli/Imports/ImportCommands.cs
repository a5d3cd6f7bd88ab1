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
using Crm.Persistence.Imports;
using Crm.Sdk.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Imports;

/// <summary>
/// <c>crm template</c> (an import's xlsx template), <c>crm import customers|leads|contacts</c> (a file into the demo tenant,
/// through Marina Diretora's session, as a host would call <c>session.Imports.CustomersAsync</c> and the others),
/// <c>crm import matrix</c> (a matrix sheet as the whole stored matrix) and <c>crm import prices|status|process</c> (the price
/// import's queue).
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
        var dryRun = new Option<bool>("--dry-run") { Description = "Judge every row against the rules and the database without writing." };
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}; run 'crm demo' first).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var import = new Command("import", "Imports a spreadsheet through a user's session.");
        foreach (var (sheetName, label, description, run) in new (string, string, string, SheetImport)[]
        {
            ("customers", "clientes", "Imports customers into the demo tenant as Marina Diretora: a new external code + origin registers an account, a known one updates it; the refused rows go to <file>.erros.<ext>.",
                (session, file, format, options, errors, ct) => session.Imports.CustomersAsync(file, format, options, errors, ct)),
            ("leads", "leads", "Imports leads as Marina Diretora: a row with a lead's CRM id (or a known CPF/CNPJ) updates it, another registers a lead; the refused rows go to <file>.erros.<ext>.",
                (session, file, format, options, errors, ct) => session.Imports.LeadsAsync(file, format, options, errors, ct)),
            ("contacts", "contatos", "Imports contacts of leads and accounts as Marina Diretora: a row with a contact's CRM id (or the owner's contact of that CPF or name) updates it, another adds one; the refused rows go to <file>.erros.<ext>.",
                (session, file, format, options, errors, ct) => session.Imports.ContactsAsync(file, format, options, errors, ct)),
        })
        {
            var file = new Argument<string>("file") { Description = $"The .xlsx or .csv of {sheetName} (the columns of 'crm template {sheetName}')." };
            var command = new Command(sheetName, description) { file, dryRun, db };
            command.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
                path => SheetAsync(path, result.GetValue(file)!, result.GetValue(dryRun), label, run, cancellationToken)));
            import.Subcommands.Add(command);
        }
        var name = new Argument<string>("name") { Description = $"The matrix: {MatrixNames}." };
        var sheet = new Argument<string>("file") { Description = "The .xlsx or .csv of the matrix (the columns of 'crm template matrix <name>')." };
        var matrix = new Command("matrix",
            "Imports a matrix sheet into the demo tenant as Marina Diretora: the sheet becomes the whole matrix (rules not in it are removed), all or nothing; the refused rows go to <file>.erros.<ext>.")
            { name, sheet, dryRun, db };
        matrix.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => MatrixAsync(path, result.GetValue(name)!, result.GetValue(sheet)!, result.GetValue(dryRun), cancellationToken)));
        import.Subcommands.Add(matrix);
        var prices = new Argument<string>("file") { Description = "The .xlsx or .csv of price changes (the columns of 'crm template prices')." };
        var queue = new Command("prices", "Queues price changes as Marina Diretora: the file is checked and stored as a pending batch ('crm import process' applies it).")
            { prices, db };
        queue.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => PricesAsync(path, result.GetValue(prices)!, cancellationToken)));
        import.Subcommands.Add(queue);
        var status = new Command("status", "Lists the price import batches with their status and counts.") { db };
        status.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => CliEngine.AsMarinaAsync(path, session => StatusAsync(session, cancellationToken), cancellationToken)));
        import.Subcommands.Add(status);
        var process = new Command("process", "Processes the pending price batches now (as the scheduled job does) and lists them.") { db };
        process.SetAction((result, cancellationToken) => onDemoDatabase(result.GetValue(db)!,
            path => CliEngine.AsMarinaAsync(path, session => ProcessAsync(session, cancellationToken), cancellationToken)));
        import.Subcommands.Add(process);
        return import;
    }

    private delegate Task<CrmResult<CustomerImportSummary>> SheetImport(CrmSession session, Stream file, ImportFormat format, CustomerImportOptions options,
        Stream errors, CancellationToken cancellationToken);

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

    private Task<int> SheetAsync(string database, string path, bool dryRun, string label, SheetImport import, CancellationToken cancellationToken) =>
        AsMarinaAsync(database, path, (session, format, errorPath) => SheetAsync(session, path, format, errorPath, dryRun, label, import, cancellationToken), cancellationToken);

    private async Task<int> SheetAsync(CrmSession session, string path, ImportFormat format, string errorPath, bool dryRun, string label, SheetImport import,
        CancellationToken cancellationToken)
    {
        CrmResult<CustomerImportSummary>? result = null;
        await using (var errors = File.Create(errorPath))
        await using (var input = File.OpenRead(path))
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Importando {label}").IsIndeterminate();
                var progress = new Progress<CustomerImportProgress>(p => task.Description = $"{label}: {p.Read:N0} lidas, {p.Invalid:N0} recusadas");
                result = await import(session, input, format, new CustomerImportOptions { DryRun = dryRun, Progress = progress }, errors, cancellationToken);
                task.StopTask();
            });
        if (!result!.TryPickT0(out var summary, out _) || summary.Invalid == 0)
            File.Delete(errorPath);
        if (summary is null)
            return Refused(result);
        var table = new Table().Title(dryRun ? "Resumo (simulação: nada foi gravado)" : "Resumo")
            .AddColumns("Lidas", "Válidas", "Recusadas", "Criadas", "Atualizadas", "Inalteradas");
        table.AddRow($"{summary.Read:N0}", $"{summary.Valid:N0}", $"{summary.Invalid:N0}", $"{summary.Created:N0}", $"{summary.Updated:N0}", $"{summary.Unchanged:N0}");
        console.Write(table);
        WriteProblems(summary.Problems);
        if (summary.Failure is { } failure)
            console.MarkupLineInterpolated($"[red]O arquivo parou de ser lido:[/] {Printable.OneLine(failure.Message)}");
        if (summary.Invalid > 0)
            console.MarkupLineInterpolated($"Planilha de erros: [bold]{Printable.OneLine(errorPath)}[/]");
        return summary.Problems.Count == 0 && summary.Failure is null ? 0 : 1;
    }

    private int Refused<T>(CrmResult<T> result) =>
        fail($"the import was refused ({result.Outcome}): {string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}"))}"
            + (result.IsT3 ? " (run 'crm demo' first: the import runs as its Marina Diretora)" : ""));

    private void WriteProblems(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
            console.MarkupLineInterpolated($"[red]Linha {problem.Row}[/], {Printable.OneLine(problem.Column ?? "-")}: {problem.Code}: {Printable.OneLine(problem.Message)}");
    }

    private Task<int> PricesAsync(string database, string path, CancellationToken cancellationToken) =>
        AsMarinaAsync(database, path, async (session, format, noErrorSheet) => // a batch keeps its refused rows itself
        {
            CrmResult<PriceBatch> result;
            await using (var input = File.OpenRead(path))
                result = await session.Imports.PricesAsync(input, format, Path.GetFileName(path), cancellationToken);
            if (!result.TryPickT0(out var batch, out _))
                return Refused(result);
            console.MarkupLineInterpolated($"Lote [bold]{batch.Id}[/] na fila: {Status(batch.Status)}, {batch.Rows:N0} linhas, {batch.Refused:N0} recusadas.");
            WriteProblems(batch.Problems);
            console.MarkupLine("Processe com [bold]crm import process[/].");
            return batch.Refused == 0 ? 0 : 1;
        }, cancellationToken);

    private async Task<int> StatusAsync(CrmSession session, CancellationToken cancellationToken)
    {
        var result = await session.Imports.PriceBatchesAsync(cancellationToken: cancellationToken);
        if (!result.TryPickT0(out var batches, out _))
            return Refused(result);
        var table = new Table().Title("Importações de preços").AddColumns("Lote", "Arquivo", "Solicitada em", "Status", "Linhas", "Aplicadas", "Recusadas");
        foreach (var batch in batches)
            table.AddRow(batch.Id.ToString(), Markup.Escape(Printable.OneLine(batch.FileName)), batch.RequestedAt.ToString(), Status(batch.Status),
                $"{batch.Rows:N0}", $"{batch.Applied:N0}", $"{batch.Refused:N0}");
        console.Write(table);
        return 0;
    }

    private async Task<int> ProcessAsync(CrmSession session, CancellationToken cancellationToken)
    {
        var result = await session.Imports.ProcessPricesAsync(cancellationToken);
        if (!result.TryPickT0(out var processed, out _))
            return Refused(result);
        console.MarkupLineInterpolated($"Processados {processed.Batches:N0} lote(s): {processed.Applied:N0} preço(s) aplicado(s), {processed.Refused:N0} linha(s) recusada(s), {processed.Failed:N0} lote(s) com falha.");
        return await StatusAsync(session, cancellationToken);
    }

    private static string Status(PriceImportStatus status) => status switch
    {
        PriceImportStatus.Pending => "Pendente",
        PriceImportStatus.Processing => "Processando",
        PriceImportStatus.Processed => "Processado",
        _ => "Falhou",
    };

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
            return Refused(result);
        var table = new Table().Title(dryRun ? "Resumo (simulação: nada foi gravado)" : summary.Problems.Count > 0 ? "Resumo (nada foi gravado)" : "Resumo")
            .AddColumns("Lidas", "Novas", "Alteradas", "Inalteradas", "Removidas", "Versão");
        table.AddRow($"{summary.Read:N0}", $"{summary.Added:N0}", $"{summary.Replaced:N0}", $"{summary.Unchanged:N0}", $"{summary.Removed:N0}",
            summary.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—");
        console.Write(table);
        WriteProblems(summary.Problems);
        if (summary.Failure is { } failure)
            console.MarkupLineInterpolated($"[red]O arquivo parou de ser lido:[/] {Printable.OneLine(failure.Message)}");
        if (summary.Problems.Count > 0)
            console.MarkupLineInterpolated($"Planilha de erros: [bold]{Printable.OneLine(errorPath)}[/]");
        return summary.Problems.Count == 0 && summary.Failure is null ? 0 : 1;
    }

    private static string ErrorPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".erros" + Path.GetExtension(path));
}
