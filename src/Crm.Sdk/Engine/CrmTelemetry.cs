using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Sdk;

/// <summary>
/// The engine's traces and metrics, both named <c>Crm.Sdk</c>: one activity per use case, and
/// <c>crm.use_case.duration</c> (seconds), <c>crm.use_case.completed</c>, <c>crm.use_case.denied</c> and
/// <c>crm.use_case.conflicts</c>, tagged with the use case and its outcome, and the outbox's <c>crm.outbox.sent</c>,
/// <c>crm.outbox.retried</c> and <c>crm.outbox.parked</c>, tagged with the ERP, and the notifications' <c>crm.notifications.sent</c>, <c>.retried</c>, <c>.parked</c> (never a tenant or user: they would explode the series).
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
    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("crm.use_case.conflicts", "{use_case}", "Use cases that met a concurrency conflict, by use case.");
}
