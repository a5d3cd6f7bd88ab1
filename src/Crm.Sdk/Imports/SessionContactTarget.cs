using Crm.Domain.Access;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Imports;

/// <summary>
/// The engine's side of a contact import (<see cref="SessionImportTarget{TRow}"/>). A row's lead or account must be one the
/// user sees (else <c>lead.not_found</c> / <c>account.not_found</c>, as for a typed contact). A row names its contact by CRM id
/// (one of another owner, or none the user sees, is <c>contact.not_found</c>); a row without one is the owner's contact with
/// its CPF, or without a CPF its name, when there is one — so a file imported twice changes nothing the second time —
/// otherwise a new contact. The contact rules are <see cref="Contact.Create"/>'s and <see cref="Contact.Update"/>'s.
/// </summary>
internal sealed class SessionContactTarget(CrmSession session) : SessionImportTarget<ContactRow>(session, "imports.contacts")
{
    protected override async Task<IReadOnlyList<CustomerOutcome>> JudgeAsync(UnitOfWork work, IReadOnlyList<ContactRow> batch)
    {
        var scope = work.Access.Scope!;
        var leadIds = batch.Where(r => r.Owner.IsT0).Select(r => (LeadId?)r.Owner.AsT0).Distinct().ToList();
        var accountIds = batch.Where(r => r.Owner.IsT1).Select(r => (AccountId?)r.Owner.AsT1).Distinct().ToList();
        var leads = leadIds.Count == 0 ? [] : await work.Db.Leads.VisibleTo(scope).Where(l => leadIds.Contains(l.Id)).Select(l => l.Id)
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var accounts = accountIds.Count == 0 ? [] : await work.Db.Accounts.VisibleTo(scope).Where(a => accountIds.Contains(a.Id)).Select(a => a.Id)
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var owners = leads.Select(l => (RegistrationRef)l).Concat(accounts.Select(a => (RegistrationRef)a)).ToHashSet();
        // The visible owners' contacts, tracked: those the rows name by id and those a row without id may match.
        var leadOwners = leads.Select(l => (LeadId?)l).ToList();
        var accountOwners = accounts.Select(a => (AccountId?)a).ToList();
        var contacts = await work.Db.Contacts.Where(c => leadOwners.Contains(EF.Property<LeadId?>(c, CrmQueries.OwnerLead))
                || accountOwners.Contains(EF.Property<AccountId?>(c, CrmQueries.OwnerAccount)))
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var outcomes = new List<CustomerOutcome>(batch.Count);
        foreach (var row in batch)
            outcomes.Add(owners.Contains(row.Owner) ? Save(work, row, contacts) : Rejected(Missing(row.Owner).ToProblem()));
        return outcomes;
    }

    private static NotFound Missing(RegistrationRef owner) =>
        owner.Match(lead => new NotFound("lead", lead.Value), account => new NotFound("account", account.Value));

    private static CustomerOutcome Save(UnitOfWork work, ContactRow row, List<Contact> contacts)
    {
        var contact = row.Id is { } id ? contacts.Find(c => c.Id == id) : contacts.Find(c => c.Owner.Equals(row.Owner) && SamePerson(c, row.Form));
        if (row.Id is { } missing && (contact is null || !contact.Owner.Equals(row.Owner)))
            return Rejected(new NotFound("contact", missing.Value).ToProblem());
        if (contact is null)
        {
            if (work.Access.Check(Module.Contacts, Permission.Access | Permission.Include) is { } denied)
                return Rejected(denied.ToProblem());
            if (!Contact.Create(new ContactId(Guid.NewGuid()), work.Tenant, row.Owner, row.Form, work.User, work.Clock).TryPickT0(out var created, out var invalid))
                return Rejected(invalid.Problems);
            work.Db.Contacts.Add(created);
            contacts.Add(created); // a later row of the batch about the same person finds it
            return new CustomerOutcome(CustomerOutcomeKind.Created, []);
        }
        if (work.Access.Check(Module.Contacts, Permission.Access | Permission.Edit) is { } refused)
            return Rejected(refused.ToProblem());
        if (contact.Update(row.Form, work.User, work.Clock).TryPickT1(out var problems, out var changes))
            return Rejected(problems.Problems);
        return new CustomerOutcome(changes.Count == 0 ? CustomerOutcomeKind.Unchanged : CustomerOutcomeKind.Updated, []);
    }

    // A row without id is about a stored contact with the same CPF, or, when neither has a CPF, the same name.
    private static bool SamePerson(Contact contact, ContactForm form) =>
        Crm.Domain.Registry.Cpf.TryParse(form.Cpf, out var cpf)
            ? contact.Cpf == cpf
            : form.Cpf is null && contact.Cpf is null && string.Equals(contact.Name, form.Name?.Trim(), StringComparison.OrdinalIgnoreCase);
}
