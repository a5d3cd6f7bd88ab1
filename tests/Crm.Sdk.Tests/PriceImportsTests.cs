using Crm.Imports.Customers;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Persistence.Imports;
using Crm.Sdk.Imports;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// Price imports queued and processed (seed 003), through the customers' sales tables, which the customer import stores and
/// orders default to.
/// </summary>
public sealed class PriceImportsTests
{
    private static readonly List<string> Headers = [.. CustomerColumns.All.Select(c => c.Header)];

    /// <summary>The example customer as C{seed} of origin DATASUL, client type REV, buying from T1 for billing location 01 and warehouse A1.</summary>
    private static string?[] Customer(int seed, string? table = SalesFixture.Table)
    {
        string?[] cells = [.. CustomerColumns.Example];
        foreach (var (column, value) in new (string, string?)[]
        {
            (CustomerColumns.ExternalCode, $"C{seed}"), (CustomerColumns.TaxId, Forms.CnpjOf(seed)), (CustomerColumns.ShortName, $"PRC{seed}"),
            (CustomerColumns.ClientType, "REV"), (CustomerColumns.ClientGroup, null), (CustomerColumns.FiscalCategory, null),
            (CustomerColumns.SalesTable, table), (CustomerColumns.BillingLocation, table is null ? null : "01"),
            (CustomerColumns.Warehouse, table is null ? null : SalesFixture.Warehouse),
        })
            cells[Headers.IndexOf(column)] = value;
        return cells;
    }

    private static MemoryStream Sheet(IReadOnlyList<SheetColumn> columns, params IReadOnlyList<string?>[] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Xlsx, columns, rows);
        output.Position = 0;
        return output;
    }

    private static async Task ImportCustomers(CrmSession session, params string?[][] rows) =>
        Assert.Equal(0, Ok(await session.Imports.CustomersAsync(Sheet(CustomerColumns.All, rows), ImportFormat.Xlsx)).Invalid);

    private static async Task<decimal> ListPriceOfNewOrder(CrmSession session, Crm.Domain.Identity.AccountId customer)
    {
        var created = Ok(await session.Orders.CreateAsync(SalesFixture.Header(customer, session.User) with { PriceTable = "", BillingLocation = "01" }));
        var added = Ok(await session.Orders.AddItemsAsync(created.Id, created.Version, [SalesFixture.Item("NB-14", 1m)]));
        Assert.NotNull(added.Totals);
        return Ok(await session.Orders.GetAsync(created.Id)).Order.Items[0].Values!.ListPrice;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_queued_price_change_applies_from_its_date_to_the_customers_sales_table_and_later_orders_use_it(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var diretor = sales.Host.As(sales.Host.Diretor);
        await ImportCustomers(diretor, Customer(1));
        Crm.Domain.Identity.AccountId customer;
        await using (var db = sales.Host.Open())
        {
            customer = (await db.AccountImportKeys.SingleAsync()).Account;
            var bound = await db.AccountSalesTables.SingleAsync();
            Assert.Equal(("01", SalesFixture.Warehouse, SalesFixture.Table), (bound.BillingLocation, bound.Warehouse, bound.PriceTable));
        }
        var before = await ListPriceOfNewOrder(diretor, customer); // a blank price table: the customer's sales table, T1
        var typed = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(5) with { ClientType = "REV", PriceTable = "T2" }));
        Assert.Equal(3_300.00m, await ListPriceOfNewOrder(diretor, typed.Id)); // no sales table: the account's own price table

        var queued = Ok(await diretor.Imports.PricesAsync(Sheet(PriceSheet.Columns, ["NB-14", "C1", null, "datasul", "3.100,00", "22/11/2026"]),
            ImportFormat.Xlsx, "precos.xlsx"));
        var pending = Ok(await diretor.Imports.PriceBatchesAsync());
        var stillOld = await ListPriceOfNewOrder(diretor, customer);
        var processed = Ok(await diretor.Imports.ProcessPricesAsync());
        var batch = Ok(await diretor.Imports.PriceBatchAsync(queued.Id));
        var after = await ListPriceOfNewOrder(diretor, customer);

        Assert.Equal((3_500.00m, 3_500.00m, 3_100.00m), (before, stillOld, after));
        Assert.Equal((PriceImportStatus.Pending, 1, 0), (Assert.Single(pending).Status, queued.Rows, queued.Refused));
        Assert.Equal(new PricesProcessed(1, 1, 0, 0), processed);
        Assert.Equal((PriceImportStatus.Processed, 1, 0, "precos.xlsx", sales.Host.Diretor), (batch.Status, batch.Applied, batch.Refused, batch.FileName, batch.RequestedBy));
        var prices = Ok(await diretor.Catalog.GetAsync("NB-14")).Prices.Where(p => p.Table == SalesFixture.Table).OrderBy(p => p.Validity.From).ToList();
        Assert.Equal([(3_500.00m, (LocalDate?)null, (LocalDate?)SalesFixture.Today.PlusDays(-1)), (3_100.00m, SalesFixture.Today, null)],
            prices.Select(p => (p.Amount, p.Validity.From, p.Validity.To)));
        Assert.Contains(Ok(await diretor.Catalog.GetAsync("NB-14")).Prices, p => p is { Table: "T2", Amount: 3_300.00m }); // another table, untouched
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_refused_price_row_is_kept_with_its_problem_whether_refused_when_queued_or_when_processed(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var diretor = sales.Host.As(sales.Host.Diretor);
        await ImportCustomers(diretor, Customer(1), Customer(2, table: null));
        var file = Sheet(PriceSheet.Columns,
            ["NB-14", null, Forms.CnpjOf(1), "DATASUL", "3000", null],      // row 2: by CNPJ, applied
            [null, "C1", null, "DATASUL", "10", null],                       // row 3: no product (queued refused)
            ["NB-14", null, "11.222.333/0001-82", "DATASUL", "10", null],    // row 4: a CNPJ with a wrong check digit (queued refused)
            ["NB-14", "C9", null, "DATASUL", "10", null],                    // row 5: no such customer (queued refused)
            ["NOPE", "C1", null, "DATASUL", "10", null],                     // row 6: no such product
            ["NB-14", "C2", null, "DATASUL", "10", null]);                   // row 7: a customer without sales table

        var queued = Ok(await diretor.Imports.PricesAsync(file, ImportFormat.Xlsx, "precos.xlsx"));
        var processed = Ok(await sales.Host.Engine.Jobs.ProcessPendingPricesAsync(sales.Host.Tenant));
        var batch = Ok(await diretor.Imports.PriceBatchAsync(queued.Id));

        Assert.Equal((6, 3), (queued.Rows, queued.Refused));
        Assert.Equal(new PricesProcessed(1, 1, 2, 0), processed);
        Assert.Equal((1, 5), (batch.Applied, batch.Refused));
        Assert.Equal(
            [(3, PriceSheet.Product, "import.cell.required"), (4, PriceSheet.TaxId, PriceImportCodes.TaxIdInvalid), (5, PriceSheet.Customer, PriceImportCodes.CustomerUnknown),
                (6, PriceSheet.Product, PriceImportCodes.ProductUnknown), (7, PriceSheet.Customer, PriceImportCodes.NoSalesTable)],
            batch.Problems.Select(p => (p.Row, p.Column, p.Code)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_batch_a_crash_left_processing_is_processed_by_the_scheduled_job_and_a_user_without_imports_queues_nothing(string provider)
    {
        await using var sales = await SalesHost.Create(provider, configure: s => s.Configure<CrmOptions>(o => o.Jobs.PriceImportInterval = TimeSpan.FromMinutes(5)));
        var diretor = sales.Host.As(sales.Host.Diretor);
        await ImportCustomers(diretor, Customer(1));
        var queued = Ok(await diretor.Imports.PricesAsync(Sheet(PriceSheet.Columns, ["NB-14", "C1", null, "DATASUL", "3000", null]), ImportFormat.Xlsx, "p.xlsx"));
        await using (var db = sales.Host.Open())
            await db.PriceImportBatches.ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PriceImportStatus.Processing));

        var denied = await sales.Host.As(sales.Host.Usuario).Imports.PricesAsync(Sheet(PriceSheet.Columns, ["NB-14", "C1", null, "DATASUL", "1", null]), ImportFormat.Xlsx, "x.xlsx");
        var ran = await sales.Host.Engine.Jobs.RunDueAsync();

        Assert.IsType<Denied>(denied.Value);
        Assert.Contains(ran, r => r is { Job: "jobs.process_price_imports", Outcome: "success" });
        var batch = Assert.Single(Ok(await diretor.Imports.PriceBatchesAsync()));
        Assert.Equal((queued.Id, PriceImportStatus.Processed, 1), (batch.Id, batch.Status, batch.Applied));
        // Only a failed batch goes back in the queue.
        Assert.Equal(ImportsModule.NotFailedCode, Assert.Single((await diretor.Imports.RequeuePriceBatchAsync(queued.Id)).Problems).Code);
        await using (var db = sales.Host.Open())
            await db.PriceImportBatches.ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PriceImportStatus.Failed).SetProperty(b => b.Failure, "exception: X"));
        var again = Ok(await diretor.Imports.RequeuePriceBatchAsync(queued.Id));
        Assert.Equal((PriceImportStatus.Pending, (string?)null), (again.Status, again.Failure));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_processors_at_once_apply_a_batch_once_and_rows_giving_one_table_two_prices_are_both_refused(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var diretor = sales.Host.As(sales.Host.Diretor);
        await ImportCustomers(diretor, Customer(1), Customer(3));
        // C1 and C3 both buy from T1: one table, one product, one date, two prices.
        Ok(await diretor.Imports.PricesAsync(Sheet(PriceSheet.Columns, ["NB-14", "C1", null, "DATASUL", "3000", "22/11/2026"],
            ["NB-14", "C3", null, "DATASUL", "3100", "22/11/2026"], ["MOUSE", "C1", null, "DATASUL", "50", "22/11/2026"]), ImportFormat.Xlsx, "p.xlsx"));

        var both = await Task.WhenAll(Task.Run(() => sales.Host.Engine.Jobs.ProcessPendingPricesAsync(sales.Host.Tenant)),
            Task.Run(() => sales.Host.As(sales.Host.Diretor).Imports.ProcessPricesAsync()));

        var results = both.Select(Ok).ToList();
        Assert.Equal((1, 1, 2), (results.Sum(r => r.Batches), results.Sum(r => r.Applied), results.Sum(r => r.Refused)));
        var batch = Assert.Single(Ok(await diretor.Imports.PriceBatchesAsync()));
        var problems = Ok(await diretor.Imports.PriceBatchAsync(batch.Id)).Problems;
        Assert.Equal([(2, PriceImportCodes.ConflictingRows), (3, PriceImportCodes.ConflictingRows)], problems.Select(p => (p.Row, p.Code)));
        await using var db = sales.Host.Open();
        Assert.Equal(2, await db.ListPrices.CountAsync(p => p.Table == SalesFixture.Table && p.Product == "MOUSE")); // the old and the new, once
    }
}
