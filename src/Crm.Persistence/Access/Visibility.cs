using System.Linq.Expressions;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Microsoft.EntityFrameworkCore;
using OneOf;

namespace Crm.Persistence.Access;

/// <summary>
/// Record visibility applied inside the SQL query: the domain's <see cref="VisibilityScope"/> is turned into a WHERE
/// clause on the owner, company and branch search columns of leads and accounts, on the release of the boards of cards,
/// and on the visibility of the lead or account of contacts, so a user's query never loads a row the user may not see.
/// </summary>
public static class Visibility
{
    /// <summary>The leads or accounts <paramref name="scope"/> allows, as a query (nothing is loaded yet).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, VisibilityScope scope)
        where T : RegisteredParty
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(scope);
        return records.Where(scope.For(Column<T, UserId?>(CrmQueries.Owner), Column<T, CompanyId?>(CrmQueries.Company),
            Column<T, BranchId?>(CrmQueries.Branch)));
    }

    /// <summary>The sales orders <paramref name="scope"/> allows (by seller, company and branch, as the order list shows them), as a query.</summary>
    public static IQueryable<Orders.SalesOrderRow> VisibleTo(this IQueryable<Orders.SalesOrderRow> orders, VisibilityScope scope)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(scope);
        return orders.Where(scope.For<Orders.SalesOrderRow>(o => o.Seller, o => o.Company, o => o.Branch));
    }

    /// <summary>
    /// The cards <paramref name="scope"/> allows, as a query: those of a board released (<see cref="Board.IsReleasedTo"/>)
    /// to one of the scope's owners — the user itself, and for a Coordenador its subordinates too — or every card for a
    /// scope over all owners (Diretor, platform Admin). An inactive user sees none. Boards have no company, so the
    /// scope's companies do not apply.
    /// </summary>
    /// <param name="cards">The cards to filter, e.g. <c>db.Cards</c>.</param>
    /// <param name="scope">The user's scope (<see cref="ScopeOfAsync"/>).</param>
    /// <param name="db">The unit of work whose boards the release is read from.</param>
    public static IQueryable<Card> VisibleTo(this IQueryable<Card> cards, VisibilityScope scope, CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        if (scope.Owners is null)
            return cards;
        var released = db.Boards.VisibleTo(scope).Select(b => b.Id);
        return cards.Where(c => released.Contains(c.Board));
    }

    /// <summary>
    /// The boards <paramref name="scope"/> allows, as a query: those released to one of the scope's owners (the user, a
    /// Coordenador's team), or every board for a scope over all owners (Diretor, platform Admin).
    /// </summary>
    public static IQueryable<Board> VisibleTo(this IQueryable<Board> boards, VisibilityScope scope)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Owners is null)
            return boards;
        var owners = scope.Owners.ToList();
        return boards.Where(b => EF.Property<List<UserId>>(b, "_users").Any(u => owners.Contains(u)));
    }

    /// <summary>
    /// The occurrences <paramref name="scope"/> allows, as a query: those of an account the scope allows
    /// (<see cref="VisibleTo{T}(IQueryable{T}, VisibilityScope)"/>).
    /// </summary>
    /// <param name="occurrences">The occurrences to filter, e.g. <c>db.Occurrences</c>.</param>
    /// <param name="scope">The user's scope.</param>
    /// <param name="db">The unit of work whose accounts are read.</param>
    public static IQueryable<Service.OccurrenceRow> VisibleTo(this IQueryable<Service.OccurrenceRow> occurrences, VisibilityScope scope, CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var accounts = db.Accounts.VisibleTo(scope).Select(a => a.Id);
        return occurrences.Where(o => accounts.Contains(o.Account));
    }

    /// <summary>
    /// The contacts <paramref name="scope"/> allows, as a query: those of a lead or account the scope allows
    /// (<see cref="VisibleTo{T}(IQueryable{T}, VisibilityScope)"/>), as two semi-joins in one UNION ALL (a contact has an
    /// account or a lead, never both): an OR of two IN lists is no join to the database, which then tests every contact
    /// against the lists (at 10⁶ contacts, past any timeout when the lists outgrow its work memory).
    /// </summary>
    /// <param name="contacts">The contacts to filter, e.g. <c>db.Contacts</c>.</param>
    /// <param name="scope">The user's scope (<see cref="ScopeOfAsync"/>).</param>
    /// <param name="db">The unit of work whose leads and accounts are read.</param>
    public static IQueryable<Contact> VisibleTo(this IQueryable<Contact> contacts, VisibilityScope scope, CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var accounts = db.Accounts.VisibleTo(scope).Select(a => (AccountId?)a.Id);
        var leads = db.Leads.VisibleTo(scope).Select(l => (LeadId?)l.Id);
        return contacts.Where(c => accounts.Contains(EF.Property<AccountId?>(c, CrmQueries.OwnerAccount)))
            .Concat(contacts.Where(c => leads.Contains(EF.Property<LeadId?>(c, CrmQueries.OwnerLead))));
    }

    /// <summary>
    /// A page of the records <paramref name="scope"/> allows, ordered by legal name, as aggregates: the page's ids are
    /// chosen on covering indexes of the search columns alone (<see cref="VisibleIdsByLegalNameAsync"/>), then only those
    /// rows are read by primary key. (A single ORDER BY ... LIMIT makes the database carry every visible row, JSON
    /// documents included, into the sort.)
    /// </summary>
    public static async Task<List<T>> VisiblePageByLegalNameAsync<T, TId>(this IQueryable<T> records, VisibilityScope scope,
        Func<T, TId> idOf, int skip, int take, CancellationToken cancellationToken = default)
        where T : RegisteredParty
        where TId : notnull
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var ids = await records.VisibleIdsByLegalNameAsync<T, TId>(scope, skip, take, cancellationToken).ConfigureAwait(false);
        // The ids as one array parameter (json_each on SQLite, a uuid[] on PostgreSQL): one SQL text for every page, which
        // EF caches, instead of one parameter per id, whose SQL EF regenerates on every execution.
        var rows = await records.Where(e => EF.Parameter(ids).Contains(EF.Property<TId>(e, "Id"))).ToListAsync(cancellationToken).ConfigureAwait(false);
        return InPageOrder(ids, rows, idOf);
    }

    /// <summary><paramref name="rows"/> (read by id) in the order of <paramref name="ids"/>.</summary>
    internal static List<TRow> InPageOrder<TRow, TId>(List<TId> ids, List<TRow> rows, Func<TRow, TId> idOf)
        where TId : notnull
    {
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. rows.OrderBy(r => position[idOf(r)])];
    }

    /// <summary>
    /// The ids of a page of the records <paramref name="scope"/> allows, by legal name then id, read from the covering
    /// indexes of the search columns only. A scope of some owners (a Usuário, a Coordenador's team) first looks for the
    /// page among the tenant's first records by name, up to 5,000 past the page's end (a bounded walk of the (tenant,
    /// legal name, owner, …) index); only when that window does not hold the whole page, a sparse scope, does it read its
    /// owners' rows from the (tenant, owner, legal name, …) index and sort them. A plain <c>OwnerId IN (…) ORDER BY</c>
    /// always takes the second path, whose cost grows with the tenant: a team of 51 owners in a 1,000,000-account
    /// tenant sorts 51,000 index entries for a 50-row page, where the window reads at most 5,050.
    /// Public on purpose: a list screen of leads or contacts projects its own columns from these ids, as
    /// <c>VisibleRowsByLegalNameAsync</c> does for accounts.
    /// </summary>
    public static Task<List<TId>> VisibleIdsByLegalNameAsync<T, TId>(this IQueryable<T> records, VisibilityScope scope,
        int skip, int take, CancellationToken cancellationToken = default)
        where T : RegisteredParty =>
        PageIdsAsync<T, TId>(records, scope, skip, take, Window, cancellationToken);

    /// <summary>As the public overload, with the window's length past the page's end (tests shrink it to reach both paths).</summary>
    internal static async Task<List<TId>> PageIdsAsync<T, TId>(IQueryable<T> records, VisibilityScope scope,
        int skip, int take, int window, CancellationToken cancellationToken)
        where T : RegisteredParty
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        if (scope.Owners is not null)
        {
            // In long: a far page (skip near int.MaxValue) would overflow the window's length into a negative LIMIT.
            var first = ByLegalName<T, TId>(records).Take((int)Math.Min((long)skip + take + window, int.MaxValue));
            var found = await Page<T, TId>(first.VisibleTo(scope), skip, take).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (found.Count == take)
                return found;
        }
        return await Page<T, TId>(records.VisibleTo(scope), skip, take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How far past the page's end the first path looks. A scope whose records are at least take / Window of the tenant's
    /// (1% for a 50-row page) finds its page there; a sparser one pays this walk once more before its owners' rows.
    /// </summary>
    private const int Window = 5_000;

    private static IQueryable<TId> Page<T, TId>(IQueryable<T> visible, int skip, int take)
        where T : RegisteredParty =>
        ByLegalName<T, TId>(visible).Skip(skip).Take(take).Select(e => EF.Property<TId>(e!, "Id"));

    private static IOrderedQueryable<T> ByLegalName<T, TId>(IQueryable<T> records) =>
        records.OrderBy(e => EF.Property<string>(e!, CrmQueries.LegalName)).ThenBy(e => EF.Property<TId>(e!, "Id"));

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
