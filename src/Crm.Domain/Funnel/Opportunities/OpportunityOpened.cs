namespace Crm.Domain.Funnel.Opportunities;

/// <summary>A newly opened opportunity and its entry into the pipeline's first stage (with that stage's automations).</summary>
/// <param name="Opportunity">The new opportunity.</param>
/// <param name="Entered">Its entry into the first stage.</param>
public sealed record OpportunityOpened(Opportunity Opportunity, StageEntered Entered);
