using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Sdk;

/// <summary>
/// The engine's traces and metrics, both named <c>Crm.Sdk</c>: one activity per use case, and
/// <c>crm.use_case.duration</c> (seconds), <c>crm.use_case.completed</c>, <c>crm.use_case.denied</c> and
/// <c>crm.use_case.conflicts</c>, tagged with the use case and its outcome, and the outbox's <c>crm.outbox.sent</c>,
/// <c>crm.outbox.retried</c> and <c>crm.outbox.parked</c>, tagged with the ERP, and the notifications' <c>crm.notifications.sent</c>, <c>.retried</c>, <c>.parked</c>, and the jobs'
/// <c>crm.jobs.standings_read</c>, <c>.standings_changed</c>, <c>.standings_rejected</c>, <c>.erp_unavailable</c>,
/// <c>.master_data_loaded</c>, <c>.sent_deleted</c> (never a tenant or user: they would explode the series).
/// </summary>
public static class CrmTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Crm.Sdk";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("crm.use_case.duration", "s", "How long a use case took, by use case and outcome.");
    internal static readonly Counter<long> Completed = Meter.CreateCounter<long>("crm.use_case.completed", "{use_case}", "Use cases run, by use case and outcome.");
    internal static readonly Counter<long> Denials = Meter.CreateCounter<long>("crm.use_case.denied", "{use_case}", "Use cases refused by authorization, by use case, module and action.");
    internal static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("crm.outbox.sent", "{message}", "Outbox messages the ERP acknowledged, by ERP.");
    internal static readonly Counter<long> OutboxRetried = Meter.CreateCounter<long>("crm.outbox.retried", "{attempt}", "Outbox sends that failed and will be retried, by ERP.");
    internal static readonly Counter<long> OutboxParked = Meter.CreateCounter<long>("crm.outbox.parked", "{message}", "Outbox messages parked (rejected or out of attempts), by ERP.");
    internal static readonly Counter<long> NotificationsSent = Meter.CreateCounter<long>("crm.notifications.sent", "{message}", "Notification e-mails the SMTP server accepted.");
    internal static readonly Counter<long> NotificationsRetried = Meter.CreateCounter<long>("crm.notifications.retried", "{attempt}", "Notification sends that failed and will be retried.");
    internal static readonly Counter<long> NotificationsParked = Meter.CreateCounter<long>("crm.notifications.parked", "{message}", "Notification e-mails given up (refused, no server, out of attempts).");
    internal static readonly Counter<long> StandingsRead = Meter.CreateCounter<long>("crm.jobs.standings_read", "{account}", "ERP standings the pull read, by ERP.");
    internal static readonly Counter<long> StandingsChanged = Meter.CreateCounter<long>("crm.jobs.standings_changed", "{account}", "ERP standings the pull found changed, by ERP.");
    internal static readonly Counter<long> StandingsRejected = Meter.CreateCounter<long>("crm.jobs.standings_rejected", "{account}", "ERP standing reads the ERP refused, by ERP.");
    internal static readonly Counter<long> JobsErpUnavailable = Meter.CreateCounter<long>("crm.jobs.erp_unavailable", "{run}", "Job runs stopped by an unreachable ERP, by ERP and job.");
    internal static readonly Counter<long> MasterDataLoaded = Meter.CreateCounter<long>("crm.jobs.master_data_loaded", "{record}", "Master-data records stored by completed loads, by ERP and kind.");
    internal static readonly Counter<long> SentDeleted = Meter.CreateCounter<long>("crm.jobs.sent_deleted", "{message}", "Delivered outbox rows deleted by the clean-up, by outbox.");
    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("crm.use_case.conflicts", "{use_case}", "Use cases that met a concurrency conflict, by use case.");
}
