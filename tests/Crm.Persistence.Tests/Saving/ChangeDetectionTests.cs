using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Saving;

/// <summary>Every save path walks the tracked entries for changes once: the tenant check, the stamping and EF's save reuse it.</summary>
public sealed class ChangeDetectionTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    public enum SavePath { SaveAsync, SaveChangesAsync, SaveChanges }

    private static async Task<int> Passes(CrmDbContext db, SavePath path)
    {
        var passes = 0;
        db.ChangeTracker.DetectingAllChanges += (_, _) => passes++;
        switch (path)
        {
            case SavePath.SaveAsync: Assert.True((await db.SaveAsync()).IsSaved); break;
            case SavePath.SaveChangesAsync: await db.SaveChangesAsync(); break;
            case SavePath.SaveChanges: db.SaveChanges(); break;
        }
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        return passes;
    }

    [Theory, SqliteData, PostgresData]
    public async Task Saving_an_insert_or_an_update_detects_changes_once_on_every_save_path(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        foreach (var path in Enum.GetValues<SavePath>())
        {
            var account = Records.Account(Tenant, 1 + (int)path);
            await using (var insert = db.Open(Tenant))
            {
                insert.Accounts.Add(account);
                Assert.Equal(1, await Passes(insert, path));
            }

            await using (var update = db.Open(Tenant))
            {
                var stored = await update.Accounts.SingleAsync(a => a.Id == account.Id);
                stored.RecordErpState(new IntegratedWithErp("C-1", new LocalDate(2026, 5, 1)), null, Records.Ana, Records.Clock());
                Assert.Equal(1, await Passes(update, path));
            }

            await using var read = db.Open(Tenant);
            Assert.Equal(2L, await read.Accounts.Where(a => a.Id == account.Id).Select(a => EF.Property<long>(a, "Version")).SingleAsync());
        }
    }
}
