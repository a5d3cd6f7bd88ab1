using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Merging;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using Crm.Persistence.Access;
using Crm.Persistence.Lists;
using Crm.Persistence.Reads;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Accounts;

/// <summary>
/// Accounts (module <see cref="Module.Accounts"/>) through a session: every use case checks the user's permission, sees only
/// the accounts of its scope (others are <see cref="NotFound"/>), validates against the tenant's settings and the database
/// (CPF/CNPJ and short name unique in the tenant) and saves in one transaction, history written by the domain.
/// </summary>
public sealed partial class AccountsModule
{
    private readonly CrmSession _session;

    internal AccountsModule(CrmSession session) => _session = session;

    /// <summary>
    /// Registers an account (permission Include). Without an owner, the session's user owns it; an owner, company or branch
    /// outside the user's scope is <see cref="Denied"/>.
    /// </summary>
    public Task<CrmResult<AccountSaved>> RegisterAsync(RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = new AccountId(Guid.NewGuid());
        return _session.RunAsync("accounts.register", Module.Accounts, Permission.Include, work =>
            PartyWrites.RegisterAsync(work, Module.Accounts, RegistrationKind.Account, id, form,
                valid => Account.Register(id, work.Tenant, valid, work.User, work.Clock),
                (version, warnings) => new AccountSaved(id, version, warnings)), cancellationToken);
    }

    /// <summary>
    /// Replaces the registration of account <paramref name="id"/> (permission Edit), based on <paramref name="version"/>
    /// (the one read): a newer stored version is a <see cref="Crm.Persistence.Concurrency.Conflict"/>.
    /// </summary>
    public Task<CrmResult<AccountSaved>> UpdateAsync(AccountId id, long version, RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _session.RunAsync("accounts.update", Module.Accounts, Permission.Edit, async work =>
            await FindAsync(work, id).ConfigureAwait(false) is { } account
                ? await PartyWrites.UpdateAsync(work, Module.Accounts, RegistrationKind.Account, id, account, version, form,
                    (saved, warnings) => new AccountSaved(id, saved, warnings)).ConfigureAwait(false)
                : new NotFound("account", id.Value), cancellationToken);
    }

    /// <summary>Account <paramref name="id"/> with its stored version (permission View); not visible to the user is <see cref="NotFound"/>.</summary>
    public Task<CrmResult<AccountRead>> GetAsync(AccountId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("accounts.get", Module.Accounts, Permission.View, work =>
            work.ReadVisibleAsync((db, ct) => db.AccountAsync(id, ct), (found, version) => new AccountRead(found, version),
                new NotFound("account", id.Value)), cancellationToken);

    /// <summary>
    /// A page of the accounts the user sees, by legal name then id (permission View), as list rows: names, tax id, owner,
    /// company, ERP situation; the visibility is applied inside the SQL. A page holds at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<AccountListRow>>> ListAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync("accounts.list", Module.Accounts, Permission.View, async work =>
            Paging.Check(skip, take) is { } invalid ? invalid
                : CrmResult<IReadOnlyList<AccountListRow>>.Of(
                    await work.Db.VisibleRowsByLegalNameAsync(work.Access.Scope!, skip, take, work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// Checks a form as <see cref="RegisterAsync"/> would (rules, CPF/CNPJ and short name against the database) without
    /// writing anything (permission Include).
    /// </summary>
    public Task<CrmResult<RegistrationChecked>> CheckAsync(RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _session.RunAsync("accounts.check", Module.Accounts, Permission.Include, async work =>
        {
            var checkedForm = await Registrations.ValidateAsync(work, form, RegistrationKind.Account, null).ConfigureAwait(false);
            return checkedForm.TryPickT0(out var valid, out _) ? new RegistrationChecked(valid.Warnings) : checkedForm.Failure<RegistrationChecked>();
        }, cancellationToken);
    }

    /// <summary>
    /// Merges account <paramref name="absorbed"/> into <paramref name="survivor"/> (permissions Edit and Delete; both
    /// visible): the survivor takes the combined registration and the absorbed history, the absorbed account is kept
    /// read-only pointing at it, and its contacts move to the survivor — one transaction.
    /// </summary>
    public Task<CrmResult<AccountsMerged>> MergeAsync(AccountId survivor, AccountId absorbed, CancellationToken cancellationToken = default) =>
        _session.RunAsync("accounts.merge", Module.Accounts, Permission.Edit | Permission.Delete, async work =>
        {
            if (await FindAsync(work, survivor).ConfigureAwait(false) is not { } keep)
                return new NotFound("account", survivor.Value);
            if (await FindAsync(work, absorbed).ConfigureAwait(false) is not { } gone)
                return new NotFound("account", absorbed.Value);
            RegistrationRef owner = absorbed;
            var contacts = await work.Db.Contacts.Where(c => c.Owner == owner).ToListAsync(work.Cancellation).ConfigureAwait(false);
            var settings = await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false);
            var merged = AccountMerge.Run(keep, gone, contacts, new RegistrationContext(settings, RegistrationKind.Account, survivor),
                work.User, work.Clock);
            if (!merged.TryPickT0(out var merge, out var invalid))
                return invalid;
            await work.SendToErpAsync(keep).ConfigureAwait(false);
            return await work.SaveAsync(new AccountsMerged(survivor, absorbed, contacts.Count, merge.Warnings)).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The ERP code given with a standing is blank, too long or has control characters.</summary>
    public const string ErpCodeInvalid = "account.erp_code.invalid";

    /// <summary>The account integrates with Gestão de Planos, so it has no ERP standing.</summary>
    public const string IntegratedWithGp = "account.integration.gp";

    /// <summary>
    /// Records what the ERP tells of account <paramref name="id"/> under <paramref name="erpCode"/> (module Settings, permission
    /// Edit: the credit it carries decides order release, so a seller may not set it on their own customer): situation, last
    /// purchase, credit limit and open balance. A host's CRM1003 pull calls it; a standing that says the same as the stored
    /// one writes nothing. An account not integrated becomes integrated under <paramref name="erpCode"/> (the host found it
    /// in the ERP); one integrated under another code, or with Gestão de Planos, is refused; the code is checked as a
    /// master-data code (required, at most 20 characters, no control characters).
    /// </summary>
    public Task<CrmResult<AccountSaved>> RecordErpStandingAsync(AccountId id, string erpCode, ErpStanding standing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return _session.RunAsync("accounts.erp_standing", Module.Settings, Permission.Edit, async work =>
        {
            if (MasterDataCode.From(erpCode) is null || erpCode.Any(char.IsControl))
                return new Invalid(new Problem("erp_code", ErpCodeInvalid,
                    $"O código do cliente no ERP é obrigatório, tem até {TextLimits.MasterDataCode} caracteres e nenhum caractere de controle."));
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } account)
                return new NotFound("account", id.Value);
            if (account.Integration.IsT2)
                return new Invalid(new Problem("erp_code", IntegratedWithGp, "A conta integra com a Gestão de Planos, não com o ERP."));
            if (account.Integration.IsT0)
                account.IntegrateUnder(erpCode, work.User, work.Clock);
            if (!account.RecordErpStanding(erpCode, standing, work.User, work.Clock).TryPickT0(out _, out var invalid))
                return invalid;
            return await work.SaveAsync(account, version => new AccountSaved(id, version, [])).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The account, tracked, when it exists and the user sees it.</summary>
    internal static Task<Account?> FindAsync(UnitOfWork work, AccountId id) =>
        work.Db.Accounts.VisibleTo(work.Access.Scope!).SingleOrDefaultAsync(a => a.Id == id, work.Cancellation);
}
