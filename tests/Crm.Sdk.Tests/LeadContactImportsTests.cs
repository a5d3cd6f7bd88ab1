using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Lead and contact imports through a session: the shared runner, the typed forms' rules, idempotent files, refusals by row and column.</summary>
public sealed class LeadContactImportsTests
{
    private static MemoryStream Leads(params IReadOnlyList<string?>[] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Xlsx, LeadSheet.Columns, rows);
        output.Position = 0;
        return output;
    }

    private static MemoryStream Contacts(params IReadOnlyList<string?>[] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Csv, ContactSheet.Columns, rows);
        output.Position = 0;
        return output;
    }

    private static IReadOnlyList<string?> NewLead(int seed, Func<RegistrationForm, RegistrationForm>? change = null) =>
        LeadSheet.Cells(null, (change ?? (f => f))(Forms.Company(seed)));

    private static IReadOnlyList<string?> NewContact(RegistrationRef owner, string name, string? cpf = null, string? role = null) =>
        ContactSheet.Cells(null, owner, new ContactForm(name, role, Cpf: cpf));

    private static async Task<CustomerImportSummary> ImportLeads(CrmSession session, MemoryStream file, bool dryRun = false, Stream? errors = null) =>
        Ok(await session.Imports.LeadsAsync(new MemoryStream(file.ToArray()), ImportFormat.Xlsx, new CustomerImportOptions { BatchSize = 2, DryRun = dryRun }, errors));

    private static async Task<CustomerImportSummary> ImportContacts(CrmSession session, MemoryStream file, Stream? errors = null) =>
        Ok(await session.Imports.ContactsAsync(new MemoryStream(file.ToArray()), ImportFormat.Csv, new CustomerImportOptions { BatchSize = 2 }, errors));

    [Theory, SqliteData, PostgresData]
    public async Task A_file_of_new_leads_imported_twice_registers_them_once_and_a_changed_row_updates_its_lead(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var file = Leads(NewLead(1), NewLead(2), NewLead(3));

        var dry = await ImportLeads(diretor, file, dryRun: true);
        var afterDry = await CountAsync(host);
        var first = await ImportLeads(diretor, file);
        var second = await ImportLeads(diretor, file);
        var changed = await ImportLeads(diretor, Leads(NewLead(1), NewLead(2, f => f with { LegalName = "Renomeada 2 Ltda" })));

        Assert.Equal(((0, 0), 3), (afterDry, dry.Created));
        Assert.Equal((3, 0, 0, 0), (first.Created, first.Updated, first.Unchanged, first.Invalid));
        Assert.Equal((0, 0, 3, 0), (second.Created, second.Updated, second.Unchanged, second.Invalid));
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));
        await using var db = host.Open();
        var leads = await db.Leads.ToListAsync();
        Assert.Equal(3, leads.Count);
        Assert.Single(leads, l => l.Data.LegalName == "Renomeada 2 Ltda");
        Assert.All(leads, l => Assert.Equal(host.Diretor, l.Data.Owner));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_lead_row_is_named_by_row_column_and_code_and_a_lead_outside_the_scope_is_not_found(string provider)
    {
        await using var host = await Create(provider);
        var hidden = Ok(await host.As(host.Diretor).Leads.RegisterAsync(Forms.Company(9, owner: host.Outro)));
        var coordenador = host.As(host.Coordenador);
        var errors = new MemoryStream();
        // Row 2: fine; row 3: a CNPJ check digit the rules refuse; row 4: Outro's lead, which the Coordenador does not see;
        // row 5: no id but row 2's CNPJ, in the next batch (batches of two): it is row 2's lead, updated.
        var file = Leads(NewLead(1), NewLead(2, f => f with { TaxId = "11.222.333/0001-82" }), LeadSheet.Cells(hidden.Id, Forms.Company(9)),
            NewLead(4, f => f with { TaxId = Forms.CnpjOf(1) }));

        var summary = await ImportLeads(coordenador, file, errors: errors);

        Assert.Equal((4, 1, 1, 2), (summary.Read, summary.Created, summary.Updated, summary.Invalid));
        Assert.Contains(summary.Problems, p => p is { Row: 3, Column: CustomerColumns.TaxId, Code: "registry.check_digit" });
        Assert.Contains(summary.Problems, p => p is { Row: 4, Column: LeadSheet.Lead, Code: "lead.not_found" });
        Assert.Equal(2, summary.Problems.Count);
        errors.Position = 0;
        using var sheet = ImportFile.Open(errors, ImportFormat.Xlsx).AsT0;
        Assert.Equal(2, sheet.ReadRows().Count());
        Assert.IsType<Denied>((await host.As(host.Usuario).Imports.LeadsAsync(Leads(NewLead(5)), ImportFormat.Xlsx)).Value);
        Assert.Equal((2, 0), await CountAsync(host));
        await using var db = host.Open();
        Assert.Equal("Comercial Exemplo 4 Ltda", (await db.Leads.SingleAsync(l => l.Id != hidden.Id)).Data.LegalName);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_file_of_new_contacts_imported_twice_adds_them_once_and_an_owner_the_user_does_not_see_is_refused(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(1, owner: host.Usuario)));
        var account = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(2, owner: host.Usuario)));
        var hidden = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(3, owner: host.Outro)));
        var file = Contacts(NewContact(lead.Id, "Ana Lima", "529.982.247-25"), NewContact(lead.Id, "Bruno Reis"),
            NewContact(account.Id, "Carla Dias", role: "Compradora"), NewContact(hidden.Id, "Davi de Fora"));
        var coordenador = host.As(host.Coordenador);

        var first = await ImportContacts(coordenador, file);
        var second = await ImportContacts(coordenador, file);
        var changed = await ImportContacts(coordenador, Contacts(NewContact(account.Id, "Carla Dias", role: "Gerente")));

        Assert.Equal((4, 3, 0, 1), (first.Read, first.Created, first.Unchanged, first.Invalid));
        Assert.Equal(("Conta", "account.not_found"), (Assert.Single(first.Problems).Column, first.Problems[0].Code));
        Assert.Equal((0, 3, 1), (second.Created, second.Unchanged, second.Invalid));
        Assert.Equal((0, 1), (changed.Created, changed.Updated));
        await using var db = host.Open();
        var contacts = await db.Contacts.ToListAsync();
        Assert.Equal(3, contacts.Count);
        Assert.Equal("Gerente", Assert.Single(contacts, c => c.Name == "Carla Dias").Role);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_contact_row_names_its_column(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(1)));
        var errors = new MemoryStream();

        var summary = await ImportContacts(diretor, Contacts(NewContact(lead.Id, "Ana", "111.111.111-11"), NewContact(lead.Id, " ")), errors);

        Assert.Equal((2, 0, 2), (summary.Read, summary.Created, summary.Invalid));
        Assert.Contains(summary.Problems, p => p is { Row: 2, Column: ContactSheet.Cpf });
        Assert.Contains(summary.Problems, p => p is { Row: 3, Column: ContactSheet.Name });
        Assert.True(errors.Length > 0);
    }

    private static async Task<(int Leads, int Contacts)> CountAsync(TestHost host)
    {
        await using var db = host.Open();
        return (await db.Leads.CountAsync(), await db.Contacts.CountAsync());
    }
}
