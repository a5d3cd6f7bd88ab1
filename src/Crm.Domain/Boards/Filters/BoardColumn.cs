using Crm.Domain.Boards.Cards;

namespace Crm.Domain.Boards.Filters;

/// <summary>One list of the filtered board: a stage, how many cards match in it, and the requested page of them.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Total">How many cards of the stage match the filter.</param>
/// <param name="Cards">The page, in the filter's order.</param>
public sealed record BoardColumn(BoardStageId Stage, int Total, IReadOnlyList<Card> Cards);
