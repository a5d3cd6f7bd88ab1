using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Activities;

/// <summary>
/// A note of a contact with the customer about an account, an opportunity, an occurrence or a card (<i>follow-up</i>,
/// seed 001), with the business date of the next contact when one is planned. Recorded once, never edited.
/// </summary>
/// <param name="Id">Its id (minted by the engine).</param>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Note">What was said or agreed (may span lines).</param>
/// <param name="NextContact">When to contact the customer again, if planned.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When it was recorded.</param>
public sealed record FollowUp(FollowUpId Id, TenantId Tenant, ActivitySubject Subject, string Note, LocalDate? NextContact, UserId By, Instant At)
{
    /// <summary>A follow-up with the note trimmed, or the problems with the note.</summary>
    /// <param name="id">Its id (minted by the engine).</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="note">What was said or agreed.</param>
    /// <param name="nextContact">When to contact the customer again, if planned.</param>
    /// <param name="by">Who records it.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<FollowUp> Record(FollowUpId id, TenantId tenant, ActivitySubject subject, string? note, LocalDate? nextContact, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(note))
            problems.Add(new("note", ActivityCodes.NoteRequired, "Descreva o contato feito."));
        problems.CheckCharacters(note?.Trim(), "note", multiLine: true);
        return problems.HasProblems ? problems.ToInvalid() : new FollowUp(id, tenant, subject, note!.Trim(), nextContact, by, clock.GetCurrentInstant());
    }
}
