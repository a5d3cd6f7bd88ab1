using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Persistence.Outbox;

/// <summary>
/// What every outbox row carries to be sent later by a dispatcher (the ERP outbox's <see cref="OutboxMessage"/>, the
/// notification e-mails' <c>NotificationMessage</c>): where it stands, its attempts, the claim holding it, its last error.
/// </summary>
public abstract class QueuedMessage
{
    /// <summary>The longest <see cref="LastError"/> stored.</summary>
    public const int MaxErrorLength = 1000;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The row's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Where it stands.</summary>
    public OutboxStatus Status { get; set; }

    /// <summary>How many sends were attempted.</summary>
    public int Attempts { get; set; }

    /// <summary>When it may be sent (again).</summary>
    public Instant NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed (never a credential); null once sent.</summary>
    public string? LastError { get; set; }

    /// <summary>The dispatcher claim holding it while <see cref="OutboxStatus.Sending"/>.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the claim lapses and another dispatcher may take it.</summary>
    public Instant? LeaseExpiresAt { get; set; }

    /// <summary>When it was written.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public Instant UpdatedAt { get; set; }

    /// <summary>When the receiving side (the ERP, the SMTP server) accepted it.</summary>
    public Instant? SentAt { get; set; }

    /// <summary><paramref name="text"/> cut to <see cref="MaxErrorLength"/>.</summary>
    public static string Truncate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
