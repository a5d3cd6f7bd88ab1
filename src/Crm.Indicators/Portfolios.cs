using Crm.Domain.Identity;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Indicators;

/// <summary>
/// A portfolio (carteira) is the accounts of one owner, the user responsible for them (<see cref="CrmQueries.Owner"/>);
/// accounts without an owner form the portfolio <c>null</c>. A customer is active in a period when it has a revenue
/// order (<see cref="Revenue"/>) issued in it.
/// </summary>
internal static class Portfolios
{
    /// <summary>
    /// Per portfolio of the visible live accounts: accounts, and how many bought in each of the three periods up to
    /// <paramref name="period"/>. The orders of the three periods are grouped by customer once (one range of the issue-date
    /// index), and only those customers are joined to their accounts: no probe of the orders per account.
    /// </summary>
    public static async Task<List<PortfolioActivity>> ActivityAsync(Reach reach, IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var previous = period.Previous;
        var before = previous.Previous;
        var (first, since, earliest, last) = (period.First, previous.First, before.First, period.Last);
        var buyers = reach.AllRevenueOrders.Where(o => o.IssueDate >= earliest && o.IssueDate <= last)
            .GroupBy(o => o.Customer)
            .Select(g => new
            {
                Customer = g.Key,
                Current = g.Max(o => o.IssueDate >= first ? 1 : 0),
                Previous = g.Max(o => o.IssueDate >= since && o.IssueDate < first ? 1 : 0),
                Before = g.Max(o => o.IssueDate < since ? 1 : 0),
            });
        var live = reach.LiveAccounts;
        var bought = await (from a in live
                            join b in buyers on a.Id equals b.Customer
                            group b by EF.Property<UserId?>(a, CrmQueries.Owner) into g
                            select new
                            {
                                g.Key,
                                Current = g.Sum(b => b.Current),
                                Previous = g.Sum(b => b.Previous),
                                Before = g.Sum(b => b.Before),
                                LostNow = g.Sum(b => b.Previous > b.Current ? 1 : 0),
                                LostBefore = g.Sum(b => b.Before > b.Previous ? 1 : 0),
                            })
            .TagWith("Indicator: portfolio customers, churn")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await live.GroupBy(a => EF.Property<UserId?>(a, CrmQueries.Owner))
            .Select(g => new { g.Key, Count = g.LongCount() })
            .TagWith("Indicator: portfolio accounts")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. accounts.Select(a => bought.Find(b => b.Key == a.Key) is { } b
                ? new PortfolioActivity(a.Key, a.Count, b.Current, b.Previous, b.Before, b.LostNow, b.LostBefore)
                : new PortfolioActivity(a.Key, a.Count, 0, 0, 0, 0, 0))
            .OrderBy(r => r.Owner?.Value)];
    }
}

/// <summary>One portfolio's accounts and buying customers in the period, the previous one and the one before.</summary>
internal sealed record PortfolioActivity(UserId? Owner, long Accounts, long Current, long Previous, long Before, long LostNow, long LostBefore);
