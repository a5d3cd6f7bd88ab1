using Crm.Domain.Texts;

namespace Crm.Domain.Accounts.Configuration;

/// <summary>
/// The code of a master-data record an account points to (client type, account type, client group,
/// representative, carrier, portador, payment condition, price table, portfolio, fiscal category). ERPs key these
/// by short codes (Datasul <c>cod-rep</c>, <c>cod-transp</c>, <c>nr-tabpre</c>...): trimmed, upper-cased, 1 to 20 characters.
/// </summary>
public readonly record struct MasterDataCode
{
    /// <summary>The longest code accepted.</summary>
    public const int MaxLength = TextLimits.MasterDataCode;

    private MasterDataCode(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>The code of <paramref name="text"/>, or null when it is blank or longer than <see cref="MaxLength"/>.</summary>
    public static MasterDataCode? From(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || TextRule.IsLongerThan(trimmed, MaxLength) ? null : new MasterDataCode(trimmed.ToUpperInvariant());
    }

    /// <summary>The code; for known-good constants (tests, seeds of configuration).</summary>
    public static MasterDataCode Of(string text) =>
        From(text) ?? throw new ArgumentException($"'{text}' is not a master-data code.", nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
