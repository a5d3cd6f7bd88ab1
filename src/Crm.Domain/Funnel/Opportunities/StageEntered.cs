using Crm.Domain.Funnel.Pipelines;
using NodaTime;

namespace Crm.Domain.Funnel.Opportunities;

/// <summary>An opportunity entered a stage (on opening or on a move), with the automations now due.</summary>
/// <param name="Opportunity">The opportunity.</param>
/// <param name="From">The stage it left; null when it was just opened.</param>
/// <param name="To">The stage it entered.</param>
/// <param name="At">When.</param>
/// <param name="Effects">The stage's automations, for the application layer to carry out.</param>
public sealed record StageEntered(OpportunityId Opportunity, StageId? From, StageId To, Instant At, IReadOnlyList<StageEffect> Effects);
