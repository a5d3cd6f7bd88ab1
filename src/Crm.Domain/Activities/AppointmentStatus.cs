namespace Crm.Domain.Activities;

/// <summary>Where an appointment is: scheduled, then held or cancelled, and nothing after that.</summary>
public enum AppointmentStatus
{
    /// <summary>Still to happen; it can be rescheduled.</summary>
    Scheduled,

    /// <summary>It took place.</summary>
    Held,

    /// <summary>It will not take place.</summary>
    Cancelled,
}
