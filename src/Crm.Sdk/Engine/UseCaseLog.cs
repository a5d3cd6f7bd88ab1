using Crm.Domain.Access;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Engine;

/// <summary>
/// The engine's log lines, one per use case (category <c>Crm.Sdk.Engine.CrmEngine</c>). They name the use case, tenant,
/// user, outcome and problem codes, never a value typed by a user (no CPF/CNPJ, no name, no password).
/// </summary>
internal static partial class UseCaseLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{UseCase} succeeded for user {User} of tenant {Tenant} in {ElapsedMs:0.0} ms")]
    public static partial void Succeeded(ILogger logger, string useCase, Guid tenant, Guid? user, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{UseCase} refused ({Outcome}: {Codes}) for user {User} of tenant {Tenant} in {ElapsedMs:0.0} ms")]
    public static partial void Refused(ILogger logger, string useCase, string outcome, string codes, Guid tenant, Guid? user, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{UseCase} denied ({Code}: {Module}.{Action}) for user {User} of tenant {Tenant}")]
    public static partial void Denied(ILogger logger, string useCase, string code, Module module, Permission action, Guid tenant, Guid? user);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{UseCase} met a concurrency conflict on {Aggregates} for user {User} of tenant {Tenant}")]
    public static partial void Conflict(ILogger logger, string useCase, string aggregates, Guid tenant, Guid? user);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "{UseCase} failed with an exception for user {User} of tenant {Tenant}")]
    public static partial void Failed(ILogger logger, Exception exception, string useCase, Guid tenant, Guid? user);
}
