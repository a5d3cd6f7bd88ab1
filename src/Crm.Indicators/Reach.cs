using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Funnel.Opportunities;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Orders;
using Crm.Persistence.Service;
using Microsoft.EntityFrameworkCore;

namespace Crm.Indicators;

/// <summary>
/// The records one indicator call reads: the user's scope turned into the fewest predicates the tenant's data needs.
/// A scope over every owner whose whole companies include every company the tenant's records name (a Diretor of all
/// of them, the platform Admin) sees every record, so it adds no predicate and no join at all; any other scope filters
/// accounts, leads and orders on their own owner/company/branch columns, and contacts and occurrences by a semi-join
/// on their account (or lead).
/// </summary>
internal sealed class Reach
{
    private readonly CrmDbContext _db;
    private readonly VisibilityScope _scope;

    private Reach(CrmDbContext db, VisibilityScope scope, bool allParties, bool allOrders) =>
        (_db, _scope, AllParties, AllOrders) = (db, scope, allParties, allOrders);

    /// <summary>Every account, lead, contact and occurrence of the tenant is visible.</summary>
    public bool AllParties { get; }

    /// <summary>Every order of the tenant is visible.</summary>
    public bool AllOrders { get; }

    /// <summary>
    /// The reach of <paramref name="scope"/> in <paramref name="db"/>'s tenant. A scope over every owner but limited to
    /// some companies reads which companies the accounts and leads name — and, with <paramref name="orders"/>, the orders —
    /// by a walk of the (tenant, company, …) indexes, one probe per company, and is unrestricted where its whole companies
    /// include them all. That shortcut is taken only inside a <paramref name="snapshot"/> that is
    /// <see cref="Snapshot.Consistent"/>: otherwise a record moved to another company after the walk would be counted.
    /// Without <paramref name="orders"/>, orders keep their predicates (a group that reads no visible orders skips the walk).
    /// </summary>
    public static async Task<Reach> OfAsync(CrmDbContext db, VisibilityScope scope, Snapshot snapshot, bool orders, CancellationToken cancellationToken)
    {
        if (scope.Owners is not null)
            return new Reach(db, scope, false, false);
        if (scope.Companies is null)
            return new Reach(db, scope, true, true);
        if (!snapshot.Consistent)
            return new Reach(db, scope, false, false);
        var whole = scope.Companies.Where(p => p.Branch is null).Select(p => p.Company.Value).ToHashSet();
        var tenant = Sql.Of(db).Key(db.Tenant.Value);
        async Task<bool> Covered(string table, string column) =>
            (await db.Database.SqlQueryRaw<Guid>(Sql.CompaniesOf(table, column), tenant).ToListAsync(cancellationToken).ConfigureAwait(false))
                .All(whole.Contains);
        var parties = await Covered("Accounts", "CompanyId").ConfigureAwait(false) && await Covered("Leads", "CompanyId").ConfigureAwait(false);
        return new Reach(db, scope, parties, orders && await Covered("SalesOrders", "Company").ConfigureAwait(false));
    }

    /// <summary>The visible contacts (those of the visible accounts and leads).</summary>
    public IQueryable<Contact> Contacts => AllParties ? _db.Contacts : _db.Contacts.VisibleTo(_scope, _db);

    /// <summary>The visible accounts.</summary>
    public IQueryable<Account> Accounts => AllParties ? _db.Accounts : _db.Accounts.VisibleTo(_scope);

    /// <summary>The visible accounts not merged into another (the live ones).</summary>
    public IQueryable<Account> LiveAccounts => Accounts.Where(a => a.MergedInto == null);

    /// <summary>The visible leads.</summary>
    public IQueryable<Lead> Leads => AllParties ? _db.Leads : _db.Leads.VisibleTo(_scope);

    /// <summary>The occurrences of the visible accounts.</summary>
    public IQueryable<OccurrenceRow> Occurrences => AllParties ? _db.Occurrences : _db.Occurrences.VisibleTo(_scope, _db);

    /// <summary>The revenue orders (<see cref="Revenue.Statuses"/>) visible by seller, company and branch, as the order list shows them.</summary>
    public IQueryable<SalesOrderRow> RevenueOrders => AllOrders
        ? Revenue.Orders(_db)
        : Revenue.Orders(_db).VisibleTo(_scope);

    /// <summary>The items of the visible revenue orders (each item row carries its order's status, date and visibility columns).</summary>
    public IQueryable<SalesOrderItemRow> RevenueItems
    {
        get
        {
            var statuses = Revenue.Statuses.ToList();
            var items = _db.SalesOrderItems.Where(i => statuses.Contains(i.Status));
            return AllOrders ? items : items.Where(_scope.For<SalesOrderItemRow>(i => i.Seller, i => i.Company, i => i.Branch));
        }
    }

    /// <summary>Every revenue order of the tenant, visible or not (a purchase is a purchase, whoever sold it).</summary>
    public IQueryable<SalesOrderRow> AllRevenueOrders => Revenue.Orders(_db);

    /// <summary>The opportunities visible by owner, as in the funnel.</summary>
    public IQueryable<Opportunity> Opportunities => _scope.Owners is null
        ? _db.Opportunities
        : _db.Opportunities.Where(_scope.For<Opportunity>(o => o.Owner, o => null, o => null));

    /// <summary>The ids of the visible accounts, as a subquery.</summary>
    public IQueryable<Guid?> AccountKeys => Accounts.Select(a => (Guid?)EF.Property<Guid>(a, "Id"));
}
