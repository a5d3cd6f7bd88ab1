using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using Crm.Imports.Customers;
using Crm.Persistence.Access;
using Crm.Persistence.Imports;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Imports;

/// <summary>
/// The engine's side of a customer import (<see cref="SessionImportTarget{TRow}"/>): the batch's keys are looked up in one
/// query, then each row registers or updates its account as a typed form does (<see cref="PartyRows"/>), the ERP message
/// staged as for a typed form. A row's sales table (price table bound to a billing location and warehouse) is stored in
/// <see cref="AccountSalesTable"/>, added or replacing the account's binding of that billing location and warehouse (the
/// others stay); a changed binding alone makes the row <see cref="CustomerOutcomeKind.Updated"/>.
/// </summary>
internal sealed class SessionCustomerTarget(CrmSession session) : SessionImportTarget<CustomerRow>(session, "imports.customers"), ICustomerImportTarget
{
    /// <summary>Problem code: the row's external code or origin is longer than the key column.</summary>
    public const string KeyTooLongCode = "import.key.too_long";

    /// <summary>Problem code: the row's billing location or warehouse is longer than a master-data code.</summary>
    public const string SalesTableTooLongCode = "import.sales_table.too_long";

    protected override async Task<IReadOnlyList<CustomerOutcome>> JudgeAsync(UnitOfWork work, IReadOnlyList<CustomerRow> batch)
    {
        var accounts = await AccountsOfAsync(work, batch).ConfigureAwait(false);
        var known = accounts.Values.OfType<Account>().Select(a => a.Id).ToList();
        var bindings = known.Count == 0 ? [] : await work.Db.AccountSalesTables.Where(b => known.Contains(b.Account))
            .ToDictionaryAsync(b => (b.Account, b.BillingLocation, b.Warehouse), work.Cancellation).ConfigureAwait(false);
        var rows = await PartyRows.OfAsync(work, Module.Accounts, RegistrationKind.Account).ConfigureAwait(false);
        // Each row's first pass (a new key: a new account's id), the batch's duplicate keys read ahead, then each row judged.
        var passes = batch.Select(row => accounts.TryGetValue(row.Key, out var account)
            ? account is null ? null : rows.Update(account, account.Id, row.Form)
            : rows.Register(row.Form, new AccountId(Guid.NewGuid()))).ToList();
        await rows.PreloadAsync().ConfigureAwait(false);
        var outcomes = new List<CustomerOutcome>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
            outcomes.Add(await SaveAsync(work, batch[i], passes[i], accounts, rows, bindings).ConfigureAwait(false));
        return outcomes;
    }

    // The accounts of the batch's known keys, tracked: one query for the keys, one for the accounts. A key whose account the
    // user does not see maps to null (refused as out of scope). A key of origin CRM whose code is a Guid (an export of an
    // account never imported) names the account by its id: it is known even without a stored key, and one the user does not
    // see (or no account) is null as well, so the file learns nothing of it; another code of origin CRM is a key like any.
    private static async Task<Dictionary<CustomerKey, Account?>> AccountsOfAsync(UnitOfWork work, IReadOnlyList<CustomerRow> batch)
    {
        var codes = batch.Select(r => r.Key.ExternalCode).Distinct().ToList();
        var origins = batch.Select(r => r.Key.Origin).Distinct().ToList();
        var keys = await work.Db.AccountImportKeys.Where(k => codes.Contains(k.ExternalCode) && origins.Contains(k.Origin))
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        var byId = batch.Where(r => r.Key.Origin == ExportsModule.CrmOrigin && !keys.Exists(k => new CustomerKey(k.ExternalCode, k.Origin) == r.Key))
            .Select(r => (r.Key, Id: Guid.TryParse(r.Key.ExternalCode, out var id) ? new AccountId(id) : (AccountId?)null))
            .Where(r => r.Id is not null).Select(r => (r.Key, Id: r.Id!.Value)).ToList();
        var ids = keys.Select(k => k.Account).Concat(byId.Select(k => k.Id)).Distinct().ToList();
        var visible = ids.Count == 0 ? [] : await work.Db.Accounts.VisibleTo(work.Access.Scope!).Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, work.Cancellation).ConfigureAwait(false);
        var accounts = keys.ToDictionary(k => new CustomerKey(k.ExternalCode, k.Origin), k => visible.GetValueOrDefault(k.Account));
        foreach (var (key, id) in byId)
            accounts[key] = visible.GetValueOrDefault(id);
        return accounts;
    }

    private static async Task<CustomerOutcome> SaveAsync(UnitOfWork work, CustomerRow row, Registrations.FirstPass? pass,
        Dictionary<CustomerKey, Account?> accounts, PartyRows rows, Dictionary<(AccountId, string, string), AccountSalesTable> bindings)
    {
        if (row.Key.ExternalCode.Length > AccountImportKey.MaxLength || row.Key.Origin.Length > AccountImportKey.MaxLength)
            return Rejected(new Problem("external_code", KeyTooLongCode, $"Código externo e origem: no máximo {AccountImportKey.MaxLength} caracteres."));
        if (row.SalesTable is { } sales && (sales.BillingLocation.Length > TextLimits.MasterDataCode || sales.Warehouse.Length > TextLimits.MasterDataCode))
            return Rejected(new Problem(sales.BillingLocation.Length > TextLimits.MasterDataCode ? "billing_location" : "warehouse", SalesTableTooLongCode,
                $"Local de faturamento e armazém: no máximo {TextLimits.MasterDataCode} caracteres."));
        if (!accounts.TryGetValue(row.Key, out var account))
        {
            var id = pass!.Context.Self!.AsT1;
            return await rows.RegisterAsync(pass, valid => Account.Register(id, work.Tenant, valid, work.User, work.Clock), async created =>
            {
                work.Db.AccountImportKeys.Add(new AccountImportKey { Tenant = work.Tenant, Origin = row.Key.Origin, ExternalCode = row.Key.ExternalCode, Account = id });
                Bind(work, id, row.SalesTable, bindings);
                await work.SendToErpAsync(created).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        if (account is null)
            return Rejected(CrmAccess.OutOfScope(Module.Accounts, Permission.Edit).ToProblem());
        var outcome = await rows.UpdateAsync(account, pass!, () => work.SendToErpAsync(account)).ConfigureAwait(false);
        return outcome.Kind == CustomerOutcomeKind.Rejected || !Bind(work, account.Id, row.SalesTable, bindings)
            ? outcome
            : outcome with { Kind = CustomerOutcomeKind.Updated };
    }

    // Adds or replaces the account's binding of the row's billing location and warehouse; true when that changed something.
    private static bool Bind(UnitOfWork work, AccountId account, SalesTableBinding? sales, Dictionary<(AccountId, string, string), AccountSalesTable> bindings)
    {
        if (sales is null)
            return false;
        var key = (account, sales.BillingLocation, sales.Warehouse);
        if (bindings.TryGetValue(key, out var bound))
        {
            if (bound.PriceTable == sales.SalesTable)
                return false;
            bound.PriceTable = sales.SalesTable;
            return true;
        }
        bindings[key] = new AccountSalesTable
        {
            Tenant = work.Tenant, Account = account, BillingLocation = sales.BillingLocation, Warehouse = sales.Warehouse, PriceTable = sales.SalesTable,
        };
        work.Db.AccountSalesTables.Add(bindings[key]);
        return true;
    }
}
