using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>
/// The scheduled jobs (<see cref="CrmOptions.Jobs"/>; configuration section <c>Crm:Jobs</c>), run per provisioned tenant by the
/// hosted scheduler or by <see cref="JobsModule.RunDueAsync"/>; read at each round. A job whose interval is null or zero does
/// not run.
/// </summary>
public sealed class JobsOptions
{
    /// <summary>Whether the hosted scheduler runs in a generic host (default true); <see cref="JobsModule.RunDueAsync"/> works either way.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the hosted scheduler looks for a due job (default 1 min).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often each tenant's ERP master data is loaded (<see cref="JobsModule.LoadErpMasterDataAsync"/>, the ERP of the
    /// tenant's default integration); null (default) or zero: never (on demand only).
    /// </summary>
    public TimeSpan? ErpMasterDataInterval { get; set; }

    /// <summary>How often each tenant's integrated accounts' ERP standings are pulled (<see cref="JobsModule.PullErpStandingsAsync"/>); null (default) or zero: never.</summary>
    public TimeSpan? ErpStandingPullInterval { get; set; }

    /// <summary>How often each tenant's ERP situations are recomputed (CRM1003, <see cref="JobsModule.RecomputeErpSituationsAsync"/>); null (default) or zero: never.</summary>
    public TimeSpan? ErpSituationInterval { get; set; }

    /// <summary>
    /// How often each tenant's queued price imports are processed (<see cref="JobsModule.ProcessPendingPricesAsync"/>); null
    /// (default) or zero: never (processed on demand, <see cref="Imports.ImportsModule.ProcessPricesAsync"/>).
    /// </summary>
    public TimeSpan? PriceImportInterval { get; set; }

    /// <summary>CRM1003's months without a purchase after which an integrated account is inactive (default 6).</summary>
    public int MonthsInactive { get; set; } = 6;

    /// <summary>The IANA time zone whose date is "today" for the jobs (default <c>America/Sao_Paulo</c>).</summary>
    public string TimeZone { get; set; } = "America/Sao_Paulo";

    /// <summary>
    /// How long delivered messages of both outboxes are kept before the clean-up deletes them (<see cref="JobsModule.DeleteSentMessagesAsync"/>);
    /// null (default): kept forever. Parked and pending messages are never deleted.
    /// </summary>
    public TimeSpan? SentRetention { get; set; }

    /// <summary>
    /// How long a runner holds a tenant's job (default 15 min): a runner killed mid-run leaves the job to another after this.
    /// Keep it longer than a run takes: a run still going when its lease lapses may meet a second one (the jobs are idempotent,
    /// and the price import claims each batch in the transaction that processes it).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The most pages one master-data list is read in (default 10,000): an ERP that never says "no next page" stops the load
    /// there, with a failure, instead of looping for ever.
    /// </summary>
    public int MaxPagesPerList { get; set; } = 10_000;

    /// <summary>The zone of <see cref="TimeZone"/>; null when the name is unknown.</summary>
    internal DateTimeZone? Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone ?? "");

    /// <summary>Every problem of these options, for the start-up validation.</summary>
    internal IEnumerable<string> Failures()
    {
        if (PollInterval <= TimeSpan.Zero)
            yield return "Crm: Jobs:PollInterval must be positive.";
        if (ErpMasterDataInterval < TimeSpan.Zero || ErpStandingPullInterval < TimeSpan.Zero || ErpSituationInterval < TimeSpan.Zero
            || PriceImportInterval < TimeSpan.Zero || SentRetention < TimeSpan.Zero)
            yield return "Crm: Jobs:ErpMasterDataInterval, ErpStandingPullInterval, ErpSituationInterval, PriceImportInterval and SentRetention must not be negative.";
        if (MonthsInactive is < 1 or > 120)
            yield return "Crm: Jobs:MonthsInactive must be between 1 and 120.";
        if (Zone is null)
            yield return "Crm: Jobs:TimeZone must be an IANA time zone such as America/Sao_Paulo.";
        if (MaxPagesPerList < 1)
            yield return "Crm: Jobs:MaxPagesPerList must be at least 1.";
        if (Lease < TimeSpan.FromSeconds(1))
            yield return "Crm: Jobs:Lease must be at least 1 second.";
    }
}
