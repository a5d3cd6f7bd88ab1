using Crm.Domain.Identity;
using Crm.Domain.Registry;
using Crm.Persistence.Outbox;
using NodaTime;

namespace Crm.Persistence.Notifications;

/// <summary>
/// One e-mail telling a user that something moved (an opportunity created, moved, won or lost), written in the transaction
/// of the movement (the transactional outbox) and sent later by the notification dispatcher through the SMTP server of
/// <see cref="Company"/>/<see cref="Branch"/>. It stores what happened, not the rendered mail: the text is composed when it
/// is sent, with the settings of that moment. <see cref="MessageId"/> depends only on the movement and the recipient, so
/// every attempt carries the same Message-ID. <see cref="QueuedMessage.LastError"/> holds the server's reply code and reason, never a credential.
/// </summary>
public sealed class NotificationMessage : QueuedMessage
{
    /// <summary>The longest <see cref="Detail"/> stored (longer ones are cut).</summary>
    public const int MaxDetailLength = 500;

    /// <summary>The e-mail's Message-ID (without angle brackets): unique per tenant, the same on every attempt.</summary>
    public string MessageId { get; init; } = "";

    /// <summary>The movement: one per event, shared by its recipients.</summary>
    public Guid Movement { get; init; }

    /// <summary>What moved, by name (<c>Opportunity</c>, ...).</summary>
    public string Subject { get; init; } = "";

    /// <summary>The id of what moved.</summary>
    public string SubjectId { get; init; } = "";

    /// <summary>Its title when it moved.</summary>
    public string Title { get; init; } = "";

    /// <summary>How it moved, by name (<c>Created</c>, <c>StageChanged</c>, <c>Won</c>, <c>Lost</c>, ...).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The name of the user who moved it.</summary>
    public string Actor { get; init; } = "";

    /// <summary>When it moved.</summary>
    public Instant At { get; init; }

    /// <summary>The stage entered, the reason; optional.</summary>
    public string? Detail { get; init; }

    /// <summary>The user notified.</summary>
    public UserId Recipient { get; init; }

    /// <summary>The user's e-mail address when the movement happened.</summary>
    public Email RecipientEmail { get; init; }

    /// <summary>The user's name.</summary>
    public string RecipientName { get; init; } = "";

    /// <summary>The company whose SMTP server sends it (the recipient's).</summary>
    public CompanyId Company { get; init; }

    /// <summary>The branch, when the recipient works in one; null for the company's own server.</summary>
    public BranchId? Branch { get; init; }
}
