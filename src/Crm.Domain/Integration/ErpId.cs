namespace Crm.Domain.Integration;

/// <summary>
/// Which ERP an adapter integrates with, e.g. <c>datasul</c>, <c>protheus</c>, <c>mega</c>: lowercase ASCII letters, digits
/// and hyphens, 2 to 32 characters. The host runs at most one adapter per ERP.
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
        if (text.Length is < 2 or > 32 || !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"'{text}' is not an ERP id: use 2 to 32 lowercase letters, digits or hyphens.", nameof(text));
        return new ErpId(text);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
