using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Indicators;

/// <summary>
/// A portfolio (carteira) is the accounts of one owner, the user responsible for them (<see cref="CrmQueries.Owner"/>);
/// accounts without an owner form the portfolio <c>null</c>. A customer is active in a period when it has a revenue
/// order (<see cref="Revenue"/>) issued in it.
/// </summary>
internal static class Portfolios
{
    /// <summary>
    /// Per portfolio and ERP situation of the visible live accounts: how many, how many were registered in the period, in
    /// the previous one and by the period's end, and how many bought in each of the three periods up to
    /// <paramref name="period"/> — in one pass over the accounts, left-joined to the three periods' revenue orders grouped
    /// by customer once (one range of the issue-date index; no probe of the orders per account).
    /// </summary>
    public static async Task<List<PortfolioActivity>> ActivityAsync(Reach reach, IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var previous = period.Previous;
        var before = previous.Previous;
        var (first, since, earliest, last) = (period.First, previous.First, before.First, period.Last);
        var (from, start, end) = (previous.Start, period.Start, period.End);
        var orders = reach.AllRevenueOrders.Where(o => o.IssueDate >= earliest && o.IssueDate <= last);
        if (!reach.AllParties)
        {
            // A narrower scope groups only its own accounts' orders (by the customer index), not every customer's.
            var visible = reach.LiveAccounts.Select(a => a.Id);
            orders = orders.Where(o => visible.Contains(o.Customer));
        }
        var buyers = orders
            .GroupBy(o => o.Customer)
            .Select(g => new
            {
                Customer = g.Key,
                Current = g.Max(o => o.IssueDate >= first ? 1 : 0),
                Previous = g.Max(o => o.IssueDate >= since && o.IssueDate < first ? 1 : 0),
                Before = g.Max(o => o.IssueDate < since ? 1 : 0),
            });
        var rows = await (from a in reach.LiveAccounts
                join b in buyers on a.Id equals b.Customer into bought
                from b in bought.DefaultIfEmpty()
                select new
                {
                    Owner = EF.Property<UserId?>(a, CrmQueries.Owner),
                    a.ErpSituation,
                    At = EF.Property<Instant?>(a, CrmQueries.RegisteredAt),
                    Current = (int?)b.Current ?? 0,
                    Previous = (int?)b.Previous ?? 0,
                    Before = (int?)b.Before ?? 0,
                })
            .GroupBy(a => new { a.Owner, a.ErpSituation })
            .Select(g => new
            {
                g.Key.Owner,
                g.Key.ErpSituation,
                Accounts = g.LongCount(),
                RegisteredNow = g.LongCount(a => a.At >= start && a.At < end),
                RegisteredBefore = g.LongCount(a => a.At >= from && a.At < start),
                RegisteredByEnd = g.LongCount(a => a.At < end),
                Current = g.LongCount(a => a.Current == 1),
                Previous = g.LongCount(a => a.Previous == 1),
                Before = g.LongCount(a => a.Before == 1),
                LostNow = g.LongCount(a => a.Previous == 1 && a.Current == 0),
                LostBefore = g.LongCount(a => a.Before == 1 && a.Previous == 0),
            })
            .TagWith("Indicator: portfolios (accounts, registrations, situations, buying customers, churn)")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PortfolioActivity(r.Owner, r.ErpSituation, r.Accounts, r.RegisteredNow, r.RegisteredBefore, r.RegisteredByEnd,
            r.Current, r.Previous, r.Before, r.LostNow, r.LostBefore))];
    }

    /// <summary>Sums <paramref name="rows"/> per portfolio, in owner order.</summary>
    public static List<PortfolioActivity> PerOwner(IEnumerable<PortfolioActivity> rows) =>
        [.. rows.GroupBy(r => r.Owner)
            .Select(g => g.Aggregate((x, y) => x with
            {
                Accounts = x.Accounts + y.Accounts, RegisteredNow = x.RegisteredNow + y.RegisteredNow,
                RegisteredBefore = x.RegisteredBefore + y.RegisteredBefore, RegisteredByEnd = x.RegisteredByEnd + y.RegisteredByEnd,
                Current = x.Current + y.Current, Previous = x.Previous + y.Previous, Before = x.Before + y.Before,
                LostNow = x.LostNow + y.LostNow, LostBefore = x.LostBefore + y.LostBefore,
            }))
            .OrderBy(r => r.Owner?.Value)];
}

/// <summary>
/// One portfolio's live accounts of one ERP situation: how many, their registrations in the period, the previous one and
/// by the period's end, and the buying customers in the period, the previous one and the one before, and those lost.
/// </summary>
internal sealed record PortfolioActivity(UserId? Owner, ErpSituation Situation, long Accounts, long RegisteredNow, long RegisteredBefore,
    long RegisteredByEnd, long Current, long Previous, long Before, long LostNow, long LostBefore);
