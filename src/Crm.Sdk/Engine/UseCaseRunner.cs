using System.Diagnostics;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence;
using Crm.Persistence.Concurrency;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Engine;

/// <summary>
/// Runs every use case the same way: one unit of work (one context, saved in one transaction by the use case itself),
/// one activity, one log line and the metrics of its outcome. An exception is a bug: logged, counted and rethrown.
/// </summary>
internal sealed class UseCaseRunner(CrmDatabase database, ILogger logger)
{
    public Task<CrmResult<T>> RunAsync<T>(string useCase, TenantId tenant, UserId? user,
        Func<CrmDbContext, Task<CrmResult<T>>> body, CancellationToken cancellationToken) =>
        RunAsync(useCase, tenant, user, null, body, cancellationToken);

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="context"/> (a session's, emptied first), or on a context of its own
    /// when null.
    /// </summary>
    public async Task<CrmResult<T>> RunAsync<T>(string useCase, TenantId tenant, UserId? user, CrmDbContext? context,
        Func<CrmDbContext, Task<CrmResult<T>>> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = CrmTelemetry.Source.StartActivity(useCase);
        activity?.SetTag("crm.tenant", tenant.Value);
        activity?.SetTag("crm.user", user?.Value);
        var started = Stopwatch.GetTimestamp();
        try
        {
            CrmResult<T> result;
            if (context is not null)
            {
                context.ChangeTracker.Clear();
                result = await body(context).ConfigureAwait(false);
            }
            else
            {
                await using var db = database.Open(tenant);
                result = await body(db).ConfigureAwait(false);
            }
            Record(useCase, tenant, user, result, Stopwatch.GetElapsedTime(started), activity);
            return result;
        }
        catch (Exception e) when (Failed(useCase, tenant, user, e, Stopwatch.GetElapsedTime(started), activity))
        {
            throw; // unreachable: the filter logs and declines
        }
    }

    private void Record<T>(string useCase, TenantId tenant, UserId? user, CrmResult<T> result, TimeSpan elapsed, Activity? activity)
    {
        var outcome = result.Outcome;
        activity?.SetTag("crm.outcome", outcome);
        var tags = new TagList { { "crm.use_case", useCase }, { "crm.outcome", outcome } };
        CrmTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
        CrmTelemetry.Completed.Add(1, tags);
        switch (result.Value)
        {
            case Denied denied:
                CrmTelemetry.Denials.Add(1, new TagList { { "crm.use_case", useCase }, { "crm.module", denied.Module.ToString() }, { "crm.action", denied.Action.ToString() } });
                UseCaseLog.Denied(logger, useCase, denied.Code, denied.Module, denied.Action, tenant.Value, user?.Value);
                break;
            case Conflict conflict:
                CrmTelemetry.Conflicts.Add(1, new TagList { { "crm.use_case", useCase } });
                UseCaseLog.Conflict(logger, useCase, string.Join(", ", conflict.Aggregates), tenant.Value, user?.Value);
                break;
            case var _ when result.Succeeded:
                UseCaseLog.Succeeded(logger, useCase, tenant.Value, user?.Value, elapsed.TotalMilliseconds);
                break;
            default:
                UseCaseLog.Refused(logger, useCase, outcome, Codes(result.Problems), tenant.Value, user?.Value, elapsed.TotalMilliseconds);
                break;
        }
    }

    private bool Failed(string useCase, TenantId tenant, UserId? user, Exception e, TimeSpan elapsed, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        var tags = new TagList { { "crm.use_case", useCase }, { "crm.outcome", "error" } };
        CrmTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
        CrmTelemetry.Completed.Add(1, tags);
        if (e is not OperationCanceledException)
            UseCaseLog.Failed(logger, e, useCase, tenant.Value, user?.Value);
        return false;
    }

    // Codes only: a problem's message may quote what the user typed (a CPF/CNPJ, a name).
    private static string Codes(IReadOnlyList<Problem> problems) => string.Join(", ", problems.Select(p => p.Code).Distinct());
}
