using System.Diagnostics;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>Where the load of one master-data kind stands after a run.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Pages">Pages read by this run.</param>
/// <param name="Records">Records of the kind stored now.</param>
/// <param name="Completed">True when the last page was read (the stored list is the ERP's); false when the run stopped before.</param>
/// <param name="Failure">Why the load of the kind was given up, when it was: <see cref="JobsModule.Codes.PageRepeated"/> or <see cref="JobsModule.Codes.TooManyPages"/>.</param>
public sealed record MasterDataKindLoaded(MasterDataKind Kind, int Pages, int Records, bool Completed, Problem? Failure = null);

/// <summary>An ERP's master data was loaded.</summary>
/// <param name="Kinds">Each kind the ERP serves, in its order.</param>
/// <param name="Unavailable">True when the ERP could not be reached: the run stopped there and the next one resumes at that page.</param>
public sealed record ErpMasterDataLoaded(IReadOnlyList<MasterDataKindLoaded> Kinds, bool Unavailable);

public sealed partial class JobsModule
{
    /// <summary>
    /// The initial load of <paramref name="erp"/>'s master data for <paramref name="tenant"/>: every kind of the ERP's
    /// <see cref="IErpReader.MasterDataKinds"/>, page by page until the ERP says no page follows. Each page is stored in one
    /// transaction with the next page to read (table <c>ErpMasterDataLoads</c>), so a crashed or <see cref="Unavailable"/> run
    /// resumes at the page it stopped on; a completed kind's next load starts again at page 1. When a kind's last page is
    /// stored, its records the ERP no longer listed are deleted: the stored list is the ERP's. The outbox's eligibility reads
    /// the stored records from then on. A kind the ERP refuses is logged and skipped; an ERP without a registered reader is
    /// <see cref="Invalid"/> (<c>jobs.erp_reader_missing</c>). The load runs under the lease of job
    /// <c>jobs.load_erp_master_data:{erp}</c> (<c>JobRuns</c>, held for <see cref="JobsOptions.Lease"/>): while another load of
    /// the same tenant and ERP holds it, in this process or another, this one does nothing and is a <see cref="Conflict"/>.
    /// </summary>
    public async Task<CrmResult<ErpMasterDataLoaded>> LoadErpMasterDataAsync(TenantId tenant, ErpId erp, CancellationToken cancellationToken = default)
    {
        var job = $"{MasterDataJob}:{erp.Value}";
        if (!await JobLeases.TryAcquireAsync(_engine.Database, tenant, job, Name, _engine.Clock.GetCurrentInstant(), Duration.Zero,
                Duration.FromTimeSpan(Options.Lease), cancellationToken).ConfigureAwait(false))
        {
            JobsLog.NotTaken(_engine.JobsLogger, job, tenant.Value);
            return new Conflict([job]);
        }
        var outcome = "failed";
        try
        {
            var loaded = await LoadUnleasedAsync(tenant, erp, cancellationToken).ConfigureAwait(false);
            outcome = Describe(loaded);
            return loaded;
        }
        finally
        {
            // Also when it threw or was stopped: the next load need not wait for the lease to lapse.
            await JobLeases.FinishAsync(_engine.Database, tenant, job, Name, _engine.Clock.GetCurrentInstant(), outcome, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private Task<CrmResult<ErpMasterDataLoaded>> LoadUnleasedAsync(TenantId tenant, ErpId erp, CancellationToken cancellationToken) =>
        _engine.Runner.RunAsync<ErpMasterDataLoaded>(MasterDataJob, tenant, null, async db =>
        {
            if (_engine.ReaderFor(erp) is not { } reader)
                return new Invalid(new Problem("erp", Codes.ReaderMissing, $"Nenhum leitor do ERP {erp} está registrado."));
            var kinds = new List<MasterDataKindLoaded>();
            foreach (var kind in reader.MasterDataKinds)
            {
                var (loaded, unavailable) = await LoadKindAsync(tenant, reader, kind, cancellationToken).ConfigureAwait(false);
                if (loaded.Failure?.Code == Codes.PageTaken)
                    return new Conflict([$"{MasterDataJob}:{erp.Value}"]);
                kinds.Add(loaded);
                if (unavailable)
                    return new ErpMasterDataLoaded(kinds, true);
            }
            return new ErpMasterDataLoaded(kinds, false);
        }, cancellationToken);

    // The scheduled load of the tenant's ERP (its default integration); a tenant without an ERP loads nothing.
    private async Task<string> LoadScheduledAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        ErpId? erp;
        await using (var db = _engine.Database.Open(tenant))
            erp = Outbox.OutboxWriter.ErpOf((await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false))?.DefaultIntegration);
        return erp is { } tenantErp ? Describe(await LoadErpMasterDataAsync(tenant, tenantErp, cancellationToken).ConfigureAwait(false)) : "success";
    }

    private async Task<(MasterDataKindLoaded Loaded, bool Unavailable)> LoadKindAsync(TenantId tenant, IErpReader reader, MasterDataKind kind,
        CancellationToken cancellationToken)
    {
        var erp = reader.Erp.Value;
        var progress = await StartKindAsync(tenant, erp, kind, cancellationToken).ConfigureAwait(false);
        var pages = 0;
        List<string>? previous = null;
        while (true)
        {
            if (progress.NextPage > Options.MaxPagesPerList)
                return await GiveUpAsync(tenant, erp, kind, pages, new Problem("page", Codes.TooManyPages,
                    $"O ERP {erp} ainda tinha páginas de {kind} depois da página {Options.MaxPagesPerList} (Crm:Jobs:MaxPagesPerList)."), cancellationToken).ConfigureAwait(false);
            var read = await reader.ReadMasterDataAsync(kind, progress.NextPage, cancellationToken).ConfigureAwait(false);
            if (read.TryPickT2(out var unavailable, out var answered))
            {
                JobsLog.ErpUnavailable(_engine.JobsLogger, erp, MasterDataJob, tenant.Value, unavailable.Reason);
                CrmTelemetry.JobsErpUnavailable.Add(1, new TagList { { "crm.erp", erp }, { "crm.job", MasterDataJob } });
                return (new MasterDataKindLoaded(kind, pages, await CountAsync(tenant, erp, kind, cancellationToken).ConfigureAwait(false), false), true);
            }
            if (answered.TryPickT1(out var rejected, out var page))
            {
                JobsLog.MasterDataRejected(_engine.JobsLogger, erp, kind.ToString(), tenant.Value, progress.NextPage,
                    string.Join(", ", rejected.Problems.Select(p => p.Code)));
                return (new MasterDataKindLoaded(kind, pages, await CountAsync(tenant, erp, kind, cancellationToken).ConfigureAwait(false), false), false);
            }
            // An ERP that ignores the page number answers the same page again, "more follows" for ever: give up, saying so.
            var codes = page.Records.Select(r => r.Code.Value).ToList();
            if (page.HasNext && previous is not null && codes.SequenceEqual(previous))
                return await GiveUpAsync(tenant, erp, kind, pages, new Problem("page", Codes.PageRepeated,
                    $"O ERP {erp} respondeu a página {progress.NextPage} de {kind} igual à anterior: ele ignora a paginação."), cancellationToken).ConfigureAwait(false);
            previous = codes;
            pages++;
            if (await StorePageAsync(tenant, progress, page, cancellationToken).ConfigureAwait(false) is not { } stored)
                return await GiveUpAsync(tenant, erp, kind, pages - 1, new Problem("page", Codes.PageTaken,
                    $"Outra carga de {kind} do ERP {erp} já gravou a página {progress.NextPage}."), cancellationToken).ConfigureAwait(false);
            progress = stored;
            if (progress.CompletedAt is not null)
            {
                _engine.MasterData.Forget(tenant, reader.Erp);
                var records = await CountAsync(tenant, erp, kind, cancellationToken).ConfigureAwait(false);
                JobsLog.MasterDataLoaded(_engine.JobsLogger, kind.ToString(), erp, tenant.Value, records, pages);
                CrmTelemetry.MasterDataLoaded.Add(records, new TagList { { "crm.erp", erp }, { "crm.kind", kind.ToString() } });
                return (new MasterDataKindLoaded(kind, pages, records, true), false);
            }
        }
    }

    private async Task<(MasterDataKindLoaded Loaded, bool Unavailable)> GiveUpAsync(TenantId tenant, string erp, MasterDataKind kind, int pages,
        Problem failure, CancellationToken cancellationToken)
    {
        JobsLog.MasterDataGivenUp(_engine.JobsLogger, erp, kind.ToString(), tenant.Value, failure.Code);
        return (new MasterDataKindLoaded(kind, pages, await CountAsync(tenant, erp, kind, cancellationToken).ConfigureAwait(false), false, failure), false);
    }

    // The kind's load under way, or a new one from page 1 when the last one completed (or none ran yet).
    private async Task<ErpMasterDataLoad> StartKindAsync(TenantId tenant, string erp, MasterDataKind kind, CancellationToken cancellationToken)
    {
        await using var db = _engine.Database.Open(tenant);
        var progress = await db.ErpMasterDataLoads.SingleOrDefaultAsync(l => l.Erp == erp && l.Kind == kind, cancellationToken).ConfigureAwait(false);
        if (progress is { CompletedAt: null })
            return progress;
        if (progress is null)
        {
            progress = new ErpMasterDataLoad { Tenant = tenant, Erp = erp, Kind = kind };
            db.ErpMasterDataLoads.Add(progress);
        }
        (progress.Generation, progress.NextPage, progress.StartedAt, progress.CompletedAt) = (Guid.NewGuid(), 1, _engine.Clock.GetCurrentInstant(), null);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return progress;
    }

    /// <summary>
    /// Stores one page and the next page to read in one transaction (null, nothing stored, when another loader already stored
    /// it: the load's generation and page are the UPDATE's condition): each record inserted or updated under the load's
    /// generation; after the last page, the kind's records of other generations (no longer listed) deleted and the load completed.
    /// </summary>
    private async Task<ErpMasterDataLoad?> StorePageAsync(TenantId tenant, ErpMasterDataLoad progress, MasterDataPage page, CancellationToken cancellationToken)
    {
        await using var db = _engine.Database.Open(tenant);
        db.ErpMasterDataLoads.Attach(progress);
        var now = _engine.Clock.GetCurrentInstant();
        var listed = page.Records.Where(r => r.Kind == progress.Kind).GroupBy(r => r.Code.Value).ToDictionary(g => g.Key, g => g.Last());
        var codes = listed.Keys.ToList();
        var stored = await db.ErpMasterData.Where(r => r.Erp == progress.Erp && r.Kind == progress.Kind && codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, cancellationToken).ConfigureAwait(false);
        foreach (var (code, record) in listed)
        {
            if (!stored.TryGetValue(code, out var row))
            {
                row = new ErpMasterRecord { Tenant = tenant, Erp = progress.Erp, Kind = progress.Kind, Code = code };
                db.ErpMasterData.Add(row);
            }
            (row.Name, row.Active, row.Receivable, row.Generation, row.LoadedAt) =
                (record.Name.Length <= ErpMasterRecord.MaxNameLength ? record.Name : record.Name[..ErpMasterRecord.MaxNameLength],
                    record.Active, record.Receivable, progress.Generation, now);
        }
        progress.NextPage++;
        if (!page.HasNext)
            progress.CompletedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!(await db.SaveAsync(cancellationToken).ConfigureAwait(false)).IsSaved)
            return null; // the load's generation or page moved: another loader stored this page
        if (!page.HasNext)
            await db.ErpMasterData.Where(r => r.Erp == progress.Erp && r.Kind == progress.Kind && r.Generation != progress.Generation)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return progress;
    }

    private async Task<int> CountAsync(TenantId tenant, string erp, MasterDataKind kind, CancellationToken cancellationToken)
    {
        await using var db = _engine.Database.Open(tenant);
        return await db.ErpMasterData.CountAsync(r => r.Erp == erp && r.Kind == kind, cancellationToken).ConfigureAwait(false);
    }
}
