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

    /// <summary>The trimmed text (null when blank), with what the text rule refuses in it reported for <paramref name="field"/>.</summary>
    public string? Text(string? text, string field, bool multiLine = false)
    {
        var clean = Clean(text);
        All.CheckCharacters(clean, field, multiLine);
        return clean;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
