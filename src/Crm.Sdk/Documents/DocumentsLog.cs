using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Documents;

/// <summary>Documents' log lines: ids, sizes, hosts and codes; never a password, a file's content or a link's address.</summary>
internal static partial class DocumentsLog
{
    [LoggerMessage(EventId = 1420, Level = LogLevel.Information, Message = "Document {Document} ({Kind}, {Size} bytes) attached to {SubjectKind} {Subject} by user {User} of tenant {Tenant}")]
    public static partial void Attached(ILogger logger, Guid document, string kind, long? size, string subjectKind, Guid subject, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Document {Document} deleted by user {User} of tenant {Tenant}")]
    public static partial void Deleted(ILogger logger, Guid document, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1422, Level = LogLevel.Warning, Message = "Document {Document}: file server transfer failed ({Code}) for user {User} of tenant {Tenant}")]
    public static partial void TransferFailed(ILogger logger, Guid document, string code, Guid user, Guid tenant);
}
