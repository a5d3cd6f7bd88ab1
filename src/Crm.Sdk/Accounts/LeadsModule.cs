using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Persistence.Access;
using Crm.Persistence.Reads;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Accounts;

/// <summary>
/// Leads (module <see cref="Module.Leads"/>) through a session: register, update, read and convert into an account, with
/// the same authorization, visibility and database checks as <see cref="AccountsModule"/>.
/// </summary>
public sealed class LeadsModule
{
    private readonly CrmSession _session;

    internal LeadsModule(CrmSession session) => _session = session;

    /// <summary>Registers a lead (permission Include); without an owner, the session's user owns it.</summary>
    public Task<CrmResult<LeadSaved>> RegisterAsync(RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = new LeadId(Guid.NewGuid());
        return _session.RunAsync("leads.register", Module.Leads, Permission.Include, work =>
            PartyWrites.RegisterAsync(work, Module.Leads, RegistrationKind.Lead, id, form,
                valid => Lead.Register(id, work.Tenant, valid, work.User, work.Clock),
                (version, warnings) => new LeadSaved(id, version, warnings)), cancellationToken);
    }

    /// <summary>Replaces the registration of lead <paramref name="id"/> (permission Edit), based on <paramref name="version"/>.</summary>
    public Task<CrmResult<LeadSaved>> UpdateAsync(LeadId id, long version, RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _session.RunAsync("leads.update", Module.Leads, Permission.Edit, async work =>
            await FindAsync(work, id).ConfigureAwait(false) is { } lead
                ? await PartyWrites.UpdateAsync(work, Module.Leads, RegistrationKind.Lead, id, lead, version, form,
                    (saved, warnings) => new LeadSaved(id, saved, warnings)).ConfigureAwait(false)
                : new NotFound("lead", id.Value), cancellationToken);
    }

    /// <summary>Lead <paramref name="id"/> with its stored version (permission View); not visible is <see cref="NotFound"/>.</summary>
    public Task<CrmResult<LeadRead>> GetAsync(LeadId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("leads.get", Module.Leads, Permission.View, work =>
            work.ReadVisibleAsync((db, ct) => db.LeadAsync(id, ct), (found, version) => new LeadRead(found, version),
                new NotFound("lead", id.Value)), cancellationToken);

    /// <summary>
    /// A page of the leads the user sees, by legal name then id (permission View); the visibility is applied inside the SQL.
    /// A page holds at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<Lead>>> ListAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync("leads.list", Module.Leads, Permission.View, async work =>
            Paging.Check(skip, take) is { } invalid ? invalid
                : CrmResult<IReadOnlyList<Lead>>.Of(await work.Db.Leads.AsNoTracking()
                    .VisiblePageByLegalNameAsync(work.Access.Scope!, l => l.Id, skip, take, work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// Converts lead <paramref name="id"/> into an account (permissions Edit on leads and Include on accounts): the account
    /// form is validated under the account rules and against the database, the account continues the lead's history, the
    /// lead becomes read-only and its contacts move to the account — one transaction.
    /// </summary>
    public Task<CrmResult<LeadConverted>> ConvertAsync(LeadId id, ConversionRequest? request = null, CancellationToken cancellationToken = default) =>
        _session.RunAsync("leads.convert", Module.Leads, Permission.Edit, work => ConvertAsync(work, id, request ?? new ConversionRequest()), cancellationToken);

    /// <summary>The conversion inside a unit of work (boards convert a card's prospect through it too).</summary>
    internal static async Task<CrmResult<LeadConverted>> ConvertAsync(UnitOfWork work, LeadId id, ConversionRequest request)
    {
        if ((work.Access.Check(Module.Leads, Permission.Access | Permission.Edit) ?? work.Access.Check(Module.Accounts, Permission.Access | Permission.Include)) is { } denied)
            return denied;
        if (await FindAsync(work, id).ConfigureAwait(false) is not { } lead)
            return new NotFound("lead", id.Value);
        var accountId = new AccountId(Guid.NewGuid());
        var form = request.AccountForm ?? lead.Data.ToForm();
        if (work.CheckPlacement(Module.Accounts, Permission.Include, form.Owner, form.Company, form.Branch) is { } outside)
            return outside;
        // The database checks first (a converted lead is refused by the domain below, with every other problem).
        if (lead.Status == LeadStatus.Open
            && (await Registrations.ValidateAsync(work, form, RegistrationKind.Account, id).ConfigureAwait(false))
                .TryPickT2(out var duplicate, out _))
            return duplicate;
        RegistrationRef owner = id;
        var contacts = await work.Db.Contacts.Where(c => c.Owner == owner).ToListAsync(work.Cancellation).ConfigureAwait(false);
        var settings = await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false);
        var converted = LeadConversion.Convert(lead, contacts, accountId, new RegistrationContext(settings, RegistrationKind.Account),
            work.User, work.Clock, form, request.Target, request.Service);
        if (!converted.TryPickT0(out var conversion, out var invalid))
            return invalid;
        work.Db.Accounts.Add(conversion.Account);
        await work.SendToErpAsync(conversion.Account).ConfigureAwait(false);
        return await work.SaveAsync(new LeadConverted(accountId, id, contacts.Count, conversion.Service, conversion.Warnings)).ConfigureAwait(false);
    }

    /// <summary>The lead, tracked, when it exists and the user sees it.</summary>
    internal static Task<Lead?> FindAsync(UnitOfWork work, LeadId id) =>
        work.Db.Leads.VisibleTo(work.Access.Scope!).SingleOrDefaultAsync(l => l.Id == id, work.Cancellation);
}
