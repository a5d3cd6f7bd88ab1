using Crm.Domain.Accounts.History;
using Crm.Domain.Boards.Content;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Boards.BaseCards;

/// <summary>
/// A base card (<i>cartão base</i>): a template of description, tags, members, comments and attachments that
/// a board applies to new cards, with its own history of edits (seed 004, "Configurações &gt; Cartões Base").
/// </summary>
public sealed class BaseCard : CardContent
{
    /// <summary>Problem code: the base card has no name.</summary>
    public const string NameRequired = "base_card.name.required";

    private BaseCard(BaseCardId id, BoardId board, string name, Instant now) : base(board, now)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The base card's id.</summary>
    public BaseCardId Id { get; }

    /// <summary>Its name, shown when choosing a template.</summary>
    public string Name { get; private set; }

    /// <summary>Creates an empty base card on <paramref name="board"/>, or the problem with its name.</summary>
    /// <param name="board">The board.</param>
    /// <param name="name">Its name.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<BaseCard> Create(Board board, string? name, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(clock);
        if (CheckName(name, MissingName) is { HasProblems: true } problems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var card = new BaseCard(BaseCardId.New(), board.Id, name!.Trim(), now);
        card.Record(actor, now, "created", null, card.Name);
        return card;
    }

    /// <summary>Renames the base card.</summary>
    /// <param name="name">The new name.</param>
    /// <param name="actor">Who renames it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Rename(string? name, UserId actor, IClock clock) =>
        EditChecked(actor, clock, CheckName(name, MissingName).Items, "name", Name, name?.Trim(), _ => Name = name!.Trim());

    private static readonly Problem MissingName = new("name", NameRequired, "Informe o nome do cartão base.");
}
