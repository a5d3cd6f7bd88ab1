namespace Crm.Domain.Funnel.Pipelines;

/// <summary>Stable problem codes of pipeline definitions.</summary>
public static class PipelineCodes
{
    /// <summary>The pipeline has no name.</summary>
    public const string NameRequired = "pipeline.name.required";

    /// <summary>A stage has no name.</summary>
    public const string StageNameRequired = "pipeline.stage.name.required";

    /// <summary>Two stages share a name.</summary>
    public const string StageNameDuplicate = "pipeline.stage.name.duplicate";

    /// <summary>A probability outside 0–100.</summary>
    public const string ProbabilityRange = "pipeline.stage.probability.range";

    /// <summary>A won stage whose probability is not 100 or a lost stage whose probability is not 0.</summary>
    public const string ProbabilityOutcome = "pipeline.stage.probability.outcome";

    /// <summary>A stagnant-days threshold below one.</summary>
    public const string StagnantDaysRange = "pipeline.stage.stagnant_days.range";

    /// <summary>The pipeline has no open (working) stage.</summary>
    public const string OpenStageRequired = "pipeline.stages.open_required";

    /// <summary>The pipeline has not exactly one won stage.</summary>
    public const string WonStageCount = "pipeline.stages.won_count";

    /// <summary>The pipeline has not exactly one lost stage.</summary>
    public const string LostStageCount = "pipeline.stages.lost_count";

    /// <summary>No stage with that id in the pipeline.</summary>
    public const string StageUnknown = "pipeline.stage.unknown";

    /// <summary>A stage still holding opportunities cannot be removed.</summary>
    public const string StageInUse = "pipeline.stage.in_use";

    /// <summary>A stage position outside the pipeline.</summary>
    public const string PositionRange = "pipeline.stage.position.range";
}
