using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>
/// Who runs a tenant's job (<see cref="JobRun"/>): a runner takes it with a conditional UPDATE that re-checks, in the database,
/// that no live lease holds it and that it is due, so of several processes racing for it one gets it; a killed runner's lease
/// lapses and another takes over. The same rule as the outbox's claims (<see cref="Outbox.Leases"/>), for one row.
/// </summary>
internal static class JobLeases
{
    /// <summary>The outcome of a run that threw.</summary>
    public const string Failed = "failed";

    /// <summary>The outcome of a run stopped by the host's shutdown.</summary>
    public const string Stopped = "stopped";

    /// <summary>
    /// Takes job <paramref name="job"/> of <paramref name="tenant"/> for <paramref name="holder"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>, when no live lease holds it and it is due: no run started in the last
    /// <paramref name="interval"/>, or the last run did not end (killed: its lease lapsed unfinished), threw or was stopped —
    /// such a run is due again at once, not an interval after it started. True when taken.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(CrmDatabase database, TenantId tenant, string job, string holder, Instant now,
        Duration interval, Duration lease, CancellationToken cancellationToken)
    {
        await EnsureRowAsync(database, tenant, job, cancellationToken).ConfigureAwait(false);
        var until = now + lease;
        var dueBefore = now - interval;
        await using var db = database.Open(tenant);
        return await db.JobRuns
            .Where(r => r.Job == job && (r.LeaseOwner == null || r.LeaseUntil < now)
                && (r.LastStartedAt == null || r.LastStartedAt <= dueBefore
                    || r.LastFinishedAt == null || r.LastFinishedAt < r.LastStartedAt
                    || r.LastOutcome == Failed || r.LastOutcome == Stopped))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.LeaseOwner, holder)
                .SetProperty(r => r.LeaseUntil, until)
                .SetProperty(r => r.LastStartedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Records how <paramref name="holder"/>'s run ended and releases the job, only while its lease still holds it.</summary>
    public static async Task<bool> FinishAsync(CrmDatabase database, TenantId tenant, string job, string holder, Instant now, string outcome,
        CancellationToken cancellationToken)
    {
        var text = outcome.Length <= JobRun.MaxTextLength ? outcome : outcome[..JobRun.MaxTextLength];
        await using var db = database.Open(tenant);
        return await db.JobRuns.Where(r => r.Job == job && r.LeaseOwner == holder)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (Instant?)null)
                .SetProperty(r => r.LastFinishedAt, now)
                .SetProperty(r => r.LastOutcome, text), cancellationToken).ConfigureAwait(false) == 1;
    }

    // The first runner of a tenant's job creates its row; another creating it at the same moment wins and this one's insert fails.
    private static async Task EnsureRowAsync(CrmDatabase database, TenantId tenant, string job, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        if (await db.JobRuns.AnyAsync(r => r.Job == job, cancellationToken).ConfigureAwait(false))
            return;
        db.JobRuns.Add(new JobRun { Tenant = tenant, Job = job });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Created by the other runner: the claim below decides which of the two runs.
        }
    }
}
