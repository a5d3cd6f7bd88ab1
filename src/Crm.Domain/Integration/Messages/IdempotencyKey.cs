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

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
