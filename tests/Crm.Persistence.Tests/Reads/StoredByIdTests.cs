using Crm.Domain.Identity;
using Crm.Persistence.Reads;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Reads;

public sealed class StoredByIdTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_compiled_read_returns_what_the_linq_query_returns_and_nothing_of_another_tenant(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (tenant, other) = (new TenantId(Guid.NewGuid()), new TenantId(Guid.NewGuid()));
        var account = Records.Account(tenant, 1, owner: Records.Ana);
        var lead = Records.Lead(tenant, 2, owner: Records.Ana);
        await using (var write = db.Open(tenant))
        {
            write.Accounts.Add(account);
            write.Leads.Add(lead);
            Assert.True((await write.SaveAsync()).IsSaved);
            account.Update(Records.Valid(Records.Company(1, Records.Ana) with { TradeName = "Outro nome" },
                Crm.Domain.Accounts.Configuration.RegistrationKind.Account), Records.Ana, Records.Clock());
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        var linqAccount = await read.Accounts.AsNoTracking().Where(a => a.Id == account.Id)
            .Select(a => new { Entity = a, Version = EF.Property<long>(a, "Version") }).SingleAsync();
        var linqLead = await read.Leads.AsNoTracking().Where(l => l.Id == lead.Id)
            .Select(l => new { Entity = l, Version = EF.Property<long>(l, "Version") }).SingleAsync();
        var compiledAccount = await read.AccountAsync(account.Id);
        var compiledLead = await read.LeadAsync(lead.Id);

        Assert.NotNull(compiledAccount);
        Assert.Equal(2, compiledAccount.Version);
        Assert.Equal(linqAccount.Version, compiledAccount.Version);
        Assert.Equal(linqAccount.Entity.Snapshot(), compiledAccount.Entity.Snapshot());
        Assert.Equal(linqAccount.Entity.History.Entries, compiledAccount.Entity.History.Entries);
        Assert.Equal(Json(linqAccount.Entity.Data), Json(compiledAccount.Entity.Data));
        Assert.NotNull(compiledLead);
        Assert.Equal(linqLead.Version, compiledLead.Version);
        Assert.Equal(linqLead.Entity.Snapshot(), compiledLead.Entity.Snapshot());
        Assert.Equal(Json(linqLead.Entity.Data), Json(compiledLead.Entity.Data));
        Assert.Equal(linqLead.Entity.Status, compiledLead.Entity.Status);
        Assert.Empty(read.ChangeTracker.Entries());

        await using var foreign = db.Open(other);
        Assert.Null(await foreign.AccountAsync(account.Id));
        Assert.Null(await foreign.LeadAsync(lead.Id));
        Assert.Null(await read.AccountAsync(new AccountId(Guid.NewGuid())));
    }

    // The whole registration, every collection included, as comparable text.
    private static string Json(Crm.Domain.Accounts.Registration.RegistrationData data) => System.Text.Json.JsonSerializer.Serialize(data.ToForm());
}
