using System.Security.Cryptography;
using System.Text;

namespace Crm.Connectors.Mail;

/// <summary>
/// Message-IDs derived from what a message is about, so that sending it again (after a restart, a retry, a second
/// dispatcher) gives the same id: the outbox and the recipient's server can recognise the duplicate.
/// </summary>
public static class MessageIds
{
    /// <summary>The domain part of every id; RFC 5322 only asks that the whole id be unique.</summary>
    public const string Domain = "crm-sdk.local";

    /// <summary>The id of the message identified by <paramref name="parts"/> (each length-prefixed, so no two lists collide).</summary>
    public static string Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var key = string.Concat(parts.Select(p => $"{p.Length}:{p}"));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{Domain}";
    }
}
