using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Sdk;

/// <summary>
/// The engine's traces and metrics, both named <c>Crm.Sdk</c>: one activity per use case, and
/// <c>crm.use_case.duration</c> (seconds), <c>crm.use_case.completed</c>, <c>crm.use_case.denied</c> and
/// <c>crm.use_case.conflicts</c>, tagged with the use case and its outcome (never a tenant or user: they would explode the series).
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
    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("crm.use_case.conflicts", "{use_case}", "Use cases that met a concurrency conflict, by use case.");
}
