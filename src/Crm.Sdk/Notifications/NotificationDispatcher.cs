using Crm.Connectors.Mail;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Persistence;
using Crm.Persistence.Notifications;
using Crm.Persistence.Outbox;
using Crm.Sdk.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Sdk.Notifications;

/// <summary>What a notification dispatch did so far.</summary>
/// <param name="Sent">E-mails the SMTP server accepted.</param>
/// <param name="Retried">Failed attempts that will be tried again later (server unavailable, or a transient 4xx reply).</param>
/// <param name="Parked">E-mails given up (a permanent refusal, no SMTP server any more, or out of attempts).</param>
public sealed record NotificationDispatchReport(int Sent, int Retried, int Parked);

/// <summary>
/// Sends the notification e-mails staged with the movements (<see cref="CrmEngine.Notifications"/>), from any number of
/// processes on one database: each round claims the due rows with a lease (a conditional UPDATE: a row goes to one
/// dispatcher at a time), composes each e-mail (<see cref="NotificationComposer"/>: its Message-ID depends only on the
/// movement and the recipient) and sends it through the SMTP server of the row's company/branch as the settings are now
/// (<see cref="SmtpRouting"/>). Accepted: marked sent. Unavailable, or a transient 4xx reply: retried after the outbox's
/// back-off (<see cref="OutboxOptions"/>), so an outage loses nothing. Refused for good (5xx, authentication), no server left
/// or <see cref="OutboxOptions.MaxAttempts"/> spent: parked with the reason. Stopping a dispatch (its token cancelled)
/// finishes and records the sends already started and releases the rest, so a restart sends nothing twice; only a process
/// killed between the server's acceptance and the record can resend, with the same Message-ID.
/// </summary>
public sealed class NotificationDispatcher
{
    private const string TenantFilter = "Tenant";

    private readonly CrmDatabase _database;
    private readonly SmtpMailer _mailer;
    private readonly IClock _clock;
    private readonly Func<CrmOptions> _options;
    private readonly ILogger _logger;

    internal NotificationDispatcher(CrmDatabase database, SmtpMailer mailer, IClock clock, Func<CrmOptions> options, ILogger logger)
    {
        (_database, _mailer, _clock, _options, _logger) = (database, mailer, clock, options, logger);
        Name = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>This dispatcher's name, as its leases record it.</summary>
    public string Name { get; }

    /// <summary>Another dispatcher on the same database and server, as a restarted or second process would run (tests).</summary>
    internal NotificationDispatcher Twin() => new(_database, _mailer, _clock, _options, _logger);

    /// <summary>
    /// Sends every notification due now, round after round, until none is due (those waiting for their send delay or back-off
    /// stay pending: call again later). <paramref name="progress"/> hears the running totals after each attempt.
    /// </summary>
    public async Task<NotificationDispatchReport> DispatchPendingAsync(IProgress<NotificationDispatchReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (sent, retried, parked) = (0, 0, 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var options = _options();
            var zone = options.Notifications.Zone ?? DateTimeZone.Utc;
            var (lease, claimed) = await ClaimAsync(options.Outbox, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
                return new NotificationDispatchReport(sent, retried, parked);
            var servers = await ServersOfAsync(claimed).ConfigureAwait(false);
            // Not the caller's token: a send once started is finished and recorded, so a stop never leaves a sent e-mail unrecorded.
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Outbox.Concurrency }, async (row, _) =>
            {
                var outcome = cancellationToken.IsCancellationRequested || Leases.LateInRound(row, options.Outbox.Lease, _clock.GetCurrentInstant())
                    ? await ReleaseAsync(row, lease).ConfigureAwait(false)
                    : await DeliverAsync(row, servers[(row.Tenant, row.Company)], lease, options.Outbox, zone).ConfigureAwait(false);
                if (outcome == Outcome.Sent)
                    Interlocked.Increment(ref sent);
                else if (outcome == Outcome.Retried)
                    Interlocked.Increment(ref retried);
                else if (outcome == Outcome.Parked)
                    Interlocked.Increment(ref parked);
                if (outcome != Outcome.Released)
                    progress?.Report(new NotificationDispatchReport(Volatile.Read(ref sent), Volatile.Read(ref retried), Volatile.Read(ref parked)));
            }).ConfigureAwait(false);
        }
    }

    private enum Outcome
    {
        Sent,
        Retried,
        Parked,
        LeaseLost,
        Released,
    }

    /// <summary>Claims up to a batch of due rows for a new lease (the UPDATE re-checks each row, so of two dispatchers one gets it).</summary>
    private async Task<(string Lease, List<NotificationMessage> Claimed)> ClaimAsync(OutboxOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _clock.GetCurrentInstant();
            var lease = $"{Name}/{Guid.NewGuid():N}";
            var expires = now + Duration.FromTimeSpan(options.Lease);
            await using var db = _database.Open(default);
            var all = db.Notifications.IgnoreQueryFilters([TenantFilter]);
            var claimed = await Leases.ClaimAsync(all, all, options.BatchSize, lease, now, expires, cancellationToken).ConfigureAwait(false);
            if (claimed is null or { Count: > 0 })
                return (lease, claimed ?? []);
        }
    }

    // The SMTP settings of every company the claimed rows go through, as they are now: one query per tenant, not one per e-mail.
    private async Task<Dictionary<(TenantId, CompanyId), List<SmtpSettings>>> ServersOfAsync(List<NotificationMessage> claimed)
    {
        var servers = new Dictionary<(TenantId, CompanyId), List<SmtpSettings>>();
        foreach (var tenant in claimed.GroupBy(r => r.Tenant))
        {
            var companies = tenant.Select(r => r.Company).Distinct().ToList();
            await using var db = _database.Open(tenant.Key);
            var stored = (await db.SmtpSettings.AsNoTracking().Where(s => companies.Contains(s.Company)).ToListAsync().ConfigureAwait(false))
                .ToLookup(s => s.Company);
            foreach (var company in companies)
                servers[(tenant.Key, company)] = [.. stored[company]];
        }
        return servers;
    }

    private async Task<Outcome> DeliverAsync(NotificationMessage row, List<SmtpSettings> servers, string lease, OutboxOptions options, DateTimeZone zone)
    {
        if (SmtpRouting.For(servers, row.Company, row.Branch) is not { } smtp)
            return await ParkAsync(row, lease, "The company has no SMTP server any more.").ConfigureAwait(false);
        var movement = new Movement(row.Movement, Enum.Parse<MovementSubject>(row.Subject), row.SubjectId, row.Title,
            Enum.Parse<MovementKind>(row.Kind), row.Actor, row.At, row.Detail);
        var notification = NotificationComposer.Compose(smtp, movement, new Recipient(row.RecipientEmail, row.RecipientName), zone);
        var delivery = await _mailer.SendAsync(smtp, notification.Mail, CancellationToken.None).ConfigureAwait(false);
        return await delivery.Match(
            sent => AcknowledgeAsync(row, lease, smtp),
            rejected => rejected.Code is >= 400 and < 500 && row.Attempts < options.MaxAttempts
                ? RetryAsync(row, lease, $"{rejected.Code}: {rejected.Message}", options)
                : ParkAsync(row, lease, $"{rejected.Code}: {rejected.Message}"),
            unavailable => row.Attempts < options.MaxAttempts
                ? RetryAsync(row, lease, unavailable.Message, options)
                : ParkAsync(row, lease, unavailable.Message)).ConfigureAwait(false);
    }

    private async Task<Outcome> AcknowledgeAsync(NotificationMessage row, string lease, SmtpSettings smtp)
    {
        var now = _clock.GetCurrentInstant();
        if (!await FinishAsync(row, lease, set => set
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null), now).ConfigureAwait(false))
            return Outcome.LeaseLost;
        NotificationLog.Sent(_logger, row.Id, row.Recipient.Value, smtp.Host, smtp.Port, row.Attempts);
        CrmTelemetry.NotificationsSent.Add(1);
        return Outcome.Sent;
    }

    private async Task<Outcome> RetryAsync(NotificationMessage row, string lease, string reason, OutboxOptions options)
    {
        var delay = Backoff.Delay(row.Attempts, options.RetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
        var now = _clock.GetCurrentInstant();
        var next = now + Duration.FromTimeSpan(delay);
        var error = QueuedMessage.Truncate(reason);
        if (!await FinishAsync(row, lease, set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), now).ConfigureAwait(false))
            return Outcome.LeaseLost;
        NotificationLog.Retrying(_logger, row.Id, row.Recipient.Value, row.Attempts, delay.TotalMilliseconds, reason);
        CrmTelemetry.NotificationsRetried.Add(1);
        return Outcome.Retried;
    }

    private async Task<Outcome> ParkAsync(NotificationMessage row, string lease, string reason)
    {
        var now = _clock.GetCurrentInstant();
        var error = QueuedMessage.Truncate(reason);
        if (!await FinishAsync(row, lease, set => set
                .SetProperty(m => m.Status, OutboxStatus.Parked)
                .SetProperty(m => m.LastError, error), now).ConfigureAwait(false))
            return Outcome.LeaseLost;
        NotificationLog.Parked(_logger, row.Id, row.Recipient.Value, row.Attempts, reason);
        CrmTelemetry.NotificationsParked.Add(1);
        return Outcome.Parked;
    }

    // A claimed row this dispatch was stopped before sending: due again at once, its attempt not counted.
    private async Task<Outcome> ReleaseAsync(NotificationMessage row, string lease)
    {
        var now = _clock.GetCurrentInstant();
        await FinishAsync(row, lease, set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1), now).ConfigureAwait(false);
        return Outcome.Released;
    }

    // Records the outcome and releases the lease, only while this claim still holds the row: after its lease lapsed another
    // dispatcher may have taken it over.
    private async Task<bool> FinishAsync(NotificationMessage row, string lease,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<NotificationMessage>> outcome, Instant now)
    {
        await using var db = _database.Open(row.Tenant);
        var updated = await Leases.FinishAsync(db.Notifications, row.Id, lease, outcome, now, CancellationToken.None).ConfigureAwait(false);
        if (!updated)
            NotificationLog.LeaseLost(_logger, row.Id);
        return updated;
    }

}
