namespace Crm.Domain.Problems;

/// <summary>
/// Gathers every problem of one validation: the domain's one collector. A struct whose list is made at the first problem,
/// so that a valid input allocates nothing (the Pricer and the tax calculator validate every line of an order with it). A
/// helper that adds problems takes it by <c>ref</c>: a copy would gather into a list of its own.
/// </summary>
internal struct ProblemCollector
{
    private readonly string? _subject;
    private List<Problem>? _problems;

    /// <summary>A collector whose <see cref="Add(string, string, string, Severity)"/> prefixes codes with <paramref name="subject"/> (<c>lead</c>, <c>account</c>, <c>user</c>).</summary>
    public ProblemCollector(string subject) => _subject = subject;

    public readonly bool HasProblems => _problems is not null;

    /// <summary>True when a problem of severity <see cref="Severity.Error"/> was collected (warnings alone do not reject).</summary>
    public readonly bool HasErrors => _problems?.Exists(p => p.Severity == Severity.Error) == true;

    public readonly int Count => _problems?.Count ?? 0;

    /// <summary>The problems collected, in the order they were found (a read-only view: a holder cannot cast it back to a list).</summary>
    public readonly IReadOnlyList<Problem> Items => _problems?.AsReadOnly() ?? (IReadOnlyList<Problem>)[];

    public readonly Invalid ToInvalid() => new(_problems ?? throw new InvalidOperationException("No problems were collected."));

    public void Add(Problem problem) => (_problems ??= []).Add(problem);

    /// <summary>Adds a problem for <paramref name="field"/>, its code prefixed with the subject when there is one (<c>{subject}.{code}</c>).</summary>
    public void Add(string field, string code, string message, Severity severity = Severity.Error) =>
        Add(new Problem(field, _subject is null ? code : $"{_subject}.{code}", message, severity));

    /// <summary>Adds problems found on a part of the input, their fields prefixed with where that part sits.</summary>
    public void AddRange(IEnumerable<Problem> more, string prefix = "")
    {
        if (prefix.Length == 0 && more is ICollection<Problem> all)
        {
            if (all.Count > 0) // copied without an enumerator: the Pricer adds every line's warnings
                (_problems ??= []).AddRange(all);
            return;
        }
        foreach (var problem in more)
            Add(prefix.Length == 0 ? problem : problem with { Field = prefix + problem.Field });
    }

    /// <summary>The parsed value, or null with the parser's problems moved to <paramref name="field"/>.</summary>
    public T? Parse<T>(Outcome<T> result, string field) where T : struct
    {
        if (result.TryPickT0(out var value, out var invalid))
            return value;
        foreach (var problem in invalid.Problems)
            Add(problem with { Field = field });
        return null;
    }

    /// <summary>Parses <paramref name="text"/> when given; null (and nothing reported) when blank.</summary>
    public T? ParseOptional<T>(string? text, Func<string, Outcome<T>> parse, string field) where T : struct =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(parse(text), field);
}
