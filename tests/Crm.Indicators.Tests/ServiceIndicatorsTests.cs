using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence.Tests.Infrastructure;
using NodaTime;

namespace Crm.Indicators.Tests;

public sealed class ServiceIndicatorsTests(SampleDatabases databases) : IClassFixture<SampleDatabases>
{
    private Task<(ServiceIndicators Figures, SampleTenant Sample)> Of(string provider, Func<SampleTenant, UserId> user,
        IndicatorPeriod? period = null, Instant? now = null) =>
        databases.AsAsync(provider, user, (db, scope) => Indicators.ServiceAsync(db, scope, period ?? SampleTenant.November, now ?? SampleTenant.Now));

    [Theory, SqliteData, PostgresData]
    public async Task E_mails_are_counted_per_iso_week_of_the_tenant_zone_with_every_week_of_the_period_listed(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        Assert.Equal(new Compared<long>(4, 1), figures.Emails);
        // November 1 is a Sunday (week of Oct 26); S7 is November 30 in São Paulo though December in UTC.
        Assert.Equal([(new LocalDate(2026, 10, 26), 1L), (new LocalDate(2026, 11, 2), 1L), (new LocalDate(2026, 11, 9), 0L),
            (new LocalDate(2026, 11, 16), 0L), (new LocalDate(2026, 11, 23), 0L), (new LocalDate(2026, 11, 30), 2L)],
            figures.EmailsPerWeek.Select(w => (w.Monday, w.Count)));
        Assert.Equal(figures.Emails.Current, figures.EmailsPerWeek.Sum(w => w.Count));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Complaints_go_per_unit_and_per_profile_and_attendances_per_product_and_per_user(string provider)
    {
        var (figures, s) = await Of(provider, x => x.Diretor);

        Assert.Equal(new Compared<long>(3, 1), Assert.Single(figures.ComplaintsPerUnit).Complaints);
        // S1 (A1) and S6 (A2) of REV, S3 (B1) of CF, S4 (C1) of none.
        Assert.Equal([new ProfileComplaints("CF", new Compared<long>(1, 0)), new ProfileComplaints("REV", new Compared<long>(1, 1)),
            new ProfileComplaints(null, new Compared<long>(1, 0))], figures.ComplaintsPerProfile.OrderBy(p => p.ClientType ?? "~", StringComparer.Ordinal));
        var perProduct = figures.PerProduct.ToDictionary(p => p.Product ?? "", p => p.Attendances);
        Assert.Equal(new Compared<long>(2, 1), perProduct["NB-14"]);
        Assert.Equal(new Compared<long>(1, 0), perProduct["MOUSE"]);
        Assert.Equal(new Compared<long>(2, 1), perProduct[""]);
        var perUser = figures.PerUser.ToDictionary(u => u.Attendant?.Value ?? Guid.Empty, u => u.Attendances);
        Assert.Equal(new Compared<long>(2, 2), perUser[s.Rep1.Value]);
        Assert.Equal(new Compared<long>(1, 0), perUser[s.Rep2.Value]);
        Assert.Equal(new Compared<long>(2, 0), perUser[Guid.Empty]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Response_time_is_the_mean_and_median_of_the_answers_given_in_the_period_and_breaches_are_answers_due_in_it_and_late(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        // 2 h, 4 h and 30 h; S3 answered 6 h after its due instant. October: S5 in 1 h; S6 due Oct 21, never answered.
        Assert.Equal(new ResponseTimes(3, 43_200m, 14_400m, 1), figures.ResponseTime);
        Assert.Equal(new ResponseTimes(1, 3_600m, 3_600m, 1), figures.PreviousResponseTime);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unanswered_occurrence_is_breached_only_once_its_answer_was_due_before_now(string provider)
    {
        var december = IndicatorPeriod.Of(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31), SampleTenant.SaoPaulo).AsT0;

        // On Dec 2: S4 (due Dec 1 12:00 UTC) is late; S7 (due Dec 3 02:30 UTC) is not due yet.
        var (early, _) = await Of(provider, s => s.Diretor, december, Instant.FromUtc(2026, 12, 2, 0, 0));
        Assert.Equal(1, early.ResponseTime.Breaches);
        var (later, _) = await Of(provider, s => s.Diretor, december, Instant.FromUtc(2026, 12, 4, 0, 0));
        Assert.Equal(2, later.ResponseTime.Breaches);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_preferred_channel_of_a_customer_is_the_one_of_most_of_its_occurrences(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        // A1: three e-mails; B1: a phone call; C1: an e-mail; A2 nothing in November.
        Assert.Equal([new ChannelPreference(ServiceChannel.Email, 2), new ChannelPreference(ServiceChannel.Phone, 1)], figures.PreferredChannels);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Occurrences_follow_the_visibility_of_their_account(string provider)
    {
        var (team, _) = await Of(provider, s => s.Coordenador);
        Assert.Equal(new Compared<long>(3, 1), team.Emails);
        Assert.Equal(new Compared<long>(2, 1), Assert.Single(team.ComplaintsPerUnit).Complaints);

        var (own, _) = await Of(provider, s => s.Rep1);
        Assert.Equal(new Compared<long>(3, 1), own.Emails);
        Assert.Equal([new ChannelPreference(ServiceChannel.Email, 1)], own.PreferredChannels);
        Assert.Equal(new ResponseTimes(2, 10_800m, 10_800m, 0), own.ResponseTime);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_empty_period_has_empty_weeks_and_no_response_time(string provider)
    {
        var period = IndicatorPeriod.Of(new LocalDate(2030, 1, 1), new LocalDate(2030, 1, 14), SampleTenant.SaoPaulo).AsT0;
        var (figures, _) = await Of(provider, s => s.Diretor, period);

        Assert.Equal(new Compared<long>(0, 0), figures.Emails);
        Assert.Equal([new LocalDate(2029, 12, 31), new LocalDate(2030, 1, 7), new LocalDate(2030, 1, 14)], figures.EmailsPerWeek.Select(w => w.Monday));
        Assert.All(figures.EmailsPerWeek, w => Assert.Equal(0, w.Count));
        Assert.Equal(new ResponseTimes(0, null, null, 0), figures.ResponseTime);
        Assert.Empty(figures.PreferredChannels);
        Assert.Empty(figures.PerProduct);
    }
}
