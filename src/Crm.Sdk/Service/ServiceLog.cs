using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Service;

/// <summary>
/// Customer service's log lines (category <c>Crm.Sdk.Engine.CrmEngine</c>, next to the use case's own line): ids, codes,
/// statuses and durations only, never a description, answer or note a user typed.
/// </summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Occurrence {Occurrence} {Status} (reason {Reason}) by user {User} of tenant {Tenant}")]
    public static partial void OccurrenceMoved(ILogger logger, Guid occurrence, string status, string reason, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Occurrence {Occurrence} answered after {ResponseSeconds} s against a target of {TargetSeconds} s (breached: {Breached})")]
    public static partial void OccurrenceAnswered(ILogger logger, Guid occurrence, long responseSeconds, long targetSeconds, bool breached);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Campaign {Campaign} call to target {Target}: {Outcome} by user {User} of tenant {Tenant}")]
    public static partial void AttemptRecorded(ILogger logger, Guid campaign, Guid target, string outcome, Guid user, Guid tenant);
}
