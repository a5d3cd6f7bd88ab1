using System.Data.Common;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Persistence.Catalog;
using Crm.Persistence.Imports;
using Crm.Persistence.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;

namespace Crm.Persistence.Tests.Imports;

/// <summary>
/// The imports' tables read back what was written (a customer's sales tables, a queued price import with its rows, the
/// instant a stock count was imported), and the host's interceptors run in every context.
/// </summary>
public sealed class ImportTablesTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly Instant At = Instant.FromUtc(2026, 12, 8, 1, 2, 3) + Duration.FromTicks(4_560);

    [Theory, SqliteData, PostgresData]
    public async Task Sales_tables_price_imports_and_stock_import_instants_read_back_as_written(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = new AccountId(Guid.NewGuid());
        var batch = new PriceImportBatch
        {
            Tenant = Tenant, Id = Guid.NewGuid(), FileName = "preços dezembro.xlsx", RequestedBy = Records.Ana, RequestedAt = At,
            Status = PriceImportStatus.Processed, ProcessedAt = At + Duration.FromMinutes(3), Rows = 3, Applied = 2, Refused = 1, Failure = null,
        };
        PriceImportRow[] rows =
        [
            new() { Tenant = Tenant, Batch = batch.Id, Row = 2, Product = "P1", CustomerCode = "000123", Origin = "PROTHEUS", Price = 10.50m,
                ValidFrom = new LocalDate(2026, 12, 10), Status = PriceImportRowStatus.Applied },
            new() { Tenant = Tenant, Batch = batch.Id, Row = 3, Product = "P2", CustomerTaxId = "11222333000181", Origin = "DATASUL", Price = 0.0001m,
                Status = PriceImportRowStatus.Refused, Problems = """[{"column":"Preço","code":"import.price.too_low","message":"Preço abaixo do mínimo."}]""" },
        ];
        await using (var write = db.Open(Tenant))
        {
            write.AccountSalesTables.AddRange(
                new AccountSalesTable { Tenant = Tenant, Account = account, BillingLocation = "01", Warehouse = "A1", PriceTable = "T1" },
                new AccountSalesTable { Tenant = Tenant, Account = account, BillingLocation = "01", Warehouse = "B2", PriceTable = "T2" });
            write.PriceImportBatches.Add(batch);
            write.PriceImportRows.AddRange(rows);
            await write.StageAsync(new CatalogData { Stock = [new StockEntry("P1", "A1", 7.5m), new StockEntry("P1", "A1", 1m, "CX")] }, At, default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        Assert.Equal([("A1", "T1"), ("B2", "T2")], (await read.AccountSalesTables.Where(s => s.Account == account).OrderBy(s => s.Warehouse).ToListAsync())
            .Select(s => (s.Warehouse, s.PriceTable)));
        Assert.Equivalent(batch, await read.PriceImportBatches.SingleAsync(), strict: true);
        Assert.Equivalent(rows, await read.PriceImportRows.OrderBy(r => r.Row).ToListAsync(), strict: true);
        Assert.Equal([At, At], await read.Stock.Select(s => s.ImportedAt).ToListAsync());
        Assert.Single(await read.PriceImportBatches.Where(b => b.Status == PriceImportStatus.Processed).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_hosts_interceptors_see_the_commands_of_every_context(string provider)
    {
        var counter = new Commands();
        await using var scratch = await TestDatabase.Create(provider);
        var database = new CrmDatabase(new CrmPersistenceOptions().UseProvider(scratch.Database.Provider).AddInterceptors(counter));
        await using var db = database.Open(Tenant);
        Assert.Equal(0, await db.PriceImportBatches.CountAsync());
        Assert.Equal(1, counter.Count);
    }

    private sealed class Commands : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
