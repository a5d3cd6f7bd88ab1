namespace Crm.Domain.Funnel.Pipelines;

/// <summary>What reaching a stage means for the opportunity.</summary>
public enum StageOutcome
{
    /// <summary>A working stage: the negotiation goes on.</summary>
    Open,

    /// <summary>The deal was won (probability 100 %).</summary>
    Won,

    /// <summary>The deal was lost (probability 0 %); a reason is required.</summary>
    Lost,
}
