using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Servers;

/// <summary>
/// The connection tests' log lines (category <c>Crm.Sdk.Engine.CrmEngine</c>, next to the use case's own line): the settings
/// id, the server, the outcome and its code; never a user name typed in the settings nor a password.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "SMTP test of settings {Settings} through {Host}:{Port}: {Outcome} (code {Code}) for user {User} of tenant {Tenant}")]
    public static partial void SmtpTested(ILogger logger, Guid settings, string host, int port, string outcome, int code, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "File server test of settings {Settings} on {Host}:{Port}: {Outcome} for user {User} of tenant {Tenant}")]
    public static partial void FileTested(ILogger logger, Guid settings, string host, int port, string outcome, Guid user, Guid tenant);
}
