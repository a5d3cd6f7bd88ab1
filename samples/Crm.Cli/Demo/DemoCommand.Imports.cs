using Crm.Imports.Customers;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk;
using Spectre.Console;

namespace Crm.Cli.Demo;

internal sealed partial class DemoCommand
{
    /// <summary>A customer the demo imports with its sales table (price table 001, billing location 01, warehouse 01).</summary>
    private const string ImportedCode = "DEMO-IMP-1";

    /// <summary>
    /// Spreadsheets, before the ERP step (which sends the imported customer): Marina exports the customers she sees (beside the
    /// database) and imports one customer bound to the price table 001 by its sales table. A rerun imports nothing new.
    /// </summary>
    private async Task ExportImportAsync(CrmEngine engine, string path, CancellationToken cancellationToken)
    {
        var marina = Session(engine, "marina");
        var export = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "clientes-exportados.xlsx");
        await using (var file = File.Create(export))
            Step("Exportação", "Marina exporta os clientes que vê, nas colunas da importação", await marina.Exports.CustomersAsync(file, ImportFormat.Xlsx, cancellationToken),
                done => $"[green]{done.Rows} clientes[/] em {Markup.Escape(Printable.OneLine(export))}");

        var customers = new MemoryStream();
        SheetWriter.Write(customers, ImportFormat.Xlsx, CustomerColumns.All, [ImportedCustomer()]);
        customers.Position = 0;
        Step("Importação", "Marina importa um cliente com tabela de venda 001 (local de faturamento 01, armazém 01)",
            await marina.Imports.CustomersAsync(customers, ImportFormat.Xlsx, cancellationToken: cancellationToken),
            done => $"[green]{done.Created} criado(s), {done.Updated} atualizado(s), {done.Unchanged} inalterado(s)[/], {done.Invalid} recusado(s)");
    }

    /// <summary>
    /// After the catalog is saved: Marina queues a price change of coffee for the imported customer and processes it — its sales
    /// table's list price changes from today. A rerun applies the same price again.
    /// </summary>
    private async Task ImportPricesAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var marina = Session(engine, "marina");
        var prices = new MemoryStream();
        SheetWriter.Write(prices, ImportFormat.Xlsx, PriceSheet.Columns, [["CAFE-500", ImportedCode, null, "DEMO", "19,90", null]]);
        prices.Position = 0;
        Step("Preços", "Marina importa um novo preço do café para esse cliente: o lote fica pendente",
            await marina.Imports.PricesAsync(prices, ImportFormat.Xlsx, "precos-demo.xlsx", cancellationToken),
            batch => $"[green]lote {batch.Id.ToString("N")[..8]} pendente[/], {batch.Rows} linha(s)");
        Step("Preços", "Marina processa os lotes pendentes", await marina.Imports.ProcessPricesAsync(cancellationToken),
            done => $"[green]{done.Applied} preço(s) aplicado(s)[/] em {done.Batches} lote(s), {done.Refused} recusado(s)");
        Step("Preços", $"A tabela {DemoSales.Table} mostra o preço do café", await marina.Catalog.GetAsync("CAFE-500", cancellationToken),
            catalog => string.Join(", ", catalog.Prices.Where(p => p.Table == DemoSales.Table).OrderBy(p => p.Validity.From)
                .Select(p => $"{PortugueseText.Amount(p.Amount)} desde {p.Validity.From?.ToString("dd/MM/yyyy", null) ?? "sempre"}")));
    }

    private static string?[] ImportedCustomer()
    {
        var headers = CustomerColumns.All.Select(c => c.Header).ToList();
        string?[] cells = [.. CustomerColumns.Example];
        foreach (var (column, value) in new (string, string?)[]
        {
            (CustomerColumns.TaxId, "33.000.167/0001-01"), (CustomerColumns.ExternalCode, ImportedCode), (CustomerColumns.Origin, "DEMO"),
            (CustomerColumns.ClientType, DemoData.Revenda.Value), (CustomerColumns.LegalName, "Mercearia Importada Ltda"), (CustomerColumns.ShortName, "IMPORTADA"),
            (CustomerColumns.ClientGroup, null), (CustomerColumns.FiscalCategory, null),
            (CustomerColumns.SalesTable, DemoSales.Table), (CustomerColumns.BillingLocation, "01"), (CustomerColumns.Warehouse, DemoSales.Warehouse),
        })
            cells[headers.IndexOf(column)] = value;
        return cells;
    }
}
