using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;

namespace Crm.Domain.Funnel.Pipelines;

/// <summary>
/// A sales funnel of a tenant (a tenant may have several): ordered stages with closing probabilities,
/// exactly one won and one lost stage, stagnation thresholds and entry automations (seed 001, "Definição
/// das Etapas do Funil, Percentuais de Probabilidade e Promoção de Contas"). Every change is validated
/// on the whole stage list and reports every problem.
/// </summary>
public sealed class Pipeline
{
    private List<PipelineStage> _stages;

    private Pipeline(PipelineId id, TenantId tenant, string name, List<PipelineStage> stages)
    {
        Id = id;
        Tenant = tenant;
        Name = name;
        _stages = stages;
    }

    /// <summary>The pipeline's id.</summary>
    public PipelineId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>The pipeline's name.</summary>
    public string Name { get; private set; }

    /// <summary>The stages, in funnel order.</summary>
    public IReadOnlyList<PipelineStage> Stages => _stages;

    /// <summary>The first open stage: where new opportunities enter.</summary>
    public PipelineStage Entry => _stages.First(s => s.Outcome == StageOutcome.Open);

    /// <summary>The single won stage.</summary>
    public PipelineStage Won => _stages.Single(s => s.Outcome == StageOutcome.Won);

    /// <summary>The single lost stage.</summary>
    public PipelineStage Lost => _stages.Single(s => s.Outcome == StageOutcome.Lost);

    /// <summary>The stage with <paramref name="id"/>, or null when it is not in this pipeline.</summary>
    /// <param name="id">The stage id.</param>
    public PipelineStage? Find(StageId id) => _stages.Find(s => s.Id == id);

    /// <summary>Defines a pipeline, or every problem with its name and stages.</summary>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="name">The pipeline name.</param>
    /// <param name="stages">The stages in funnel order.</param>
    public static Outcome<Pipeline> Create(TenantId tenant, string? name, IReadOnlyList<StageDefinition> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var problems = Check(name, stages);
        if (problems.HasProblems)
            return problems.ToInvalid();
        return new Pipeline(PipelineId.New(), tenant, name!.Trim(), [.. stages.Select(d => new PipelineStage(StageId.New(), d))]);
    }

    /// <summary>Renames the pipeline.</summary>
    /// <param name="name">The new name.</param>
    public Outcome<Pipeline> Rename(string? name) =>
        Replace(name, Definitions());

    /// <summary>Changes a stage's name, probability, outcome, threshold or automations.</summary>
    /// <param name="id">The stage to change.</param>
    /// <param name="definition">Its new definition.</param>
    public Outcome<Pipeline> ReviseStage(StageId id, StageDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
            return UnknownStage();
        var stages = Definitions();
        stages[index] = (id, definition);
        return Replace(Name, stages);
    }

    /// <summary>Inserts a new stage at <paramref name="position"/> (0-based; the stage count appends).</summary>
    /// <param name="definition">The new stage.</param>
    /// <param name="position">Where it goes.</param>
    public Outcome<Pipeline> AddStage(StageDefinition definition, int position)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (position < 0 || position > _stages.Count)
            return new Invalid(new Problem("position", PipelineCodes.PositionRange, "Posição da etapa fora do funil."));
        var stages = Definitions();
        stages.Insert(position, (StageId.New(), definition));
        return Replace(Name, stages);
    }

    /// <summary>Moves a stage to <paramref name="position"/> (0-based).</summary>
    /// <param name="id">The stage to move.</param>
    /// <param name="position">Its new position.</param>
    public Outcome<Pipeline> MoveStage(StageId id, int position)
    {
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
            return UnknownStage();
        if (position < 0 || position >= _stages.Count)
            return new Invalid(new Problem("position", PipelineCodes.PositionRange, "Posição da etapa fora do funil."));
        var stages = Definitions();
        var moved = stages[index];
        stages.RemoveAt(index);
        stages.Insert(position, moved);
        return Replace(Name, stages);
    }

    /// <summary>Removes a stage that holds no opportunity.</summary>
    /// <param name="id">The stage to remove.</param>
    /// <param name="opportunitiesInStage">How many opportunities are currently in it (from persistence).</param>
    public Outcome<Pipeline> RemoveStage(StageId id, int opportunitiesInStage)
    {
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
            return UnknownStage();
        if (opportunitiesInStage > 0)
            return new Invalid(new Problem("stage", PipelineCodes.StageInUse,
                $"A etapa '{_stages[index].Name}' tem {opportunitiesInStage} oportunidade(s); mova-as antes de excluí-la."));
        var stages = Definitions();
        stages.RemoveAt(index);
        return Replace(Name, stages);
    }

    private Outcome<Pipeline> Replace(string? name, List<(StageId Id, StageDefinition Definition)> stages)
    {
        var problems = Check(name, stages.Select(s => s.Definition).ToList());
        if (problems.HasProblems)
            return problems.ToInvalid();
        Name = name!.Trim();
        _stages = [.. stages.Select(s => new PipelineStage(s.Id, s.Definition))];
        return this;
    }

    private List<(StageId Id, StageDefinition Definition)> Definitions() =>
        [.. _stages.Select(s => (s.Id, new StageDefinition(s.Name, s.Probability, s.Outcome, s.StagnantDays, s.PromoteAccountTo, s.PublishToCharts)))];

    private static Invalid UnknownStage() =>
        new(new Problem("stage", PipelineCodes.StageUnknown, "Etapa não encontrada no funil."));

    private static ProblemCollector Check(string? name, IReadOnlyList<StageDefinition> stages)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", PipelineCodes.NameRequired, "Informe o nome do funil."));
        problems.Check(name?.Trim(), "name", TextLimits.PipelineName);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var field = $"stages[{i}]";
            if (string.IsNullOrWhiteSpace(stage.Name))
                problems.Add(new($"{field}.name", PipelineCodes.StageNameRequired, "Informe o nome da etapa."));
            else if (!names.Add(stage.Name.Trim()))
                problems.Add(new($"{field}.name", PipelineCodes.StageNameDuplicate, $"Já existe uma etapa '{stage.Name.Trim()}'."));
            problems.CheckCharacters(stage.Name?.Trim(), $"{field}.name");
            if (stage.Probability is < 0 or > 100)
                problems.Add(new($"{field}.probability", PipelineCodes.ProbabilityRange, "A probabilidade deve estar entre 0 e 100%."));
            else if ((stage.Outcome == StageOutcome.Won && stage.Probability != 100) || (stage.Outcome == StageOutcome.Lost && stage.Probability != 0))
                problems.Add(new($"{field}.probability", PipelineCodes.ProbabilityOutcome, "Etapa de ganho tem 100% e etapa de perda tem 0%."));
            if (stage.StagnantDays is < 1)
                problems.Add(new($"{field}.stagnant_days", PipelineCodes.StagnantDaysRange, "Dias estagnados deve ser ao menos 1."));
        }
        if (!stages.Any(s => s.Outcome == StageOutcome.Open))
            problems.Add(new("stages", PipelineCodes.OpenStageRequired, "O funil precisa de ao menos uma etapa em andamento."));
        if (stages.Count(s => s.Outcome == StageOutcome.Won) != 1)
            problems.Add(new("stages", PipelineCodes.WonStageCount, "O funil precisa de exatamente uma etapa de ganho."));
        if (stages.Count(s => s.Outcome == StageOutcome.Lost) != 1)
            problems.Add(new("stages", PipelineCodes.LostStageCount, "O funil precisa de exatamente uma etapa de perda."));
        return problems;
    }
}
