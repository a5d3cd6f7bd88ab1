using System.Text.RegularExpressions;
using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

/// <summary><c>crm template</c> and <c>crm import customers</c> on the demo's database, with real xlsx files.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly TenantId DemoTenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-import-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public async Task Customers_import_through_the_session_once_refusing_a_bad_row_and_a_dry_run_or_a_rerun_writes_nothing()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var template = WriteTemplate();
        var headers = Headers(template);
        Assert.Equal(CustomerColumns.All.Select(c => c.Header), headers);
        var file = Path.Combine(_folder.FullName, "clientes.xlsx");
        using (var output = File.Create(file))
            SheetWriter.Write(output, ImportFormat.Xlsx, CustomerColumns.All,
                [Row(headers, 1, "12.345.678/0001-95"), Row(headers, 2, "11.222.333/0001-82"), Row(headers, 3, "45.997.418/0001-53")]);
        var before = await AccountsAsync();

        var dryRun = CliRun.Of("import", "customers", file, "--db", Db, "--dry-run");
        var afterDryRun = await AccountsAsync();
        var first = CliRun.Of("import", "customers", file, "--db", Db);
        var afterFirst = await AccountsAsync();
        var errorSheet = Headers(Path.Combine(_folder.FullName, "clientes.erros.xlsx"), out var refused);
        var second = CliRun.Of("import", "customers", file, "--db", Db);

        Assert.Contains("simulação", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(before, afterDryRun);
        Assert.Equal((1, "3 2 1 2 0 0"), (first.Exit, Counts(first)));
        Assert.Contains(first.OutputLines, l => l.Contains($"Linha 3, {CustomerColumns.TaxId}: registry.check_digit", StringComparison.Ordinal));
        Assert.Equal(before + 2, afterFirst);
        Assert.Equal(ErrorSheet.ErrorColumn, errorSheet[^1]);
        Assert.Equal("C2", Assert.Single(refused)[headers.IndexOf(CustomerColumns.ExternalCode)]);
        Assert.Equal("3 2 1 0 0 2", Counts(second));
        Assert.Equal(afterFirst, await AccountsAsync());
    }

    [Fact]
    public async Task An_imported_customer_Protheus_accepts_stages_its_erp_message_for_crm_outbox_to_send()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var headers = Headers(WriteTemplate());
        var row = Row(headers, 7, "12.345.678/0001-95");
        foreach (var column in new[] { CustomerColumns.SalesTable, CustomerColumns.BillingLocation, CustomerColumns.Warehouse })
            row[headers.IndexOf(column)] = null; // no master data the ERP would have to know first
        var file = Path.Combine(_folder.FullName, "um-cliente.xlsx");
        using (var output = File.Create(file))
            SheetWriter.Write(output, ImportFormat.Xlsx, CustomerColumns.All, [row]);

        var run = CliRun.Of("import", "customers", file, "--db", Db);

        Assert.Equal((0, "1 1 0 1 0 0"), (run.Exit, Counts(run)));
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        var pending = Assert.Single(await db.Outbox.Where(m => m.Status == Crm.Persistence.Outbox.OutboxStatus.Pending).ToListAsync());
        Assert.Equal(("protheus", Crm.Domain.Integration.Messages.ErpOperation.Create), (pending.Erp, pending.Operation));
    }

    private string WriteTemplate()
    {
        var template = Path.Combine(_folder.FullName, "modelo.xlsx");
        Assert.Equal(0, CliRun.Of("template", "customers", "--out", template).Exit);
        return template;
    }

    [Fact]
    public void Import_without_the_demo_tenant_says_to_run_the_demo_first()
    {
        var file = Path.Combine(_folder.FullName, "clientes.xlsx");
        using (var output = File.Create(file))
            CustomerExport.WriteTemplate(output);

        var run = CliRun.Of("import", "customers", file, "--db", Db);

        Assert.Equal(2, run.Exit);
        Assert.Contains("run 'crm demo' first", run.Error, StringComparison.Ordinal);
    }

    // The summary table's numbers (read, valid, refused, created, updated, unchanged), space-separated.
    private static string Counts(CliRun run) =>
        string.Join(" ", Regex.Matches(Assert.Single(run.OutputLines, l => Regex.IsMatch(l, @"^\W*\d+(\W+\d+){5}\W*$")), @"\d+").Select(m => m.Value));

    private static string?[] Row(List<string> headers, int seed, string cnpj)
    {
        string?[] cells = [.. CustomerColumns.Example];
        cells[headers.IndexOf(CustomerColumns.ExternalCode)] = $"C{seed}";
        cells[headers.IndexOf(CustomerColumns.TaxId)] = cnpj;
        cells[headers.IndexOf(CustomerColumns.ShortName)] = $"IMPCLI{seed}";
        cells[headers.IndexOf(CustomerColumns.ClientType)] = "REV"; // the demo's client type
        return cells;
    }

    private static List<string> Headers(string path) => Headers(path, out _);

    private static List<string> Headers(string path, out List<SheetRow> rows)
    {
        using var sheet = ImportFile.Open(File.OpenRead(path), ImportFormat.Xlsx).AsT0;
        rows = [.. sheet.ReadRows()];
        return [.. sheet.Headers];
    }

    private async Task<int> AccountsAsync()
    {
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        return await db.Accounts.CountAsync();
    }
}
