using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

public class ContactTests
{
    internal static Contact NewContact(RegistrationRef owner, string name = "João Comprador", IClock? clock = null) =>
        Contact.Create(new ContactId(Guid.NewGuid()), Samples.Tenant, owner,
            new ContactForm(name, "Comprador", "Compras", Phones: [new PhoneForm(PhoneType.Mobile, "(11) 91234-5678")],
                Emails: [new EmailForm($"{AsciiMailbox(name)}@padaria.com.br")]),
            Samples.Ana, clock ?? Samples.Clock()).AsT0;

    // E-mail local parts are ASCII: "João Comprador" → "joao".
    private static string AsciiMailbox(string name) =>
        new(name.Split(' ')[0].Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());

    [Fact]
    public void A_contact_belongs_to_a_lead_or_an_account_and_records_its_creation()
    {
        var account = new AccountId(Guid.NewGuid());
        var contact = NewContact(account);

        Assert.Equal((RegistrationRef)account, contact.Owner);
        Assert.Equal("+5511912345678", Assert.Single(contact.Phones).Number.Value);
        Assert.Contains(contact.History.Entries, e => e is { Field: "owner", OldValue: null });
        Assert.Equal(contact.Snapshot(), contact.History.Replay());
    }

    [Fact]
    public void Every_problem_of_a_contact_is_reported_at_once()
    {
        var result = Contact.Create(new ContactId(Guid.NewGuid()), Samples.Tenant, new LeadId(Guid.NewGuid()),
            new ContactForm(" ", Cpf: "123", Phones: [new PhoneForm(PhoneType.Mobile, "9")], Emails: [new EmailForm("x")]),
            Samples.Ana, Samples.Clock());

        Assert.Equal(["contact.name.required", "cpf", "emails[0].address", "phones[0].number"],
            result.AsT1.Problems.Select(p => p.Code.StartsWith("contact.", StringComparison.Ordinal) ? p.Code : p.Field).Order());
    }

    [Fact]
    public void Moving_a_contact_is_recorded_and_replays()
    {
        var clock = Samples.Clock();
        var lead = new LeadId(Guid.NewGuid());
        var account = new AccountId(Guid.NewGuid());
        var contact = NewContact(lead, clock: clock);

        var move = Assert.Single(contact.MoveTo(account, Samples.Bruno, clock));

        Assert.Equal(("owner", $"lead:{lead.Value}", $"account:{account.Value}"), (move.Field, move.OldValue, move.NewValue));
        Assert.Equal(contact.Snapshot(), contact.History.Replay());
    }

    [Fact]
    public void A_failed_update_changes_nothing()
    {
        var contact = NewContact(new AccountId(Guid.NewGuid()));
        var before = contact.Snapshot();

        Assert.True(contact.Update(new ContactForm(null), Samples.Ana, Samples.Clock()).IsT1);
        Assert.Equal(before, contact.Snapshot());
    }

    [Fact]
    public void Lead_and_account_references_are_distinct_even_with_the_same_guid()
    {
        var guid = Guid.NewGuid();

        Assert.NotEqual((RegistrationRef)new LeadId(guid), (RegistrationRef)new AccountId(guid));
        Assert.Equal((RegistrationRef)new LeadId(guid), (RegistrationRef)new LeadId(guid));
    }
}
