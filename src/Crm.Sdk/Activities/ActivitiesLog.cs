using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Activities;

/// <summary>Activities' log lines: ids, kinds and statuses only, never a title, location or note a user typed.</summary>
internal static partial class ActivitiesLog
{
    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Appointment {Appointment} on {SubjectKind} {Subject} is {Status} by user {User} of tenant {Tenant}")]
    public static partial void AppointmentSaved(ILogger logger, Guid appointment, string subjectKind, Guid subject, string status, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Follow-up {FollowUp} on {SubjectKind} {Subject} recorded by user {User} of tenant {Tenant}")]
    public static partial void FollowUpRecorded(ILogger logger, Guid followUp, string subjectKind, Guid subject, Guid user, Guid tenant);
}
