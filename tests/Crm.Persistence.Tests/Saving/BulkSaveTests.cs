using System.Data.Common;
using Crm.Domain.Identity;
using Crm.Persistence.Bulk;
using Crm.Persistence.Imports;
using Crm.Persistence.Model;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace Crm.Persistence.Tests.Saving;

/// <summary>
/// A save writes the added rows of a flat-mapped type in bulk once there are <see cref="BulkRows.Threshold"/> of them
/// (multi-row INSERTs on SQLite, binary COPY on PostgreSQL): the rows read back as EF writes them, a duplicate gives the
/// value EF's save gives and writes nothing, and the tenant check still runs first.
/// </summary>
public sealed class BulkSaveTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private const int Rows = 3 * BulkRows.Threshold;

    [Theory, SqliteData, PostgresData]
    public async Task Every_bulk_capable_type_reads_back_column_for_column_as_EF_writes_it(string provider)
    {
        await using var viaEf = await TestDatabase.Create(provider);
        await using var inBulk = await TestDatabase.Create(provider);
        IEntityType[] types;
        await using (var probe = viaEf.Open(Tenant))
            types = [.. probe.Model.GetEntityTypes().Where(t => BulkTable.Of(t) is not null && Generated.CanCreate(t))];
        Assert.Contains(types, t => t.ClrType == typeof(Crm.Domain.Accounts.Account));
        Assert.Contains(types, t => t.ClrType == typeof(Crm.Persistence.Orders.SalesOrderItemRow));
        Assert.True(types.Length >= 25, string.Join(", ", types.Select(t => t.ClrType.Name)));

        // EF alone: saves of a few rows (an account adds its duplicate keys: three stay below the threshold). Bulk: every
        // row of a type in one save. EF's logs show which path wrote a table: its INSERTs, or none.
        var (efLogs, bulkLogs) = (new CapturedLogs(), new CapturedLogs());
        foreach (var chunk in Generated.Rows(types, Tenant, Rows, seed: 7).Chunk(3))
            await SaveAsync(new CrmDatabase(viaEf.Database.Options, efLogs), chunk);
        await SaveAsync(new CrmDatabase(inBulk.Database.Options, bulkLogs), Generated.Rows(types, Tenant, Rows, seed: 7));
        foreach (var table in types.Select(t => t.GetTableName()!))
        {
            Assert.Contains(efLogs.Entries, e => e.Message.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal));
            Assert.DoesNotContain(bulkLogs.Entries, e => e.Message.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal));
        }

        await using var ef = viaEf.Open(Tenant);
        await using var bulk = inBulk.Open(Tenant);
        foreach (var table in types.Select(t => t.GetTableName()!).Distinct())
        {
            var expected = await TableAsync(ef, table);
            Assert.True(expected.Count >= Rows, $"{table}: {expected.Count} rows");
            Assert.Equal(expected, await TableAsync(bulk, table));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_duplicate_in_a_bulk_chunk_gives_the_Invalid_of_EFs_save_and_writes_nothing_even_inside_a_transaction(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using (var first = db.Open(Tenant))
        {
            first.AccountImportKeys.AddRange(Keys(0, Rows));
            Assert.True((await first.SaveAsync()).IsSaved);
        }
        // One stored key again, among new ones: in bulk (above the threshold) and through EF (below it).
        var bulk = await SaveAsync(db, [.. Keys(Rows, Rows), Keys(5, 1)[0]]);
        var ef = await SaveAsync(db, [.. Keys(2 * Rows, BulkRows.Threshold - 2), Keys(5, 1)[0]]);
        // The bulk write gives way to EF's save, which names the rows as it always has: the duplicate on SQLite (a
        // statement per row), every row of the failed batch on PostgreSQL.
        Assert.All(bulk.AsT2.Problems.Concat(ef.AsT2.Problems), p => Assert.Equal(CrmDbContext.DuplicateCode, p.Code));
        var duplicate = Assert.Single(ef.AsT2.Problems, p => p.Message.Contains("C000005", StringComparison.Ordinal));
        Assert.Contains(duplicate, bulk.AsT2.Problems);
        if (provider == TestProviders.Sqlite)
            Assert.Single(bulk.AsT2.Problems);

        // Inside a caller's transaction (an import batch): the failed save leaves nothing of either table, the next save
        // and the commit hold.
        await using (var batch = db.Open(Tenant))
        {
            await using var transaction = await batch.Database.BeginTransactionAsync();
            batch.PriceImportRows.AddRange(Prices(Rows));
            batch.AccountImportKeys.AddRange([.. Keys(3 * Rows, Rows), Keys(5, 1)[0]]);
            Assert.True((await batch.SaveAsync()).IsT2);
            batch.ChangeTracker.Clear();
            batch.AccountImportKeys.AddRange(Keys(4 * Rows, Rows));
            Assert.True((await batch.SaveAsync()).IsSaved);
            await transaction.CommitAsync();
        }
        await using var read = db.Open(Tenant);
        Assert.Equal([.. Keys(0, Rows).Concat(Keys(4 * Rows, Rows)).Select(k => k.ExternalCode)],
            await read.AccountImportKeys.OrderBy(k => k.ExternalCode).Select(k => k.ExternalCode).ToListAsync());
        Assert.Equal(0, await read.PriceImportRows.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Another_database_error_is_EFs_own_and_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var missing = new PriceImportRow { Tenant = Tenant, Batch = Guid.Empty, Row = Rows, Product = null!, Origin = "PROTHEUS", Price = 1m };
        await using (var write = db.Open(Tenant))
        {
            write.AccountImportKeys.AddRange(Keys(0, Rows));
            write.PriceImportRows.AddRange([.. Prices(Rows), missing]);
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => write.SaveAsync());
            Assert.Contains(error.Entries, e => e.Entity == missing);
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(0, await read.AccountImportKeys.CountAsync());
        Assert.Equal(0, await read.PriceImportRows.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_cancelled_save_keeps_its_rows_to_add_and_a_save_without_accepting_leaves_them_added(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using (var write = db.Open(Tenant))
        {
            write.AccountImportKeys.AddRange(Keys(0, Rows));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.SaveAsync(new CancellationToken(canceled: true)));
            Assert.All(write.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Added, e.State));
            Assert.Equal(Rows, await write.SaveChangesAsync(acceptAllChangesOnSuccess: false));
            Assert.All(write.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Added, e.State));
            write.ChangeTracker.AcceptAllChanges();
            Assert.All(write.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(Rows, await read.AccountImportKeys.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_hosts_save_interceptor_sees_every_added_row(string provider)
    {
        await using var scratch = await TestDatabase.Create(provider);
        var seen = new AddedRows();
        var database = new CrmDatabase(new CrmPersistenceOptions().UseProvider(scratch.Database.Provider).AddInterceptors(seen));
        await using (var write = database.Open(Tenant))
        {
            write.AccountImportKeys.AddRange(Keys(0, Rows));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        Assert.Equal(Rows, seen.Count);
        await using var read = database.Open(Tenant);
        Assert.Equal(Rows, await read.AccountImportKeys.CountAsync());
    }

    private sealed class AddedRows : SaveChangesInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Count = eventData.Context!.ChangeTracker.Entries().Count(e => e.State == EntityState.Added);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private static PriceImportRow[] Prices(int count) => [.. Enumerable.Range(0, count).Select(i =>
        new PriceImportRow { Tenant = Tenant, Batch = Guid.Empty, Row = i, Product = $"P{i}", Origin = "PROTHEUS", Price = 1m })];

    [Theory, SqliteData, PostgresData]
    public async Task A_row_of_another_tenant_among_bulk_rows_is_refused_and_nothing_is_written(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var other = new AccountImportKey { Tenant = new TenantId(Guid.NewGuid()), Origin = "PROTHEUS", ExternalCode = "OUTRO", Account = new AccountId(Guid.NewGuid()) };
        var result = await SaveAsync(db, [.. Keys(0, Rows), other]);
        Assert.Equal("persistence.cross_tenant", Assert.Single(result.AsT2.Problems).Code);
        await using var read = db.Open(Tenant);
        Assert.Equal(0, await read.AccountImportKeys.CountAsync());
    }

    private static AccountImportKey[] Keys(int first, int count) => [.. Enumerable.Range(first, count).Select(i =>
        new AccountImportKey { Tenant = Tenant, Origin = "PROTHEUS", ExternalCode = $"C{i:D6}", Account = new AccountId(Guid.NewGuid()) })];

    private static Task<Concurrency.SaveResult> SaveAsync(TestDatabase db, IEnumerable<object> rows) => SaveAsync(db.Database, rows);

    private static async Task<Concurrency.SaveResult> SaveAsync(CrmDatabase db, IEnumerable<object> rows)
    {
        await using var context = db.Open(Tenant);
        context.AddRange(rows);
        var result = await context.SaveAsync();
        Assert.False(result.IsT1, "conflict");
        return result;
    }

    // Every column of every row, in key order, as the database returns them.
    private static async Task<List<List<object?>>> TableAsync(CrmDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var key = db.Model.GetEntityTypes().First(t => t.GetTableName() == table).FindPrimaryKey()!.Properties
            .Select(p => $"\"{p.GetColumnName()}\"");
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key)}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<List<object?>>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return rows;
    }
}
