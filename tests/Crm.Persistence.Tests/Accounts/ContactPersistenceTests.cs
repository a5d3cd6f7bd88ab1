using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Accounts;

public sealed class ContactPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_reads_back_with_its_owner_phones_emails_consents_and_history(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = new AccountId(Guid.NewGuid());
        var contact = Contact.Create(new ContactId(Guid.NewGuid()), Tenant, account, new ContactForm("João Souza", "Comprador", "Compras",
            "111.444.777-35", new LocalDate(1980, 5, 17), [new PhoneForm(PhoneType.Mobile, "(11) 98765-4321", "3")],
            [new EmailForm("joao@exemplo.com.br", EmailPurpose.Billing)],
            [new MarketingConsent(MarketingChannel.Messaging, false, new LocalDate(2026, 2, 1), "telefone")]), Records.Ana, Records.Clock()).AsT0;
        await using (var write = db.Open(Tenant))
        {
            write.Contacts.Add(contact);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var stored = await read.Contacts.SingleAsync();

        Assert.Equal(contact.Snapshot(), stored.Snapshot());
        Assert.Equal(contact.Owner, stored.Owner);
        Assert.Equal(contact.Phones, stored.Phones);
        Assert.Equal(contact.Emails, stored.Emails);
        Assert.Equal(contact.Marketing, stored.Marketing);
        Assert.Equal(contact.History.Entries, stored.History.Entries);
    }
}
