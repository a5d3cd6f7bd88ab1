using Crm.Domain.Funnel.Analytics;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using Crm.Domain.Problems;
using Crm.Domain.Tasks;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Funnel.Opportunities;

/// <summary>
/// A deal with an account, travelling through the stages of one <see cref="Pipeline"/>. Its status is the
/// outcome of its current stage (open, won, lost), its probability the stage's, and its stage history
/// covers its whole life without gaps: each visit is left the instant the next one is entered.
/// </summary>
public sealed class Opportunity
{
    private readonly List<StageVisit> _history = [];
    private readonly List<SalesTask> _tasks = [];

    private Opportunity(OpportunityId id, TenantId tenant, PipelineId pipeline, OpportunityDraft draft, Instant createdAt)
    {
        Id = id;
        Tenant = tenant;
        Pipeline = pipeline;
        CreatedAt = createdAt;
        Apply(draft);
    }

    /// <summary>The opportunity's id.</summary>
    public OpportunityId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>The pipeline it travels through.</summary>
    public PipelineId Pipeline { get; }

    /// <summary>When it was opened.</summary>
    public Instant CreatedAt { get; }

    /// <summary>A short name for the deal.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The account it is with.</summary>
    public AccountId Account { get; private set; }

    /// <summary>The user responsible for it.</summary>
    public UserId Owner { get; private set; }

    /// <summary>The expected value; null when not (yet) informed.</summary>
    public Money? Value { get; private set; }

    /// <summary>The quantity, when the tenant keeps quantitative goals.</summary>
    public Quantity? Quantity { get; private set; }

    /// <summary>The business date it is expected to close.</summary>
    public LocalDate? ExpectedClose { get; private set; }

    /// <summary>Free text.</summary>
    public string? Description { get; private set; }

    /// <summary>Where it came from.</summary>
    public string? Source { get; private set; }

    /// <summary>The current stage.</summary>
    public StageId Stage => _history[^1].Stage;

    /// <summary>Open, won or lost: the outcome of the current stage.</summary>
    public StageOutcome Status { get; private set; }

    /// <summary>Why it was won or lost; null while open.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Every stay in a stage, oldest first; the last one is the current stage and is not left.</summary>
    public IReadOnlyList<StageVisit> History => _history;

    /// <summary>The tasks on this opportunity.</summary>
    public IReadOnlyList<SalesTask> Tasks => _tasks;

    /// <summary>
    /// Opens an opportunity in the pipeline's entry stage, or returns every problem with the draft
    /// (title, value, currency, quantity and the tenant's mandatory fields).
    /// </summary>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="pipeline">The pipeline it travels through.</param>
    /// <param name="draft">The fields.</param>
    /// <param name="settings">The tenant's opportunity settings.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<OpportunityOpened> Open(
        TenantId tenant, Pipeline pipeline, OpportunityDraft draft, OpportunitySettings settings, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(clock);
        if (pipeline.Tenant != tenant)
            throw new ArgumentException("The pipeline belongs to another tenant.", nameof(pipeline));
        var problems = Check(draft, settings);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var opportunity = new Opportunity(OpportunityId.New(), tenant, pipeline.Id, draft, now);
        return new OpportunityOpened(opportunity, opportunity.Enter(pipeline.Entry, null, now));
    }

    /// <summary>Replaces the editable fields, or returns every problem with them.</summary>
    /// <param name="draft">The new fields.</param>
    /// <param name="settings">The tenant's opportunity settings.</param>
    public Outcome<Opportunity> Revise(OpportunityDraft draft, OpportunitySettings settings)
    {
        var problems = Check(draft, settings);
        if (problems.HasProblems)
            return problems.ToInvalid();
        Apply(draft);
        return this;
    }

    /// <summary>
    /// Moves the opportunity to another stage of its pipeline: to an open stage (which reopens a closed deal),
    /// to the won stage, or to the lost stage, which needs a <paramref name="reason"/>.
    /// </summary>
    /// <param name="pipeline">The opportunity's pipeline.</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="reason">Why it was won or lost (required for lost).</param>
    public Outcome<StageEntered> MoveTo(Pipeline pipeline, StageId stage, IClock clock, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(clock);
        if (pipeline.Id != Pipeline)
            return new Invalid(new Problem("pipeline", OpportunityCodes.PipelineMismatch, "A oportunidade pertence a outro funil."));
        var target = pipeline.Find(stage);
        var problems = new ProblemCollector();
        if (target is null)
            problems.Add(new("stage", OpportunityCodes.StageUnknown, "Etapa não encontrada no funil da oportunidade."));
        else if (target.Id == Stage)
            problems.Add(new("stage", OpportunityCodes.StageSame, $"A oportunidade já está na etapa '{target.Name}'."));
        else if (target.Outcome == StageOutcome.Lost && string.IsNullOrWhiteSpace(reason))
            problems.Add(new("reason", OpportunityCodes.LostReasonRequired, "Informe o motivo da perda."));
        problems.CheckCharacters(reason?.Trim(), "reason", multiLine: true);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = Max(clock.GetCurrentInstant(), _history[^1].Entered);
        var from = Stage;
        _history[^1] = _history[^1] with { Left = now };
        return Enter(target!, from, now, reason);
    }

    /// <summary>Moves the opportunity to the pipeline's won stage.</summary>
    /// <param name="pipeline">The opportunity's pipeline.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="reason">Why it was won, optionally.</param>
    public Outcome<StageEntered> Win(Pipeline pipeline, IClock clock, string? reason = null) =>
        MoveTo(pipeline, pipeline.Won.Id, clock, reason);

    /// <summary>Moves the opportunity to the pipeline's lost stage, with the reason.</summary>
    /// <param name="pipeline">The opportunity's pipeline.</param>
    /// <param name="reason">Why it was lost.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<StageEntered> Lose(Pipeline pipeline, string? reason, IClock clock) =>
        MoveTo(pipeline, pipeline.Lost.Id, clock, reason);

    /// <summary>How long the opportunity has existed: from opening to <paramref name="now"/>.</summary>
    /// <param name="now">The instant to measure to.</param>
    public Duration Age(Instant now) => now - CreatedAt;

    /// <summary>Total time spent in <paramref name="stage"/> over every visit, up to <paramref name="now"/>.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="now">The instant to measure the current visit to.</param>
    public Duration TimeIn(StageId stage, Instant now) =>
        _history.Where(v => v.Stage == stage).Aggregate(Duration.Zero, (sum, v) => sum + v.Duration(now));

    /// <summary>How long the opportunity has been in its current stage.</summary>
    /// <param name="now">The instant to measure to.</param>
    public Duration TimeInCurrentStage(Instant now) => _history[^1].Duration(now);

    /// <summary>True when open and in its current stage for more than the stage's stagnant-days threshold.</summary>
    /// <param name="pipeline">The opportunity's pipeline.</param>
    /// <param name="now">The instant to judge by.</param>
    public bool IsStagnant(Pipeline pipeline, Instant now) =>
        Status == StageOutcome.Open
        && Stagnation.IsStagnant(_history[^1].Entered, pipeline.Find(Stage)?.StagnantDays, now);

    /// <summary>The projection the weighted forecast works on.</summary>
    /// <param name="pipeline">The opportunity's pipeline (for the stage probability).</param>
    public ForecastLine? ToForecastLine(Pipeline pipeline) =>
        Value is { } value && pipeline.Find(Stage) is { } stage
            ? new ForecastLine(Owner, Stage, stage.Probability, ExpectedClose, value)
            : null;

    /// <summary>Adds a task to the opportunity.</summary>
    /// <param name="title">What has to be done.</param>
    /// <param name="due">The due date.</param>
    /// <param name="assignee">Who has to do it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<SalesTask> AddTask(string? title, LocalDate due, UserId assignee, IClock clock)
    {
        var created = SalesTask.Create(title, due, assignee, clock.GetCurrentInstant());
        if (created.TryPickT0(out var task, out _))
            _tasks.Add(task);
        return created;
    }

    /// <summary>Completes, reopens, reassigns, reschedules or removes one of the opportunity's tasks.</summary>
    /// <param name="task">The task.</param>
    /// <param name="change">The change.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<SalesTask> ChangeTask(TaskId task, TaskChange change, IClock clock) =>
        TaskList.Apply(_tasks, task, change, clock.GetCurrentInstant());

    private StageEntered Enter(PipelineStage stage, StageId? from, Instant now, string? reason = null)
    {
        _history.Add(new StageVisit(stage.Id, now, null));
        Status = stage.Outcome;
        CloseReason = stage.Outcome == StageOutcome.Open ? null : reason?.Trim();
        var effects = new List<StageEffect>(2);
        if (stage.PromoteAccountTo is { } type)
            effects.Add(new StageEffect.ChangeAccountType(Account, type));
        if (stage.PublishToCharts)
            effects.Add(new StageEffect.PublishToCharts(Id, Owner, stage.Id));
        return new StageEntered(Id, from, stage.Id, now, effects);
    }

    private void Apply(OpportunityDraft draft)
    {
        Title = draft.Title!.Trim();
        Account = draft.Account;
        Owner = draft.Owner;
        Value = draft.Value;
        Quantity = draft.Quantity;
        ExpectedClose = draft.ExpectedClose;
        Description = Blank(draft.Description) ? null : draft.Description!.Trim();
        Source = Blank(draft.Source) ? null : draft.Source!.Trim();
    }

    private static ProblemCollector Check(OpportunityDraft draft, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new ProblemCollector();
        if (Blank(draft.Title))
            problems.Add(new("title", OpportunityCodes.TitleRequired, "Informe o título da oportunidade."));
        problems.Check(draft.Title?.Trim(), "title", TextLimits.OpportunityTitle);
        problems.CheckCharacters(draft.Description?.Trim(), "description", multiLine: true);
        problems.Check(draft.Source?.Trim(), "source", TextLimits.OpportunitySource);
        if (draft.Value is { } value)
        {
            if (value.Amount < 0)
                problems.Add(new("value", OpportunityCodes.ValueNegative, "O valor não pode ser negativo."));
            if (!settings.ForeignCurrency && value.Currency != settings.BaseCurrency)
                problems.Add(new("value", OpportunityCodes.ForeignCurrencyDisabled,
                    $"Valores em moeda estrangeira ({value.Currency}) não estão habilitados; use {settings.BaseCurrency}."));
        }
        if (draft.Quantity is { } quantity)
        {
            if (!settings.QuantitativeGoals)
                problems.Add(new("quantity", OpportunityCodes.QuantityDisabled, "Metas quantitativas não estão habilitadas."));
            else if (quantity.Amount < 0 || Blank(quantity.Unit))
                problems.Add(new("quantity", OpportunityCodes.QuantityInvalid, "Informe uma quantidade não negativa e a unidade."));
            problems.Check(quantity.Unit, "quantity.unit", TextLimits.QuantityUnit);
        }
        foreach (var field in settings.MandatoryFields.Order())
        {
            var missing = field switch
            {
                OpportunityField.ExpectedClose => draft.ExpectedClose is null,
                OpportunityField.Value => draft.Value is null,
                OpportunityField.Quantity => settings.QuantitativeGoals && draft.Quantity is null,
                OpportunityField.Description => Blank(draft.Description),
                OpportunityField.Source => Blank(draft.Source),
                _ => false,
            };
            if (missing)
                problems.Add(new(OpportunityCodes.FieldName(field), OpportunityCodes.Required(field), "Campo obrigatório não informado."));
        }
        return problems;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
