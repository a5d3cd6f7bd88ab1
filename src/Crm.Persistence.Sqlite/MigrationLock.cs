using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence.Sqlite;

/// <summary>
/// Makes migrating a SQLite file safe when a process is killed at any instant. EF Core guards a migration with a row in
/// <c>__EFMigrationsLock</c>, which a killed process leaves behind, and every later migration then waits for it forever.
/// Here the migrating process first holds an exclusive lock on the file <c>&lt;database&gt;.migrating</c> next to the
/// database; the operating system releases that lock when the process ends, however it ends. Whoever holds it is the only
/// migrator of this package, so a lock row it finds is stale and is removed (with a warning) before EF migrates. The lock
/// file stays (empty): deleting it would let a waiting process lock a file that is no longer the one others open.
/// </summary>
internal static class MigrationLock
{
    private const string LockTable = "__EFMigrationsLock";

    public static async Task MigrateAsync(CrmDbContext context, string databaseFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var held = await AcquireAsync(databaseFile + ".migrating", timeout, cancellationToken).ConfigureAwait(false);
        if (await HasStaleRowAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await context.Database.ExecuteSqlRawAsync($"DELETE FROM \"{LockTable}\"", cancellationToken).ConfigureAwait(false);
            context.GetService<ILoggerFactory>().CreateLogger(typeof(MigrationLock).FullName!).LogWarning(
                "Removed the migration lock of {Database} left by a process that stopped while migrating", databaseFile);
        }
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lock file held exclusively, waiting up to <paramref name="timeout"/> for a live migrator to finish.</summary>
    private static async Task<FileStream> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another process has been migrating the database for more than {timeout.TotalSeconds:0} s " +
                    $"(it holds {path}). Let it finish, or stop it, and start again.", e);
            }
        }
    }

    private static async Task<bool> HasStaleRowAsync(CrmDbContext context, CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<int>(
                $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'")
            .SingleAsync(cancellationToken).ConfigureAwait(false) > 0
        && await context.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{LockTable}\"")
            .SingleAsync(cancellationToken).ConfigureAwait(false) > 0;
}
