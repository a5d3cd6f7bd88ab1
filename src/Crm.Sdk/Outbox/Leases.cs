using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NodaTime;

namespace Crm.Sdk.Outbox;

/// <summary>
/// How a dispatcher takes outbox rows and gives them back, for every outbox table (<see cref="QueuedMessage"/>): a claim is a
/// conditional UPDATE that re-checks each row, so of two dispatchers claiming the same row one gets it; an outcome is recorded
/// only while the claim still holds the row.
/// </summary>
internal static class Leases
{
    /// <summary>
    /// True when <paramref name="row"/> waited in its round until less than half of its <paramref name="lease"/> is left at
    /// <paramref name="now"/>: the lease runs from the claim, so it goes back unsent, or another dispatcher could take it over
    /// (the lease lapsing) while this send is still in flight.
    /// </summary>
    public static bool LateInRound(QueuedMessage row, TimeSpan lease, Instant now) =>
        row.LeaseExpiresAt is { } expires && now > expires - Duration.FromTimeSpan(lease / 2);

    /// <summary>
    /// Claims up to <paramref name="batch"/> rows of <paramref name="candidates"/> due at <paramref name="now"/> (pending and due,
    /// or held by a lease that lapsed) for <paramref name="lease"/> until <paramref name="expires"/>, counting an attempt. Null
    /// when none was due; empty when another dispatcher took them first (select again).
    /// </summary>
    public static async Task<List<T>?> ClaimAsync<T>(IQueryable<T> all, IQueryable<T> candidates, int batch, string lease, Instant now,
        Instant expires, CancellationToken cancellationToken) where T : QueuedMessage
    {
        var due = await Due(candidates, now).OrderBy(m => m.NextAttemptAt).Take(batch).Select(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
            return null;
        await Due(all.Where(m => due.Contains(m.Id)), now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, lease)
                .SetProperty(m => m.LeaseExpiresAt, expires)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        return await Held(all.AsNoTracking(), lease)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records <paramref name="outcome"/> on row <paramref name="id"/> and releases its lease, only while <paramref name="lease"/>
    /// still holds it (after the lease lapsed another dispatcher may have taken it over); false when it no longer did.
    /// </summary>
    public static async Task<bool> FinishAsync<T>(IQueryable<T> rows, Guid id, string lease, Action<UpdateSettersBuilder<T>> outcome, Instant now,
        CancellationToken cancellationToken) where T : QueuedMessage =>
        await Held(rows.Where(m => m.Id == id), lease)
            .ExecuteUpdateAsync(set =>
            {
                outcome(set);
                set.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresAt, (Instant?)null).SetProperty(m => m.UpdatedAt, now);
            }, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>The rows of <paramref name="rows"/> that <paramref name="lease"/> still holds.</summary>
    public static IQueryable<T> Held<T>(IQueryable<T> rows, string lease) where T : QueuedMessage =>
        rows.Where(m => m.LeaseOwner == lease && m.Status == OutboxStatus.Sending);

    /// <summary>Releases tracked row <paramref name="row"/>'s lease at <paramref name="now"/>, as <see cref="FinishAsync{T}"/> does in SQL.</summary>
    public static void Release(QueuedMessage row, Instant now) => (row.LeaseOwner, row.LeaseExpiresAt, row.UpdatedAt) = (null, null, now);

    private static IQueryable<T> Due<T>(IQueryable<T> rows, Instant now) where T : QueuedMessage =>
        rows.Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseExpiresAt < now));
}
