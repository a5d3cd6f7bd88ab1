using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Integration.Messages;

/// <summary>
/// Carries <see cref="ErpMessage"/>s to one ERP (HTTP, queue, file drop...). Implementations must apply a message's
/// <see cref="ErpMessage.Key"/> at most once: a resend with the same key answers what the first send answered.
/// </summary>
public interface IErpTransport
{
    /// <summary>The ERP it talks to.</summary>
    ErpId Erp { get; }

    /// <summary>Sends <paramref name="message"/>.</summary>
    ValueTask<TransportResult> SendAsync(ErpMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The ERP accepted the message.</summary>
/// <param name="ErpCode">The customer's code in the ERP (new on a create).</param>
/// <param name="Response">The ERP's response body.</param>
public sealed record Delivered(string ErpCode, string Response);

/// <summary>The ERP refused the message: resending it unchanged will not help.</summary>
/// <param name="Problems">Why, as the ERP said it.</param>
public sealed record Rejected(IReadOnlyList<Problem> Problems);

/// <summary>The ERP could not be reached or asked to retry: send the same message again later.</summary>
/// <param name="Reason">What happened.</param>
/// <param name="RetryAfter">How long the ERP asked to wait, when it said.</param>
public sealed record Unavailable(string Reason, Duration? RetryAfter = null);

/// <summary>The outcome of a send.</summary>
public sealed class TransportResult : OneOfBase<Delivered, Rejected, Unavailable>
{
    private TransportResult(OneOf<Delivered, Rejected, Unavailable> value) : base(value) { }

    /// <summary>Delivered.</summary>
    public static implicit operator TransportResult(Delivered value) => new(value);

    /// <summary>Rejected.</summary>
    public static implicit operator TransportResult(Rejected value) => new(value);

    /// <summary>Unavailable.</summary>
    public static implicit operator TransportResult(Unavailable value) => new(value);
}
