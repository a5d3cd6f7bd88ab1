using Crm.Domain.Identity;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence.Access;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Indicators.Tests;

/// <summary>
/// Over random periods and users of the sample tenant, the figures add up: per-representative revenue sums to the
/// revenue, per-stage counts to the visible opportunities, weeks to the e-mails, units and profiles to the same
/// complaints; every percentage is within [0, 100] and no portfolio loses more customers than it had.
/// </summary>
public sealed class IndicatorProperties(SampleDatabases databases) : IClassFixture<SampleDatabases>
{
    [Theory, SqliteData, PostgresData]
    public async Task The_figures_of_any_period_and_user_add_up(string provider)
    {
        var (db, sample) = await databases.GetAsync(provider);
        UserId[] users = [sample.Diretor, sample.Coordenador, sample.Rep1, sample.Rep2, sample.Rep3];
        var cases = Gen.Choose(0, 150).Zip(Gen.Choose(1, 90)).Zip(Gen.Choose(0, users.Length - 1))
            .Select(t => (Start: new LocalDate(2026, 8, 1).PlusDays(t.Item1.Item1), Days: t.Item1.Item2, User: users[t.Item2])).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), Prop.ForAll(cases, c =>
            AddUp(db, sample, c.User, IndicatorPeriod.Of(c.Start, c.Start.PlusDays(c.Days - 1), SampleTenant.SaoPaulo).AsT0).GetAwaiter().GetResult()));
    }

    private static async Task<bool> AddUp(TestDatabase db, SampleTenant sample, UserId user, IndicatorPeriod period)
    {
        await using var read = db.Open(sample.Tenant);
        var scope = await SampleTenant.ScopeAsync(read, user);
        var registration = await Indicators.RegistrationAsync(read, scope, period);
        var sales = await Indicators.SalesAsync(read, scope, period);
        var service = await Indicators.ServiceAsync(read, scope, period, SampleTenant.Now);
        var opportunities = await read.Opportunities.CountAsync(scope.For<Crm.Domain.Funnel.Opportunities.Opportunity>(o => o.Owner, o => null, o => null));
        var accounts = await read.Accounts.VisibleTo(scope).CountAsync();

        decimal?[] percents = [registration.Situation.ActivePercent, registration.Situation.InactivePercent, registration.Contacts.EmailPercent,
            registration.Contacts.PhonePercent, .. registration.Churn.SelectMany(c => new[] { c.Current.LostPercent, c.Previous.LostPercent })];
        return sales.PerRepresentative.Sum(r => r.Revenue.Current) == sales.Revenue.Current
            && sales.PerRepresentative.Sum(r => r.Revenue.Previous) == sales.Revenue.Previous
            && sales.Funnel.Sum(f => f.Now) == opportunities
            && service.EmailsPerWeek.Sum(w => w.Count) == service.Emails.Current
            && service.ComplaintsPerUnit.Sum(u => u.Complaints.Current) == service.ComplaintsPerProfile.Sum(p => p.Complaints.Current)
            && service.PreferredChannels.Sum(p => p.Customers) <= accounts
            && registration.Situation.Total == accounts
            && sales.CustomersPerPortfolio.Sum(p => p.Accounts) == accounts
            && registration.Churn.All(c => c.Current.Lost <= c.Current.Customers && c.Previous.Lost <= c.Previous.Customers)
            && percents.All(p => p is null or >= 0m and <= 100m);
    }
}
