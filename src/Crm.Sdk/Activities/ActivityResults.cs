using Crm.Domain.Activities;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Sdk.Activities;

/// <summary>What an appointment is to be, as a user submits it.</summary>
/// <param name="Title">What it is for (required).</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends (after the start).</param>
/// <param name="Location">Where, optionally.</param>
/// <param name="Owner">Who attends it; the session's user when null. Must be in the user's scope.</param>
public sealed record AppointmentForm(string? Title, Instant Start, Instant End, string? Location = null, UserId? Owner = null);

/// <summary>An appointment was scheduled or changed.</summary>
/// <param name="Id">The appointment.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Version">Its stored version (the base of the next change).</param>
public sealed record AppointmentSaved(AppointmentId Id, AppointmentStatus Status, long Version);

/// <summary>An appointment as read.</summary>
/// <param name="Appointment">The appointment.</param>
/// <param name="Account">The account it concerns, when its subject has one.</param>
/// <param name="Version">Its stored version.</param>
public sealed record AppointmentRead(Appointment Appointment, AccountId? Account, long Version);

/// <summary>A follow-up was recorded.</summary>
/// <param name="Id">The follow-up.</param>
public sealed record FollowUpRecorded(FollowUpId Id);

/// <summary>Everything booked or noted about one subject.</summary>
/// <param name="Appointments">Its appointments, by start.</param>
/// <param name="FollowUps">Its follow-ups, latest first.</param>
public sealed record SubjectActivities(IReadOnlyList<AppointmentRead> Appointments, IReadOnlyList<FollowUp> FollowUps);
