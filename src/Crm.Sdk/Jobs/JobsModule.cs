using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>The ERP situations were recomputed.</summary>
/// <param name="Accounts">How many accounts were read.</param>
/// <param name="Changed">How many changed situation (and were saved).</param>
public sealed record ErpSituationsRecomputed(int Accounts, int Changed);

/// <summary>What one scheduled job of one tenant did in a round of <see cref="JobsModule.RunDueAsync"/>.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Job">
/// The job (<c>jobs.load_erp_master_data</c>, <c>jobs.pull_erp_standings</c>, <c>jobs.recompute_erp_situations</c>,
/// <c>jobs.process_price_imports</c>, <c>jobs.delete_sent_messages</c>).
/// </param>
/// <param name="Outcome">
/// The result's outcome (<c>success</c>; <c>invalid</c>, <c>conflict</c>, ... followed by the problem codes), or <c>failed</c> when it threw.
/// </param>
public sealed record JobRan(TenantId Tenant, string Job, string Outcome);

/// <summary>
/// The engine's periodic jobs (<see cref="CrmEngine.Jobs"/>): each run is logged and measured like a use case, with no user.
/// A host calls them itself, or lets the hosted scheduler (<see cref="JobsOptions"/>) run them through <see cref="RunDueAsync"/>.
/// </summary>
public sealed partial class JobsModule
{
    private const int BatchSize = 500;
    private const string PullJob = "jobs.pull_erp_standings";
    private const string RecomputeJob = "jobs.recompute_erp_situations";
    private const string CleanupJob = "jobs.delete_sent_messages";
    private const string MasterDataJob = "jobs.load_erp_master_data";
    private const string TenantFilter = "Tenant";

    private readonly CrmEngine _engine;

    internal JobsModule(CrmEngine engine)
    {
        _engine = engine;
        Name = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>This runner's name, as its job leases record it.</summary>
    public string Name { get; }

    private JobsOptions Options => _engine.Options().Jobs;

    /// <summary>Another runner on the same engine, as a second process would be (tests).</summary>
    internal JobsModule Twin() => new(_engine);

    /// <summary>
    /// CRM1003: recomputes the ERP situation of every account of <paramref name="tenant"/> as of today in
    /// <paramref name="zone"/> (active, inactive after <paramref name="monthsInactive"/> months without a purchase, ...).
    /// Accounts are read and saved in batches of 500, each batch one transaction, so a tenant of any size runs in bounded
    /// memory; a <see cref="Conflict"/> stops the run at that batch (the earlier ones are saved; running again finishes).
    /// </summary>
    public Task<CrmResult<ErpSituationsRecomputed>> RecomputeErpSituationsAsync(TenantId tenant, IntegrationSystem system, int monthsInactive,
        DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsInactive);
        ArgumentNullException.ThrowIfNull(zone);
        return _engine.Runner.RunAsync(RecomputeJob, tenant, null, async _ =>
        {
            var today = _engine.Clock.GetCurrentInstant().InZone(zone).Date;
            var (read, changed) = (0, 0);
            for (var batch = 0; ; batch++)
            {
                await using var db = _engine.Database.Open(tenant);
                var accounts = await db.Accounts.OrderBy(a => a.Id).Skip(batch * BatchSize).Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (accounts.Count == 0)
                    return new ErpSituationsRecomputed(read, changed);
                var changes = ErpStatusRecompute.Changes(accounts, system, monthsInactive, today).ToList();
                foreach (var change in changes)
                    accounts.Find(a => a.Id == change.Account)!.Apply(change);
                var saved = await db.SaveAsync(cancellationToken).ConfigureAwait(false);
                if (!saved.IsSaved)
                    return saved.Match<CrmResult<ErpSituationsRecomputed>>(_ => throw new InvalidOperationException(), conflict => conflict, invalid => invalid);
                (read, changed) = (read + accounts.Count, changed + changes.Count);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// One round of the scheduled jobs, for every provisioned tenant: each job enabled in <see cref="JobsOptions"/> whose
    /// interval has passed since its last start is taken with a lease (<c>JobRuns</c>: of several processes on one database,
    /// one runs it; a killed runner's lease lapses after <see cref="JobsOptions.Lease"/>), run, and its outcome recorded. The
    /// load of the tenant's ERP master data (<see cref="JobsOptions.ErpMasterDataInterval"/>, also under that ERP's load lease,
    /// see <see cref="LoadErpMasterDataAsync"/>), the standing pull (<see cref="JobsOptions.ErpStandingPullInterval"/>), then CRM1003 (<see cref="JobsOptions.ErpSituationInterval"/>,
    /// with <see cref="JobsOptions.MonthsInactive"/>, <see cref="JobsOptions.TimeZone"/> and the tenant's integration system),
    /// the queued price imports (<see cref="JobsOptions.PriceImportInterval"/>), then the clean-up of delivered outbox rows (hourly, when <see cref="JobsOptions.SentRetention"/> is set). A job that
    /// throws is logged and recorded as <c>failed</c>; the others still run. The hosted scheduler calls this every
    /// <see cref="JobsOptions.PollInterval"/>.
    /// </summary>
    public async Task<IReadOnlyList<JobRan>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var options = Options;
        var jobs = new List<(string Job, TimeSpan Interval, Func<TenantId, Task<string>> Run)>();
        if (options.ErpMasterDataInterval is { } load && load > TimeSpan.Zero)
            jobs.Add((MasterDataJob, load, t => LoadScheduledAsync(t, cancellationToken)));
        if (options.ErpStandingPullInterval is { } pull && pull > TimeSpan.Zero)
            jobs.Add((PullJob, pull, async t => Describe(await PullErpStandingsAsync(t, cancellationToken).ConfigureAwait(false))));
        if (options.ErpSituationInterval is { } recompute && recompute > TimeSpan.Zero)
            jobs.Add((RecomputeJob, recompute, async t => await RecomputeWithSettingsAsync(t, options, cancellationToken).ConfigureAwait(false)));
        if (options.PriceImportInterval is { } prices && prices > TimeSpan.Zero)
            jobs.Add((PricesJob, prices, async t => Describe(await ProcessPendingPricesAsync(t, cancellationToken).ConfigureAwait(false))));
        if (options.SentRetention is { } retention && retention > TimeSpan.Zero)
            jobs.Add((CleanupJob, TimeSpan.FromHours(1), async t => Describe(await DeleteSentMessagesAsync(t, retention, cancellationToken).ConfigureAwait(false))));
        if (jobs.Count == 0)
            return [];
        List<TenantId> tenants;
        await using (var db = _engine.Database.Open(default))
            tenants = await db.Tenants.IgnoreQueryFilters([TenantFilter]).AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ran = new List<JobRan>();
        foreach (var tenant in tenants)
            foreach (var (job, interval, run) in jobs)
                if (await RunLeasedAsync(tenant, job, interval, options.Lease, run, cancellationToken).ConfigureAwait(false) is { } outcome)
                    ran.Add(new JobRan(tenant, job, outcome));
        return ran;
    }

    /// <summary>Runs <paramref name="job"/> of <paramref name="tenant"/> when this runner takes its lease; its outcome, or null when not taken.</summary>
    internal async Task<string?> RunLeasedAsync(TenantId tenant, string job, TimeSpan interval, TimeSpan lease, Func<TenantId, Task<string>> run,
        CancellationToken cancellationToken)
    {
        var started = _engine.Clock.GetCurrentInstant();
        if (!await JobLeases.TryAcquireAsync(_engine.Database, tenant, job, Name, started, Duration.FromTimeSpan(interval), Duration.FromTimeSpan(lease),
                cancellationToken).ConfigureAwait(false))
        {
            JobsLog.NotTaken(_engine.JobsLogger, job, tenant.Value);
            return null;
        }
        var outcome = JobLeases.Stopped;
        try
        {
            outcome = await run(tenant).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            JobsLog.Failed(_engine.JobsLogger, e, job, tenant.Value);
            outcome = JobLeases.Failed;
        }
        finally
        {
            // Also when stopping: the lease is released at once rather than left to lapse.
            await JobLeases.FinishAsync(_engine.Database, tenant, job, Name, _engine.Clock.GetCurrentInstant(), outcome, CancellationToken.None)
                .ConfigureAwait(false);
        }
        JobsLog.Finished(_engine.JobsLogger, job, tenant.Value, outcome);
        return outcome;
    }

    // What a job's run recorded: its outcome, and the codes of a failure (never a message: it may quote data).
    private static string Describe<T>(CrmResult<T> result) =>
        result.Succeeded ? result.Outcome : $"{result.Outcome}: {string.Join(", ", result.Problems.Select(p => p.Code).Distinct())}";

    private async Task<string> RecomputeWithSettingsAsync(TenantId tenant, JobsOptions options, CancellationToken cancellationToken)
    {
        IntegrationSystem system;
        await using (var db = _engine.Database.Open(tenant))
            system = (await db.Settings.IntegrationAsync(cancellationToken).ConfigureAwait(false)).System;
        return Describe(await RecomputeErpSituationsAsync(tenant, system, options.MonthsInactive, options.Zone!, cancellationToken).ConfigureAwait(false));
    }
}
