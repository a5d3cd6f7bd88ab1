using NodaTime;

namespace Crm.Connectors.Mail;

/// <summary>What moved (seed 001: users are notified of movements of these).</summary>
public enum MovementSubject
{
    /// <summary>Oportunidade.</summary>
    Opportunity,
    /// <summary>Ocorrência.</summary>
    Occurrence,
    /// <summary>Tarefa.</summary>
    Task,
    /// <summary>Compromisso.</summary>
    Appointment,
    /// <summary>Follow-up.</summary>
    FollowUp,
    /// <summary>Cartão: a prospect's card on a kanban board.</summary>
    Card,
}

/// <summary>How it moved.</summary>
public enum MovementKind
{
    /// <summary>Created.</summary>
    Created,
    /// <summary>Changed.</summary>
    Updated,
    /// <summary>Assigned to the recipient.</summary>
    Assigned,
    /// <summary>Moved to another stage or status (the detail names it).</summary>
    StageChanged,
    /// <summary>Completed or closed.</summary>
    Completed,
    /// <summary>Cancelled.</summary>
    Cancelled,
    /// <summary>Won (an opportunity entered its pipeline's won stage).</summary>
    Won,
    /// <summary>Lost (an opportunity entered its pipeline's lost stage; the detail gives the reason).</summary>
    Lost,
    /// <summary>Answered (an occurrence: the customer got the company's answer).</summary>
    Answered,
    /// <summary>Closed (an occurrence finished).</summary>
    Closed,
    /// <summary>Rescheduled (an appointment moved to another time or place).</summary>
    Rescheduled,
}

/// <summary>One movement the engine records and users are told about.</summary>
/// <param name="Id">The movement's own id (one per event, so one notification per recipient).</param>
/// <param name="Subject">What moved.</param>
/// <param name="SubjectId">Its id, as the host shows it.</param>
/// <param name="Title">Its title or name.</param>
/// <param name="Kind">How it moved.</param>
/// <param name="Actor">Who moved it.</param>
/// <param name="At">When.</param>
/// <param name="Detail">The new stage, a note; optional.</param>
public sealed record Movement(
    Guid Id, MovementSubject Subject, string SubjectId, string Title, MovementKind Kind, string Actor, Instant At, string? Detail);

/// <summary>A user to notify.</summary>
/// <param name="Address">E-mail address.</param>
/// <param name="Name">Display name.</param>
public sealed record Recipient(Crm.Domain.Registry.Email Address, string Name);

/// <summary>An e-mail about a movement, and when it may go (the movement plus the server's send delay).</summary>
/// <param name="Mail">The message; its id is the idempotency key.</param>
/// <param name="DueAt">Not before this instant (seed 001, "Intervalo/Delay no envio").</param>
public sealed record Notification(OutgoingMail Mail, Instant DueAt);
