using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence.Access;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Lists;

/// <summary>
/// One line of an account list screen (the CRM grid): what identifies the account and whose it is, read from the
/// search columns and plain columns only — no JSON document is read or validated, so it is not an aggregate and cannot
/// be edited; open the account (<see cref="Visibility.VisiblePageByLegalNameAsync{T, TId}"/> or by id) for that.
/// </summary>
/// <param name="Id">The account.</param>
/// <param name="LegalName">Razão social.</param>
/// <param name="ShortName">Nome abreviado.</param>
/// <param name="TaxId">The unmasked CPF or CNPJ.</param>
/// <param name="Owner">The user responsible for it.</param>
/// <param name="Company">Its company.</param>
/// <param name="Branch">Its branch.</param>
/// <param name="ErpSituation">Its situation in the ERP as last computed.</param>
/// <param name="LastPurchase">Its last purchase in the ERP.</param>
/// <param name="MergedInto">The account it was merged into, when it was.</param>
public sealed record AccountListRow(AccountId Id, string LegalName, string? ShortName, string? TaxId, UserId? Owner,
    CompanyId? Company, BranchId? Branch, ErpSituation ErpSituation, LocalDate? LastPurchase, AccountId? MergedInto);

/// <summary>List pages of accounts, visibility applied inside the SQL as everywhere (<see cref="Visibility"/>).</summary>
public static class AccountList
{
    /// <summary>
    /// A page of the accounts <paramref name="scope"/> allows, by legal name, as list rows: the page's ids from the
    /// covering indexes (<see cref="Visibility.VisibleIdsByLegalNameAsync{T, TId}"/>), then those rows' columns by key.
    /// </summary>
    public static async Task<List<AccountListRow>> VisibleRowsByLegalNameAsync(this CrmDbContext db, VisibilityScope scope,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Accounts.VisibleIdsByLegalNameAsync<Account, AccountId>(scope, skip, take, cancellationToken).ConfigureAwait(false);
        // One array parameter, as in VisiblePageByLegalNameAsync.
        var rows = await db.Accounts.Where(a => EF.Parameter(ids).Contains(a.Id)).Select(a => new AccountListRow(a.Id,
                EF.Property<string>(a, CrmQueries.LegalName), EF.Property<string?>(a, CrmQueries.ShortName), EF.Property<string?>(a, CrmQueries.TaxId),
                EF.Property<UserId?>(a, CrmQueries.Owner), EF.Property<CompanyId?>(a, CrmQueries.Company), EF.Property<BranchId?>(a, CrmQueries.Branch),
                a.ErpSituation, a.LastPurchase, a.MergedInto))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Visibility.InPageOrder(ids, rows, r => r.Id);
    }
}
