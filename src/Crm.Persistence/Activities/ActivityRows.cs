using Crm.Domain.Activities;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using NodaTime;

namespace Crm.Persistence.Activities;

/// <summary>What an activity or a document is about, as stored in a <c>SubjectKind</c> column.</summary>
public enum SubjectKind
{
    /// <summary>An account.</summary>
    Account,

    /// <summary>An opportunity.</summary>
    Opportunity,

    /// <summary>A customer service occurrence.</summary>
    Occurrence,

    /// <summary>A prospect card.</summary>
    Card,
}

/// <summary>An <see cref="ActivitySubject"/> as its two columns, and back.</summary>
public static class SubjectColumns
{
    /// <summary>The kind and id of <paramref name="subject"/>.</summary>
    public static (SubjectKind Kind, Guid Id) Of(ActivitySubject subject) => subject switch
    {
        ActivitySubject.Account a => (SubjectKind.Account, a.Id.Value),
        ActivitySubject.Opportunity o => (SubjectKind.Opportunity, o.Id.Value),
        ActivitySubject.Occurrence o => (SubjectKind.Occurrence, o.Id.Value),
        ActivitySubject.Card c => (SubjectKind.Card, c.Id.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(subject)),
    };

    /// <summary>The subject stored as <paramref name="kind"/> and <paramref name="id"/>.</summary>
    public static ActivitySubject ToSubject(SubjectKind kind, Guid id) => kind switch
    {
        SubjectKind.Account => new ActivitySubject.Account(new AccountId(id)),
        SubjectKind.Opportunity => new ActivitySubject.Opportunity(new OpportunityId(id)),
        SubjectKind.Occurrence => new ActivitySubject.Occurrence(new OccurrenceId(id)),
        SubjectKind.Card => new ActivitySubject.Card(new CardId(id)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// An appointment as stored: its subject (kind and id) and the account it concerns as columns, so a subject's list, a
/// user's agenda and an account's timeline are index reads; rebuilt through <c>Appointment.Restore</c>.
/// </summary>
public sealed class AppointmentRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The appointment's id.</summary>
    public AppointmentId Id { get; set; }

    /// <summary>What kind of thing it is about.</summary>
    public SubjectKind SubjectKind { get; set; }

    /// <summary>The id of what it is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The account it concerns (the subject's account); null for a card whose prospect is not an account.</summary>
    public AccountId? Account { get; set; }

    /// <summary>Who attends it.</summary>
    public UserId Owner { get; set; }

    /// <summary>What it is for.</summary>
    public string Title { get; set; } = "";

    /// <summary>Where.</summary>
    public string? Location { get; set; }

    /// <summary>When it starts.</summary>
    public Instant Start { get; set; }

    /// <summary>When it ends.</summary>
    public Instant End { get; set; }

    /// <summary>Scheduled, held or cancelled.</summary>
    public AppointmentStatus Status { get; set; }

    /// <summary>When it was booked.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>When it was held or cancelled.</summary>
    public Instant? SettledAt { get; set; }

    /// <summary>A new row for <paramref name="appointment"/>, concerning <paramref name="account"/>.</summary>
    public static AppointmentRow From(Appointment appointment, AccountId? account)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var (kind, id) = SubjectColumns.Of(appointment.Subject);
        var row = new AppointmentRow { Tenant = appointment.Tenant, Id = appointment.Id, SubjectKind = kind, SubjectId = id, Account = account,
            Owner = appointment.Owner, CreatedAt = appointment.CreatedAt };
        row.Write(appointment);
        return row;
    }

    /// <summary>Copies what can change (title, interval, location, status).</summary>
    public void Write(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        (Title, Location, Start, End, Status, SettledAt) =
            (appointment.Title, appointment.Location, appointment.Start, appointment.End, appointment.Status, appointment.SettledAt);
    }

    /// <summary>The appointment as stored.</summary>
    public Appointment ToAppointment() => Appointment.Restore(Id, Tenant, SubjectColumns.ToSubject(SubjectKind, SubjectId), Owner, CreatedAt,
        Title, Start, End, Location, Status, SettledAt);
}

/// <summary>A follow-up as stored (append-only), with its subject and account as columns like <see cref="AppointmentRow"/>.</summary>
public sealed class FollowUpRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The follow-up's id.</summary>
    public FollowUpId Id { get; set; }

    /// <summary>What kind of thing it is about.</summary>
    public SubjectKind SubjectKind { get; set; }

    /// <summary>The id of what it is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The account it concerns; null for a card whose prospect is not an account.</summary>
    public AccountId? Account { get; set; }

    /// <summary>What was said or agreed.</summary>
    public string Note { get; set; } = "";

    /// <summary>When to contact the customer again.</summary>
    public LocalDate? NextContact { get; set; }

    /// <summary>Who recorded it.</summary>
    public UserId By { get; set; }

    /// <summary>When.</summary>
    public Instant At { get; set; }

    /// <summary>A row for <paramref name="followUp"/>, concerning <paramref name="account"/>.</summary>
    public static FollowUpRow From(FollowUp followUp, AccountId? account)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var (kind, id) = SubjectColumns.Of(followUp.Subject);
        return new FollowUpRow { Tenant = followUp.Tenant, Id = followUp.Id, SubjectKind = kind, SubjectId = id, Account = account,
            Note = followUp.Note, NextContact = followUp.NextContact, By = followUp.By, At = followUp.At };
    }

    /// <summary>The follow-up as stored.</summary>
    public FollowUp ToFollowUp() => new(Id, Tenant, SubjectColumns.ToSubject(SubjectKind, SubjectId), Note, NextContact, By, At);
}

/// <summary>Whether a document is a file on the company's server or an external link.</summary>
public enum DocumentKind
{
    /// <summary>A file uploaded to the FTP/SFTP server of the company/branch.</summary>
    File,

    /// <summary>An http/https link typed by the user.</summary>
    Link,
}

/// <summary>
/// A document attached to an account, opportunity, occurrence or card (seed 001, module Documentos): a file kept on the
/// file server of <see cref="Company"/>/<see cref="Branch"/> at <see cref="Location"/>, with its size and SHA-256, or an
/// external link (<see cref="Location"/> is the URL).
/// </summary>
public sealed class DocumentRow
{
    /// <summary>The longest file name kept.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The longest location (server path or URL) kept.</summary>
    public const int MaxLocationLength = 2000;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The document's id.</summary>
    public Guid Id { get; set; }

    /// <summary>What kind of thing it is attached to.</summary>
    public SubjectKind SubjectKind { get; set; }

    /// <summary>The id of what it is attached to.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The account it concerns; null for a card whose prospect is not an account.</summary>
    public AccountId? Account { get; set; }

    /// <summary>File or link.</summary>
    public DocumentKind Kind { get; set; }

    /// <summary>The name users see (the file's name, or a title for a link).</summary>
    public string Name { get; set; } = "";

    /// <summary>The file's path on the server, or the link's URL.</summary>
    public string Location { get; set; } = "";

    /// <summary>The file's size in bytes; null for a link.</summary>
    public long? Size { get; set; }

    /// <summary>The file's SHA-256 as 64 lower-case hex digits; null for a link.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The company whose file server holds the file; null for a link.</summary>
    public CompanyId? Company { get; set; }

    /// <summary>The branch whose file server holds the file, when the settings are a branch's.</summary>
    public BranchId? Branch { get; set; }

    /// <summary>Who attached it.</summary>
    public UserId AddedBy { get; set; }

    /// <summary>When.</summary>
    public Instant AddedAt { get; set; }
}
