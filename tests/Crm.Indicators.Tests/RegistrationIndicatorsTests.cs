using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Tenancy;
using NodaTime.Testing;
using Crm.Domain.Identity;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence.Tests.Infrastructure;
using NodaTime;

namespace Crm.Indicators.Tests;

public sealed class RegistrationIndicatorsTests(SampleDatabases databases) : IClassFixture<SampleDatabases>
{
    private Task<(RegistrationIndicators Figures, SampleTenant Sample)> Of(string provider, Func<SampleTenant, UserId> user, IndicatorPeriod? period = null) =>
        databases.AsAsync(provider, user, (db, scope) => Indicators.RegistrationAsync(db, scope, period ?? SampleTenant.November));

    [Theory, SqliteData, PostgresData]
    public async Task A_diretor_counts_every_registration_of_the_period_read_in_the_tenant_zone_and_the_base_grows_by_them(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        // A1, B1 and C1 (Nov 30 23:30 in São Paulo, already December in UTC) against A2; L1 against L2.
        Assert.Equal(new Compared<long>(3, 1), figures.Accounts);
        Assert.Equal(new Compared<long>(1, 1), figures.Leads);
        // Before November: A2, A3, D1 and L2; growth 4 → 8.
        Assert.Equal(new Compared<long>(8, 4), figures.Base);
        Assert.Equal(100m, figures.Base.ChangePercent);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_coordenador_counts_its_team_and_a_vendedor_its_own_portfolio(string provider)
    {
        var (team, _) = await Of(provider, s => s.Coordenador);
        Assert.Equal(new Compared<long>(2, 1), team.Accounts);
        Assert.Equal(new Compared<long>(1, 0), team.Leads);
        Assert.Null(team.Leads.ChangePercent);
        Assert.Equal(new Compared<long>(5, 2), team.Base);

        var (own, _) = await Of(provider, s => s.Rep1);
        Assert.Equal(new Compared<long>(1, 1), own.Accounts);
        Assert.Equal(new Compared<long>(4, 2), own.Base);
        Assert.Equal(new AccountSituations(2, 1, 0), own.Situation);
        Assert.Equal(new ContactReach(3, 2, 1), own.Contacts);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Accounts_by_situation_and_contacts_with_email_or_phone_are_shares_of_what_the_user_sees(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        Assert.Equal(new AccountSituations(2, 1, 3), figures.Situation);
        Assert.Equal(33.33m, figures.Situation.ActivePercent);
        Assert.Equal(16.67m, figures.Situation.InactivePercent);
        Assert.Equal(new ContactReach(4, 2, 2), figures.Contacts);
        Assert.Equal(50m, figures.Contacts.EmailPercent);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Marketing_permissions_count_opt_ins_given_by_the_end_of_each_period_and_never_opt_outs(string provider)
    {
        var (figures, _) = await Of(provider, s => s.Diretor);

        var byChannel = figures.Marketing.ToDictionary(m => m.Channel, m => m.OptedIn);
        Assert.Equal(new Compared<long>(2, 1), byChannel[MarketingChannel.Email]);
        Assert.Equal(new Compared<long>(1, 1), byChannel[MarketingChannel.Phone]);
        Assert.Equal(new Compared<long>(1, 0), byChannel[MarketingChannel.Mail]);
        Assert.Equal(new Compared<long>(0, 0), byChannel[MarketingChannel.Messaging]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Churn_per_portfolio_is_the_previous_customers_who_did_not_buy_again(string provider)
    {
        var (figures, sample) = await Of(provider, s => s.Diretor);

        // Rep1: A1 and A2 bought in October, only A1 again in November; A3 bought in September and not in October.
        var rep1 = figures.Churn.Single(c => c.Portfolio == sample.Rep1);
        Assert.Equal(new Churn(2, 1), rep1.Current);
        Assert.Equal(50m, rep1.Current.LostPercent);
        Assert.Equal(new Churn(1, 1), rep1.Previous);
        Assert.All(figures.Churn.Where(c => c.Portfolio != sample.Rep1), c => Assert.Equal(new Churn(0, 0), c.Current));
        Assert.Equal(4, figures.Churn.Count);

        var (own, _) = await Of(provider, s => s.Rep2);
        Assert.Equal([sample.Rep2], own.Churn.Select(c => c.Portfolio));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_empty_period_counts_nothing_new_and_keeps_the_standing_figures(string provider)
    {
        var period = IndicatorPeriod.Of(new LocalDate(2030, 1, 1), new LocalDate(2030, 1, 31), SampleTenant.SaoPaulo).AsT0;
        var (figures, _) = await Of(provider, s => s.Diretor, period);

        Assert.Equal(new Compared<long>(0, 0), figures.Accounts);
        Assert.Null(figures.Accounts.ChangePercent);
        Assert.Equal(new Compared<long>(8, 8), figures.Base);
        Assert.Equal(0m, figures.Base.ChangePercent);
        Assert.Equal(new AccountSituations(2, 1, 3), figures.Situation);
        Assert.All(figures.Churn, c => Assert.Equal(new Churn(0, 0), c.Current));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_converted_lead_counts_once_as_the_account_it_became(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var user = User.Arrive(new UserId(Guid.NewGuid()), tenant, "diretor", "Diretor", null, Package.Freemium).AsT0;
        var role = Role.Create(new RoleId(Guid.NewGuid()), tenant, "Diretor", DataReach.All, []).AsT0;
        user.AssignRoles([role.Id]);
        var scope = VisibilityScope.Of(user, EffectiveAccess.Of(user, [role]), Hierarchy.Of([user]).AsT0);
        var registered = new FakeClock(SampleTenant.Noon(2026, 11, 3));
        var lead = Lead.Register(new LeadId(Guid.NewGuid()), tenant, SampleTenant.Valid(SampleTenant.Company(1, user.Id, null), RegistrationKind.Lead),
            user.Id, registered);
        registered.Reset(SampleTenant.Noon(2026, 11, 6));
        var conversion = LeadConversion.Convert(lead, [], new AccountId(Guid.NewGuid()),
            new RegistrationContext(AccountSettings.Default, RegistrationKind.Account), user.Id, registered).AsT0;
        await using (var write = db.Open(tenant))
        {
            write.Leads.Add(conversion.Lead);
            write.Accounts.Add(conversion.Account);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        var figures = await Indicators.RegistrationAsync(read, scope, SampleTenant.November);
        Assert.Equal(new Compared<long>(1, 0), figures.Accounts);
        Assert.Equal(new Compared<long>(0, 0), figures.Leads);
        Assert.Equal(new Compared<long>(1, 0), figures.Base);
    }
}
