using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;

namespace Crm.Domain.Funnel.Pipelines;

/// <summary>
/// What a user types to define a pipeline stage; validated by <see cref="Pipeline"/> together with its siblings.
/// </summary>
/// <param name="Name">The stage name (editable; unique in the pipeline, case-insensitively).</param>
/// <param name="Probability">The closing probability in percent, 0 to 100 (100 for won, 0 for lost).</param>
/// <param name="Outcome">Open, won or lost.</param>
/// <param name="StagnantDays">Days in the stage after which an open opportunity is stagnant; null never.</param>
/// <param name="PromoteAccountTo">Automation: the account type the opportunity's account takes on entering the stage (lead → prospect → customer).</param>
/// <param name="PublishToCharts">Automation: entering the stage is sent to the users' charts (Meu Portal).</param>
public sealed record StageDefinition(
    string? Name,
    int Probability,
    StageOutcome Outcome = StageOutcome.Open,
    int? StagnantDays = null,
    MasterDataCode? PromoteAccountTo = null,
    bool PublishToCharts = true);
