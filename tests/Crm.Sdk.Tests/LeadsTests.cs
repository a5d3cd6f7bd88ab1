using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Accounts;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Leads and their contacts through a session, and conversion into an account as one unit of work.</summary>
public sealed class LeadsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Converting_a_lead_creates_the_account_with_its_history_and_contacts(string provider)
    {
        await using var host = await Create(provider);
        var session = host.As(host.Usuario);
        var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(20)));
        Ok(await session.Contacts.AddAsync(lead.Id, new ContactForm("João Souza")));

        var converted = Ok(await session.Leads.ConvertAsync(lead.Id));

        var account = Ok(await session.Accounts.GetAsync(converted.Account)).Account;
        var stored = Ok(await session.Leads.GetAsync(lead.Id)).Lead;
        Assert.Equal(lead.Id, account.ConvertedFrom);
        Assert.Equal(LeadStatus.Converted, stored.Status);
        Assert.Equal(1, converted.ContactsMoved);
        Assert.Single(Ok(await session.Contacts.OfAsync(converted.Account)));
        Assert.Empty(Ok(await session.Contacts.OfAsync(lead.Id)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Converting_into_a_cnpj_an_account_holds_is_a_duplicate_and_leaves_the_lead_open(string provider)
    {
        await using var host = await Create(provider);
        var session = host.As(host.Diretor);
        var lead = Ok(await session.Leads.RegisterAsync(Forms.Company(21)));
        await host.StoreDirectly(Forms.Company(21) with { ShortName = "CONTA21" });

        var result = await session.Leads.ConvertAsync(lead.Id);

        Assert.IsType<Duplicate>(result.Value);
        Assert.Equal(LeadStatus.Open, Ok(await session.Leads.GetAsync(lead.Id)).Lead.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_lead_with_the_cnpj_of_an_account_is_a_duplicate_naming_the_account(string provider)
    {
        await using var host = await Create(provider);
        var account = Ok(await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(24, owner: host.Usuario)));

        var lead = await host.As(host.Usuario).Leads.RegisterAsync(Forms.Company(24) with { ShortName = "LEAD24" });
        var other = await host.As(host.Outro).Leads.RegisterAsync(Forms.Company(24) with { ShortName = "OUTRO24" });

        Assert.Equal([(Crm.Domain.Accounts.Registration.RegistrationRef)account.Id], Assert.IsType<Duplicate>(lead.Value).Existing);
        Assert.Contains(lead.Problems, p => p.Code == "lead.tax_id.duplicate");
        Assert.Empty(Assert.IsType<Duplicate>(other.Value).Existing);   // outside the other Usuário's scope: not named
    }

    [Theory, SqliteData, PostgresData]
    public async Task Converting_twice_is_invalid_and_converting_another_users_lead_is_not_found(string provider)
    {
        await using var host = await Create(provider);
        var lead = Ok(await host.As(host.Usuario).Leads.RegisterAsync(Forms.Company(22)));
        Ok(await host.As(host.Usuario).Leads.ConvertAsync(lead.Id));

        var twice = await host.As(host.Usuario).Leads.ConvertAsync(lead.Id);
        var other = await host.As(host.Outro).Leads.ConvertAsync(lead.Id);

        Assert.Contains(twice.Problems, p => p.Code == "conversion.lead.converted");
        Assert.IsType<NotFound>(other.Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Contacts_of_records_outside_the_scope_are_not_found_and_stale_updates_conflict(string provider)
    {
        await using var host = await Create(provider);
        var lead = Ok(await host.As(host.Usuario).Leads.RegisterAsync(Forms.Company(23)));
        var contact = Ok(await host.As(host.Usuario).Contacts.AddAsync(lead.Id, new ContactForm("Ana Paula")));

        Assert.IsType<NotFound>((await host.As(host.Outro).Contacts.AddAsync(lead.Id, new ContactForm("Intruso"))).Value);
        Assert.IsType<NotFound>((await host.As(host.Outro).Contacts.GetAsync(contact.Id)).Value);
        Ok(await host.As(host.Usuario).Contacts.UpdateAsync(contact.Id, contact.Version, new ContactForm("Ana Paula Souza")));
        Assert.IsType<Conflict>((await host.As(host.Usuario).Contacts.UpdateAsync(contact.Id, contact.Version, new ContactForm("Ana"))).Value);
        Assert.IsType<Crm.Domain.Problems.Invalid>((await host.As(host.Usuario).Contacts.AddAsync(lead.Id, new ContactForm(" "))).Value);
        Assert.Equal(Module.Contacts, Assert.IsType<Denied>((await host.As(host.SemPapel).Contacts.GetAsync(contact.Id)).Value).Module);
    }
}
