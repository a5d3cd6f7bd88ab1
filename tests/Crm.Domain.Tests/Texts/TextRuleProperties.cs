using System.Globalization;
using System.Text;
using Crm.Domain.Texts;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Domain.Tests.Texts;

/// <summary>
/// For every stored text field, over random text near its limit (letters, accents, emoji outside the BMP, line breaks,
/// control characters, lone surrogates): the field's problems are exactly those an independent oracle predicts — too long
/// (code points, as PostgreSQL counts), a control character, a lone surrogate — so whatever the domain accepts fits the column
/// and encodes as UTF-8, and whatever breaks one of those is refused with the matching code.
/// </summary>
public class TextRuleProperties
{
    private static readonly string[] Clean = ["a", "b", "z", "Q", " ", "ç", "ã", "É", "-", "1", "😀"];
    private static readonly string[] Breaks = ["\t", "\n", "\r", "\r\n"];
    private static readonly string[] Controls = ["\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u009F"];
    private static readonly string[] LoneSurrogates = ["\uD83D", "\uDE00"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TheoryData<string> Fields() => [.. StoredTextFields.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_field_refuses_exactly_the_text_that_breaks_the_rule(string name)
    {
        var field = StoredTextFields.All.Single(f => f.Name == name);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Texts(field.Limit).ToArbitrary(), text =>
        {
            var expected = Expected(field, field.Trimmed ? text.Trim() : text);
            var actual = field.Try(text).Select(p => p.Code).ToHashSet();
            return actual.SetEquals(expected)
                .Label($"{field}: {Escape(text)} → [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]");
        }));
    }

    // A text starts with a letter (so it is never blank or a known stage or tag name); the rest is clean, clean with line
    // breaks, or anything; its length is anywhere up to past the limit, or right around it.
    private static Gen<string> Texts(int? limit)
    {
        var max = limit ?? 60;
        var pieces = Gen.Elements<string[]>([Clean, [.. Clean, .. Breaks], [.. Clean, .. Clean, .. Breaks, .. Controls, .. LoneSurrogates]]);
        return from alphabet in pieces
               from count in Gen.OneOf(Gen.Choose(0, max + 5), Gen.Choose(Math.Max(0, max - 3), max + 2))
               from parts in Gen.ArrayOf(Gen.Elements(alphabet), count)
               select "Q" + string.Concat(parts);
    }

    private static HashSet<string> Expected(StoredTextField field, string stored)
    {
        var codes = new HashSet<string>();
        // UTF-32 turns each code point (and each lone surrogate, as U+FFFD) into 4 bytes: the length PostgreSQL counts.
        if (field.Limit is { } limit && Encoding.UTF32.GetByteCount(stored) / 4 > limit)
            codes.Add(field.TooLongCode);
        if (stored.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Control && !(field.MultiLine && c is '\t' or '\r' or '\n')))
            codes.Add(TextCodes.ControlCharacter);
        if (!EncodesAsUtf8(stored))
            codes.Add(TextCodes.LoneSurrogate);
        return codes;
    }

    private static bool EncodesAsUtf8(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
