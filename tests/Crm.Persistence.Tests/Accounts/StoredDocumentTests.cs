using System.Text.Json;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Accounts;

/// <summary>
/// Loading an account rebuilds its registration without re-running the rules, but a corrupt document still fails loudly;
/// its history stays unread until used, and a save that leaves it alone never reads it.
/// </summary>
public sealed class StoredDocumentTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Theory, SqliteData, PostgresData]
    public async Task A_corrupt_registration_document_fails_the_load_naming_the_field_and_not_its_value(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 1);
        var digits = account.Data.TaxId!.Digits;
        var wrong = digits[..^1] + (char)('0' + (digits[^1] - '0' + 1) % 10); // the check digit broken
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
            Assert.Equal(1, await write.Database.ExecuteSqlAsync($"""UPDATE "Accounts" SET "Data" = replace("Data", {digits}, {wrong})"""));
        }

        await using var read = db.Open(Tenant);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => read.Accounts.SingleAsync());

        // EF may wrap the converter's exception: the message is the exception's or the one it wraps.
        var message = (failure.InnerException ?? failure).Message;
        Assert.Equal("Stored registration data is corrupt (not as the domain writes it): tax_id.", message);
        Assert.DoesNotContain(wrong, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_loaded_account_saved_without_touching_its_history_never_parses_it(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 2);
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
            // Unreadable: any parse would throw.
            Assert.Equal(1, await write.Database.ExecuteSqlAsync($"""UPDATE "Accounts" SET "History" = {"not a history"}"""));
        }

        await using var edit = db.Open(Tenant);
        var loaded = await edit.Accounts.SingleAsync();
        Assert.Equal(account.Data.LegalName, loaded.Data.LegalName);
        Assert.Equal(0, (await edit.SaveAsync()).AsT0.Changes);

        Assert.ThrowsAny<JsonException>(() => loaded.History.Entries);
    }
}
