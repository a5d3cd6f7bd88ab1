using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Jobs;

/// <summary>
/// The jobs' log lines (category <c>Crm.Sdk.Jobs.JobsModule</c>): tenants, accounts, ERPs, counts, kinds and problem codes;
/// never an ERP payload nor a credential.
/// </summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "The ERP standing of account {Account} (customer {ErpCode}) was refused by {Erp}: {Codes}; skipped")]
    public static partial void StandingRejected(ILogger logger, Guid account, string erpCode, string erp, string codes);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "{Erp} is unavailable to {Job} of tenant {Tenant}: the run stops, the next one retries ({Reason})")]
    public static partial void ErpUnavailable(ILogger logger, string erp, string job, Guid tenant, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Pulled the ERP standings of tenant {Tenant} from {Erp}: {Read} read, {Changed} changed, {Rejected} rejected")]
    public static partial void StandingsPulled(ILogger logger, Guid tenant, string erp, int read, int changed, int rejected);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "{Erp} refused the {Kind} list of tenant {Tenant} (page {Page}): {Codes}; that kind is skipped")]
    public static partial void MasterDataRejected(ILogger logger, string erp, string kind, Guid tenant, int page, string codes);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Loaded the {Kind} list of {Erp} for tenant {Tenant}: {Records} record(s) in {Pages} page(s)")]
    public static partial void MasterDataLoaded(ILogger logger, string kind, string erp, Guid tenant, int records, int pages);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Debug, Message = "Job {Job} of tenant {Tenant} is not due or another runner holds it")]
    public static partial void NotTaken(ILogger logger, string job, Guid tenant);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Information, Message = "Job {Job} of tenant {Tenant} finished: {Outcome}")]
    public static partial void Finished(ILogger logger, string job, Guid tenant, string outcome);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Error, Message = "Job {Job} of tenant {Tenant} failed; the next round retries")]
    public static partial void Failed(ILogger logger, Exception exception, string job, Guid tenant);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Information, Message = "Deleted delivered outbox rows older than {Cutoff}: {Erp} ERP message(s), {Notifications} notification(s)")]
    public static partial void SentDeleted(ILogger logger, string cutoff, int erp, int notifications);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Error, Message = "A jobs round failed; the next round retries")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1390, Level = LogLevel.Warning, Message = "The {Kind} list of {Erp} for tenant {Tenant} was given up: {Code}")]
    public static partial void MasterDataGivenUp(ILogger logger, string erp, string kind, Guid tenant, string code);
}
