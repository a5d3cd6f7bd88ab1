using OneOf;

namespace Crm.Connectors.Mail;

/// <summary>The server accepted the message for delivery.</summary>
/// <param name="MessageId">The Message-ID it went with (the idempotency key).</param>
/// <param name="Encrypted">Whether the connection was encrypted (SSL or STARTTLS).</param>
public sealed record Sent(string MessageId, bool Encrypted);

/// <summary>The server refused: retrying the same message will not help until the settings or the address change.</summary>
/// <param name="Code">The SMTP reply code (535 for a refused user or password).</param>
/// <param name="Message">What went wrong, for people (Portuguese); never the password.</param>
public sealed record Rejected(int Code, string Message);

/// <summary>The server could not be reached or did not answer in time: the message may be retried later.</summary>
/// <param name="Message">What went wrong, for people (Portuguese).</param>
public sealed record Unavailable(string Message);

/// <summary>What happened to one e-mail: <see cref="Sent"/>, <see cref="Rejected"/> or <see cref="Unavailable"/>.</summary>
public sealed class MailDelivery : OneOfBase<Sent, Rejected, Unavailable>
{
    private MailDelivery(OneOf<Sent, Rejected, Unavailable> input) : base(input) { }

    /// <summary>Delivered.</summary>
    public static implicit operator MailDelivery(Sent sent) => new(sent);

    /// <summary>Refused.</summary>
    public static implicit operator MailDelivery(Rejected rejected) => new(rejected);

    /// <summary>Not reachable.</summary>
    public static implicit operator MailDelivery(Unavailable unavailable) => new(unavailable);

    /// <summary>Whether the message was sent.</summary>
    public bool IsSent => IsT0;

    /// <summary>Whether a later retry may succeed (the outbox keeps the message).</summary>
    public bool IsRetryable => IsT2;
}
