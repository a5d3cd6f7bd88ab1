using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Monetary;
using Crm.Domain.Tasks;
using NodaTime;
using static Crm.Domain.Tests.Funnel.FunnelFixture;

namespace Crm.Domain.Tests.Funnel;

public class OpportunityTests
{
    private readonly Pipeline _pipeline = NewPipeline();

    [Fact]
    public void Opening_enters_the_first_stage_and_publishes_to_charts()
    {
        var clock = Clock();
        var opened = Opportunity.Open(Tenant, _pipeline, Draft(), OpportunitySettings.Default, clock).AsT0;

        var opportunity = opened.Opportunity;
        Assert.Equal(_pipeline.Entry.Id, opportunity.Stage);
        Assert.Equal(StageOutcome.Open, opportunity.Status);
        Assert.Equal([new StageVisit(_pipeline.Entry.Id, Start, null)], opportunity.History);
        Assert.Null(opened.Entered.From);
        Assert.Equal([new StageEffect.PublishToCharts(opportunity.Id, opportunity.Owner, _pipeline.Entry.Id)], opened.Entered.Effects);
    }

    [Fact]
    public void Opening_reports_every_problem_with_the_draft()
    {
        var settings = new OpportunitySettings(new HashSet<OpportunityField> { OpportunityField.ExpectedClose, OpportunityField.Source });
        var draft = new OpportunityDraft(" ", Account(), User(), new Money(-5m, "USD"), new Quantity(3, "licenças"));

        var result = Opportunity.Open(Tenant, _pipeline, draft, settings, Clock());

        Assert.Equal(
        [
            OpportunityCodes.TitleRequired, OpportunityCodes.ValueNegative, OpportunityCodes.ForeignCurrencyDisabled,
            OpportunityCodes.QuantityDisabled, "opportunity.expected_close.required", "opportunity.source.required",
        ], result.AsT1.Problems.Select(p => p.Code));
    }

    [Theory]
    [InlineData(OpportunityField.ExpectedClose, "opportunity.expected_close.required")]
    [InlineData(OpportunityField.Value, "opportunity.value.required")]
    [InlineData(OpportunityField.Quantity, "opportunity.quantity.required")]
    [InlineData(OpportunityField.Description, "opportunity.description.required")]
    [InlineData(OpportunityField.Source, "opportunity.source.required")]
    public void Each_mandatory_field_has_a_stable_code(OpportunityField field, string code)
    {
        var settings = new OpportunitySettings(new HashSet<OpportunityField> { field }, QuantitativeGoals: true);
        var draft = new OpportunityDraft("Expansão", Account(), User());

        var problem = Assert.Single(Opportunity.Open(Tenant, _pipeline, draft, settings, Clock()).AsT1.Problems);

        Assert.Equal((code, OpportunityCodes.FieldName(field)), (problem.Code, problem.Field));
    }

    [Fact]
    public void Foreign_currency_and_quantities_are_accepted_when_the_tenant_enables_them()
    {
        var settings = new OpportunitySettings(new HashSet<OpportunityField> { OpportunityField.Quantity }, QuantitativeGoals: true, ForeignCurrency: true);
        var draft = new OpportunityDraft("Exportação", Account(), User(), new Money(5_000m, "USD"), new Quantity(40, "licenças"));

        var opportunity = Opportunity.Open(Tenant, _pipeline, draft, settings, Clock()).AsT0.Opportunity;

        Assert.Equal((new Money(5_000m, "USD"), new Quantity(40, "licenças")), (opportunity.Value, opportunity.Quantity));
    }

    [Fact]
    public void A_quantity_needs_a_unit_and_must_not_be_negative()
    {
        var settings = new OpportunitySettings(new HashSet<OpportunityField>(), QuantitativeGoals: true);
        var draft = new OpportunityDraft("Expansão", Account(), User(), Quantity: new Quantity(-1, ""));

        Assert.Equal(OpportunityCodes.QuantityInvalid, Opportunity.Open(Tenant, _pipeline, draft, settings, Clock()).AsT1.Problems.Single().Code);
    }

    [Fact]
    public void Revising_replaces_fields_or_reports_every_problem_and_changes_nothing()
    {
        var opportunity = Open(_pipeline, Clock());
        var settings = new OpportunitySettings(new HashSet<OpportunityField> { OpportunityField.Description });

        var refused = opportunity.Revise(Draft() with { Title = "", Description = null }, settings);
        Assert.Equal([OpportunityCodes.TitleRequired, "opportunity.description.required"], refused.AsT1.Problems.Select(p => p.Code));
        Assert.Equal("Link dedicado 100 Mbps", opportunity.Title);

        opportunity.Revise(Draft(2_500m) with { Title = "Link 1 Gbps", Description = "Sede e filial" }, settings);
        Assert.Equal(("Link 1 Gbps", 2_500m, "Sede e filial"), (opportunity.Title, opportunity.Value!.Value.Amount, opportunity.Description));
    }

    [Fact]
    public void Moving_closes_the_current_visit_and_returns_the_stage_automations()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        var qualification = _pipeline.StageNamed("Qualificação");
        clock.AdvanceDays(3);

        var entered = opportunity.MoveTo(_pipeline, qualification, clock).AsT0;

        Assert.Equal(new StageVisit(_pipeline.Entry.Id, Start, Start + Duration.FromDays(3)), opportunity.History[0]);
        Assert.Equal(new StageVisit(qualification, Start + Duration.FromDays(3), null), opportunity.History[1]);
        Assert.Equal(_pipeline.Entry.Id, entered.From);
        Assert.Equal(
        [
            new StageEffect.ChangeAccountType(opportunity.Account, ProspectType),
            new StageEffect.PublishToCharts(opportunity.Id, opportunity.Owner, qualification),
        ], entered.Effects);
    }

    [Fact]
    public void A_stage_without_automations_has_no_effects()
    {
        var pipeline = Pipeline.Create(Tenant, "Simples",
            [new("Aberta", 30, PublishToCharts: false), new("Ganha", 100, StageOutcome.Won, PublishToCharts: false), new("Perdida", 0, StageOutcome.Lost)]).AsT0;
        var opportunity = Opportunity.Open(Tenant, pipeline, Draft(), OpportunitySettings.Default, Clock()).AsT0;

        Assert.Empty(opportunity.Entered.Effects);
        Assert.Empty(opportunity.Opportunity.Win(pipeline, Clock()).AsT0.Effects);
    }

    [Fact]
    public void Moving_to_an_unknown_or_the_current_stage_is_refused()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);

        Assert.Equal(OpportunityCodes.StageUnknown, opportunity.MoveTo(_pipeline, StageId.New(), clock).AsT1.Problems[0].Code);
        Assert.Equal(OpportunityCodes.StageSame, opportunity.MoveTo(_pipeline, _pipeline.Entry.Id, clock).AsT1.Problems[0].Code);
        Assert.Single(opportunity.History);
    }

    [Fact]
    public void Another_pipeline_is_refused()
    {
        var opportunity = Open(_pipeline, Clock());
        var other = NewPipeline();

        Assert.Equal(OpportunityCodes.PipelineMismatch, opportunity.MoveTo(other, other.Won.Id, Clock()).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Winning_moves_to_the_won_stage_promotes_to_customer_and_keeps_the_reason()
    {
        var opportunity = Open(_pipeline, Clock());

        var entered = opportunity.Win(_pipeline, Clock(), " Melhor preço ").AsT0;

        Assert.Equal((StageOutcome.Won, "Melhor preço", _pipeline.Won.Id), (opportunity.Status, opportunity.CloseReason, opportunity.Stage));
        Assert.Contains(new StageEffect.ChangeAccountType(opportunity.Account, CustomerType), entered.Effects);
    }

    [Fact]
    public void Losing_needs_a_reason()
    {
        var opportunity = Open(_pipeline, Clock());

        Assert.Equal(OpportunityCodes.LostReasonRequired, opportunity.Lose(_pipeline, " ", Clock()).AsT1.Problems[0].Code);
        Assert.True(opportunity.Lose(_pipeline, "Sem viabilidade técnica", Clock()).IsT0);
        Assert.Equal((StageOutcome.Lost, "Sem viabilidade técnica"), (opportunity.Status, opportunity.CloseReason));
    }

    [Fact]
    public void Moving_a_closed_deal_back_to_an_open_stage_reopens_it()
    {
        var opportunity = Open(_pipeline, Clock());
        opportunity.Lose(_pipeline, "Preço", Clock());

        opportunity.MoveTo(_pipeline, _pipeline.StageNamed("Negociação"), Clock());

        Assert.Equal((StageOutcome.Open, (string?)null), (opportunity.Status, opportunity.CloseReason));
    }

    [Fact]
    public void Time_in_stage_adds_every_visit_and_the_current_one_runs_to_now()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        var proposal = _pipeline.StageNamed("Proposta");
        clock.AdvanceDays(2);
        opportunity.MoveTo(_pipeline, proposal, clock);
        clock.AdvanceDays(5);
        opportunity.MoveTo(_pipeline, _pipeline.Entry.Id, clock);
        clock.AdvanceDays(1);
        opportunity.MoveTo(_pipeline, proposal, clock);
        clock.AdvanceDays(4);

        var now = clock.GetCurrentInstant();
        Assert.Equal(Duration.FromDays(9), opportunity.TimeIn(proposal, now));
        Assert.Equal(Duration.FromDays(3), opportunity.TimeIn(_pipeline.Entry.Id, now));
        Assert.Equal(Duration.FromDays(4), opportunity.TimeInCurrentStage(now));
        Assert.Equal(Duration.FromDays(12), opportunity.Age(now));
    }

    [Fact]
    public void An_open_opportunity_is_stagnant_after_more_than_the_stage_threshold()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        var threshold = Duration.FromDays(_pipeline.Entry.StagnantDays!.Value);

        Assert.False(opportunity.IsStagnant(_pipeline, Start + threshold));
        Assert.True(opportunity.IsStagnant(_pipeline, Start + threshold + Duration.FromSeconds(1)));
    }

    [Fact]
    public void Closed_opportunities_and_stages_without_threshold_never_stagnate()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        opportunity.Win(_pipeline, clock);

        Assert.False(opportunity.IsStagnant(_pipeline, Start + Duration.FromDays(3650)));
    }

    [Fact]
    public void A_clock_running_backwards_never_makes_a_negative_visit()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        clock.Reset(Start - Duration.FromHours(1));

        opportunity.MoveTo(_pipeline, _pipeline.StageNamed("Proposta"), clock);

        Assert.Equal(Duration.Zero, opportunity.History[0].Duration(Start));
        Assert.Equal(Start, opportunity.History[1].Entered);
    }

    [Fact]
    public void The_forecast_line_carries_the_stage_probability_and_needs_a_value()
    {
        var opportunity = Open(_pipeline, Clock(), Draft(1_000m));

        var line = opportunity.ToForecastLine(_pipeline)!.Value;
        Assert.Equal((10, 100m), (line.Probability, line.Weighted));

        var noValue = Open(_pipeline, Clock(), Draft() with { Value = null });
        Assert.Null(noValue.ToForecastLine(_pipeline));
    }

    [Fact]
    public void Tasks_on_opportunities_are_added_completed_and_removed()
    {
        var clock = Clock();
        var opportunity = Open(_pipeline, clock);
        var assignee = User();

        var task = opportunity.AddTask("Enviar proposta", new LocalDate(2026, 3, 5), assignee, clock).AsT0;
        Assert.Equal(SalesTask.TitleRequired, opportunity.AddTask(" ", new LocalDate(2026, 3, 5), assignee, clock).AsT1.Problems[0].Code);
        opportunity.ChangeTask(task.Id, new TaskChange.Complete(), clock);
        Assert.True(opportunity.Tasks.Single().IsDone);

        opportunity.ChangeTask(task.Id, new TaskChange.Remove(), clock);
        Assert.Empty(opportunity.Tasks);
    }

    [Fact]
    public void A_pipeline_of_another_tenant_is_a_bug() =>
        Assert.Throws<ArgumentException>(() =>
            Opportunity.Open(new Crm.Domain.Identity.TenantId(Guid.NewGuid()), _pipeline, Draft(), OpportunitySettings.Default, Clock()));
}
