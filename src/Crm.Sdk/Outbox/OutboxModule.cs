using Crm.Domain.Access;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Outbox;

/// <summary>How many of the tenant's outbox messages are in each status.</summary>
/// <param name="Pending">Waiting (first send or a retry).</param>
/// <param name="Sending">Claimed by a dispatcher now.</param>
/// <param name="Sent">Acknowledged by the ERP.</param>
/// <param name="Parked">Given up, until re-queued.</param>
public sealed record OutboxSummary(int Pending, int Sending, int Sent, int Parked);

/// <summary>A parked message was put back in the queue.</summary>
/// <param name="Id">The message.</param>
public sealed record OutboxRequeued(Guid Id);

/// <summary>
/// The tenant's ERP outbox through a session (module <see cref="Module.Settings"/>, the CRM's integration configuration:
/// reading needs View — Admin, Diretor, Coordenador; re-queuing Edit — Admin and Diretor).
/// </summary>
public sealed class OutboxModule
{
    /// <summary>Problem code: only a parked message can be re-queued.</summary>
    public const string NotParkedCode = "outbox.not_parked";

    private readonly CrmSession _session;

    internal OutboxModule(CrmSession session) => _session = session;

    /// <summary>
    /// A page of the tenant's messages (all, or those in <paramref name="status"/>), newest first, with their attempts, next
    /// attempt and last error (permission View).
    /// </summary>
    public Task<CrmResult<IReadOnlyList<OutboxMessage>>> ListAsync(OutboxStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return _session.RunAsync("outbox.list", Module.Settings, Permission.View, async work =>
        {
            var messages = work.Db.Outbox.AsNoTracking();
            if (status is { } only)
                messages = messages.Where(m => m.Status == only);
            var page = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Sequence).Skip(skip).Take(take)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<OutboxMessage>>.Of(page);
        }, cancellationToken);
    }

    /// <summary>How many messages are in each status (permission View).</summary>
    public Task<CrmResult<OutboxSummary>> SummaryAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync<OutboxSummary>("outbox.summary", Module.Settings, Permission.View, async work =>
        {
            var counts = await work.Db.Outbox.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Status, c => c.Count, work.Cancellation).ConfigureAwait(false);
            return new OutboxSummary(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sending),
                counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.Parked));
        }, cancellationToken);

    /// <summary>
    /// Puts parked message <paramref name="id"/> back in the queue with a fresh set of attempts, due now (permission Edit);
    /// a message that is not parked is <see cref="Invalid"/> (<see cref="NotParkedCode"/>), and so is an order the ERP's adapter
    /// does not send (<c>integration.orders_unsupported</c>: it has no body to send).
    /// </summary>
    public Task<CrmResult<OutboxRequeued>> RequeueAsync(Guid id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("outbox.requeue", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.Outbox.SingleOrDefaultAsync(m => m.Id == id, work.Cancellation).ConfigureAwait(false) is not { } message)
                return new NotFound("outbox_message", id);
            if (message.Status != OutboxStatus.Parked)
                return new Invalid(new Problem("status", NotParkedCode, $"A mensagem está {message.Status}; só uma mensagem estacionada pode voltar à fila."));
            if (message.Order is not null && message.Payload.Length == 0)
                return new Invalid(new Problem("status", OrdersNotSupported.Code,
                    "O adaptador do ERP não envia pedidos: a mensagem do pedido não tem o que enviar e não volta à fila."));
            var now = work.Clock.GetCurrentInstant();
            (message.Status, message.Attempts, message.NextAttemptAt, message.UpdatedAt) = (OutboxStatus.Pending, 0, now, now);
            var saved = await work.SaveAsync(new OutboxRequeued(id)).ConfigureAwait(false);
            if (saved.Succeeded)
                OutboxLog.Requeued(work.Engine.OutboxLogger, id, work.User.Value, work.Tenant.Value);
            return saved;
        }, cancellationToken);
}
