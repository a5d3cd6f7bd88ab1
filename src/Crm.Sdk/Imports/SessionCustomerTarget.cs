using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Imports.Customers;
using Crm.Persistence.Access;
using Crm.Persistence.Imports;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Imports;

/// <summary>
/// The engine's side of a customer import: each batch is one use case (one unit of work, logged) of the session. The
/// batch's keys are looked up in one query, then each row is judged as a typed form is (placement in the user's scope, the
/// registration rules against the database, duplicates among the batch's own rows too) and registers or updates its
/// account, the ERP message staged as for a typed form; the accepted rows are saved together, or none of them.
/// </summary>
internal sealed class SessionCustomerTarget(CrmSession session) : ICustomerImportTarget
{
    /// <summary>Problem code: the row's external code or origin is longer than the key column.</summary>
    public const string KeyTooLongCode = "import.key.too_long";

    public async Task<IReadOnlyList<CustomerOutcome>> SaveAsync(IReadOnlyList<CustomerRow> batch, bool dryRun, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync("imports.customers", Module.Imports, Permission.Include,
            work => SaveAsync(work, batch, dryRun), cancellationToken).ConfigureAwait(false);
        // A failure of the whole batch (its save refused, access lost) refuses every row with the reason.
        return result.Match(outcomes => outcomes, _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems),
            _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems));
    }

    private static IReadOnlyList<CustomerOutcome> Refused(IReadOnlyList<CustomerRow> batch, IReadOnlyList<Problem> problems) =>
        [.. batch.Select(_ => new CustomerOutcome(CustomerOutcomeKind.Rejected, problems))];

    private static async Task<CrmResult<IReadOnlyList<CustomerOutcome>>> SaveAsync(UnitOfWork work, IReadOnlyList<CustomerRow> batch, bool dryRun)
    {
        var accounts = await AccountsOfAsync(work, batch).ConfigureAwait(false);
        var seen = new BatchKeys();
        var outcomes = new List<CustomerOutcome>(batch.Count);
        foreach (var row in batch)
            outcomes.Add(await SaveAsync(work, row, accounts, seen).ConfigureAwait(false));
        if (dryRun || !outcomes.Any(o => o.Kind is CustomerOutcomeKind.Created or CustomerOutcomeKind.Updated))
            return outcomes;
        var saved = await work.SaveAsync(0).ConfigureAwait(false);
        return saved.TryPickT0(out _, out _) ? outcomes : saved.Failure<IReadOnlyList<CustomerOutcome>>();
    }

    // The accounts of the batch's known keys, tracked: one query for the keys, one for the accounts. A key whose account the
    // user does not see maps to null (refused as out of scope). A key of origin CRM (an export of an account never imported)
    // names the account by its id: it is known even without a stored key, and one the user does not see (or no account) is
    // null as well, so the file learns nothing of it.
    private static async Task<Dictionary<CustomerKey, Account?>> AccountsOfAsync(UnitOfWork work, IReadOnlyList<CustomerRow> batch)
    {
        var codes = batch.Select(r => r.Key.ExternalCode).Distinct().ToList();
        var origins = batch.Select(r => r.Key.Origin).Distinct().ToList();
        var keys = await work.Db.AccountImportKeys.Where(k => codes.Contains(k.ExternalCode) && origins.Contains(k.Origin))
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var byId = batch.Where(r => r.Key.Origin == ExportsModule.CrmOrigin && !keys.Exists(k => new CustomerKey(k.ExternalCode, k.Origin) == r.Key))
            .Select(r => (r.Key, Id: Guid.TryParse(r.Key.ExternalCode, out var id) ? new AccountId(id) : default)).ToList();
        var ids = keys.Select(k => k.Account).Concat(byId.Select(k => k.Id)).Distinct().ToList();
        var visible = ids.Count == 0 ? [] : await work.Db.Accounts.VisibleTo(work.Access.Scope!).Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, work.Cancellation).ConfigureAwait(false);
        var accounts = keys.ToDictionary(k => new CustomerKey(k.ExternalCode, k.Origin), k => visible.GetValueOrDefault(k.Account));
        foreach (var (key, id) in byId)
            accounts[key] = visible.GetValueOrDefault(id);
        return accounts;
    }

    private static async Task<CustomerOutcome> SaveAsync(UnitOfWork work, CustomerRow row, Dictionary<CustomerKey, Account?> accounts, BatchKeys seen)
    {
        if (row.Key.ExternalCode.Length > AccountImportKey.MaxLength || row.Key.Origin.Length > AccountImportKey.MaxLength)
            return Rejected(new Problem("external_code", KeyTooLongCode, $"Código externo e origem: no máximo {AccountImportKey.MaxLength} caracteres."));
        if (!accounts.TryGetValue(row.Key, out var account))
            return await RegisterAsync(work, row, seen).ConfigureAwait(false);
        if (account is null)
            return Rejected(CrmAccess.OutOfScope(Module.Accounts, Permission.Edit).ToProblem());
        return await UpdateAsync(work, row, account, seen).ConfigureAwait(false);
    }

    private static async Task<CustomerOutcome> RegisterAsync(UnitOfWork work, CustomerRow row, BatchKeys seen)
    {
        if (work.Access.Check(Module.Accounts, Permission.Access | Permission.Include) is { } denied)
            return Rejected(denied.ToProblem());
        var form = row.Form with { Owner = row.Form.Owner ?? work.User };
        if (work.CheckPlacement(Module.Accounts, Permission.Include, form.Owner, form.Company, form.Branch) is { } outside)
            return Rejected(outside.ToProblem());
        var id = new AccountId(Guid.NewGuid());
        var checkedForm = await Registrations.ValidateAsync(work, form, RegistrationKind.Account, id).ConfigureAwait(false);
        if (!checkedForm.TryPickT0(out var valid, out _))
            return Rejected(checkedForm.Problems);
        if (seen.Repeated(valid) is { Count: > 0 } repeated)
            return Rejected(repeated);
        var account = Account.Register(id, work.Tenant, valid, work.User, work.Clock);
        work.Db.Accounts.Add(account);
        work.Db.AccountImportKeys.Add(new AccountImportKey { Tenant = work.Tenant, Origin = row.Key.Origin, ExternalCode = row.Key.ExternalCode, Account = id });
        await work.SendToErpAsync(account).ConfigureAwait(false);
        return new CustomerOutcome(CustomerOutcomeKind.Created, valid.Warnings);
    }

    private static async Task<CustomerOutcome> UpdateAsync(UnitOfWork work, CustomerRow row, Account account, BatchKeys seen)
    {
        if (work.Access.Check(Module.Accounts, Permission.Access | Permission.Edit) is { } denied)
            return Rejected(denied.ToProblem());
        // The file says nothing of placement unless it has the columns: the account keeps its owner, company and branch.
        var form = row.Form with
        {
            Owner = row.Form.Owner ?? account.Data.Owner,
            Company = row.Form.Company ?? account.Data.Company,
            Branch = row.Form.Branch ?? account.Data.Branch,
        };
        if (work.CheckPlacement(Module.Accounts, Permission.Edit, form.Owner, form.Company, form.Branch) is { } outside)
            return Rejected(outside.ToProblem());
        var checkedForm = await Registrations.ValidateAsync(work, form, RegistrationKind.Account, account.Id).ConfigureAwait(false);
        if (!checkedForm.TryPickT0(out var valid, out _))
            return Rejected(checkedForm.Problems);
        if (seen.Repeated(valid) is { Count: > 0 } repeated)
            return Rejected(repeated);
        if (account.Update(valid, work.User, work.Clock).TryPickT1(out var frozen, out var changes))
            return Rejected(frozen.Problems);
        if (changes.Count == 0)
            return new CustomerOutcome(CustomerOutcomeKind.Unchanged, valid.Warnings);
        await work.SendToErpAsync(account).ConfigureAwait(false);
        return new CustomerOutcome(CustomerOutcomeKind.Updated, valid.Warnings);
    }

    private static CustomerOutcome Rejected(params IReadOnlyList<Problem> problems) => new(CustomerOutcomeKind.Rejected, problems);

    /// <summary>
    /// The CPF/CNPJs and short names the batch's accepted rows hold: the database check cannot see rows not saved yet, so a
    /// later row repeating one is refused here with the domain's duplicate codes.
    /// </summary>
    private sealed class BatchKeys
    {
        private readonly HashSet<string> _taxIds = [];
        private readonly HashSet<string> _shortNames = [];

        public List<Problem> Repeated(ValidRegistration valid)
        {
            var problems = new List<Problem>();
            if (valid.Data.TaxId is { } taxId && !_taxIds.Add(taxId.Digits))
                problems.Add(new("tax_id", "account.tax_id.duplicate", "Este CPF/CNPJ já está em uma linha anterior deste lote."));
            if (valid.Data.ShortName is { } shortName && !_shortNames.Add(shortName.Key))
                problems.Add(new("short_name", AccountCodes.ShortNameDuplicate, "Este nome abreviado já está em uma linha anterior deste lote."));
            return problems;
        }
    }
}
