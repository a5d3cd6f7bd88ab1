namespace Crm.Domain.Boards;

/// <summary>A stage (list) of a board.</summary>
/// <param name="Id">The stage's id.</param>
/// <param name="Name">Its name, unique in the board.</param>
/// <param name="StagnantDays">
/// <i>Dias estagnados</i>: an open card not updated for more than this many days (24-hour periods) is stagnant and
/// highlighted; null never.
/// </param>
/// <param name="Colour">Its colour, if any.</param>
public sealed record BoardStage(BoardStageId Id, string Name, int? StagnantDays, Colour? Colour);
