using Crm.Domain.Identity;
using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Jobs;

/// <summary>Delivered outbox rows were deleted.</summary>
/// <param name="ErpMessages">ERP outbox messages deleted.</param>
/// <param name="Notifications">Notification e-mails deleted.</param>
public sealed record SentMessagesDeleted(int ErpMessages, int Notifications);

public sealed partial class JobsModule
{
    /// <summary>
    /// Deletes <paramref name="tenant"/>'s outbox rows delivered more than <paramref name="retention"/> ago, of both outboxes
    /// (ERP messages and notification e-mails), in batches of 500 (each its own statement). Parked, pending and sending rows are
    /// never deleted, nor the last message of an account (the next message's place in the account's order counts from it),
    /// nor an order sent after its customer's ERP standing was last read: release counts such an order against the credit
    /// until the ERP's open balance holds it, and deleting it would free that credit twice.
    /// </summary>
    public Task<CrmResult<SentMessagesDeleted>> DeleteSentMessagesAsync(TenantId tenant, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.Zero);
        return _engine.Runner.RunAsync<SentMessagesDeleted>(CleanupJob, tenant, null, async db =>
        {
            var cutoff = _engine.Clock.GetCurrentInstant() - Duration.FromTimeSpan(retention);
            var outbox = db.Outbox;
            var accounts = db.Accounts;
            var erp = await DeleteInBatchesAsync(outbox.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < cutoff
                && outbox.Any(later => later.Account == m.Account && later.Sequence > m.Sequence)
                && (m.Order == null || accounts.Any(a => a.Id == m.Account && a.ErpStanding!.ReadAt >= m.SentAt))).Select(m => m.Id),
                ids => outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            var notifications = await Notifications.NotificationsModule.DeleteSentAsync(db, cutoff, cancellationToken).ConfigureAwait(false);
            JobsLog.SentDeleted(_engine.JobsLogger, cutoff.ToString(), erp, notifications);
            CrmTelemetry.SentDeleted.Add(erp, new System.Diagnostics.TagList { { "crm.outbox", "erp" } });
            CrmTelemetry.SentDeleted.Add(notifications, new System.Diagnostics.TagList { { "crm.outbox", "notifications" } });
            return new SentMessagesDeleted(erp, notifications);
        }, cancellationToken);
    }

    internal static async Task<int> DeleteInBatchesAsync(IQueryable<Guid> due, Func<List<Guid>, Task<int>> delete, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (await due.Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } ids)
            deleted += await delete(ids).ConfigureAwait(false);
        return deleted;
    }
}
