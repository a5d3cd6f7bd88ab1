using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Indicators;

/// <summary>
/// One read snapshot for a group's queries, so that the scope's check of which companies the records name
/// (<see cref="Reach"/>) and the figures read after it see the same rows: a record moved to another company in between
/// can never be counted without its predicate.
/// <list type="bullet">
/// <item>PostgreSQL, no transaction open by the caller: a read-only REPEATABLE READ transaction, with JIT compilation
/// off — it spends 100+ ms compiling each of these short aggregates — and 64 MB of <c>work_mem</c>, so the hash joins
/// and groupings of 10⁶ rows stay in memory (the server default, 4 MB, spills them to disk); both end with it.</item>
/// <item>SQLite, no transaction open: a deferred transaction (<c>BEGIN</c>), which reads one snapshot from its first
/// read on and takes no write lock.</item>
/// <item>A transaction of the caller's: used as it is. On SQLite it is one snapshot already; on PostgreSQL its isolation
/// is unknown, so <see cref="Consistent"/> is false and the scope keeps its predicates.</item>
/// </list>
/// </summary>
internal sealed class Snapshot : IAsyncDisposable
{
    private readonly Func<Task>? _end;

    private Snapshot(bool consistent, Func<Task>? end) => (Consistent, _end) = (consistent, end);

    /// <summary>Whether every query of the group reads the same snapshot.</summary>
    public bool Consistent { get; }

    public static async Task<Snapshot> BeginAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var postgres = Sql.Of(db).Postgres;
        if (db.Database.CurrentTransaction is not null)
            return new Snapshot(!postgres, null);
        if (postgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'", cancellationToken)
                    .ConfigureAwait(false);
            }
            catch
            {
                // Never leave the caller's context inside a transaction it did not open (a cancellation is enough).
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            return new Snapshot(true, () => transaction.DisposeAsync().AsTask());
        }
        // EF's own BeginTransaction would say BEGIN IMMEDIATE, which takes the write lock for the whole group.
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync("BEGIN DEFERRED", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            throw;
        }
        return new Snapshot(true, async () =>
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("COMMIT").ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_end is not null)
            await _end().ConfigureAwait(false);
    }
}
