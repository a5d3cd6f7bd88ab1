using Crm.Domain.Boards.Cards;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;

namespace Crm.Domain.Activities;

/// <summary>What an appointment or a follow-up is about: an account, an opportunity, an occurrence or a prospect card.</summary>
public abstract record ActivitySubject
{
    private ActivitySubject() { }

    /// <summary>An account.</summary>
    /// <param name="Id">The account.</param>
    public sealed record Account(AccountId Id) : ActivitySubject;

    /// <summary>An opportunity.</summary>
    /// <param name="Id">The opportunity.</param>
    public sealed record Opportunity(OpportunityId Id) : ActivitySubject;

    /// <summary>A customer service occurrence.</summary>
    /// <param name="Id">The occurrence.</param>
    public sealed record Occurrence(OccurrenceId Id) : ActivitySubject;

    /// <summary>A prospect card of a board.</summary>
    /// <param name="Id">The card.</param>
    public sealed record Card(CardId Id) : ActivitySubject;
}
