using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Sqlite;

/// <summary>
/// A SQLite database file (created when missing), with pooled connections, written ahead (WAL, set when migrating) with
/// the <see cref="SqliteDurability"/> chosen.
/// </summary>
internal sealed class SqliteProvider : CrmDatabaseProvider
{
    public SqliteProvider(string path, SqliteDurability durability = SqliteDurability.Full)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DatabaseFile = Path.GetFullPath(path);
        Durability = durability;
    }

    /// <summary>How often commits wait for the disk.</summary>
    public SqliteDurability Durability { get; }

    /// <summary>The database file, as a full path.</summary>
    public string DatabaseFile { get; }

    public override string Name => "SQLite";

    /// <summary>The connection string of <paramref name="databaseFile"/> (a full path); it also names the file's connection pool.</summary>
    internal static string ConnectionStringOf(string databaseFile) => $"Data Source={databaseFile};Pooling=True";

    /// <summary><c>&lt;file&gt;.keys</c> next to the database file.</summary>
    public override string DefaultKeyRingFolder => DatabaseFile + ".keys";

    /// <summary>How long a migration waits for another process that is migrating the same file.</summary>
    internal TimeSpan MigrationLockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Migrates under <see cref="MigrationLock"/>, so a process killed while migrating does not block the next start; then
    /// turns write-ahead logging on (stored in the file): one disk flush per commit instead of several, and readers do
    /// not wait for the writer.
    /// </summary>
    protected override async Task MigrateAsync(CrmDbContext context, CancellationToken cancellationToken)
    {
        await MigrationLock.MigrateAsync(context, DatabaseFile, MigrationLockTimeout, cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
    }

    protected override Func<TenantId, CrmDbContext> CreateOpener(Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(ConnectionStringOf(DatabaseFile));
        configure(builder);
        if (Durability == SqliteDurability.Normal)
            builder.AddInterceptors(new SqliteSynchronous());
        var options = builder.Options;
        return tenant => new SqliteCrmDbContext(options, tenant);
    }
}
