using System.Linq.Expressions;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Microsoft.EntityFrameworkCore;
using OneOf;

namespace Crm.Persistence.Access;

/// <summary>
/// Record visibility applied inside the SQL query: the domain's <see cref="VisibilityScope"/> is turned into a WHERE
/// clause on the owner, company and branch search columns, so a user's query never loads a row the user may not see.
/// </summary>
public static class Visibility
{
    /// <summary>The leads or accounts <paramref name="scope"/> allows, as a query (nothing is loaded yet).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, VisibilityScope scope)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(scope);
        return records.Where(scope.For(Column<T, UserId?>(CrmQueries.Owner), Column<T, CompanyId?>(CrmQueries.Company),
            Column<T, BranchId?>(CrmQueries.Branch)));
    }

    /// <summary>
    /// A page of the visible records ordered by legal name, in two steps inside one SQL statement: the page's ids are
    /// chosen on the (tenant, legal name, owner, company, branch, id) index alone, then only those rows are read. A plain
    /// ORDER BY ... LIMIT would make the database sort every visible row with its JSON documents before keeping 50.
    /// </summary>
    public static IQueryable<T> PageByLegalName<T, TId>(this IQueryable<T> visible, int skip, int take)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var ids = visible.OrderBy(e => EF.Property<string>(e, CrmQueries.LegalName)).ThenBy(e => EF.Property<TId>(e, "Id"))
            .Skip(skip).Take(take).Select(e => EF.Property<TId>(e, "Id"));
        return visible.Where(e => ids.Contains(EF.Property<TId>(e, "Id")))
            .OrderBy(e => EF.Property<string>(e, CrmQueries.LegalName)).ThenBy(e => EF.Property<TId>(e, "Id"));
    }

    /// <summary>
    /// The scope of <paramref name="user"/>: its roles' reach, the transitive hierarchy under it and its company/branch
    /// pairs, read from the database. Invalid when the user does not exist or the stored hierarchy is broken.
    /// </summary>
    public static async Task<OneOf<VisibilityScope, Invalid>> ScopeOfAsync(this CrmDbContext db, UserId user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (users.Find(u => u.Id == user) is not { } found)
            return new Invalid(new Problem("user", "user.not_found", $"O usuário {user.Value} não existe."));
        var roles = await db.Roles.AsNoTracking().Where(r => found.Roles.Contains(r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Hierarchy.Of(users).MapT0(hierarchy => VisibilityScope.Of(found, EffectiveAccess.Of(found, roles), hierarchy));
    }

    private static Expression<Func<T, TValue>> Column<T, TValue>(string column) => e => EF.Property<TValue>(e!, column);
}
