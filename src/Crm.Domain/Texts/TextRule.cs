using System.Buffers;
using System.Globalization;
using Crm.Domain.Problems;

namespace Crm.Domain.Texts;

/// <summary>
/// The one rule for text the domain stores, so that whatever it accepts is stored and read back identically on SQLite and
/// PostgreSQL: at most the field's <see cref="TextLimits">limit</see> in code points, no control character (a PostgreSQL
/// <c>text</c> cannot hold NUL, and the others are noise from copy and paste) except tab, CR and LF in multi-line text, and no
/// lone UTF-16 surrogate (PostgreSQL's UTF-8 refuses it; SQLite silently turns it into U+FFFD).
/// </summary>
// Length counts code points because PostgreSQL's varchar(n) counts characters of the UTF-8 database encoding, which are
// code points (https://www.postgresql.org/docs/current/datatype-character.html): "😀" is 2 UTF-16 units but 1 character.
internal static class TextRule
{
    // Unicode category Cc is C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). The ASCII ones are searched as a set
    // (all-ASCII sets are vectorised), C1 as a range.
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(AsciiControlCharacters(multiLine: false));
    private static readonly SearchValues<char> AsciiControlsButLineBreaks = SearchValues.Create(AsciiControlCharacters(multiLine: true));

    /// <summary>The length of <paramref name="text"/> in code points (a lone surrogate counts as one).</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scan(text, multiLine: true).Length;
    }

    /// <summary>True when <paramref name="text"/> has more than <paramref name="maxLength"/> code points.</summary>
    public static bool IsLongerThan(string text, int maxLength) =>
        text.Length > maxLength && Length(text) > maxLength;

    /// <summary>Adds to <paramref name="problems"/> what is wrong with <paramref name="text"/> (as stored: trimmed); nothing for null.</summary>
    /// <param name="problems">Where the problems go.</param>
    /// <param name="text">The text as it will be stored.</param>
    /// <param name="field">The field named in the problems.</param>
    /// <param name="maxLength">The field's limit in code points (a <see cref="TextLimits"/> constant).</param>
    /// <param name="multiLine">Whether tab, CR and LF are allowed (notes, descriptions, comments).</param>
    public static void Check(this ref ProblemCollector problems, string? text, string field, int maxLength, bool multiLine = false)
    {
        if (text is null)
            return;
        var scan = Scan(text, multiLine);
        if (scan.Length > maxLength)
            problems.Add(new Problem(field, TextCodes.TooLong, $"No máximo {maxLength} caracteres ({scan.Length} informados)."));
        AddCharacterProblems(ref problems, scan, field);
    }

    /// <summary>
    /// Adds the character problems only (control characters, lone surrogates): for text without a column limit (JSON
    /// documents, <c>text</c> columns) and for fields whose module reports length under its own code. The field is
    /// <paramref name="field"/><c>.</c><paramref name="name"/> (or <paramref name="field"/> alone), a name built only for a problem.
    /// </summary>
    public static void CheckCharacters(this ref ProblemCollector problems, string? text, string field, string? name = null, bool multiLine = false)
    {
        if (text is not null && Scan(text, multiLine) is { IsValid: false } scan)
            AddCharacterProblems(ref problems, scan, name is null ? field : $"{field}.{name}");
    }

    /// <summary>Adds the character problems of <paramref name="text"/> for the field <c>list[index].name</c>, a name built only for a problem.</summary>
    public static void CheckCharacters(this ref ProblemCollector problems, string? text, string list, int index, string name, bool multiLine = false)
    {
        if (text is not null && Scan(text, multiLine) is { IsValid: false } scan)
            AddCharacterProblems(ref problems, scan, $"{list}[{index}].{name}");
    }

    /// <summary>
    /// The trimmed text (null when blank), with what the rule refuses in it reported for the field
    /// <paramref name="field"/><c>.</c><paramref name="name"/> (or <paramref name="field"/> alone).
    /// </summary>
    public static string? Text(this ref ProblemCollector problems, string? text, string field, string? name = null, bool multiLine = false)
    {
        var clean = Clean(text);
        problems.CheckCharacters(clean, field, name, multiLine);
        return clean;
    }

    /// <summary>The trimmed text; null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>True when <paramref name="text"/> has no character the rule refuses.</summary>
    public static bool HasValidCharacters(string text, bool multiLine = false) => Scan(text, multiLine).IsValid;

    private static void AddCharacterProblems(ref ProblemCollector problems, TextScan scan, string field)
    {
        if (scan.Control is { } control)
            problems.Add(new Problem(field, TextCodes.ControlCharacter,
                $"O texto contém o caractere de controle U+{((int)control).ToString("X4", CultureInfo.InvariantCulture)}, que não é aceito."));
        if (scan.LoneSurrogate)
            problems.Add(new Problem(field, TextCodes.LoneSurrogate, "O texto contém um caractere inválido (metade de um par UTF-16)."));
    }

    // Vectorised searches: most text has no control character and no surrogate, and notes run to thousands of characters.
    private static TextScan Scan(string text, bool multiLine)
    {
        var span = text.AsSpan();
        var ascii = span.IndexOfAny(multiLine ? AsciiControlsButLineBreaks : AsciiControls);
        var c1 = span.IndexOfAnyInRange('\u0080', '\u009F');
        char? control = ascii >= 0 ? span[ascii] : c1 >= 0 ? span[c1] : null;
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
            return new TextScan(text.Length, control, LoneSurrogate: false);
        var pairs = 0;
        var lone = false;
        for (var i = first; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                pairs++;
                i++;
            }
            else if (char.IsSurrogate(span[i]))
                lone = true;
        }
        return new TextScan(text.Length - pairs, control, lone);
    }

    private static string AsciiControlCharacters(bool multiLine) =>
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => char.IsControl(c) && !(multiLine && c is '\t' or '\r' or '\n')));

    private readonly record struct TextScan(int Length, char? Control, bool LoneSurrogate)
    {
        public bool IsValid => Control is null && !LoneSurrogate;
    }
}
