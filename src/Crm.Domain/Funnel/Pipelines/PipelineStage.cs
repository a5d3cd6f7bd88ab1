using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;

namespace Crm.Domain.Funnel.Pipelines;

/// <summary>A validated stage of a <see cref="Pipeline"/>; see <see cref="StageDefinition"/> for the meaning of each field.</summary>
public sealed record PipelineStage
{
    internal PipelineStage(StageId id, StageDefinition definition)
    {
        Id = id;
        Name = definition.Name!.Trim();
        Probability = definition.Probability;
        Outcome = definition.Outcome;
        StagnantDays = definition.StagnantDays;
        PromoteAccountTo = definition.PromoteAccountTo;
        PublishToCharts = definition.PublishToCharts;
    }

    /// <summary>The stage's id.</summary>
    public StageId Id { get; }

    /// <summary>The stage name.</summary>
    public string Name { get; }

    /// <summary>Closing probability in percent (0–100).</summary>
    public int Probability { get; }

    /// <summary>Open, won or lost.</summary>
    public StageOutcome Outcome { get; }

    /// <summary>Days in the stage after which an open opportunity is stagnant; null never.</summary>
    public int? StagnantDays { get; }

    /// <summary>The account type the account takes when an opportunity enters the stage; null leaves it alone.</summary>
    public MasterDataCode? PromoteAccountTo { get; }

    /// <summary>Whether entering the stage is published to the users' charts.</summary>
    public bool PublishToCharts { get; }
}
