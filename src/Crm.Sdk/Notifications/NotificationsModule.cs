using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence;
using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Notifications;

/// <summary>A notification row as an administrator reads it: what it tells whom, where its delivery stands.</summary>
/// <param name="Id">The row.</param>
/// <param name="Status">Pending, being sent, sent, or parked (failed for good until re-queued).</param>
/// <param name="Recipient">The user told.</param>
/// <param name="Subject">What moved (opportunity, occurrence, task…) and its id.</param>
/// <param name="Title">The title of what moved.</param>
/// <param name="Kind">How it moved (created, updated, assigned…).</param>
/// <param name="At">When it moved.</param>
/// <param name="LocalAt">When it moved, as the e-mail writes it: <c>dd/MM/yyyy HH:mm</c> in <see cref="NotificationOptions.TimeZone"/>.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastError">Why the last attempt failed; null when none did.</param>
/// <param name="SentAt">When the server took it; null until then.</param>
public sealed record NotificationView(Guid Id, OutboxStatus Status, UserId Recipient, string Subject, string Title, string Kind, Instant At, string LocalAt,
    int Attempts, string? LastError, Instant? SentAt);

/// <summary>The sent notifications deleted.</summary>
/// <param name="Deleted">How many rows.</param>
public sealed record NotificationsDeleted(int Deleted);

/// <summary>
/// The tenant's notification e-mails through a session (module <see cref="Module.Settings"/>, as the ERP outbox: reading
/// needs View, re-queuing Edit, deleting sent ones Delete). A row shows whom (the user) and what, not the recipient's address
/// nor the body; its <see cref="NotificationView.LastError"/> is the mail server's reply as given, which may quote the address.
/// </summary>
public sealed class NotificationsModule
{
    /// <summary>Problem code: only a parked notification can be re-queued.</summary>
    public const string NotParkedCode = "notification.not_parked";

    private readonly CrmSession _session;

    internal NotificationsModule(CrmSession session) => _session = session;

    /// <summary>A page of the tenant's notifications (all, or those in <paramref name="status"/>), newest first (permission View).</summary>
    public Task<CrmResult<IReadOnlyList<NotificationView>>> ListAsync(OutboxStatus? status, int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync<IReadOnlyList<NotificationView>>("notifications.list", Module.Settings, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var rows = work.Db.Notifications.AsNoTracking();
            if (status is { } only)
                rows = rows.Where(m => m.Status == only);
            var page = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(skip).Take(take)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            var zone = work.Engine.Options().Notifications.Zone ?? DateTimeZone.Utc;
            return CrmResult<IReadOnlyList<NotificationView>>.Of([.. page.Select(m => new NotificationView(m.Id, m.Status, m.Recipient,
                $"{m.Subject} {m.SubjectId}", m.Title, m.Kind, m.At, NoticeFormats.DayTime.Format(m.At.InZone(zone).LocalDateTime),
                m.Attempts, m.LastError, m.SentAt))]);
        }, cancellationToken);

    /// <summary>
    /// Puts parked notification <paramref name="id"/> back in the queue with a fresh set of attempts, due now (permission Edit,
    /// logged); one that is not parked is <see cref="Invalid"/> (<see cref="NotParkedCode"/>).
    /// </summary>
    public Task<CrmResult<Guid>> RequeueAsync(Guid id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("notifications.requeue", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.Notifications.SingleOrDefaultAsync(m => m.Id == id, work.Cancellation).ConfigureAwait(false) is not { } row)
                return new NotFound("notification", id);
            if (row.Status != OutboxStatus.Parked)
                return new Invalid(new Problem("status", NotParkedCode, $"A notificação está {row.Status}; só uma notificação estacionada volta à fila."));
            var now = work.Clock.GetCurrentInstant();
            (row.Status, row.Attempts, row.NextAttemptAt, row.UpdatedAt) = (OutboxStatus.Pending, 0, now, now);
            var saved = await work.SaveAsync(id).ConfigureAwait(false);
            if (saved.Succeeded)
                NotificationLog.Requeued(work.Engine.NotificationLogger, id, work.User.Value, work.Tenant.Value);
            return saved;
        }, cancellationToken);

    /// <summary>
    /// Deletes the tenant's notifications sent more than <paramref name="olderThan"/> ago (permission Delete, logged), as the
    /// clean-up job does with <see cref="Jobs.JobsOptions.SentRetention"/>; pending and parked ones are never deleted.
    /// </summary>
    public Task<CrmResult<NotificationsDeleted>> DeleteSentAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        return _session.RunAsync<NotificationsDeleted>("notifications.delete_sent", Module.Settings, Permission.Delete, async work =>
        {
            var cutoff = work.Clock.GetCurrentInstant() - Duration.FromTimeSpan(olderThan);
            var deleted = await DeleteSentAsync(work.Db, cutoff, work.Cancellation).ConfigureAwait(false);
            NotificationLog.SentDeleted(work.Engine.NotificationLogger, deleted, cutoff.ToString(), work.User.Value, work.Tenant.Value);
            return new NotificationsDeleted(deleted);
        }, cancellationToken);
    }

    /// <summary>Deletes the sent notifications of <paramref name="db"/>'s tenant sent before <paramref name="cutoff"/>, a batch at a time; how many.</summary>
    internal static Task<int> DeleteSentAsync(CrmDbContext db, Instant cutoff, CancellationToken cancellationToken) =>
        Jobs.JobsModule.DeleteInBatchesAsync(db.Notifications.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < cutoff).Select(m => m.Id),
            ids => db.Notifications.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
