using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Persistence;
using Crm.Persistence.Orders;
using Crm.Persistence.Outbox;
using Crm.Sdk.Accounts;
using Crm.Sdk.Discovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Sdk.Outbox;

/// <summary>What a dispatch did so far.</summary>
/// <param name="Sent">Messages the ERP acknowledged.</param>
/// <param name="Retried">Failed attempts that will be tried again later.</param>
/// <param name="Parked">Messages given up (rejected by the ERP, or out of attempts).</param>
public sealed record OutboxDispatchReport(int Sent, int Retried, int Parked)
{
    /// <summary>Attempts made.</summary>
    public int Attempts => Sent + Retried + Parked;
}

/// <summary>
/// Sends the outbox's messages to the ERPs (<see cref="CrmEngine.Outbox"/>), from any number of processes on one database:
/// each round claims the due messages with a lease (a conditional UPDATE: a message goes to one dispatcher at a time), takes
/// only the earliest unsent message of each account (a later one waits while an earlier one is pending, retrying or parked),
/// sends through the ERP's <see cref="IErpTransport"/> with the message's idempotency key, and records the outcome:
/// acknowledged (the account gets its ERP code), retried after an exponential back-off with jitter, or parked with its last
/// error after <see cref="OutboxOptions.MaxAttempts"/> or when the ERP rejects it. A dispatcher killed mid-send leaves its
/// messages to another once the lease lapses; the ERP absorbs the resend by its key. Hosts with a generic host get a
/// background service doing this every <see cref="OutboxOptions.Interval"/>; others call <see cref="DispatchPendingAsync"/>.
/// </summary>
public sealed class OutboxDispatcher
{
    private const string TenantFilter = "Tenant";

    private readonly CrmDatabase _database;
    private readonly ErpAdapterCatalog _adapters;
    private readonly Func<IEnumerable<IErpTransport>> _transports;
    private readonly IClock _clock;
    private readonly Func<OutboxOptions> _options;
    private readonly ILogger _logger;

    internal OutboxDispatcher(CrmDatabase database, ErpAdapterCatalog adapters, Func<IEnumerable<IErpTransport>> transports, IClock clock,
        Func<OutboxOptions> options, ILogger logger)
    {
        (_database, _adapters, _transports, _clock, _options, _logger) = (database, adapters, transports, clock, options, logger);
        Name = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>This dispatcher's name, as its leases record it.</summary>
    public string Name { get; }

    /// <summary>Another dispatcher on the same database and transports, as a second process would run (tests).</summary>
    internal OutboxDispatcher Twin() => new(_database, _adapters, _transports, _clock, _options, _logger);

    /// <summary>
    /// Sends every message due now, round after round, until none is due (messages waiting for their back-off stay pending:
    /// call again later). <paramref name="progress"/> hears the running totals after each attempt.
    /// </summary>
    public async Task<OutboxDispatchReport> DispatchPendingAsync(IProgress<OutboxDispatchReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var tally = new Tally(progress);
        var transports = new Dictionary<ErpId, IErpTransport>();
        foreach (var transport in _transports())
            transports[transport.Erp] = transport;
        while (true)
        {
            var options = _options();
            var (lease, claimed) = await ClaimAsync(options, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
                return tally.Report;
            var acknowledged = new ConcurrentQueue<(OutboxMessage Row, Delivered Delivered)>();
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (message, token) => tally.Add(await DeliverAsync(message, lease, transports, options, acknowledged, token).ConfigureAwait(false)))
                .ConfigureAwait(false);
            foreach (var tenant in acknowledged.GroupBy(a => a.Row.Tenant))
                foreach (var outcome in await AcknowledgeAsync(tenant.Key, [.. tenant], lease, cancellationToken).ConfigureAwait(false))
                    tally.Add(outcome);
        }
    }

    /// <summary>
    /// Claims up to a batch of due messages, each the earliest unsent of its account, for a new lease; returns them as claimed.
    /// The UPDATE re-checks each message's state, so of two dispatchers claiming the same message one gets it.
    /// </summary>
    private async Task<(string Lease, List<OutboxMessage> Claimed)> ClaimAsync(OutboxOptions options, CancellationToken cancellationToken)
    {
        // Another dispatcher may claim the same due rows between the SELECT and the UPDATE: losing that race is not the end
        // of the round, so select again (the rows it took are no longer due).
        while (true)
        {
            var now = _clock.GetCurrentInstant();
            var lease = $"{Name}/{Guid.NewGuid():N}";
            var expires = now + Duration.FromTimeSpan(options.Lease);
            await using var db = _database.Open(default);
            var all = db.Outbox.IgnoreQueryFilters([TenantFilter]);
            // A parked order (refused by the ERP, or never sendable) does not hold the customer's later messages back; a parked
            // customer message does (the ERP must know the customer before its orders and changes).
            var firstOfAccount = all.Where(m => !all.Any(e => e.Tenant == m.Tenant && e.Account == m.Account && e.Sequence < m.Sequence
                && e.Status != OutboxStatus.Sent && !(e.Order != null && e.Status == OutboxStatus.Parked)));
            var claimed = await Leases.ClaimAsync(all, firstOfAccount, options.BatchSize, lease, now, expires, cancellationToken).ConfigureAwait(false);
            if (claimed is null or { Count: > 0 })
                return (lease, claimed ?? []);
        }
    }

    private enum Outcome
    {
        Sent,
        Retried,
        Parked,
        LeaseLost,
        Acknowledged,
        Released,
    }

    private async Task<Outcome> DeliverAsync(OutboxMessage row, string lease, Dictionary<ErpId, IErpTransport> transports, OutboxOptions options,
        ConcurrentQueue<(OutboxMessage Row, Delivered Delivered)> acknowledged, CancellationToken cancellationToken)
    {
        if (Leases.LateInRound(row, options.Lease, _clock.GetCurrentInstant()))
            return await ReleaseAsync(row, lease, cancellationToken).ConfigureAwait(false);
        var erp = ErpId.Of(row.Erp);
        if (row.Order is not null && await OrderRefusedAsync(row, erp, cancellationToken).ConfigureAwait(false) is { } refused)
            return await ParkAsync(row, lease, refused, cancellationToken).ConfigureAwait(false);
        var message = await CurrentMessageAsync(row, erp, cancellationToken).ConfigureAwait(false);
        TransportResult result;
        if (!transports.TryGetValue(erp, out var transport))
            result = new Unavailable($"No transport is registered for ERP {erp}.");
        else
        {
            try
            {
                result = await transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                OutboxLog.TransportFailed(_logger, e, row.Erp, row.Id);
                result = new Unavailable($"The {erp} transport failed: {e.GetType().Name}.");
            }
        }
        return await result.Match(
            delivered =>
            {
                acknowledged.Enqueue((row, delivered));
                return Task.FromResult(Outcome.Acknowledged);
            },
            rejected => ParkAsync(row, lease, "Rejected: " + string.Join("; ", rejected.Problems.Select(p => $"{p.Code}: {p.Message}")), cancellationToken),
            unavailable => row.Attempts >= options.MaxAttempts
                ? ParkAsync(row, lease, unavailable.Reason, cancellationToken)
                : RetryAsync(row, lease, unavailable, options, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// The adapter's field check of an order's message run again just before it is sent (the adapter's options, e.g. its
    /// field limits, may have changed since the release checked it), and the order's status read again (one cancelled or
    /// reopened since is not sent): the parked row's reason — codes only, as the adapter's messages quote field values — or
    /// null to send. An order or customer no longer found is left to the ERP.
    /// </summary>
    private async Task<string?> OrderRefusedAsync(OutboxMessage row, ErpId erp, CancellationToken cancellationToken)
    {
        await using var db = _database.Open(row.Tenant);
        var stored = await db.SalesOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == row.Order, cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored.Status != SalesOrderStatus.Released)
            return $"{Orders.OrdersModule.CancelledBeforeSending}: the order is {stored.Status}, not released, and is not sent.";
        var customer = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == row.Account, cancellationToken).ConfigureAwait(false);
        if (stored is null || customer is null || _adapters.For(erp) is not { } adapter || !ErpOrder.From(stored.ToOrder(), customer).TryPickT0(out var order, out _))
            return null;
        return adapter.CheckOrder(order).TryPickT0(out _, out var invalid)
            ? null
            : "Refused before sending: " + string.Join(", ", invalid.Problems.Select(p => p.Code).Distinct());
    }

    /// <summary>
    /// The message to send: the stored one, unless it creates a customer the ERP has since acknowledged for the account (an
    /// earlier message of it was delivered): then the account's current state is sent as an update, and the row says so.
    /// </summary>
    private async Task<ErpMessage> CurrentMessageAsync(OutboxMessage row, ErpId erp, CancellationToken cancellationToken)
    {
        // The key is derived from the stored parts, as the adapter derived it: a row cannot carry a key that is not its body's.
        // An order's key is the adapter's own (derived from the order), stored with it.
        var stored = new ErpMessage(erp, row.Resource, row.Operation, row.Account, row.ErpCode, row.Payload,
            row.Order is not null && IdempotencyKey.TryParse(row.IdempotencyKey, out var orderKey) ? orderKey
                : IdempotencyKey.Of(erp, row.Resource, row.Account.Value, row.Payload)) { Order = row.Order };
        if (row.Order is not null || row.Operation != ErpOperation.Create || row.Sequence == 1 || _adapters.For(erp) is not { } adapter)
            return stored;
        await using var db = _database.Open(row.Tenant);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == row.Account, cancellationToken).ConfigureAwait(false);
        if (account is null || !account.Integration.IsT1)
            return stored;
        var current = adapter.Prepare(account);
        await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Operation, current.Operation).SetProperty(m => m.ErpCode, current.ErpCode)
            .SetProperty(m => m.Payload, current.Body).SetProperty(m => m.IdempotencyKey, current.Key.Value), cancellationToken).ConfigureAwait(false);
        return current;
    }

    /// <summary>
    /// Records what the ERP acknowledged in a round, for one tenant, in one transaction: each row marked sent, and each account
    /// the ERP gave a code it does not hold yet integrated under it (loaded together; an update addressed by the code the
    /// ERP answered leaves its account unread). A crash before the commit resends, and the ERP answers the same codes again.
    /// Rows this claim no longer holds (its lease lapsed and another dispatcher took them) are left alone. When the save
    /// conflicts (a user saved one of the accounts at that moment) each message is recorded on its own.
    /// </summary>
    private async Task<IEnumerable<Outcome>> AcknowledgeAsync(TenantId tenant, List<(OutboxMessage Row, Delivered Delivered)> acknowledged,
        string lease, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        await using (var db = _database.Open(tenant))
        {
            var ids = acknowledged.Select(a => a.Row.Id).ToList();
            var rows = await Leases.Held(db.Outbox.Where(m => ids.Contains(m.Id)), lease)
                .ToDictionaryAsync(m => m.Id, cancellationToken).ConfigureAwait(false);
            var coded = acknowledged.Where(a => a.Row.Order is null && a.Row.ErpCode != a.Delivered.ErpCode).Select(a => a.Row.Account).ToList();
            var sentOrders = acknowledged.Where(a => a.Row.Order is not null).Select(a => a.Row.Order!.Value).ToList();
            var orders = sentOrders.Count == 0 ? [] : await db.SalesOrders.Where(o => sentOrders.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, cancellationToken).ConfigureAwait(false);
            var accounts = coded.Count == 0 ? [] : await db.Accounts.Where(a => coded.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
            foreach (var (row, delivered) in acknowledged)
            {
                if (!rows.TryGetValue(row.Id, out var held))
                    continue;
                if (row.Order is { } order)
                    MarkSent(orders.GetValueOrDefault(order), row, delivered.ErpCode);
                else if (accounts.GetValueOrDefault(row.Account) is { } account)
                    account.IntegrateUnder(delivered.ErpCode, row.CreatedBy, _clock);
                (held.Status, held.SentAt, held.AcknowledgedCode, held.LastError) = (OutboxStatus.Sent, now, delivered.ErpCode, null);
                Leases.Release(held, now);
            }
            if ((await db.SaveAsync(cancellationToken).ConfigureAwait(false)).IsSaved)
                return acknowledged.Select(a => rows.ContainsKey(a.Row.Id) ? Sent(a.Row, a.Delivered) : LeaseLost(a.Row));
        }
        var outcomes = new List<Outcome>();
        foreach (var (row, delivered) in acknowledged)
            outcomes.Add(await AcknowledgeOneAsync(row, lease, delivered, cancellationToken).ConfigureAwait(false));
        return outcomes;
    }

    private Outcome Sent(OutboxMessage row, Delivered delivered)
    {
        OutboxLog.Sent(_logger, row.Id, row.Account.Value, row.Erp, row.Attempts, delivered.ErpCode);
        CrmTelemetry.OutboxSent.Add(1, new TagList { { "crm.erp", row.Erp } });
        return Outcome.Sent;
    }

    private Outcome LeaseLost(OutboxMessage row)
    {
        OutboxLog.LeaseLost(_logger, row.Id);
        return Outcome.LeaseLost;
    }

    private async Task<Outcome> AcknowledgeOneAsync(OutboxMessage row, string lease, Delivered delivered, CancellationToken cancellationToken)
    {
        await RecordErpCodeAsync(row, delivered.ErpCode, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var updated = await FinishAsync(row, lease, set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.AcknowledgedCode, delivered.ErpCode)
            .SetProperty(m => m.LastError, (string?)null), now, cancellationToken).ConfigureAwait(false);
        return updated ? Sent(row, delivered) : Outcome.LeaseLost;
    }

    /// <summary>
    /// The ERP accepted the account: it is now integrated under the code the ERP gave (before the row is marked sent, so a
    /// crash in between resends, and the ERP answers the same code again). A user saving the account at the same moment
    /// makes this retry on the fresh account.
    /// </summary>
    private async Task RecordErpCodeAsync(OutboxMessage row, string erpCode, CancellationToken cancellationToken)
    {
        await using var db = _database.Open(row.Tenant);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            if (row.Order is { } order)
            {
                if (!MarkSent(await db.SalesOrders.SingleOrDefaultAsync(o => o.Id == order, cancellationToken).ConfigureAwait(false), row, erpCode)
                    || (await db.SaveAsync(cancellationToken).ConfigureAwait(false)).IsSaved)
                    return;
                continue;
            }
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == row.Account, cancellationToken).ConfigureAwait(false);
            if (account is null || !account.IntegrateUnder(erpCode, row.CreatedBy, _clock))
                return;
            if ((await db.SaveAsync(cancellationToken).ConfigureAwait(false)).IsSaved)
                return;
        }
    }

    /// <summary>
    /// The ERP accepted the released order under <paramref name="erpNumber"/>: the order is sent (unless it already is, or was
    /// cancelled meanwhile); true when it changed.
    /// </summary>
    private bool MarkSent(SalesOrderRow? row, OutboxMessage message, string erpNumber)
    {
        if (row is null)
            return false;
        var order = row.ToOrder();
        if (!order.MarkSent(erpNumber, message.CreatedBy, _clock.GetCurrentInstant()).IsValid)
            return false;
        row.Write(order);
        OutboxLog.OrderSent(_logger, message.Id, order.Id.Value, message.Erp, erpNumber);
        return true;
    }

    private async Task<Outcome> RetryAsync(OutboxMessage row, string lease, Unavailable unavailable, OutboxOptions options, CancellationToken cancellationToken)
    {
        var delay = Backoff.Delay(row.Attempts, options.RetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
        if (unavailable.RetryAfter is { } asked && asked.ToTimeSpan() > delay)
            delay = asked.ToTimeSpan() < options.MaxRetryDelay ? asked.ToTimeSpan() : options.MaxRetryDelay;
        var now = _clock.GetCurrentInstant();
        var next = now + Duration.FromTimeSpan(delay);
        var error = QueuedMessage.Truncate(unavailable.Reason);
        var updated = await FinishAsync(row, lease, set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, error), now, cancellationToken).ConfigureAwait(false);
        if (!updated)
            return Outcome.LeaseLost;
        OutboxLog.Retrying(_logger, row.Id, row.Account.Value, row.Erp, row.Attempts, delay.TotalMilliseconds, unavailable.Reason);
        CrmTelemetry.OutboxRetried.Add(1, new TagList { { "crm.erp", row.Erp } });
        return Outcome.Retried;
    }

    private async Task<Outcome> ParkAsync(OutboxMessage row, string lease, string reason, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var error = QueuedMessage.Truncate(reason);
        var updated = await FinishAsync(row, lease, set => set
            .SetProperty(m => m.Status, OutboxStatus.Parked)
            .SetProperty(m => m.LastError, error), now, cancellationToken).ConfigureAwait(false);
        if (!updated)
            return Outcome.LeaseLost;
        // The reason's codes only: an ERP's message may quote the payload.
        OutboxLog.Parked(_logger, row.Id, row.Account.Value, row.Erp, row.Attempts, reason.StartsWith("Rejected: ", StringComparison.Ordinal)
            ? "rejected by the ERP" : reason);
        CrmTelemetry.OutboxParked.Add(1, new TagList { { "crm.erp", row.Erp } });
        return Outcome.Parked;
    }

    /// <summary>Gives claimed message <paramref name="row"/> back unsent: pending, due now, the claim's attempt not counted.</summary>
    private async Task<Outcome> ReleaseAsync(OutboxMessage row, string lease, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        return await FinishAsync(row, lease, set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1), now, cancellationToken).ConfigureAwait(false)
            ? Outcome.Released : Outcome.LeaseLost;
    }

    // Records the outcome and releases the lease, only while this claim still holds the message: after its lease lapsed
    // another dispatcher may have taken it over.
    private async Task<bool> FinishAsync(OutboxMessage row, string lease,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> outcome, Instant now, CancellationToken cancellationToken)
    {
        await using var db = _database.Open(row.Tenant);
        var updated = await Leases.FinishAsync(db.Outbox, row.Id, lease, outcome, now, cancellationToken).ConfigureAwait(false);
        if (!updated)
            OutboxLog.LeaseLost(_logger, row.Id);
        return updated;
    }

    /// <summary>The running totals, safe for the parallel sends of a round.</summary>
    private sealed class Tally(IProgress<OutboxDispatchReport>? progress)
    {
        private int _sent, _retried, _parked;

        public OutboxDispatchReport Report => new(Volatile.Read(ref _sent), Volatile.Read(ref _retried), Volatile.Read(ref _parked));

        public void Add(Outcome outcome)
        {
            // Acknowledged is reported as Sent once the round records it; Released counts in no total.
            if (outcome is Outcome.Acknowledged or Outcome.Released)
                return;
            _ = outcome switch
            {
                Outcome.Sent => Interlocked.Increment(ref _sent),
                Outcome.Retried => Interlocked.Increment(ref _retried),
                Outcome.Parked => Interlocked.Increment(ref _parked),
                _ => 0,
            };
            progress?.Report(Report);
        }
    }
}

/// <summary>The wait before the next attempt: exponential in the failures so far, capped, with "equal jitter" (half fixed, half random).</summary>
internal static class Backoff
{
    /// <summary>
    /// After <paramref name="failures"/> (≥ 1) failures: <c>min(max, first × 2^(failures−1))</c>, of which the upper half is
    /// scaled by <paramref name="random"/> in [0, 1): always within [half, whole] of the exponential step, so retries of
    /// many messages spread out instead of arriving together (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var step = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(step / 2 + step / 2 * random);
    }
}
