using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Tenancy;

/// <summary>
/// Random interleavings of inserts, updates and deletes by two tenants on one real SQLite file: each tenant sees exactly
/// the records it wrote and did not delete, and an attempt to touch the other tenant's record through its id changes nothing.
/// </summary>
public sealed class TenantIsolationProperties : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.Create(TestProviders.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public enum Action { Insert, Rename, Delete, RenameOthers, DeleteOthers }

    [Property(MaxTest = 25)]
    public bool Two_tenants_never_see_or_change_each_others_records(Action[] actions, bool[] whoActs)
    {
        var tenants = new[] { new TenantId(Guid.NewGuid()), new TenantId(Guid.NewGuid()) };
        var expected = new[] { new Dictionary<AccountId, string>(), new Dictionary<AccountId, string>() };
        var seed = 0;
        foreach (var (action, second) in actions.Zip(whoActs))
        {
            var me = second ? 1 : 0;
            Run(tenants[me], action, expected[me], expected[1 - me], ++seed).GetAwaiter().GetResult();
        }
        return tenants.Select((tenant, i) => Visible(tenant).GetAwaiter().GetResult().OrderBy(p => p.Key.Value)
            .SequenceEqual(expected[i].OrderBy(p => p.Key.Value))).All(ok => ok);
    }

    private async Task Run(TenantId tenant, Action action, Dictionary<AccountId, string> mine, Dictionary<AccountId, string> others, int seed)
    {
        await using var db = _db.Open(tenant);
        switch (action)
        {
            case Action.Insert:
                var account = Records.Account(tenant, seed);
                db.Accounts.Add(account);
                Assert.True((await db.SaveAsync()).IsSaved);
                mine[account.Id] = account.Data.LegalName;
                break;
            case Action.Rename when mine.Count > 0:
                var id = mine.Keys.First();
                var stored = await db.Accounts.SingleAsync(a => a.Id == id);
                stored.Update(Records.Valid(stored.Data.ToForm() with { LegalName = $"Renomeada {seed} Ltda" }, RegistrationKind.Account), Records.Ana, Records.Clock());
                Assert.True((await db.SaveAsync()).IsSaved);
                mine[id] = $"Renomeada {seed} Ltda";
                break;
            case Action.Delete when mine.Count > 0:
                var gone = mine.Keys.Last();
                db.Accounts.Remove(await db.Accounts.SingleAsync(a => a.Id == gone));
                Assert.True((await db.SaveAsync()).IsSaved);
                mine.Remove(gone);
                break;
            case Action.RenameOthers when others.Count > 0:
                // The other tenant's id is invisible here, and a forged copy stamped with this tenant updates nothing.
                var target = others.Keys.First();
                Assert.Null(await db.Accounts.SingleOrDefaultAsync(a => a.Id == target));
                Assert.Null(await db.Accounts.FindAsync(tenant, target));
                break;
            case Action.DeleteOthers when others.Count > 0:
                var victim = others.Keys.First();
                var forged = Records.Account(tenant, seed);
                typeof(Account).GetProperty(nameof(Account.Id))!.SetValue(forged, victim);
                db.Accounts.Attach(forged);
                db.Accounts.Remove(forged);
                var result = await db.SaveAsync();
                Assert.True(result.IsT1, "Deleting another tenant's id must match no row: a conflict, not a deletion.");
                break;
        }
    }

    private async Task<Dictionary<AccountId, string>> Visible(TenantId tenant)
    {
        await using var db = _db.Open(tenant);
        return await db.Accounts.ToDictionaryAsync(a => a.Id, a => a.Data.LegalName);
    }
}

public sealed class CrossTenantWriteTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_record_of_another_tenant_is_refused_on_save_and_nothing_is_written(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var mine = new TenantId(Guid.NewGuid());
        var theirs = new TenantId(Guid.NewGuid());
        await using var context = db.Open(mine);
        context.Accounts.Add(Records.Account(theirs, 1));

        var result = await context.SaveAsync();

        Assert.True(result.IsT2);
        Assert.Equal("persistence.cross_tenant", Assert.Single(result.AsT2.Problems).Code);
        await using var other = db.Open(theirs);
        Assert.Equal(0, await other.Accounts.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_tenant_filter_is_named_and_appears_in_every_query(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var context = db.Open(new TenantId(Guid.NewGuid()));

        var sql = context.Leads.Where(l => l.Status == LeadStatus.Open).ToQueryString();

        Assert.Contains("TenantId", sql, StringComparison.Ordinal);
        Assert.All(context.Model.GetEntityTypes().Where(t => !t.IsOwned()),
            t => Assert.Contains(t.GetDeclaredQueryFilters(), f => f.Key == "Tenant"));
    }
}
