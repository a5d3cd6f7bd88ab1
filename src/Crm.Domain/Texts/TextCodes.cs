namespace Crm.Domain.Texts;

/// <summary>
/// The stable problem codes of the text rule every stored text follows (<see cref="TextLimits"/>); never change a shipped
/// string: hosts match on it. A field whose module shipped its own "too long" code before the rule existed keeps that code
/// for length; the character codes are the same everywhere.
/// </summary>
public static class TextCodes
{
    /// <summary><c>text.too_long</c>: more Unicode characters (code points) than the field's limit.</summary>
    public const string TooLong = "text.too_long";

    /// <summary><c>text.control_character</c>: a control character (NUL and the rest of Unicode category Cc); multi-line text may hold tab, CR and LF.</summary>
    public const string ControlCharacter = "text.control_character";

    /// <summary><c>text.lone_surrogate</c>: half of a UTF-16 surrogate pair, which no database encoding can store.</summary>
    public const string LoneSurrogate = "text.lone_surrogate";
}
