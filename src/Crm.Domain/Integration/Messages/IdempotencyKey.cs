using System.Security.Cryptography;
using System.Text;

namespace Crm.Domain.Integration.Messages;

/// <summary>
/// Identifies one change sent to an ERP: the SHA-256 (lowercase hex) of the ERP, resource, account and body. Resending the
/// same change (a retry, a replayed outbox row) carries the same key; any change to the body gives a new one.
/// </summary>
public readonly record struct IdempotencyKey
{
    private IdempotencyKey(string value) => Value = value;

    /// <summary>64 lowercase hex digits.</summary>
    public string Value { get; }

    /// <summary>The key of a message with these parts.</summary>
    public static IdempotencyKey Of(ErpId erp, string resource, Guid account, string body)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        var text = $"{erp.Value}\n{resource}\n{account:N}\n{body}";
        return new IdempotencyKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>
    /// Reads a key stored or received as text (an outbox row, an <c>Idempotency-Key</c> header): true when
    /// <paramref name="text"/> is 64 lowercase hex digits.
    /// </summary>
    public static bool TryParse(string? text, out IdempotencyKey key)
    {
        var valid = text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);
        key = valid ? new IdempotencyKey(text!) : default;
        return valid;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
