using Crm.Domain.Identity;

namespace Crm.Domain.Boards.Cards;

/// <summary>
/// Port answering "which live card, on any board of the tenant, is this prospect on?" — the lookup behind
/// the rule that a prospect has at most one card (seed 004: "cada cartão é único para um prospecto específico").
/// Persistence implements it with a unique index on (tenant, prospect) over cards not deleted, which also
/// rejects the rare concurrent second card; <see cref="ProspectCardIndex"/> is the in-memory implementation.
/// </summary>
public interface IProspectCards
{
    /// <summary>The card <paramref name="prospect"/> is on, or null when it has none.</summary>
    /// <param name="prospect">The prospect.</param>
    CardId? CardOf(LeadId prospect);
}
