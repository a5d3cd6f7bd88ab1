using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Persistence.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first time, or again after a failure) at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.LeaseExpiresAt"/>; after that another may take it.</summary>
    Sending,

    /// <summary>The ERP acknowledged it.</summary>
    Sent,

    /// <summary>Given up (the ERP rejected it, or every attempt failed); kept with its last error until re-queued.</summary>
    Parked,
}

/// <summary>
/// One message for an ERP, written in the transaction of the change it carries (the transactional outbox) and sent later
/// by the dispatcher. Messages of one account are sent in <see cref="Sequence"/> order. <see cref="LastError"/> holds what
/// the transport said (a reason or the ERP's problem codes), never a credential.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The longest <see cref="LastError"/> stored.</summary>
    public const int MaxErrorLength = 1000;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The message's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The account it carries: the ordering key (one account's messages go out one at a time, in order).</summary>
    public AccountId Account { get; init; }

    /// <summary>Its place among the account's messages (1, 2, ...).</summary>
    public long Sequence { get; init; }

    /// <summary>The ERP (adapter id), e.g. <c>protheus</c>.</summary>
    public string Erp { get; init; } = "";

    /// <summary>The ERP resource, e.g. <c>customerVendor</c>.</summary>
    public string Resource { get; set; } = "";

    /// <summary>Create or update: the message kind, with <see cref="Resource"/>.</summary>
    public ErpOperation Operation { get; set; }

    /// <summary>The customer's ERP code an update is for.</summary>
    public string? ErpCode { get; set; }

    /// <summary>The canonical JSON body.</summary>
    public string Payload { get; set; } = "";

    /// <summary>The idempotency key (64 lowercase hex digits) the ERP applies once.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>Where it stands.</summary>
    public OutboxStatus Status { get; set; }

    /// <summary>How many sends were attempted.</summary>
    public int Attempts { get; set; }

    /// <summary>When it may be sent (again).</summary>
    public Instant NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed; null once sent.</summary>
    public string? LastError { get; set; }

    /// <summary>The dispatcher claim holding it while <see cref="OutboxStatus.Sending"/>.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the claim lapses and another dispatcher may take the message.</summary>
    public Instant? LeaseExpiresAt { get; set; }

    /// <summary>The ERP's code for the customer in its acknowledgement.</summary>
    public string? AcknowledgedCode { get; set; }

    /// <summary>The user whose change wrote it.</summary>
    public UserId CreatedBy { get; init; }

    /// <summary>When it was written.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public Instant UpdatedAt { get; set; }

    /// <summary>When the ERP acknowledged it.</summary>
    public Instant? SentAt { get; set; }
}
