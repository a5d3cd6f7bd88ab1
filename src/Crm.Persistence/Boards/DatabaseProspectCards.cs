using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;

namespace Crm.Persistence.Boards;

/// <summary>
/// The domain's "which prospect already has a card" port over the session's tenant. A deleted card has already
/// released its prospect, so only live cards answer; the unique index (tenant, prospect) backs this up under races.
/// </summary>
/// <param name="db">The tenant's unit of work.</param>
public sealed class DatabaseProspectCards(CrmDbContext db) : IProspectCards
{
    /// <inheritdoc />
    public CardId? CardOf(LeadId prospect) =>
        db.Cards.Where(c => c.Prospect == prospect).Select(c => (CardId?)c.Id).FirstOrDefault();
}
