using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

public class LeadConversionTests
{
    private static readonly AccountId NewId = new(Guid.Parse("00000000-0000-0000-0000-0000000000d1"));

    private static Lead NewLead(RegistrationForm? form = null, IClock? clock = null) =>
        Lead.Register(new LeadId(Guid.NewGuid()), Samples.Tenant, Samples.Valid(form ?? Samples.Company(), Samples.LeadContext()), Samples.Ana,
            clock ?? Samples.Clock());

    [Fact]
    public void Conversion_carries_data_contacts_and_history_into_the_account()
    {
        var clock = Samples.Clock();
        var lead = NewLead(clock: clock);
        var contacts = new[] { ContactTests.NewContact(lead.Id, "João Comprador"), ContactTests.NewContact(lead.Id, "Rita Financeiro") };
        clock.AdvanceHours(1);
        var leadHistory = lead.History.Entries.ToList();

        var conversion = LeadConversion.Convert(lead, contacts, NewId, Samples.AccountContext(), Samples.Bruno, clock).AsT0;

        var account = conversion.Account;
        Assert.Equal(lead.Data.Snapshot(), account.Data.Snapshot());
        Assert.Equal(lead.Id, account.ConvertedFrom);
        Assert.Equal((LeadStatus.Converted, NewId), (lead.Status, lead.ConvertedTo));
        Assert.All(conversion.Contacts, c => Assert.Equal((RegistrationRef)NewId, c.Owner));
        Assert.Equal(leadHistory, account.History.Entries.Take(leadHistory.Count));
        Assert.Contains(account.History.Entries.Skip(leadHistory.Count), e => e is { Field: "converted_from_lead" } && e.By == Samples.Bruno);
        Assert.Equal(account.Snapshot(), account.History.Replay());
        Assert.Null(conversion.Service);
    }

    [Fact]
    public void The_lead_is_validated_again_as_an_account()
    {
        var lead = NewLead(Samples.PersonLead());

        var problems = LeadConversion.Convert(lead, [], NewId, Samples.AccountContext(), Samples.Bruno, Samples.Clock()).AsT1.Problems;

        Assert.Equal(["account.short_name.required", "account.tax_id.required"], problems.Select(p => p.Code).Order());
        Assert.Equal(LeadStatus.Open, lead.Status);
    }

    [Fact]
    public void The_conversion_screen_completes_the_lead_and_the_erp_fields_apply()
    {
        var settings = new AccountSettings(considerErpMandatoryFields: true, erp: ConfigurationTests.Datasul(), clientTypes: ConfigurationTests.Mapping());
        var lead = NewLead(Samples.Company() with { ClientType = "REVENDA", AccountType = "PROSPECT" });
        var completed = lead.Data.ToForm() with { AccountType = "CLIENTE", Representative = "R1", Carrier = "T1" };

        var problems = LeadConversion.Convert(lead, [], NewId, Samples.AccountContext(settings), Samples.Bruno, Samples.Clock(), completed).AsT1.Problems;

        Assert.Equal(["account.client_group.required_by_erp", "account.payment_condition.required_by_erp", "account.portador.required_by_erp"],
            problems.Select(p => p.Code).Order());
    }

    [Fact]
    public void Conversion_checks_duplicates_against_the_existing_accounts()
    {
        var existing = AccountTests.NewAccount(id: new AccountId(Guid.NewGuid()));
        var index = new DuplicateIndex<AccountId>();
        index.Add(existing.Id, existing.Data.DuplicateKeys());
        var lead = NewLead();
        var context = Samples.AccountContext() with { CheckDuplicates = keys => index.Find(keys, NewId).ToProblems("account") };

        var problems = LeadConversion.Convert(lead, [], NewId, context, Samples.Bruno, Samples.Clock()).AsT1.Problems;

        Assert.Contains(problems, p => p is { Code: "account.tax_id.duplicate", Severity: Severity.Error });
        Assert.Equal(LeadStatus.Open, lead.Status);
    }

    [Fact]
    public void A_converted_lead_is_read_only_and_cannot_convert_again()
    {
        var lead = NewLead();
        LeadConversion.Convert(lead, [], NewId, Samples.AccountContext(), Samples.Bruno, Samples.Clock());

        var again = LeadConversion.Convert(lead, [], new AccountId(Guid.NewGuid()), Samples.AccountContext(), Samples.Bruno, Samples.Clock());
        var update = lead.Update(Samples.Valid(Samples.Company(), Samples.LeadContext()), Samples.Ana, Samples.Clock());

        Assert.Contains(again.AsT1.Problems, p => p.Code == "conversion.lead.converted");
        Assert.Equal("lead.frozen", Assert.Single(update.AsT1.Problems).Code);
    }

    [Fact]
    public void Contacts_of_another_record_are_a_bug()
    {
        var lead = NewLead();
        var stranger = ContactTests.NewContact(new AccountId(Guid.NewGuid()));

        Assert.Throws<ArgumentException>(() => LeadConversion.Convert(lead, [stranger], NewId, Samples.AccountContext(), Samples.Bruno, Samples.Clock()));
    }

    [Fact]
    public void An_isp_prospect_converts_to_customer_and_service_installed_at_the_default_delivery_address()
    {
        var clock = Samples.Clock();
        var lead = NewLead(clock: clock);

        var conversion = LeadConversion.Convert(lead, [], NewId, Samples.AccountContext(), Samples.Bruno, clock,
            target: ConversionTarget.CustomerWithService, service: new CustomerServiceRequest("FIBRA-500")).AsT0;

        var service = conversion.Service!;
        Assert.Equal((NewId, "FIBRA-500", "Rua Augusta", clock.GetCurrentInstant()),
            (service.Account, service.Plan, service.Installation.Street, service.RequestedAt));
    }

    [Fact]
    public void Customer_and_service_needs_a_plan_and_an_installation_address()
    {
        var lead = NewLead(Samples.Company() with { Addresses = [Samples.SaoPaulo(AddressKind.Correspondence)] });

        var problems = LeadConversion.Convert(lead, [], NewId, Samples.AccountContext(), Samples.Bruno, Samples.Clock(),
            target: ConversionTarget.CustomerWithService, service: new CustomerServiceRequest(" ", AddressKind.Billing)).AsT1.Problems;

        Assert.Equal(["conversion.service.address_required", "conversion.service.plan_required"], problems.Select(p => p.Code).Order());
    }

    [Property(MaxTest = 50)]
    public Property Conversion_preserves_every_contact_address_phone_email_and_observation() =>
        Prop.ForAll(AccountTests.Edits().ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (form, contactCount) =>
        {
            var lead = NewLead(form);
            var contacts = Enumerable.Range(0, contactCount).Select(i => ContactTests.NewContact(lead.Id, $"Contato{i} X")).ToList();
            var contactIds = contacts.Select(c => c.Id).ToList();

            var account = LeadConversion.Convert(lead, contacts, NewId, Samples.AccountContext(), Samples.Bruno, Samples.Clock()).AsT0;

            return account.Contacts.Select(c => c.Id).SequenceEqual(contactIds)
                   && account.Contacts.All(c => c.Owner.Equals((RegistrationRef)NewId))
                   && account.Account.Data.Addresses.SequenceEqual(lead.Data.Addresses)
                   && account.Account.Data.Phones.SequenceEqual(lead.Data.Phones)
                   && account.Account.Data.Emails.SequenceEqual(lead.Data.Emails)
                   && account.Account.Data.Observations.SequenceEqual(lead.Data.Observations)
                   && account.Account.History.Replay().Equals(account.Account.Snapshot().Redacted());
        });
}
