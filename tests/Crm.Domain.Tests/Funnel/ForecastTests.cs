using Crm.Domain.Funnel.Analytics;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class ForecastTests
{
    private static readonly UserId Ana = User(), Bruno = User();
    private static readonly StageId Proposal = StageId.New(), Negotiation = StageId.New();

    private static readonly ForecastLine[] Lines =
    [
        new(Ana, Proposal, 50, new LocalDate(2026, 4, 10), Money.Brl(10_000m)),
        new(Ana, Negotiation, 75, new LocalDate(2026, 4, 20), Money.Brl(4_000m)),
        new(Ana, Negotiation, 75, new LocalDate(2026, 5, 2), new Money(1_000m, "USD")),
        new(Bruno, Proposal, 50, null, Money.Brl(2_000m)),
    ];

    [Fact]
    public void Weighted_value_is_value_times_probability()
    {
        Assert.Equal(3_000m, Lines[1].Weighted);
    }

    [Fact]
    public void By_owner_keeps_one_row_per_owner_and_currency()
    {
        var rows = WeightedForecast.ByOwner(Lines);

        Assert.Equal(
        [
            new ForecastRow<UserId>(Ana, "BRL", 2, 14_000m, 8_000m),
            new ForecastRow<UserId>(Ana, "USD", 1, 1_000m, 750m),
            new ForecastRow<UserId>(Bruno, "BRL", 1, 2_000m, 1_000m),
        ], rows);
    }

    [Fact]
    public void By_stage_never_adds_different_currencies()
    {
        var rows = WeightedForecast.ByStage(Lines);

        Assert.Equal(
        [
            new ForecastRow<StageId>(Proposal, "BRL", 2, 12_000m, 6_000m),
            new ForecastRow<StageId>(Negotiation, "BRL", 1, 4_000m, 3_000m),
            new ForecastRow<StageId>(Negotiation, "USD", 1, 1_000m, 750m),
        ], rows);
    }

    [Fact]
    public void By_month_groups_by_expected_close_month_and_keeps_undated_deals_apart()
    {
        var rows = WeightedForecast.ByMonth(Lines);

        Assert.Equal(
        [
            new ForecastRow<YearMonth?>(new YearMonth(2026, 4), "BRL", 2, 14_000m, 8_000m),
            new ForecastRow<YearMonth?>(new YearMonth(2026, 5), "USD", 1, 1_000m, 750m),
            new ForecastRow<YearMonth?>(null, "BRL", 1, 2_000m, 1_000m),
        ], rows);
    }

    [Fact]
    public void Lost_deals_weigh_nothing_and_won_deals_weigh_their_whole_value()
    {
        var pipeline = NewPipeline();
        var rows = WeightedForecast.ByStage(
        [
            new(Ana, pipeline.Won.Id, pipeline.Won.Probability, null, Money.Brl(900m)),
            new(Ana, pipeline.Lost.Id, pipeline.Lost.Probability, null, Money.Brl(700m)),
        ]);

        Assert.Equal([900m, 0m], rows.Select(r => r.Weighted));
    }

    private static readonly Arbitrary<ForecastLine[]> RandomLines =
        Gen.ArrayOf(
            from owner in Gen.Elements(Ana, Bruno)
            from stage in Gen.Elements(Proposal, Negotiation)
            from probability in Gen.Choose(0, 100)
            from month in Gen.Choose(0, 12)
            from cents in Gen.Choose(0, 10_000_000)
            from currency in Gen.Elements("BRL", "USD", "EUR")
            select new ForecastLine(owner, stage, probability, month == 0 ? null : new LocalDate(2026, month, 1), new Money(cents / 100m, currency)))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Every_grouping_has_the_same_totals_per_currency() => Prop.ForAll(RandomLines, lines =>
    {
        static IEnumerable<(string, int, decimal, decimal)> Totals<TKey>(IEnumerable<ForecastRow<TKey>> rows) =>
            rows.GroupBy(r => r.Currency).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Sum(r => r.Count), g.Sum(r => r.Value), g.Sum(r => r.Weighted)));
        var direct = lines.GroupBy(l => l.Value.Currency).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Sum(l => l.Value.Amount), g.Sum(l => l.Weighted)));
        return Totals(WeightedForecast.ByOwner(lines)).SequenceEqual(direct)
               && Totals(WeightedForecast.ByStage(lines)).SequenceEqual(direct)
               && Totals(WeightedForecast.ByMonth(lines)).SequenceEqual(direct);
    });

    [Property(MaxTest = 200)]
    public Property Weighted_never_exceeds_value_nor_goes_below_zero() => Prop.ForAll(RandomLines, lines =>
        WeightedForecast.ByOwner(lines).All(r => r.Weighted >= 0 && r.Weighted <= r.Value));
}
