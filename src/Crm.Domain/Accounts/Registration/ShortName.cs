using Crm.Domain.Texts;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The <i>nome abreviado</i>: the customer's key in Datasul, unique per tenant. Trimmed, at most 30 characters
/// (CRM <c>crm_pessoa.nom_abrev</c>; Datasul <c>emitente.nome-abrev</c> holds 12, enforced through the ERP's requirements).
/// Uniqueness ignores case, as Progress compares character fields case-insensitively.
/// </summary>
public readonly record struct ShortName
{
    /// <summary>The longest short name the CRM stores.</summary>
    public const int MaxLength = TextLimits.ShortName;

    private ShortName(string value) => Value = value;

    /// <summary>The short name as typed, trimmed.</summary>
    public string Value { get; }

    /// <summary>The uniqueness key: upper-cased.</summary>
    public string Key => Value.ToUpperInvariant();

    /// <summary>The short name of <paramref name="text"/>, or null when blank or longer than <see cref="MaxLength"/>.</summary>
    public static ShortName? From(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || TextRule.IsLongerThan(trimmed, MaxLength) ? null : new ShortName(trimmed);
    }

    /// <summary>True when both name the same ERP key.</summary>
    public bool SameKeyAs(ShortName other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
