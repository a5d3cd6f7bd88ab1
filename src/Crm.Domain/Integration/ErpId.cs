namespace Crm.Domain.Integration;

/// <summary>
/// Which ERP an adapter integrates with, e.g. <c>datasul</c>, <c>protheus</c>, <c>mega</c>, <c>senior-x</c>: 2 to 32
/// characters of the code alphabet (lowercase ASCII letters, digits, <c>-</c> and <c>_</c>), the alphabet of each segment of
/// a rule code too, so an adapter's rule codes can start with its id. The host runs at most one adapter per ERP.
/// </summary>
public readonly record struct ErpId
{
    private ErpId(string value) => Value = value;

    /// <summary>The id.</summary>
    public string Value { get; }

    /// <summary>The id of <paramref name="text"/>; throws for a malformed id, which is a bug in the adapter that states it.</summary>
    public static ErpId Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < 2 or > 32 || !text.All(IsCodeCharacter))
            throw new ArgumentException($"'{text}' is not an ERP id: use 2 to 32 lowercase letters, digits, hyphens or underscores.", nameof(text));
        return new ErpId(text);
    }

    /// <summary>True for the characters of ERP ids and of rule code segments: lowercase ASCII letters, digits, <c>-</c>, <c>_</c>.</summary>
    public static bool IsCodeCharacter(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_';

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
