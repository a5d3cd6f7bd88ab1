using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Persistence.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first time, or again after a failure) at <see cref="QueuedMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="QueuedMessage.LeaseExpiresAt"/>; after that another may take it.</summary>
    Sending,

    /// <summary>The ERP acknowledged it.</summary>
    Sent,

    /// <summary>Given up (the ERP rejected it, or every attempt failed); kept with its last error until re-queued.</summary>
    Parked,
}

/// <summary>
/// One message for an ERP, written in the transaction of the change it carries (the transactional outbox) and sent later
/// by the dispatcher. Messages of one account are sent in <see cref="Sequence"/> order. <see cref="QueuedMessage.LastError"/> holds what
/// the transport said (a reason or the ERP's problem codes), never a credential.
/// </summary>
public sealed class OutboxMessage : QueuedMessage
{
    /// <summary>The account it carries: the ordering key (one account's messages go out one at a time, in order).</summary>
    public AccountId Account { get; init; }

    /// <summary>The sales order the message carries; null for a customer message.</summary>
    public SalesOrderId? Order { get; init; }

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

    /// <summary>The ERP's code for the customer in its acknowledgement.</summary>
    public string? AcknowledgedCode { get; set; }

    /// <summary>The user whose change wrote it.</summary>
    public UserId CreatedBy { get; init; }
}
