using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// One user's filters on one board: the filter in use, the filters saved by name ("Salvar Filtros"), and
/// clearing ("Limpar Filtros"). Names are case-insensitive; saving under an existing name replaces that filter.
/// </summary>
public sealed class BoardFilterPreferences
{
    /// <summary>Problem code: the filter name is empty.</summary>
    public const string NameRequired = "board.filter.name.required";

    /// <summary>Problem code: no saved filter with that name.</summary>
    public const string NotFound = "board.filter.not_found";

    private readonly Dictionary<string, CardFilter> _saved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts with the cleared filter and nothing saved.</summary>
    /// <param name="user">The user.</param>
    /// <param name="board">The board.</param>
    public BoardFilterPreferences(UserId user, BoardId board)
    {
        User = user;
        Board = board;
    }

    /// <summary>The user.</summary>
    public UserId User { get; }

    /// <summary>The board.</summary>
    public BoardId Board { get; }

    /// <summary>The filter in use.</summary>
    public CardFilter Current { get; private set; } = CardFilter.Cleared;

    /// <summary>The saved filters by name.</summary>
    public IReadOnlyDictionary<string, CardFilter> Saved => _saved;

    /// <summary>Puts <paramref name="filter"/> in use.</summary>
    /// <param name="filter">The filter.</param>
    public void Use(CardFilter filter) => Current = filter ?? throw new ArgumentNullException(nameof(filter));

    /// <summary>Puts the cleared filter in use; saved filters stay.</summary>
    public void Clear() => Current = CardFilter.Cleared;

    /// <summary>Saves the filter in use under <paramref name="name"/>, replacing one of the same name.</summary>
    /// <param name="name">The name.</param>
    public Outcome<CardFilter> Save(string? name)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", NameRequired, "Informe um nome para o filtro."));
        problems.CheckCharacters(name?.Trim(), "name");
        if (problems.HasProblems)
            return problems.ToInvalid();
        _saved[name!.Trim()] = Current;
        return Current;
    }

    /// <summary>Puts the saved filter <paramref name="name"/> in use.</summary>
    /// <param name="name">The name.</param>
    public Outcome<CardFilter> Load(string? name) =>
        Find(name).Map(filter => Current = filter);

    /// <summary>Deletes the saved filter <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    public Outcome<CardFilter> Forget(string? name) =>
        Find(name).Map(filter =>
        {
            _saved.Remove(name!.Trim());
            return filter;
        });

    private Outcome<CardFilter> Find(string? name) =>
        name is not null && _saved.TryGetValue(name.Trim(), out var filter)
            ? filter
            : new Invalid(new Problem("name", NotFound, $"Filtro '{name}' não encontrado."));
}
