using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence.Tests.Infrastructure;
using NodaTime;

namespace Crm.Indicators.Tests;

public sealed class SalesIndicatorsTests(SampleDatabases databases) : IClassFixture<SampleDatabases>
{
    private Task<(SalesIndicators Figures, SampleTenant Sample)> Of(string provider, Func<SampleTenant, UserId> user, IndicatorPeriod? period = null) =>
        databases.AsAsync(provider, user, (db, scope) => Indicators.SalesAsync(db, scope, period ?? SampleTenant.November));

    [Theory, SqliteData, PostgresData]
    public async Task Revenue_per_representative_counts_released_and_sent_orders_by_issue_date_and_sums_to_the_total(string provider)
    {
        var (figures, s) = await Of(provider, x => x.Diretor);

        // O6 is a draft: no revenue. O7 (September) is before both periods.
        var bySeller = figures.PerRepresentative.ToDictionary(r => r.Seller);
        Assert.Equal(new Compared<decimal>(s.Total("O1"), s.Total("O2") + s.Total("O3")), bySeller[s.Rep1].Revenue);
        Assert.Equal(new Compared<long>(1, 2), bySeller[s.Rep1].Orders);
        Assert.Equal(new Compared<decimal>(s.Total("O4"), 0m), bySeller[s.Rep2].Revenue);
        Assert.Equal(new Compared<decimal>(s.Total("O5"), 0m), bySeller[s.Rep3].Revenue);
        Assert.Equal(3, figures.PerRepresentative.Count);
        Assert.Equal(new Compared<decimal>(s.Total("O1") + s.Total("O4") + s.Total("O5"), s.Total("O2") + s.Total("O3")), figures.Revenue);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_coordenador_sees_its_team_s_sales_and_a_vendedor_its_own(string provider)
    {
        var (team, s) = await Of(provider, x => x.Coordenador);
        Assert.Equal(new HashSet<UserId> { s.Rep1, s.Rep2 }, team.PerRepresentative.Select(r => r.Seller).ToHashSet());
        Assert.Equal(s.Total("O1") + s.Total("O4"), team.Revenue.Current);
        // Rep3's O5 is out: NB-14 only O1 now.
        Assert.Equal([("NB-14", 1m), ("MOUSE", 4m)], team.BestSellers.Select(p => (p.Product, p.Quantity.Current)));

        var (own, _) = await Of(provider, x => x.Rep1);
        Assert.Equal([s.Rep1], own.PerRepresentative.Select(r => r.Seller));
        Assert.Equal([("NB-14", 1m, 2m)], own.BestSellers.Select(p => (p.Product, p.Quantity.Current, p.Quantity.Previous)));
        Assert.Equal([s.Rep1], own.CustomersPerPortfolio.Select(p => p.Portfolio));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Best_sellers_sum_the_open_items_of_revenue_orders_highest_value_first(string provider)
    {
        var (figures, s) = await Of(provider, x => x.Diretor);

        Assert.Equal(["NB-14", "MOUSE"], figures.BestSellers.Select(p => p.Product));
        var notebook = figures.BestSellers[0];
        Assert.Equal(new Compared<decimal>(2m, 2m), notebook.Quantity);
        Assert.Equal(new Compared<decimal>(s.ValueOf("NB-14", "O1", "O5"), s.ValueOf("NB-14", "O3")), notebook.Value);
        var mouse = figures.BestSellers[1];
        Assert.Equal(new Compared<decimal>(4m, 2m), mouse.Quantity);
        Assert.Equal(new Compared<decimal>(s.ValueOf("MOUSE", "O4"), s.ValueOf("MOUSE", "O2")), mouse.Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Customers_per_portfolio_are_its_accounts_and_those_that_bought_in_each_period(string provider)
    {
        var (figures, s) = await Of(provider, x => x.Diretor);

        var byOwner = figures.CustomersPerPortfolio.ToDictionary(p => p.Portfolio!.Value);
        Assert.Equal(new PortfolioCustomers(s.Rep1, 3, new Compared<long>(1, 2)), byOwner[s.Rep1]);
        Assert.Equal(new PortfolioCustomers(s.Rep2, 1, new Compared<long>(1, 0)), byOwner[s.Rep2]);
        Assert.Equal(new PortfolioCustomers(s.Rep3, 1, new Compared<long>(1, 0)), byOwner[s.Rep3]);
        Assert.Equal(new PortfolioCustomers(s.Diretor, 1, new Compared<long>(0, 0)), byOwner[s.Diretor]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_funnel_counts_opportunities_in_each_stage_now_and_those_that_entered_it_in_each_period(string provider)
    {
        var (figures, s) = await Of(provider, x => x.Diretor);

        var byName = figures.Funnel.ToDictionary(f => f.Name);
        Assert.Equal((0L, new Compared<long>(1, 3)), (byName["Prospecção"].Now, byName["Prospecção"].Entered));
        Assert.Equal((0L, new Compared<long>(1, 0)), (byName["Proposta"].Now, byName["Proposta"].Entered));
        Assert.Equal((4L, new Compared<long>(2, 2)), (byName["Fechado - ganho"].Now, byName["Fechado - ganho"].Entered));
        Assert.Equal((1L, new Compared<long>(0, 1)), (byName["Fechado - perdido"].Now, byName["Fechado - perdido"].Entered));
        Assert.Equal(StageOutcome.Won, byName["Fechado - ganho"].Outcome);
        Assert.Equal(4, figures.Funnel.Count);
        Assert.All(figures.Funnel, f => Assert.Equal(s.Pipeline.Id, f.Pipeline));

        var (own, _) = await Of(provider, x => x.Rep1);
        Assert.Equal(3, own.Funnel.Sum(f => f.Now));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Cross_selling_is_a_won_opportunity_of_an_account_that_had_bought_before_the_period(string provider)
    {
        var (figures, _) = await Of(provider, x => x.Diretor);

        // November: P1 (A1 bought on Oct 5) counts, P2 (B1's first order is Nov 15) does not. October: P5 (A3 bought
        // on Sep 20) counts, P4 (A2's first order is Oct 20) does not.
        Assert.Equal(new CrossSell(new Compared<long>(1, 1), new Compared<decimal>(1_000m, 500m)), figures.CrossSell);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_empty_period_has_no_sales_and_no_change_to_compare(string provider)
    {
        var period = IndicatorPeriod.Of(new LocalDate(2030, 1, 1), new LocalDate(2030, 1, 31), SampleTenant.SaoPaulo).AsT0;
        var (figures, _) = await Of(provider, x => x.Diretor, period);

        Assert.Equal(new Compared<decimal>(0m, 0m), figures.Revenue);
        Assert.Null(figures.Revenue.ChangePercent);
        Assert.Empty(figures.PerRepresentative);
        Assert.Empty(figures.BestSellers);
        Assert.Equal(new CrossSell(new Compared<long>(0, 0), new Compared<decimal>(0m, 0m)), figures.CrossSell);
        Assert.Equal(5, figures.Funnel.Sum(f => f.Now));
        Assert.All(figures.Funnel, f => Assert.Equal(new Compared<long>(0, 0), f.Entered));
    }
}
