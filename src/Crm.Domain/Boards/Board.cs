using System.Globalization;
using Crm.Domain.Accounts.History;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Boards;

/// <summary>
/// A kanban board ("CRM" in seed 004) of prospect cards for one region or sales type, released to chosen users:
/// ordered stages with stagnant days, colour, tags, the default base card, and a history of every setting change.
/// Cards are separate aggregates that point at the board and one of its stages.
/// </summary>
public sealed class Board
{
    private readonly List<BoardStage> _stages = [];
    private readonly List<Tag> _tags = [];
    private readonly List<UserId> _users = [];
    private readonly List<HistoryEntry> _history = [];

    private Board(BoardId id, TenantId tenant, string name, BoardScope scope, Colour colour, Instant createdAt)
    {
        Id = id;
        Tenant = tenant;
        Name = name;
        Scope = scope;
        Colour = colour;
        CreatedAt = createdAt;
    }

    /// <summary>The board's id.</summary>
    public BoardId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>The region or sales type it is for.</summary>
    public BoardScope Scope { get; private set; }

    /// <summary>Its colour.</summary>
    public Colour Colour { get; private set; }

    /// <summary>The stages, left to right.</summary>
    public IReadOnlyList<BoardStage> Stages => _stages;

    /// <summary>The tags cards may carry.</summary>
    public IReadOnlyList<Tag> Tags => _tags;

    /// <summary>The users the board is released to.</summary>
    public IReadOnlyList<UserId> Users => _users;

    /// <summary>The base card applied to new cards when none is chosen ("Configurações &gt; Configurações").</summary>
    public BaseCardId? DefaultBaseCard { get; private set; }

    /// <summary>Every settings change, oldest first (the board's "Históricos").</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The stage with <paramref name="id"/>, or null.</summary>
    /// <param name="id">The stage id.</param>
    public BoardStage? FindStage(BoardStageId id) => _stages.Find(s => s.Id == id);

    /// <summary>The tag with <paramref name="id"/>, or null.</summary>
    /// <param name="id">The tag id.</param>
    public Tag? FindTag(TagId id) => _tags.Find(t => t.Id == id);

    /// <summary>True when <paramref name="user"/> may work on the board.</summary>
    /// <param name="user">The user.</param>
    public bool IsReleasedTo(UserId user) => _users.Contains(user);

    /// <summary>Creates a board, released to its creator, or every problem with its name and scope.</summary>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="name">Its name.</param>
    /// <param name="scope">The region or sales type.</param>
    /// <param name="colour">Its colour.</param>
    /// <param name="creator">Who creates it (gets access).</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Board> Create(TenantId tenant, string? name, BoardScope scope, Colour colour, UserId creator, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", BoardCodes.NameRequired, "Informe o nome do CRM."));
        problems.Check(name?.Trim(), "name", TextLimits.BoardName);
        if (string.IsNullOrWhiteSpace(scope.Name))
            problems.Add(new("scope", BoardCodes.ScopeRequired, "Informe a região ou o tipo de venda."));
        else
            problems.Check(scope.Name.Trim(), "scope", TextLimits.BoardScopeName);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var board = new Board(BoardId.New(), tenant, name!.Trim(), scope with { Name = scope.Name.Trim() }, colour, now);
        board._users.Add(creator);
        board.Record(creator, now, "created", null, board.Name);
        return board;
    }

    /// <summary>Renames the board.</summary>
    /// <param name="name">The new name.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Rename(string? name, UserId actor, IClock clock)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", BoardCodes.NameRequired, "Informe o nome do CRM."));
        problems.Check(name?.Trim(), "name", TextLimits.BoardName);
        return problems.HasProblems ? problems.ToInvalid() : Change(actor, clock, "name", Name, name!.Trim(), () => Name = name.Trim());
    }

    /// <summary>Changes the board colour.</summary>
    /// <param name="colour">The new colour.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Recolour(Colour colour, UserId actor, IClock clock) =>
        Change(actor, clock, "colour", Colour.Hex, colour.Hex, () => Colour = colour);

    /// <summary>Adds a stage at <paramref name="position"/> (0-based; null appends it on the right).</summary>
    /// <param name="name">The stage name.</param>
    /// <param name="stagnantDays">Its stagnant-days threshold; null never.</param>
    /// <param name="colour">Its colour.</param>
    /// <param name="actor">Who adds it.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="position">Where it goes.</param>
    public Outcome<BoardStage> AddStage(string? name, int? stagnantDays, Colour? colour, UserId actor, IClock clock, int? position = null)
    {
        var at = position ?? _stages.Count;
        var problems = CheckStage(name, stagnantDays, null);
        if (at < 0 || at > _stages.Count)
            problems.Add(new("position", BoardCodes.PositionRange, "Posição fora do CRM."));
        if (problems.HasProblems)
            return problems.ToInvalid();
        var stage = new BoardStage(BoardStageId.New(), name!.Trim(), stagnantDays, colour);
        _stages.Insert(at, stage);
        Record(actor, clock.GetCurrentInstant(), "stages", null, stage.Name);
        return stage;
    }

    /// <summary>Renames a stage, changes its stagnant days or its colour.</summary>
    /// <param name="id">The stage.</param>
    /// <param name="name">Its new name.</param>
    /// <param name="stagnantDays">Its new threshold.</param>
    /// <param name="colour">Its new colour.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<BoardStage> ReviseStage(BoardStageId id, string? name, int? stagnantDays, Colour? colour, UserId actor, IClock clock)
    {
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
            return UnknownStage();
        var problems = CheckStage(name, stagnantDays, id);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var before = _stages[index];
        var after = before with { Name = name!.Trim(), StagnantDays = stagnantDays, Colour = colour };
        _stages[index] = after;
        Record(actor, clock.GetCurrentInstant(), $"stages[{before.Name}]", Describe(before), Describe(after));
        return after;
    }

    /// <summary>Moves a stage to <paramref name="position"/> (0-based).</summary>
    /// <param name="id">The stage.</param>
    /// <param name="position">Its new position.</param>
    /// <param name="actor">Who moves it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> MoveStage(BoardStageId id, int position, UserId actor, IClock clock)
    {
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
            return UnknownStage();
        if (position < 0 || position >= _stages.Count)
            return new Invalid(new Problem("position", BoardCodes.PositionRange, "Posição fora do CRM."));
        var stage = _stages[index];
        return Change(actor, clock, $"stages[{stage.Name}].position", index.ToString(CultureInfo.InvariantCulture), position.ToString(CultureInfo.InvariantCulture), () =>
        {
            _stages.RemoveAt(index);
            _stages.Insert(position, stage);
        });
    }

    /// <summary>Removes a stage that holds no card.</summary>
    /// <param name="id">The stage.</param>
    /// <param name="cardsInStage">How many cards (archived included) are in it, from persistence.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> RemoveStage(BoardStageId id, int cardsInStage, UserId actor, IClock clock)
    {
        var stage = FindStage(id);
        if (stage is null)
            return UnknownStage();
        if (cardsInStage > 0)
            return new Invalid(new Problem("stage", BoardCodes.StageNotEmpty,
                $"A etapa '{stage.Name}' tem {cardsInStage} cartão(ões); mova-os antes de excluí-la."));
        return Change(actor, clock, "stages", stage.Name, null, () => _stages.Remove(stage));
    }

    /// <summary>Defines a new tag.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="colour">Its colour.</param>
    /// <param name="actor">Who defines it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<Tag> AddTag(string? name, Colour colour, UserId actor, IClock clock)
    {
        var problems = CheckTag(name, null);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var tag = new Tag(TagId.New(), name!.Trim(), colour);
        _tags.Add(tag);
        Record(actor, clock.GetCurrentInstant(), "tags", null, tag.Name);
        return tag;
    }

    /// <summary>Renames or recolours a tag.</summary>
    /// <param name="id">The tag.</param>
    /// <param name="name">Its new name.</param>
    /// <param name="colour">Its new colour.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<Tag> ReviseTag(TagId id, string? name, Colour colour, UserId actor, IClock clock)
    {
        var index = _tags.FindIndex(t => t.Id == id);
        if (index < 0)
            return UnknownTag();
        var problems = CheckTag(name, id);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var before = _tags[index];
        var after = before with { Name = name!.Trim(), Colour = colour };
        _tags[index] = after;
        Record(actor, clock.GetCurrentInstant(), $"tags[{before.Name}]", $"{before.Name} {before.Colour}", $"{after.Name} {after.Colour}");
        return after;
    }

    /// <summary>Removes a tag that no card carries.</summary>
    /// <param name="id">The tag.</param>
    /// <param name="cardsWithTag">How many cards carry it, from persistence.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> RemoveTag(TagId id, int cardsWithTag, UserId actor, IClock clock)
    {
        var tag = FindTag(id);
        if (tag is null)
            return UnknownTag();
        if (cardsWithTag > 0)
            return new Invalid(new Problem("tag", BoardCodes.TagInUse, $"A etiqueta '{tag.Name}' está em {cardsWithTag} cartão(ões)."));
        return Change(actor, clock, "tags", tag.Name, null, () => _tags.Remove(tag));
    }

    /// <summary>Releases the board to a user ("Configurações &gt; Usuários").</summary>
    /// <param name="user">The user.</param>
    /// <param name="actor">Who releases it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Release(UserId user, UserId actor, IClock clock) =>
        IsReleasedTo(user)
            ? new Invalid(new Problem("user", BoardCodes.UserReleased, "O usuário já tem acesso a este CRM."))
            : Change(actor, clock, "users", null, user.Value.ToString(), () => _users.Add(user));

    /// <summary>Takes the board away from a user.</summary>
    /// <param name="user">The user.</param>
    /// <param name="actor">Who withdraws it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Withdraw(UserId user, UserId actor, IClock clock) =>
        IsReleasedTo(user)
            ? Change(actor, clock, "users", user.Value.ToString(), null, () => _users.Remove(user))
            : new Invalid(new Problem("user", BoardCodes.UserNotReleased, "O usuário não tem acesso a este CRM."));

    /// <summary>Chooses the base card applied to new cards when none is picked (null for none).</summary>
    /// <param name="baseCard">A base card of this board, or null.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> SetDefaultBaseCard(BaseCard? baseCard, UserId actor, IClock clock) =>
        baseCard is not null && baseCard.Board != Id
            ? new Invalid(new Problem("base_card", BoardCodes.BaseCardMismatch, "O cartão base é de outro CRM."))
            : Change(actor, clock, "default_base_card", DefaultBaseCard?.Value.ToString(), baseCard?.Id.Value.ToString(),
                () => DefaultBaseCard = baseCard?.Id);

    /// <summary>
    /// For each stage with a threshold, the instant before which a card's last update makes it stagnant at
    /// <paramref name="now"/> (stagnant ⇔ not updated for more than N days ⇔ updated before now − N days).
    /// </summary>
    /// <param name="now">The instant to judge by.</param>
    public IReadOnlyList<(BoardStageId Stage, Instant UpdatedBefore)> StagnationCutoffs(Instant now) =>
        [.. _stages.Where(s => s.StagnantDays is not null).Select(s => (s.Id, Stagnation.Cutoff(now, s.StagnantDays!.Value)))];

    private Outcome<HistoryEntry> Change(UserId actor, IClock clock, string field, string? before, string? after, Action apply)
    {
        ArgumentNullException.ThrowIfNull(clock);
        apply();
        return Record(actor, clock.GetCurrentInstant(), field, before, after);
    }

    private HistoryEntry Record(UserId actor, Instant now, string field, string? before, string? after)
    {
        var entry = new HistoryEntry(now, actor, field, before, after, isSecret: false);
        _history.Add(entry);
        return entry;
    }

    private ProblemCollector CheckStage(string? name, int? stagnantDays, BoardStageId? self)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", BoardCodes.StageNameRequired, "Informe o nome da etapa."));
        else if (_stages.Any(s => s.Id != self && string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            problems.Add(new("name", BoardCodes.StageNameDuplicate, $"Já existe uma etapa '{name.Trim()}'."));
        problems.CheckCharacters(name?.Trim(), "name");
        if (stagnantDays is < 1)
            problems.Add(new("stagnant_days", BoardCodes.StagnantDaysRange, "Dias estagnados deve ser ao menos 1."));
        return problems;
    }

    private ProblemCollector CheckTag(string? name, TagId? self)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", BoardCodes.TagNameRequired, "Informe o nome da etiqueta."));
        else if (_tags.Any(t => t.Id != self && string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            problems.Add(new("name", BoardCodes.TagNameDuplicate, $"Já existe uma etiqueta '{name.Trim()}'."));
        problems.CheckCharacters(name?.Trim(), "name");
        return problems;
    }

    private static string Describe(BoardStage s) => $"{s.Name}; dias estagnados: {s.StagnantDays?.ToString(CultureInfo.InvariantCulture) ?? "-"}; cor: {s.Colour?.Hex ?? "-"}";

    private static Invalid UnknownStage() => new(new Problem("stage", BoardCodes.StageUnknown, "Etapa não encontrada neste CRM."));

    private static Invalid UnknownTag() => new(new Problem("tag", BoardCodes.TagUnknown, "Etiqueta não encontrada neste CRM."));
}
