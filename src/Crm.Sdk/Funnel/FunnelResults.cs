using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;

namespace Crm.Sdk.Funnel;

/// <summary>A pipeline was created.</summary>
/// <param name="Id">The pipeline.</param>
/// <param name="Version">Its stored version.</param>
public sealed record PipelineSaved(PipelineId Id, long Version);

/// <summary>An opportunity as stored.</summary>
/// <param name="Opportunity">The aggregate.</param>
/// <param name="Version">Its stored version; pass it to a move.</param>
public sealed record OpportunityRead(Opportunity Opportunity, long Version);

/// <summary>An opportunity entered a stage (created in the entry stage, moved, won or lost), its automations applied.</summary>
/// <param name="Id">The opportunity.</param>
/// <param name="From">The stage it left; null when it was just created.</param>
/// <param name="To">The stage it entered.</param>
/// <param name="Status">Open, won or lost, as the stage says.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="AccountPromotedTo">The account type the stage's automation gave the account, in the same transaction; null
/// when the stage has none or it would not be a promotion (a customer is never demoted).</param>
/// <param name="Effects">Every automation the domain returned for the stage. <see cref="StageEffect.ChangeAccountType"/> is
/// applied (see <paramref name="AccountPromotedTo"/>); <see cref="StageEffect.PublishToCharts"/> is returned for the host,
/// there is no charts module yet.</param>
public sealed record OpportunityMoved(OpportunityId Id, StageId? From, StageId To, StageOutcome Status, long Version,
    MasterDataCode? AccountPromotedTo, IReadOnlyList<StageEffect> Effects);

/// <summary>A task was added to an opportunity.</summary>
/// <param name="Opportunity">The opportunity.</param>
/// <param name="Task">The task.</param>
/// <param name="Version">The opportunity's stored version.</param>
public sealed record OpportunityTaskAdded(OpportunityId Opportunity, Crm.Domain.Tasks.SalesTask Task, long Version);
