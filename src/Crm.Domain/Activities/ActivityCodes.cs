namespace Crm.Domain.Activities;

/// <summary>Stable problem codes of appointments and follow-ups; never change a shipped string.</summary>
public static class ActivityCodes
{
    /// <summary>The appointment has no title.</summary>
    public const string TitleRequired = "appointment.title.required";

    /// <summary>The appointment ends before it starts, or starts and ends at once.</summary>
    public const string EndNotAfterStart = "appointment.end.not_after_start";

    /// <summary>Only a scheduled appointment can be held, cancelled or rescheduled.</summary>
    public const string NotScheduled = "appointment.not_scheduled";

    /// <summary>The appointment's owner is not an active user of the tenant (checked by the engine).</summary>
    public const string OwnerUnknown = "appointment.owner.unknown";

    /// <summary>The appointment's owner does not see what it is about (checked by the engine).</summary>
    public const string OwnerCannotSee = "appointment.owner.cannot_see";

    /// <summary>Rescheduling named another owner: an appointment keeps its owner (checked by the engine).</summary>
    public const string OwnerChanged = "appointment.owner.changed";

    /// <summary>The follow-up has no note.</summary>
    public const string NoteRequired = "follow_up.note.required";
}
