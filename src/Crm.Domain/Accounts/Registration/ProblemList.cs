using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;

namespace Crm.Domain.Accounts.Registration;

/// <summary>Collects the problems of one validation, prefixing codes with the subject (<c>lead</c>, <c>account</c>, <c>contact</c>).</summary>
internal sealed class ProblemList(string subject)
{
    public List<Problem> All { get; } = [];

    public bool HasErrors => All.Exists(p => p.Severity == Severity.Error);

    /// <summary>Adds <c>{subject}.{code}</c> for <paramref name="field"/>.</summary>
    public void Add(string field, string code, string message, Severity severity = Severity.Error) =>
        All.Add(new Problem(field, $"{subject}.{code}", message, severity));

    public void AddRange(IEnumerable<Problem> problems) => All.AddRange(problems);

    /// <summary>The parsed value, or null with the parser's problems moved to <paramref name="field"/>.</summary>
    public T? Parse<T>(Outcome<T> result, string field) where T : struct
    {
        if (result.TryPickT0(out var value, out var invalid))
            return value;
        All.AddRange(invalid.Problems.Select(p => p with { Field = field }));
        return null;
    }

    /// <summary>Parses <paramref name="text"/> when given; null (and nothing reported) when blank.</summary>
    public T? ParseOptional<T>(string? text, Func<string, Outcome<T>> parse, string field) where T : struct =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(parse(text), field);

    /// <summary>
    /// The trimmed text (null when blank), with what the text rule refuses in it reported for the field
    /// <paramref name="path"/><c>.</c><paramref name="name"/> (or <paramref name="path"/> alone), a name built only then.
    /// </summary>
    public string? Text(string? text, string path, string? name = null, bool multiLine = false)
    {
        var clean = Clean(text);
        CheckCharacters(clean, path, name, multiLine);
        return clean;
    }

    /// <summary>Reports what the text rule refuses in <paramref name="text"/> (as stored) for the field <paramref name="path"/><c>.</c><paramref name="name"/>.</summary>
    public void CheckCharacters(string? text, string path, string? name = null, bool multiLine = false)
    {
        if (text is not null && !TextRule.HasValidCharacters(text, multiLine))
            All.CheckCharacters(text, name is null ? path : $"{path}.{name}", multiLine);
    }

    /// <summary>Reports what the text rule refuses in <paramref name="text"/> for the field <c>list[index].name</c>.</summary>
    public void CheckCharacters(string? text, string list, int index, string name, bool multiLine = false)
    {
        if (text is not null && !TextRule.HasValidCharacters(text, multiLine))
            All.CheckCharacters(text, $"{list}[{index}].{name}", multiLine);
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
