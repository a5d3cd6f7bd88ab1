using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Persistence.Outbox;
using Crm.Persistence.Settings;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Outbox;

public sealed class OutboxMessageStoreTests
{
    private static OutboxMessage Message(TenantId tenant, AccountId account, long sequence) => new()
    {
        Tenant = tenant,
        Id = Guid.NewGuid(),
        Account = account,
        Sequence = sequence,
        Erp = "protheus",
        Resource = "customerVendor",
        Operation = ErpOperation.Create,
        Payload = "{\"name\":\"Padaria São João\"}",
        IdempotencyKey = new string('a', 64),
        Status = OutboxStatus.Pending,
        NextAttemptAt = Instant.FromUtc(2026, 12, 6, 12, 0, 0).PlusNanoseconds(123_456_000), // microseconds: PostgreSQL's resolution
        CreatedAt = Instant.FromUtc(2026, 12, 6, 12, 0, 0),
        UpdatedAt = Instant.FromUtc(2026, 12, 6, 12, 0, 0),
    };

    [Theory, SqliteData, PostgresData]
    public async Task A_message_reads_back_exactly_within_its_tenant_only(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (tenant, other) = (new TenantId(Guid.NewGuid()), new TenantId(Guid.NewGuid()));
        var written = Message(tenant, new AccountId(Guid.NewGuid()), 1);
        await using (var session = db.Open(tenant))
        {
            session.Outbox.Add(written);
            Assert.True((await session.SaveAsync()).IsSaved);
        }

        await using var mine = db.Open(tenant);
        await using var theirs = db.Open(other);
        var read = await mine.Outbox.SingleAsync();

        Assert.Equivalent(written, read, strict: true);
        Assert.Equal((written.NextAttemptAt, written.CreatedAt, written.Status, written.Operation), (read.NextAttemptAt, read.CreatedAt, read.Status, read.Operation));
        Assert.Equal(0, await theirs.Outbox.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_messages_cannot_take_the_same_place_of_an_account_nor_be_written_for_another_tenant(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (tenant, account) = (new TenantId(Guid.NewGuid()), new AccountId(Guid.NewGuid()));
        await using (var session = db.Open(tenant))
        {
            session.Outbox.Add(Message(tenant, account, 1));
            Assert.True((await session.SaveAsync()).IsSaved);
        }

        await using var again = db.Open(tenant);
        again.Outbox.Add(Message(tenant, account, 1));
        var duplicate = await again.SaveAsync();
        await using var foreign = db.Open(tenant);
        foreign.Outbox.Add(Message(new TenantId(Guid.NewGuid()), account, 2));
        var crossTenant = await foreign.SaveAsync();

        Assert.Equal(CrmDbContext.DuplicateCode, Assert.Single(duplicate.AsT2.Problems).Code);
        Assert.Equal("persistence.cross_tenant", Assert.Single(crossTenant.AsT2.Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_integration_settings_default_to_the_erp_and_read_back_as_saved(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await using (var session = db.Open(tenant))
        {
            Assert.Same(IntegrationSettings.Default, await session.Settings.IntegrationAsync());
            await session.Settings.SetIntegrationAsync(new IntegrationSettings(IntegrationSystem.Gp));
            Assert.True((await session.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        Assert.Equal(IntegrationSystem.Gp, (await read.Settings.IntegrationAsync()).System);
    }
}
