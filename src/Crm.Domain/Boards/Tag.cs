namespace Crm.Domain.Boards;

/// <summary>A tag (<i>etiqueta</i>) defined in a board's settings.</summary>
/// <param name="Id">The tag's id.</param>
/// <param name="Name">Its name, unique in the board.</param>
/// <param name="Colour">Its colour.</param>
public sealed record Tag(TagId Id, string Name, Colour Colour);
