using System.Globalization;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Service;
using Crm.Domain.Service.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Crm.Indicators;

/// <summary>
/// The indicators of seed 003, each computed by the database (SQL through EF Core on SQLite and PostgreSQL; no row is
/// loaded to be counted in memory) over the records the user's scope sees, for a period and the previous period
/// of the same length. The caller checks the user's permission.
/// </summary>
public static class Indicators
{
    /// <summary>
    /// The registration indicators. An account or lead counts as registered at its first history entry (the
    /// <see cref="CrmQueries.RegisteredAt"/> column). An account
    /// converted from a lead continues the lead's history, so it counts from the lead's registration, and the converted
    /// lead (kept, with its account) is left out, as are accounts merged into another. Visibility: accounts and leads by <see cref="Visibility.VisibleTo{T}"/>,
    /// contacts by their account's or lead's.
    /// </summary>
    /// <param name="db">The tenant's unit of work.</param>
    /// <param name="scope">What the user sees (<see cref="Visibility.ScopeOfAsync"/>).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<RegistrationIndicators> RegistrationAsync(CrmDbContext db, VisibilityScope scope, IndicatorPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var snapshot = await Snapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
        await using var ending = snapshot.ConfigureAwait(false);
        var previous = period.Previous;
        var reach = await Reach.OfAsync(db, scope, snapshot, orders: false, cancellationToken).ConfigureAwait(false);

        // The live accounts' registrations, situations and churn in one pass over their index.
        var live = await Portfolios.ActivityAsync(reach, period, cancellationToken).ConfigureAwait(false);
        var accounts = (Current: live.Sum(s => s.RegisteredNow), Previous: live.Sum(s => s.RegisteredBefore), Base: live.Sum(s => s.RegisteredByEnd));
        long Situation(ErpSituation s) => live.Where(x => x.Situation == s).Sum(x => x.Accounts);
        var (from, start, end) = (previous.Start, period.Start, period.End);
        var leads = await reach.Leads.Where(l => l.ConvertedTo == null)
            .Select(l => EF.Property<Instant?>(l, CrmQueries.RegisteredAt))
            .GroupBy(at => 1)
            .Select(g => new
            {
                Current = g.LongCount(at => at >= start && at < end),
                Previous = g.LongCount(at => at >= from && at < start),
                Base = g.LongCount(at => at < end),
            })
            .TagWith("Indicator: registered leads")
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var baseAtEnd = accounts.Base + (leads?.Base ?? 0);

        var contacts = await ContactsAsync(db, reach, period, cancellationToken).ConfigureAwait(false);

        var churn = Portfolios.PerOwner(live)
            .Select(p => new PortfolioChurn(p.Owner, new Churn(p.Previous, p.LostNow), new Churn(p.Before, p.LostBefore))).ToList();

        var (leadsNow, leadsBefore) = (leads?.Current ?? 0, leads?.Previous ?? 0);
        return new RegistrationIndicators(period, new Compared<long>(accounts.Current, accounts.Previous), new Compared<long>(leadsNow, leadsBefore),
            new Compared<long>(baseAtEnd, baseAtEnd - accounts.Current - leadsNow),
            new AccountSituations(Situation(ErpSituation.Active), Situation(ErpSituation.Inactive), Situation(ErpSituation.NotIntegrated)),
            contacts.Reach, churn, contacts.Marketing);
    }

    /// <summary>
    /// The visible contacts' reach and opt-ins in one pass over their columns (<see cref="CrmQueries.HasEmail"/>,
    /// <see cref="CrmQueries.OptIn"/>…), no JSON read, over <see cref="Reach.Contacts"/>.
    /// </summary>
    private static async Task<(ContactReach Reach, List<ChannelPermissions> Marketing)> ContactsAsync(CrmDbContext db, Reach reach, IndicatorPeriod period,
        CancellationToken cancellationToken)
    {
        var (last, previousLast) = (period.Last, period.Previous.Last);
        var contacts = reach.Contacts;
        // One count per channel: a channel added to MarketingChannel gets its column from the model and its two counts here.
        var counts = await contacts
            .Select(c => new
            {
                HasEmail = EF.Property<bool>(c, CrmQueries.HasEmail),
                HasPhone = EF.Property<bool>(c, CrmQueries.HasPhone),
                Email = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Email)),
                Mail = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Mail)),
                Phone = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Phone)),
                Messaging = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Messaging)),
            })
            .GroupBy(c => 1)
            .Select(g => new
            {
                Total = g.LongCount(),
                WithEmail = g.LongCount(c => c.HasEmail),
                WithPhone = g.LongCount(c => c.HasPhone),
                Email = new Compared<long>(g.LongCount(c => c.Email <= last), g.LongCount(c => c.Email <= previousLast)),
                Mail = new Compared<long>(g.LongCount(c => c.Mail <= last), g.LongCount(c => c.Mail <= previousLast)),
                Phone = new Compared<long>(g.LongCount(c => c.Phone <= last), g.LongCount(c => c.Phone <= previousLast)),
                Messaging = new Compared<long>(g.LongCount(c => c.Messaging <= last), g.LongCount(c => c.Messaging <= previousLast)),
            })
            .TagWith("Indicator: contact reach, marketing permissions")
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var none = new Compared<long>(0, 0);
        var marketing = Enum.GetValues<MarketingChannel>().Select(channel => new ChannelPermissions(channel, counts is null ? none : channel switch
        {
            MarketingChannel.Email => counts.Email,
            MarketingChannel.Mail => counts.Mail,
            MarketingChannel.Phone => counts.Phone,
            MarketingChannel.Messaging => counts.Messaging,
            _ => throw new System.Diagnostics.UnreachableException($"No opt-in count for {channel}."),
        })).ToList();
        return (new ContactReach(counts?.Total ?? 0, counts?.WithEmail ?? 0, counts?.WithPhone ?? 0), marketing);
    }

    /// <summary>How many products <see cref="SalesIndicators.BestSellers"/> lists.</summary>
    public const int BestSellers = 10;

    /// <summary>
    /// The sales indicators. Orders count as revenue by <see cref="Revenue.Statuses"/>, on their issue date, and are
    /// visible by seller, company and branch as in the order list; opportunities are visible by owner, as in the funnel;
    /// portfolios are the visible accounts' owners.
    /// </summary>
    /// <param name="db">The tenant's unit of work.</param>
    /// <param name="scope">What the user sees (<see cref="Visibility.ScopeOfAsync"/>).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<SalesIndicators> SalesAsync(CrmDbContext db, VisibilityScope scope, IndicatorPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var snapshot = await Snapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
        await using var ending = snapshot.ConfigureAwait(false);
        var sql = Sql.Of(db);
        var previous = period.Previous;
        var (first, last, since) = (period.First, period.Last, previous.First);
        var reach = await Reach.OfAsync(db, scope, snapshot, orders: true, cancellationToken).ConfigureAwait(false);

        var perSeller = await reach.RevenueOrders.Where(o => o.IssueDate >= since && o.IssueDate <= last)
            .GroupBy(o => o.Seller)
            .Select(g => new
            {
                g.Key,
                Current = g.Sum(o => o.IssueDate >= first ? o.Total ?? 0m : 0m),
                Previous = g.Sum(o => o.IssueDate < first ? o.Total ?? 0m : 0m),
                CurrentOrders = g.LongCount(o => o.IssueDate >= first),
                PreviousOrders = g.LongCount(o => o.IssueDate < first),
            })
            .TagWith("Indicator: revenue per representative")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var representatives = perSeller
            .Select(r => new RepresentativeRevenue(r.Key, new(r.Current, r.Previous), new(r.CurrentOrders, r.PreviousOrders)))
            .OrderByDescending(r => r.Revenue.Current).ThenBy(r => r.Seller.Value).ToList();
        var revenue = new Compared<decimal>(perSeller.Sum(r => r.Current), perSeller.Sum(r => r.Previous));

        var portfolios = Portfolios.PerOwner(await Portfolios.ActivityAsync(reach, period, cancellationToken).ConfigureAwait(false))
            .Select(p => new PortfolioCustomers(p.Owner, p.Accounts, new Compared<long>(p.Current, p.Previous))).ToList();

        // The open items of the two periods' revenue orders, which carry their order's date, status and visibility columns.
        var lines = reach.RevenueItems.Where(i => i.IsOpen && i.IssueDate >= since && i.IssueDate <= last)
            .Select(i => new { i.Product, i.Quantity, Value = i.Total, Current = i.IssueDate >= first });
        var products = await lines.GroupBy(l => l.Product)
            .Select(g => new
            {
                g.Key,
                Quantity = g.Sum(l => l.Current ? l.Quantity : 0m),
                PreviousQuantity = g.Sum(l => l.Current ? 0m : l.Quantity),
                Value = g.Sum(l => l.Current ? l.Value ?? 0m : 0m),
                PreviousValue = g.Sum(l => l.Current ? 0m : l.Value ?? 0m),
                Sold = g.Any(l => l.Current),
            })
            .Where(p => p.Sold)
            .OrderByDescending(p => (double)p.Value).ThenBy(p => p.Key).Take(BestSellers)
            .TagWith("Indicator: best sellers")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var bestSellers = products.Select(p => new ProductSales(p.Key, new(p.Quantity, p.PreviousQuantity), new(p.Value, p.PreviousValue)))
            .OrderByDescending(p => p.Value.Current).ThenBy(p => p.Product, StringComparer.Ordinal).ToList();

        // The funnel: opportunities per current stage from its column; entries per stage from the stage histories of the
        // opportunities whose latest entry is in the two periods or after (an older one holds no entry in them).
        var opportunities = reach.Opportunities;
        var now = await opportunities.GroupBy(o => EF.Property<StageId>(o, CrmQueries.CurrentStage))
            .Select(g => new { Stage = g.Key, Count = g.LongCount() })
            .TagWith("Indicator: opportunities per stage")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var visits = db.Database.SqlQueryRaw<StageLine>(sql.StageLines, sql.Key(db.Tenant.Value),
                sql.Moment(previous.Start), sql.Moment(period.Start), sql.Moment(period.End));
        if (scope.Owners is not null)
        {
            var visible = opportunities.Select(o => EF.Property<Guid>(o, "Id"));
            visits = visits.Where(l => visible.Contains(l.Opportunity));
        }
        var entered = await visits
            .GroupBy(l => l.Stage)
            .Select(g => new { Stage = g.Key, Now = g.LongCount(l => l.EnteredNow), Before = g.LongCount(l => l.EnteredBefore) })
            .TagWith("Indicator: stage entries")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pipelines = await db.Pipelines.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var funnel = (from pipeline in pipelines
                      from stage in pipeline.Stages
                      let current = now.Find(s => s.Stage == stage.Id)?.Count ?? 0
                      let entries = entered.Find(s => s.Stage == stage.Id.Value)
                      where current > 0 || entries is { Now: > 0 } or { Before: > 0 }
                      select new StageCount(pipeline.Id, stage.Id, stage.Name, stage.Outcome, current,
                          new Compared<long>(entries?.Now ?? 0, entries?.Before ?? 0))).ToList();

        // Won in a period: the current visit is a won stage entered in it. Existing customer: a revenue order issued before
        // that period (any seller's: a purchase is a purchase).
        var orders = reach.AllRevenueOrders;
        var (from, start, end) = (previous.Start, period.Start, period.End);
        var won = await opportunities.Where(o => o.Status == StageOutcome.Won)
            .Select(o => new { o.Value, o.Account, Entered = EF.Property<Instant>(o, CrmQueries.StageEnteredAt) })
            .Where(o => o.Entered >= from && o.Entered < end)
            .Select(o => new
            {
                o.Value,
                Now = o.Entered >= start && orders.Any(r => r.Customer == o.Account && r.IssueDate < first),
                Before = o.Entered < start && orders.Any(r => r.Customer == o.Account && r.IssueDate < since),
            })
            .Where(o => o.Now || o.Before)
            .GroupBy(o => 1)
            .Select(g => new
            {
                Won = g.LongCount(o => o.Now),
                PreviouslyWon = g.LongCount(o => o.Before),
                Value = g.Sum(o => o.Now ? o.Value!.Value.Amount : 0m),
                PreviousValue = g.Sum(o => o.Before ? o.Value!.Value.Amount : 0m),
            })
            .TagWith("Indicator: cross/up-sell")
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var crossSell = new CrossSell(new(won?.Won ?? 0, won?.PreviouslyWon ?? 0), new(won?.Value ?? 0m, won?.PreviousValue ?? 0m));

        return new SalesIndicators(period, revenue, representatives, portfolios, bestSellers, funnel, crossSell);
    }

    /// <summary>
    /// The service indicators, over the occurrences of the accounts the user sees (<see cref="Visibility.VisibleTo{T}"/>).
    /// </summary>
    /// <param name="db">The tenant's unit of work.</param>
    /// <param name="scope">What the user sees (<see cref="Visibility.ScopeOfAsync"/>).</param>
    /// <param name="period">The period.</param>
    /// <param name="now">The present: an unanswered occurrence is breached once its answer is due before it.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<ServiceIndicators> ServiceAsync(CrmDbContext db, VisibilityScope scope, IndicatorPeriod period, Instant now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var snapshot = await Snapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
        await using var ending = snapshot.ConfigureAwait(false);
        var sql = Sql.Of(db);
        var previous = period.Previous;
        var (from, start, end) = (previous.Start, period.Start, period.End);
        var reach = await Reach.OfAsync(db, scope, snapshot, orders: false, cancellationToken).ConfigureAwait(false);
        var visible = reach.Occurrences;
        var opened = visible.Where(o => o.OpenedAt >= from && o.OpenedAt < end);

        var emails = await opened.Where(o => o.Channel == ServiceChannel.Email).GroupBy(o => 1)
            .Select(g => new { Current = g.LongCount(o => o.OpenedAt >= start), Previous = g.LongCount(o => o.OpenedAt < start) })
            .TagWith("Indicator: e-mails received")
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var mondays = Weeks(period);
        var perWeek = await visible.Where(o => o.Channel == ServiceChannel.Email && o.OpenedAt >= start && o.OpenedAt < end)
            .GroupBy(WeekOf(mondays.Skip(1).Select(m => period.Zone.AtStartOfDay(m).ToInstant())))
            .Select(g => new { Week = g.Key, Count = g.LongCount() })
            .TagWith("Indicator: e-mails per week")
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var complaints = opened.Where(o => o.IsComplaint);
        var perUnit = await complaints.GroupBy(o => new { o.Company, o.Branch })
            .Select(g => new { g.Key.Company, g.Key.Branch, Current = g.LongCount(o => o.OpenedAt >= start), Previous = g.LongCount(o => o.OpenedAt < start) })
            .TagWith("Indicator: complaints per unit")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // The client type from its account column (the occurrences are already limited to the visible accounts).
        var perProfile = await (from o in complaints
                                join a in db.Accounts on o.Account equals a.Id
                                select new { ClientType = EF.Property<string?>(a, CrmQueries.ClientType), Current = o.OpenedAt >= start })
            .GroupBy(c => c.ClientType)
            .Select(g => new { g.Key, Current = g.LongCount(c => c.Current), Previous = g.LongCount(c => !c.Current) })
            .TagWith("Indicator: complaints per profile")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var perProduct = await opened.GroupBy(o => o.Product)
            .Select(g => new { g.Key, Current = g.LongCount(o => o.OpenedAt >= start), Previous = g.LongCount(o => o.OpenedAt < start) })
            .TagWith("Indicator: attendances per product")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var perUser = await opened.GroupBy(o => o.Attendant)
            .Select(g => new { g.Key, Current = g.LongCount(o => o.OpenedAt >= start), Previous = g.LongCount(o => o.OpenedAt < start) })
            .TagWith("Indicator: attendances per user")
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var picks = db.Database.SqlQueryRaw<ChannelPick>(Sql.PreferredChannels, sql.Key(db.Tenant.Value), sql.Moment(start), sql.Moment(end));
        var accountKeys = reach.AccountKeys;
        if (!reach.AllParties)
            picks = picks.Where(p => accountKeys.Contains(p.Account));
        var preferred = await picks
            .GroupBy(p => p.Channel)
            .Select(g => new { Channel = g.Key, Customers = g.LongCount() })
            .TagWith("Indicator: preferred channel")
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        return new ServiceIndicators(period,
            new Compared<long>(emails?.Current ?? 0, emails?.Previous ?? 0),
            [.. mondays.Select((monday, i) => new WeekCount(monday, perWeek.Where(w => w.Week == i).Sum(w => w.Count)))],
            [.. perUnit.Select(u => new UnitComplaints(u.Company, u.Branch, new(u.Current, u.Previous))).OrderByDescending(u => u.Complaints.Current)],
            [.. perProfile.Select(p => new ProfileComplaints(p.Key, new(p.Current, p.Previous))).OrderByDescending(p => p.Complaints.Current)
                .ThenBy(p => p.ClientType, StringComparer.Ordinal)],
            [.. perProduct.Select(p => new ProductAttendances(p.Key, new(p.Current, p.Previous))).OrderByDescending(p => p.Attendances.Current)
                .ThenBy(p => p.Product, StringComparer.Ordinal)],
            [.. perUser.Select(u => new UserAttendances(u.Key, new(u.Current, u.Previous))).OrderByDescending(u => u.Attendances.Current)],
            await ResponseAsync(visible, period, now, cancellationToken).ConfigureAwait(false),
            await ResponseAsync(visible, previous, now, cancellationToken).ConfigureAwait(false),
            [.. preferred.Select(p => new ChannelPreference(Enum.Parse<ServiceChannel>(p.Channel), p.Customers))
                .OrderByDescending(p => p.Customers).ThenBy(p => p.Channel)]);
    }

    private static async Task<ResponseTimes> ResponseAsync(IQueryable<OccurrenceRow> visible, IndicatorPeriod period, Instant now,
        CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var due = Instant.Min(end, now);
        var answered = visible.Where(o => o.AnsweredAt >= start && o.AnsweredAt < end && o.ResponseSeconds != null);
        var stats = await answered.GroupBy(o => 1)
            .Select(g => new { Count = g.LongCount(), Average = g.Average(o => (double?)o.ResponseSeconds) })
            .TagWith("Indicator: response time")
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var (count, average) = (stats?.Count ?? 0, stats?.Average);
        // The median: the middle one, or the mean of the middle two, read from the database in order.
        var middle = count == 0 ? [] : await answered.OrderBy(o => o.ResponseSeconds).Select(o => o.ResponseSeconds!.Value)
            .Skip((int)((count - 1) / 2)).Take(count % 2 == 0 ? 2 : 1).TagWith("Indicator: response time (median)").ToListAsync(cancellationToken).ConfigureAwait(false);
        // Due in the period and before now (an unanswered one not yet due is no breach yet), and not answered by then.
        var breaches = await visible.Where(o => o.ResponseDue >= start && o.ResponseDue < due && (o.AnsweredAt == null || o.AnsweredAt > o.ResponseDue))
            .TagWith("Indicator: response breaches")
            .LongCountAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseTimes(count, average is { } mean ? decimal.Round((decimal)mean, 2) : null,
            middle.Count == 0 ? null : (decimal)middle.Sum() / middle.Count, breaches);
    }

    /// <summary>The Mondays of the ISO weeks that overlap <paramref name="period"/>, in order.</summary>
    private static List<LocalDate> Weeks(IndicatorPeriod period)
    {
        var monday = period.First.PlusDays(1 - (int)period.First.DayOfWeek);
        var mondays = new List<LocalDate>();
        for (; monday <= period.Last; monday = monday.PlusWeeks(1))
            mondays.Add(monday);
        return mondays;
    }

    /// <summary>
    /// The index of an occurrence's week, as SQL: <c>CASE WHEN OpenedAt &lt; b1 THEN 0 WHEN OpenedAt &lt; b2 THEN 1 … ELSE n END</c>
    /// over the instants each week after the first starts at (in the period's zone, so a change of offset moves them too).
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<OccurrenceRow, int>> WeekOf(IEnumerable<Instant> starts)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(OccurrenceRow), "o");
        var opened = System.Linq.Expressions.Expression.Property(row, nameof(OccurrenceRow.OpenedAt));
        var bounds = starts.ToList();
        System.Linq.Expressions.Expression index = System.Linq.Expressions.Expression.Constant(bounds.Count);
        for (var i = bounds.Count - 1; i >= 0; i--)
        {
            index = System.Linq.Expressions.Expression.Condition(
                System.Linq.Expressions.Expression.LessThan(opened, System.Linq.Expressions.Expression.Constant(bounds[i])),
                System.Linq.Expressions.Expression.Constant(i), index);
        }
        return System.Linq.Expressions.Expression.Lambda<Func<OccurrenceRow, int>>(index, row);
    }

}
