using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Cards;

/// <summary>
/// The prospect a card is opened for, with the prospect's registration instant, which the card keeps so that
/// filters on "Data de Cadastro Prospecto" need no join (a prospect's registration instant never changes).
/// </summary>
/// <param name="Prospect">The prospect (a lead).</param>
/// <param name="RegisteredAt">When the prospect was registered.</param>
public sealed record ProspectLink(LeadId Prospect, Instant RegisteredAt);
