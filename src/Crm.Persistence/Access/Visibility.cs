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
    /// A page of the records <paramref name="scope"/> allows, ordered by legal name, in two short queries: the page's
    /// ids are chosen on covering indexes of the search columns alone, then only those rows are read by primary key.
    /// (A single ORDER BY ... LIMIT makes the database carry every visible row, JSON documents included, into the sort,
    /// and an outer ORDER BY over an id list tempts SQLite into scanning the name index of the whole tenant.)
    /// </summary>
    public static async Task<List<T>> VisiblePageByLegalNameAsync<T, TId>(this IQueryable<T> records, VisibilityScope scope,
        Func<T, TId> idOf, int skip, int take, CancellationToken cancellationToken = default)
        where T : class
        where TId : notnull
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var ids = await records.VisibleTo(scope).OrderBy(e => EF.Property<string>(e, CrmQueries.LegalName)).ThenBy(e => EF.Property<TId>(e, "Id"))
            .Skip(skip).Take(take).Select(e => EF.Property<TId>(e, "Id")).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await records.Where(e => ids.Contains(EF.Property<TId>(e, "Id"))).ToListAsync(cancellationToken).ConfigureAwait(false);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. rows.OrderBy(r => position[idOf(r)])];
    }

    /// <summary>
    /// The scope of <paramref name="user"/>: its roles' reach, the transitive hierarchy under it and its company/branch
    /// pairs, read from the database. Invalid when the user does not exist or the stored hierarchy is broken.
    /// </summary>
    public static async Task<Outcome<VisibilityScope>> ScopeOfAsync(this CrmDbContext db, UserId user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (users.Find(u => u.Id == user) is not { } found)
            return new Invalid(new Problem("user", "user.not_found", $"O usuário {user.Value} não existe."));
        var roles = await db.Roles.AsNoTracking().Where(r => found.Roles.Contains(r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Hierarchy.Of(users).Map(hierarchy => VisibilityScope.Of(found, EffectiveAccess.Of(found, roles), hierarchy));
    }

    private static Expression<Func<T, TValue>> Column<T, TValue>(string column) => e => EF.Property<TValue>(e!, column);
}
