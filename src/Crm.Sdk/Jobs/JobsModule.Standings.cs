using System.Diagnostics;
using Crm.Domain.Access;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>The ERP standings were pulled.</summary>
/// <param name="Read">Accounts whose standing the ERP answered.</param>
/// <param name="Changed">Of those, accounts whose standing changed (recorded with history); the others only had their read instant advanced.</param>
/// <param name="Rejected">Accounts the ERP refused to answer for (unknown customer, ...): logged and skipped.</param>
/// <param name="Unavailable">True when the ERP could not be reached: the run stopped there (what was read before is saved).</param>
public sealed record ErpStandingsPulled(int Read, int Changed, int Rejected, bool Unavailable);

public sealed partial class JobsModule
{
    /// <summary>The stable codes of the jobs' refusals.</summary>
    public static class Codes
    {
        /// <summary>The tenant's ERP has no <see cref="IErpReader"/> registered (its transport does not read).</summary>
        public const string ReaderMissing = "jobs.erp_reader_missing";

        /// <summary>The ERP answered a master-data page identical to the previous one while saying more follow (it ignores the page number).</summary>
        public const string PageRepeated = "jobs.master_data.page_repeated";

        /// <summary>Another load of the same list stored the page first (it took the lease after this one's lapsed): this load stops.</summary>
        public const string PageTaken = "jobs.master_data.page_taken";

        /// <summary>A master-data list still had pages after <see cref="JobsOptions.MaxPagesPerList"/>.</summary>
        public const string TooManyPages = "jobs.master_data.too_many_pages";

        /// <summary>The tenant has no support user to record the pull's changes under.</summary>
        public const string SupportUserMissing = "jobs.support_user_missing";
    }

    /// <summary>
    /// Pulls the ERP standing of every account of <paramref name="tenant"/> integrated with its ERP (its default integration;
    /// not Gestão de Planos) through that ERP's <see cref="IErpReader"/>, as of today in <see cref="JobsOptions.TimeZone"/>, and
    /// records it (<c>Account.RecordErpStanding</c>, history under the tenant's support user). A standing that says the same as
    /// the stored one only advances the stored read instant (release counts orders sent after it). Accounts are read in batches
    /// of 500 (the ids taken at the start: accounts added meanwhile wait for the next run); the ERP is asked with no account held,
    /// then each batch is recorded in one transaction; a <see cref="Rejected"/> account is logged with its codes and skipped; an
    /// <see cref="Unavailable"/> ERP stops the run (the batch read so far is saved; the next run reads everything again). A
    /// tenant that does not integrate with an ERP reads nothing; one whose ERP has no reader is <see cref="Invalid"/>
    /// (<c>jobs.erp_reader_missing</c>). A user saving an account while its batch is recorded makes the batch apply its reads
    /// again to the reloaded accounts; only a third conflict in a row stops the run as a <see cref="Conflict"/>.
    /// </summary>
    public Task<CrmResult<ErpStandingsPulled>> PullErpStandingsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync<ErpStandingsPulled>(PullJob, tenant, null, async db =>
        {
            var tenantRow = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (OutboxWriter.ErpOf(tenantRow?.DefaultIntegration) is not { } erp)
                return new ErpStandingsPulled(0, 0, 0, false);
            if (_engine.ReaderFor(erp) is not { } reader)
                return new Invalid(new Problem("erp", Codes.ReaderMissing, $"Nenhum leitor do ERP {erp} está registrado."));
            if (await db.Users.AsNoTracking().Where(u => u.Login == User.SupportLogin).Select(u => (UserId?)u.Id)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is not { } support)
                return new Invalid(new Problem("user", Codes.SupportUserMissing, "O tenant não tem o usuário de suporte."));
            var today = _engine.Clock.GetCurrentInstant().InZone(Options.Zone!).Date;
            var tally = new PullTally();
            // The ids are taken once, so accounts inserted during the run neither shift nor hide others (they wait for the
            // next run); 16 bytes an account.
            List<AccountId> ids;
            await using (var scan = _engine.Database.Open(tenant))
                ids = await scan.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                var reads = await ReadStandingsAsync(tenant, chunk, reader, erp, today, tally, cancellationToken).ConfigureAwait(false);
                if (await RecordReadsAsync(tenant, reads, support, tally, cancellationToken).ConfigureAwait(false) is { } conflict)
                    return conflict;
                if (tally.Unavailable)
                    break;
            }
            CrmTelemetry.StandingsRead.Add(tally.Read, new TagList { { "crm.erp", erp.Value } });
            CrmTelemetry.StandingsChanged.Add(tally.Changed, new TagList { { "crm.erp", erp.Value } });
            JobsLog.StandingsPulled(_engine.JobsLogger, tenant.Value, erp.Value, tally.Read, tally.Changed, tally.Rejected);
            return new ErpStandingsPulled(tally.Read, tally.Changed, tally.Rejected, tally.Unavailable);
        }, cancellationToken);

    /// <summary>
    /// Asks the ERP for the standing of each account of <paramref name="chunk"/> integrated under a code; no account is tracked
    /// while the (slow) reads run, so a user saving one meanwhile conflicts with nothing. Stops at an unavailable ERP.
    /// </summary>
    private async Task<List<(AccountId Id, string ErpCode, ErpStanding Standing)>> ReadStandingsAsync(TenantId tenant, AccountId[] chunk,
        IErpReader reader, Domain.Integration.ErpId erp, LocalDate today, PullTally tally, CancellationToken cancellationToken)
    {
        await using var db = _engine.Database.Open(tenant);
        var accounts = await db.Accounts.AsNoTracking().Where(a => chunk.Contains(a.Id)).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reads = new List<(AccountId, string, ErpStanding)>();
        foreach (var account in accounts)
        {
            if (!account.Integration.TryPickT1(out var link, out _) || string.IsNullOrWhiteSpace(link.ErpCode))
                continue;
            // Each account's read is stamped when it was read: release counts the orders sent after it, and a long run's
            // later reads are later than its start.
            var read = await reader.ReadStandingAsync(link.ErpCode, today, _engine.Clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            if (read.TryPickT2(out var unavailable, out var answered))
            {
                JobsLog.ErpUnavailable(_engine.JobsLogger, erp.Value, PullJob, tenant.Value, unavailable.Reason);
                CrmTelemetry.JobsErpUnavailable.Add(1, new TagList { { "crm.erp", erp.Value }, { "crm.job", PullJob } });
                tally.Unavailable = true;
                break;
            }
            if (answered.TryPickT1(out var rejected, out var standing))
            {
                JobsLog.StandingRejected(_engine.JobsLogger, account.Id.Value, link.ErpCode, erp.Value,
                    string.Join(", ", rejected.Problems.Select(p => p.Code)));
                CrmTelemetry.StandingsRejected.Add(1, new TagList { { "crm.erp", erp.Value } });
                tally.Rejected++;
                continue;
            }
            reads.Add((account.Id, link.ErpCode, standing));
        }
        return reads;
    }

    /// <summary>
    /// Records <paramref name="reads"/> in one transaction: the changed standings (with their history and version), and the
    /// read instant of the unchanged ones (the domain keeps an unchanged standing's old instant; a stale one would make release
    /// count orders the ERP already counted). The accounts are loaded just before and saved at once; a user's save in that
    /// instant is a conflict, and the records are applied again to the reloaded accounts (the ERP is not asked again). Null
    /// when saved; the conflict after <see cref="RecordAttempts"/> attempts.
    /// </summary>
    private async Task<CrmResult<ErpStandingsPulled>?> RecordReadsAsync(TenantId tenant, List<(AccountId Id, string ErpCode, ErpStanding Standing)> reads,
        UserId support, PullTally tally, CancellationToken cancellationToken)
    {
        var ids = reads.Select(r => r.Id).ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = _engine.Database.Open(tenant);
            var accounts = await db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
            var (changed, unchanged) = (0, new List<(AccountId Id, Instant ReadAt)>());
            foreach (var (id, erpCode, standing) in reads)
            {
                if (!accounts.TryGetValue(id, out var account))
                    continue; // deleted meanwhile
                var before = account.ErpStanding;
                if (!account.RecordErpStanding(erpCode, standing, support, _engine.Clock).TryPickT0(out _, out _))
                    continue; // a merged (frozen) account, or one integrated under another code meanwhile, keeps what it had
                if (!ReferenceEquals(before, account.ErpStanding))
                    changed++;
                else if (before is not null && before.ReadAt != standing.ReadAt)
                    unchanged.Add((id, standing.ReadAt));
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var saved = await db.SaveAsync(cancellationToken).ConfigureAwait(false);
            if (!saved.IsSaved)
            {
                if (saved.IsT1 && attempt < RecordAttempts)
                    continue;
                return saved.Match<CrmResult<ErpStandingsPulled>>(_ => throw new UnreachableException(), conflict => conflict, invalid => invalid);
            }
            // Only forwards: a newer read stored meanwhile (another runner) is kept. One statement per instant read.
            foreach (var group in unchanged.GroupBy(u => u.ReadAt))
            {
                var (at, accountsRead) = (group.Key, group.Select(u => u.Id).ToList());
                await db.Accounts.Where(a => accountsRead.Contains(a.Id) && a.ErpStanding!.ReadAt < at)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.ErpStanding!.ReadAt, at), cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            (tally.Read, tally.Changed) = (tally.Read + reads.Count, tally.Changed + changed);
            return null;
        }
    }

    /// <summary>How often a batch's records are applied again to reloaded accounts after a user's save conflicted with them.</summary>
    private const int RecordAttempts = 3;

    private sealed class PullTally
    {
        public int Read { get; set; }
        public int Changed { get; set; }
        public int Rejected { get; set; }
        public bool Unavailable { get; set; }
    }
}
