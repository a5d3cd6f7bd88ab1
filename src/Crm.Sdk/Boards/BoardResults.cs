using Crm.Domain.Accounts.Leads;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;

namespace Crm.Sdk.Boards;

/// <summary>A board was created or changed.</summary>
/// <param name="Id">The board.</param>
/// <param name="Stages">Its stages, in order.</param>
/// <param name="Version">Its stored version now.</param>
public sealed record BoardSaved(BoardId Id, IReadOnlyList<BoardStageId> Stages, long Version);

/// <summary>A card as stored.</summary>
/// <param name="Card">The aggregate.</param>
/// <param name="Version">Its stored version; pass it to an action.</param>
public sealed record CardRead(Card Card, long Version);

/// <summary>A card was opened or acted on, its effects applied in the same transaction.</summary>
/// <param name="Id">The card.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="Event">What the domain says happened (moved, archived, lost, converted, deleted); null when the card was opened or its content edited (name, description, comments, tasks, members, seller).</param>
/// <param name="Customer">The account the prospect was converted into, when the action converted it.</param>
/// <param name="Service">The service contracted when converting to customer service (returned, not stored: the service
/// module comes later).</param>
/// <param name="ProspectDeleted">The prospect (lead) deleted with the card, when asked.</param>
public sealed record CardChanged(CardId Id, long Version, CardEvent? Event, AccountId? Customer = null, CustomerService? Service = null,
    LeadId? ProspectDeleted = null);
