using Crm.Domain.Access;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Persistence.Access;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Accounts;

/// <summary>
/// Contact people (module <see cref="Module.Contacts"/>) through a session. A contact is visible exactly when the lead or
/// account it belongs to is: a contact of a record outside the user's scope is <see cref="NotFound"/>.
/// </summary>
public sealed class ContactsModule
{
    private readonly CrmSession _session;

    internal ContactsModule(CrmSession session) => _session = session;

    /// <summary>Adds a contact to lead or account <paramref name="owner"/> (permission Include; the owner visible).</summary>
    public Task<CrmResult<ContactSaved>> AddAsync(RegistrationRef owner, ContactForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(form);
        return _session.RunAsync("contacts.add", Module.Contacts, Permission.Include, async work =>
        {
            if (!await SeesOwnerAsync(work, owner).ConfigureAwait(false))
                return Missing(owner);
            var id = new ContactId(Guid.NewGuid());
            var created = Contact.Create(id, work.Tenant, owner, form, work.User, work.Clock);
            if (!created.TryPickT0(out var contact, out var invalid))
                return invalid;
            work.Db.Contacts.Add(contact);
            return await work.SaveAsync(contact, version => new ContactSaved(id, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Replaces contact <paramref name="id"/>'s data (permission Edit), based on <paramref name="version"/>.</summary>
    public Task<CrmResult<ContactSaved>> UpdateAsync(ContactId id, long version, ContactForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _session.RunAsync("contacts.update", Module.Contacts, Permission.Edit, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } contact)
                return new NotFound("contact", id.Value);
            if (contact.Update(form, work.User, work.Clock).TryPickT1(out var invalid, out _))
                return invalid;
            work.Expect(contact, version);
            return await work.SaveAsync(contact, saved => new ContactSaved(id, saved)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Contact <paramref name="id"/> with its stored version (permission View).</summary>
    public Task<CrmResult<ContactRead>> GetAsync(ContactId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("contacts.get", Module.Contacts, Permission.View, work =>
            work.ReadAsync(FindAsync(work, id), (found, version) => new ContactRead(found, version), new NotFound("contact", id.Value)), cancellationToken);

    /// <summary>The contacts of lead or account <paramref name="owner"/> (permission View; the owner visible), by name.</summary>
    public Task<CrmResult<IReadOnlyList<Contact>>> OfAsync(RegistrationRef owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return _session.RunAsync("contacts.of_owner", Module.Contacts, Permission.View, async work =>
        {
            if (!await SeesOwnerAsync(work, owner).ConfigureAwait(false))
                return Missing(owner);
            var contacts = await work.Db.Contacts.VisibleTo(work.Access.Scope!, work.Db).AsNoTracking().Where(c => c.Owner == owner).OrderBy(c => c.Name)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<Contact>>.Of(contacts);
        }, cancellationToken);
    }

    /// <summary>
    /// A page of every contact the user sees (those of the leads and accounts it sees), by name then id (permission View).
    /// A page holds at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<Contact>>> ListAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync("contacts.list", Module.Contacts, Permission.View, async work =>
            Paging.Check(skip, take) is { } invalid ? invalid
                : CrmResult<IReadOnlyList<Contact>>.Of(await work.Db.Contacts.VisibleTo(work.Access.Scope!, work.Db).AsNoTracking()
                    .OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    private static Task<Contact?> FindAsync(UnitOfWork work, ContactId id) =>
        work.Db.Contacts.VisibleTo(work.Access.Scope!, work.Db).SingleOrDefaultAsync(c => c.Id == id, work.Cancellation);

    private static async Task<bool> SeesOwnerAsync(UnitOfWork work, RegistrationRef owner) =>
        owner.IsT0
            ? await LeadsModule.FindAsync(work, owner.AsT0).ConfigureAwait(false) is not null
            : await AccountsModule.FindAsync(work, owner.AsT1).ConfigureAwait(false) is not null;

    private static NotFound Missing(RegistrationRef owner) =>
        owner.Match(lead => new NotFound("lead", lead.Value), account => new NotFound("account", account.Value));
}
