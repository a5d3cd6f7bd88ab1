using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

/// <summary><c>crm export</c> on the demo's database: files written through Marina Diretora's session, a summary, refusals.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private static readonly TenantId DemoTenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-export-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    private string File(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public async Task Customers_export_every_account_Marina_sees_in_the_customer_sheet_and_a_person_export_is_a_workbook()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        int accounts;
        await using (var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant))
            accounts = await db.Accounts.CountAsync();

        var customers = CliRun.Of("export", "customers", "--format", "csv", "--out", File("clientes.csv"), "--db", Db);
        var person = CliRun.Of("export", "person", "529.982.247-25", "--out", File("pessoa.xlsx"), "--db", Db);

        Assert.Equal(0, customers.Exit);
        Assert.Contains(customers.OutputLines, l => l.Contains("customers", StringComparison.Ordinal) && l.Contains($" {accounts} ", StringComparison.Ordinal));
        using (var sheet = ImportFile.Open(System.IO.File.OpenRead(File("clientes.csv")), ImportFormat.Csv).AsT0)
        {
            Assert.Equal(CustomerColumns.All.Select(c => c.Header), sheet.Headers);
            Assert.Equal(accounts, sheet.ReadRows().Count());
        }
        Assert.Equal(0, person.Exit);
        using (var dados = ImportFile.Open(System.IO.File.OpenRead(File("pessoa.xlsx")), ImportFormat.Xlsx, "Dados").AsT0)
            Assert.Equal(["Tipo", "Registro", "Campo", "Valor"], dados.Headers);
    }

    [Fact]
    public void A_refused_export_writes_no_file_and_says_why()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        System.IO.File.WriteAllText(File("kept.xlsx"), "an earlier file");

        var unknown = CliRun.Of("export", "matrix", "nope", "--out", File("kept.xlsx"), "--db", Db);
        var csvPerson = CliRun.Of("export", "person", "529.982.247-25", "--format", "csv", "--out", File("p.csv"), "--db", Db);

        Assert.Equal(2, unknown.Exit);
        Assert.Contains("matrix.unknown", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("an earlier file", System.IO.File.ReadAllText(File("kept.xlsx")));
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.tmp")); // the refused exports' files are gone
        Assert.Equal(2, csvPerson.Exit);
        Assert.Contains("xlsx", csvPerson.Error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("p.csv")));
    }
}

/// <summary><c>crm import prices|status|process</c> and <c>crm import leads</c> on the demo's database.</summary>
public sealed class PriceCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-prices-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public void A_price_file_is_queued_pending_then_processed_and_a_lead_file_imports_once()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var prices = Path.Combine(_folder.FullName, "precos.csv");
        using (var output = File.Create(prices))
            Crm.Imports.Writing.SheetWriter.Write(output, ImportFormat.Csv, Crm.Imports.Prices.PriceSheet.Columns, [["FILTRO-103", "DEMO-IMP-1", null, "DEMO", "5,99", null]]);
        var leads = Path.Combine(_folder.FullName, "leads.xlsx");
        using (var output = File.Create(leads))
            Crm.Imports.Writing.SheetWriter.Write(output, ImportFormat.Xlsx, Crm.Imports.Leads.LeadSheet.Columns,
                [[null, "F", "529.982.247-25", null, "Ana Lima", null, null, null, null, null, null, "Rua A", "10", "Centro", "Recife", "PE", "50000-000", "2611606", "(81) 99999-0000", "ana@exemplo.com.br"]]);

        var queued = CliRun.Of("import", "prices", prices, "--db", Db);
        var status = CliRun.Of("import", "status", "--db", Db);
        var processed = CliRun.Of("import", "process", "--db", Db);
        var first = CliRun.Of("import", "leads", leads, "--db", Db);
        var second = CliRun.Of("import", "leads", leads, "--db", Db);

        Assert.Equal(0, queued.Exit);
        Assert.Contains(queued.OutputLines, l => l.Contains("na fila: Pendente, 1 linhas, 0 recusadas", StringComparison.Ordinal));
        Assert.Contains(status.OutputLines, l => l.Contains("precos.csv", StringComparison.Ordinal) && l.Contains("Pendente", StringComparison.Ordinal));
        Assert.Contains("Processados 1 lote(s): 1 preço(s) aplicado(s), 0 linha(s) recusada(s), 0 lote(s) com falha.", processed.OutputLines);
        Assert.Contains(processed.OutputLines, l => l.Contains("precos.csv", StringComparison.Ordinal) && l.Contains("Processado", StringComparison.Ordinal));
        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Contains(first.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\W*1\W+1\W+0\W+1\W+0\W+0\W*$"));
        Assert.Contains(second.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\W*1\W+1\W+0\W+0\W+0\W+1\W*$"));
    }
}
