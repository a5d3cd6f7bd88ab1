using Crm.Domain.Identity;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crm.Persistence.Jobs;

/// <summary>
/// One scheduled job of one tenant (table <c>JobRuns</c>, keyed tenant and job): who runs it now (a lease, so that several
/// processes on one database never run it at once, and a killed runner's lease lapses) and how its last run went.
/// </summary>
public sealed class JobRun
{
    /// <summary>The longest job name, lease holder or outcome stored.</summary>
    public const int MaxTextLength = 100;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The job's name (<c>jobs.pull_erp_standings</c>, ...).</summary>
    public string Job { get; init; } = "";

    /// <summary>The runner holding the job while it runs; null when none does.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the holder's lease lapses and another runner may take the job.</summary>
    public Instant? LeaseUntil { get; set; }

    /// <summary>When a run last started.</summary>
    public Instant? LastStartedAt { get; set; }

    /// <summary>When a run last finished.</summary>
    public Instant? LastFinishedAt { get; set; }

    /// <summary>How the last finished run ended (a short outcome, never a payload or credential).</summary>
    public string? LastOutcome { get; set; }
}

internal sealed class JobRunConfiguration(CrmDbContext context) : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.IsTenantRows("JobRuns", r => r.Tenant, r => r.Job, context);
        builder.Property(r => r.Job).HasMaxLength(JobRun.MaxTextLength);
        builder.Property(r => r.LeaseOwner).HasMaxLength(JobRun.MaxTextLength);
        builder.Property(r => r.LastOutcome).HasMaxLength(JobRun.MaxTextLength);
    }
}
