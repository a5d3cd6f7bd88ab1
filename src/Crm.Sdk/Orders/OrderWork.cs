using Crm.Domain.Catalog;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Persistence.Catalog;
using Crm.Persistence.Orders;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Orders;

/// <summary>What every order use case shares: finding a visible order, the sale context it is checked in, writing it back.</summary>
internal static class OrderWork
{
    // Business dates (issue, today for the sale rules) are Brasília's: an order taken at 22:00 on the 5th is the 5th's.
    private static readonly DateTimeZone Brasilia = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public static NotFound Missing(SalesOrderId id) => new("sales_order", id.Value);

    public static LocalDate Today(UnitOfWork work) => Today(work.Clock);

    /// <summary>Today's business date (Brasília's) by <paramref name="clock"/>.</summary>
    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(Brasilia).Date;

    /// <summary>The order's row, tracked, when it exists and the user sees it (its seller, the customer's company/branch).</summary>
    public static async Task<SalesOrderRow?> FindAsync(UnitOfWork work, SalesOrderId id)
    {
        var row = await work.Db.SalesOrders.SingleOrDefaultAsync(o => o.Id == id, work.Cancellation).ConfigureAwait(false);
        return row is not null && work.Access.Sees(row.Seller, row.Company, row.Branch) ? row : null;
    }

    /// <summary>
    /// The sale context of <paramref name="order"/> (and of <paramref name="more"/> products about to be added): the catalog of
    /// the products it names (kits' components included), priced from its table, with the tenant's matrices; or the problems
    /// of a stored catalog that does not build.
    /// </summary>
    public static async Task<Outcome<SaleContext>> ContextAsync(UnitOfWork work, SalesOrder order, IEnumerable<string>? more = null)
    {
        var products = order.Items.Select(i => i.Product).Concat(more ?? []);
        var data = await work.Db.LoadAsync(products, order.Header.PriceTable, withRelations: false, work.Cancellation).ConfigureAwait(false);
        if (!ProductCatalog.Build(data).TryPickT0(out var catalog, out var invalid))
            return invalid;
        // The stored matrices are checked against their versions in this unit of work; a host's own are asked as they are.
        var matrices = work.Engine.Matrices is Matrices.StoredMatrices stored
            ? (await stored.CurrentAsync(work.Db, work.Tenant, work.Cancellation).ConfigureAwait(false)).Sales
            : await work.Engine.Matrices.ForAsync(work.Tenant, work.Cancellation).ConfigureAwait(false);
        return new SaleContext
        {
            Catalog = catalog,
            Pricing = MatrixSources.Create(catalog.ListPrices(order.Header.PriceTable), matrices.Taxes, matrices.Commercial,
                promotion: catalog.Promotions(order.Header.PriceTable)),
            Today = Today(work),
            Margins = matrices.Margins,
        };
    }

    /// <summary>Each problem with the item it names (<c>items[N]…</c>) and that item's product.</summary>
    public static IReadOnlyList<SaleProblem> Describe(SalesOrder order, IEnumerable<Problem> problems) =>
        [.. problems.Select(p => ItemNumber(p.Field) is { } number
            ? new SaleProblem(number, order.Items.FirstOrDefault(i => i.Number == number)?.Product, p)
            : new SaleProblem(null, null, p))];

    private static int? ItemNumber(string field)
    {
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith("items[", StringComparison.Ordinal) || close < 0)
            return null;
        return int.TryParse(field.AsSpan(6, close - 6), System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>The role an order's approvals are measured by: the user's first role (the approval matrix's Role dimension).</summary>
    public static async Task<IReadOnlyList<string>> RoleNamesAsync(UnitOfWork work, Crm.Domain.Identity.UserId user)
    {
        var found = await work.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user, work.Cancellation).ConfigureAwait(false);
        if (found is null)
            return [];
        var ids = found.Roles.ToList();
        var roles = await work.Db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(work.Cancellation).ConfigureAwait(false);
        return [.. ids.Select(id => roles.Find(r => r.Id == id)?.Name).OfType<string>()];
    }
}
