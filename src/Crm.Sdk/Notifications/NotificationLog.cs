using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Notifications;

/// <summary>
/// The notifications' log lines (category <c>Crm.Sdk.Notifications.NotificationDispatcher</c>): row and user ids, the
/// server, attempts and reasons; never an address, a message body nor a credential.
/// </summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "User {User} is not notified of movement {Movement}: {Reason}")]
    public static partial void NotNotified(ILogger logger, Guid user, Guid movement, string reason);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Notification {Notification} to user {User} sent through {Host}:{Port} after {Attempts} attempt(s)")]
    public static partial void Sent(ILogger logger, Guid notification, Guid user, string host, int port, int attempts);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Notification {Notification} to user {User} failed (attempt {Attempts}), retrying in {DelayMs:0} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, Guid notification, Guid user, int attempts, double delayMs, string reason);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Notification {Notification} to user {User} parked after {Attempts} attempt(s): {Reason}")]
    public static partial void Parked(ILogger logger, Guid notification, Guid user, int attempts, string reason);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information, Message = "Notification {Notification} was taken over by another dispatcher after this one's lease lapsed")]
    public static partial void LeaseLost(ILogger logger, Guid notification);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Error, Message = "A notification dispatch round failed; the next round retries")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Information, Message = "Notification {Notification} re-queued by user {User} of tenant {Tenant}")]
    public static partial void Requeued(ILogger logger, Guid notification, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Information, Message = "{Deleted} notification(s) sent before {Cutoff} deleted by user {User} of tenant {Tenant}")]
    public static partial void SentDeleted(ILogger logger, int deleted, string cutoff, Guid user, Guid tenant);
}
