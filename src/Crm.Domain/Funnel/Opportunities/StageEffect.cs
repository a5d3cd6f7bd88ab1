using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;

namespace Crm.Domain.Funnel.Opportunities;

/// <summary>
/// An automation the application layer carries out because an opportunity entered a stage; the domain
/// only decides that it is due.
/// </summary>
public abstract record StageEffect
{
    private StageEffect() { }

    /// <summary>
    /// Give the account a new type (lead → prospect → customer). The accounts module applies it only when it
    /// is a promotion, so re-entering an earlier stage never demotes a customer.
    /// </summary>
    /// <param name="Account">The opportunity's account.</param>
    /// <param name="AccountType">The type configured on the stage.</param>
    public sealed record ChangeAccountType(AccountId Account, MasterDataCode AccountType) : StageEffect;

    /// <summary>Send the movement to the users' charts (the owner's and, through the hierarchy, their managers').</summary>
    /// <param name="Opportunity">The opportunity.</param>
    /// <param name="Owner">Its owner.</param>
    /// <param name="Stage">The stage entered.</param>
    public sealed record PublishToCharts(OpportunityId Opportunity, UserId Owner, StageId Stage) : StageEffect;
}
