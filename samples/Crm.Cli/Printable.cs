using System.Buffers;
using System.Text;

namespace Crm.Cli;

/// <summary>
/// Text typed by a user (an argument, a CSV cell, a path) made safe to print on one line: every control character
/// (C0, DEL, C1), the Unicode line and paragraph separators and the bidirectional overrides are shown as escapes
/// (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001B</c>), so input can neither break a report line nor drive the terminal.
/// A backslash typed by the user is printed as it is.
/// </summary>
public static class Printable
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Range('\u0000', '\u001F'), .. Range('\u007F', '\u009F'), '\u2028', '\u2029', .. Range('\u202A', '\u202E'), .. Range('\u2066', '\u2069')]);

    /// <summary><paramref name="text"/> with every unsafe character escaped; the same instance when there is none.</summary>
    public static string OneLine(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unsafe.Contains(c))
                builder.Append(c);
            else
                builder.Append(c switch
                {
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    _ => $@"\u{(int)c:X4}",
                });
        }
        return builder.ToString();
    }

    private static IEnumerable<char> Range(char first, char last) =>
        Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
