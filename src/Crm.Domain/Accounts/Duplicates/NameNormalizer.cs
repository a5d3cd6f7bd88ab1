using System.Globalization;
using System.Text;

namespace Crm.Domain.Accounts.Duplicates;

/// <summary>
/// The comparison key of a person's or company's name: accents, case and punctuation removed, and the
/// legal-form suffixes (LTDA, ME, EPP, EIRELI, S.A., S/A, SA, ...) dropped from the end, so that
/// "Padaria São João Ltda - ME" and "PADARIA SAO JOAO" share a key. Normalising a key again changes nothing.
/// Only Latin letters (after removing accents) and digits count: letters of other scripts are dropped.
/// </summary>
public static class NameNormalizer
{
    // Legal-form markers of Brazilian company names (Código Civil arts. 1.052–1.158; LC 123/2006 for ME/EPP;
    // Lei 14.195/2021 turned EIRELI into SLU). "S A" is what S.A. and S/A become once punctuation is gone.
    private static readonly HashSet<string> Suffixes =
        ["LTDA", "LIMITADA", "ME", "MEI", "EPP", "EIRELI", "SLU", "SA", "SS", "CIA", "SCP"];

    /// <summary>The key of <paramref name="name"/>; empty when it holds no letter or digit.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var tokens = Tokens(name);
        // Strip suffixes from the end, but never the last remaining word: "ME" alone stays a name.
        while (tokens.Count > 1)
        {
            if (tokens.Count > 2 && tokens[^2] == "S" && tokens[^1] == "A")
                tokens.RemoveRange(tokens.Count - 2, 2);
            else if (Suffixes.Contains(tokens[^1]))
                tokens.RemoveAt(tokens.Count - 1);
            else
                break;
        }
        return string.Join(' ', tokens);
    }

    private static List<string> Tokens(string name)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                word.Append(char.ToUpperInvariant(c));
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            tokens.Add(word.ToString());
        return tokens;
    }
}
