using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Accounts;

public sealed class AccountPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Theory, SqliteData, PostgresData]
    public async Task An_account_reads_back_with_every_field_collection_and_history_entry(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 1, owner: Records.Ana);
        account.RecordErpState(new IntegratedWithErp("C-001", new LocalDate(2026, 3, 1)), new LocalDate(2026, 10, 5), Records.Ana, Records.Clock());
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var loaded = await read.Accounts.SingleAsync(a => a.Id == account.Id);

        Assert.Equal(account.Snapshot(), loaded.Snapshot());
        Assert.Equal(account.History.Entries, loaded.History.Entries);
        Assert.Equal(account.Data.Addresses, loaded.Data.Addresses);
        Assert.Equal(account.Data.Phones, loaded.Data.Phones);
        Assert.Equal(account.Data.Emails, loaded.Data.Emails);
        Assert.Equal(account.Data.Marketing, loaded.Data.Marketing);
        Assert.Equal(account.Data.CustomFields, loaded.Data.CustomFields);
        Assert.Equal(account.Data.StateRegistration, loaded.Data.StateRegistration);
        Assert.Equal(account.Data.TaxId, loaded.Data.TaxId);
        Assert.Equal(new LocalDate(2026, 10, 5), loaded.LastPurchase);
        Assert.True(loaded.Integration.IsIntegrated);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_erp_standing_is_absent_until_recorded_then_reads_back_and_follows_a_later_pull(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 4, owner: Records.Ana);
        account.RecordErpState(new IntegratedWithErp("C-004", new LocalDate(2026, 3, 1)), null, Records.Ana, Records.Clock());
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var read = db.Open(Tenant))
            Assert.Null((await read.Accounts.SingleAsync(a => a.Id == account.Id)).ErpStanding);

        // Datasul-like: no open balance exposed, so it stays unknown (null), never zero.
        var first = new ErpStanding(ErpSituation.Active, new LocalDate(2026, 10, 5), 15_000.50m, new LocalDate(2027, 1, 31), null,
            Instant.FromUtc(2026, 12, 1, 8, 30));
        await using (var pull = db.Open(Tenant))
        {
            var stored = await pull.Accounts.SingleAsync(a => a.Id == account.Id);
            Assert.True(stored.RecordErpStanding("C-004", first, Records.Ana, Records.Clock()).IsT0);
            Assert.True((await pull.SaveAsync()).IsSaved);
        }
        await using (var read = db.Open(Tenant))
            Assert.Equal(first, (await read.Accounts.SingleAsync(a => a.Id == account.Id)).ErpStanding);

        // Protheus-like: the ERP blocks the customer's sales (A1_MSBLQL), kept as said.
        var second = first with { OpenBalance = 1_234.56m, CreditLimit = null, Blocked = true, ReadAt = Instant.FromUtc(2026, 12, 2, 8, 30) };
        await using (var pull = db.Open(Tenant))
        {
            var stored = await pull.Accounts.SingleAsync(a => a.Id == account.Id);
            Assert.True(stored.RecordErpStanding("C-004", second, Records.Ana, Records.Clock()).IsT0);
            Assert.True((await pull.SaveAsync()).IsSaved);
        }
        await using var last = db.Open(Tenant);
        var loaded = await last.Accounts.SingleAsync(a => a.Id == account.Id);
        Assert.Equal(second, loaded.ErpStanding);
        Assert.Equal(new LocalDate(2026, 10, 5), loaded.LastPurchase);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_search_columns_follow_the_data_so_queries_filter_on_owner_and_tax_id(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var bruno = new UserId(Guid.NewGuid());
        var mine = Records.Account(Tenant, 2, owner: Records.Ana);
        var his = Records.Account(Tenant, 3, owner: bruno);
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.AddRange(mine, his);
            await write.SaveAsync();
        }

        await using var read = db.Open(Tenant);
        var owned = await read.Accounts.Where(CrmQueries.OwnedBy<Account>([bruno])).Select(a => a.Id).ToListAsync();
        var byTaxId = await read.Accounts.Where(a => EF.Property<string>(a, CrmQueries.TaxId) == mine.Data.TaxId!.Digits).Select(a => a.Id).ToListAsync();

        Assert.Equal([his.Id], owned);
        Assert.Equal([mine.Id], byTaxId);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_concurrent_update_is_a_conflict_value_and_the_first_write_survives(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 4);
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            await write.SaveAsync();
        }

        await using var first = db.Open(Tenant);
        await using var second = db.Open(Tenant);
        var a = await first.Accounts.SingleAsync();
        var b = await second.Accounts.SingleAsync();
        a.Update(Records.Valid(Records.Company(4) with { TradeName = "Primeira" }, Crm.Domain.Accounts.Configuration.RegistrationKind.Account), Records.Ana, Records.Clock());
        b.Update(Records.Valid(Records.Company(4) with { TradeName = "Segunda" }, Crm.Domain.Accounts.Configuration.RegistrationKind.Account), Records.Ana, Records.Clock());

        var saved = await first.SaveAsync();
        var conflict = await second.SaveAsync();

        Assert.True(saved.IsSaved);
        Assert.True(conflict.IsT1, conflict.ToString());
        Assert.Contains(conflict.AsT1.Aggregates, x => x.Contains(account.Id.Value.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Conflict.Code, conflict.AsT1.ToProblem().Code);
        await using var read = db.Open(Tenant);
        var stored = await read.Accounts.SingleAsync();
        Assert.Equal("Primeira", stored.Data.TradeName);
        Assert.Equal(2L, read.Entry(stored).Property<long>("Version").CurrentValue);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Migrating_twice_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(Records.Account(Tenant, 5));
            await write.SaveAsync();
        }

        await db.Database.MigrateAsync();

        await using var read = db.Open(Tenant);
        Assert.Equal(1, await read.Accounts.CountAsync());
        Assert.Empty(await read.Database.GetPendingMigrationsAsync());
    }
}
