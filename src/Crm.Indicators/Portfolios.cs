using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Access;
using Microsoft.EntityFrameworkCore;

namespace Crm.Indicators;

/// <summary>
/// A portfolio (carteira) is the accounts of one owner, the user responsible for them (<see cref="CrmQueries.Owner"/>);
/// accounts without an owner form the portfolio <c>null</c>. A customer is active in a period when it has a revenue
/// order (<see cref="Revenue"/>) issued in it.
/// </summary>
internal static class Portfolios
{
    /// <summary>Per portfolio of the visible live accounts: accounts, and how many bought in each of the three periods up to <paramref name="period"/>.</summary>
    public static async Task<List<PortfolioActivity>> ActivityAsync(CrmDbContext db, VisibilityScope scope, IndicatorPeriod period,
        CancellationToken cancellationToken)
    {
        var previous = period.Previous;
        var before = previous.Previous;
        var orders = Revenue.Orders(db);
        var rows = await Live(db, scope)
            .Select(a => new
            {
                Owner = EF.Property<UserId?>(a, CrmQueries.Owner),
                Current = orders.Any(o => o.Customer == a.Id && o.IssueDate >= period.First && o.IssueDate <= period.Last),
                Previous = orders.Any(o => o.Customer == a.Id && o.IssueDate >= previous.First && o.IssueDate <= previous.Last),
                Before = orders.Any(o => o.Customer == a.Id && o.IssueDate >= before.First && o.IssueDate <= before.Last),
            })
            .GroupBy(a => a.Owner)
            .Select(g => new
            {
                g.Key,
                Accounts = g.LongCount(),
                Current = g.LongCount(a => a.Current),
                Previous = g.LongCount(a => a.Previous),
                Before = g.LongCount(a => a.Before),
                LostNow = g.LongCount(a => a.Previous && !a.Current),
                LostBefore = g.LongCount(a => a.Before && !a.Previous),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PortfolioActivity(r.Key, r.Accounts, r.Current, r.Previous, r.Before, r.LostNow, r.LostBefore))
            .OrderBy(r => r.Owner?.Value)];
    }

    /// <summary>The accounts <paramref name="scope"/> sees that were not merged into another.</summary>
    public static IQueryable<Crm.Domain.Accounts.Account> Live(CrmDbContext db, VisibilityScope scope) =>
        db.Accounts.VisibleTo(scope).Where(a => a.MergedInto == null);
}

/// <summary>One portfolio's accounts and buying customers in the period, the previous one and the one before.</summary>
internal sealed record PortfolioActivity(UserId? Owner, long Accounts, long Current, long Previous, long Before, long LostNow, long LostBefore);
