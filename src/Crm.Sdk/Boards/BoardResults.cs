using Crm.Domain.Accounts.Leads;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
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

/// <summary>A tag of a board was defined or changed.</summary>
/// <param name="Board">The board.</param>
/// <param name="Tag">The tag.</param>
/// <param name="Version">The board's stored version now.</param>
public sealed record TagSaved(BoardId Board, TagId Tag, long Version);

/// <summary>A user's filters on a board: the one in use and the names of those saved.</summary>
/// <param name="Board">The board.</param>
/// <param name="Current">The filter in use (<see cref="CardFilter.Cleared"/> when none).</param>
/// <param name="Saved">The saved filters' names, in order.</param>
public sealed record BoardFilters(BoardId Board, CardFilter Current, IReadOnlyList<string> Saved);
