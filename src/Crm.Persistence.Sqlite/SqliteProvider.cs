using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Sqlite;

/// <summary>A SQLite database file (created when missing), with pooled connections.</summary>
internal sealed class SqliteProvider : CrmDatabaseProvider
{
    public SqliteProvider(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DatabaseFile = Path.GetFullPath(path);
    }

    /// <summary>The database file, as a full path.</summary>
    public string DatabaseFile { get; }

    public override string Name => "SQLite";

    /// <summary><c>&lt;file&gt;.keys</c> next to the database file.</summary>
    public override string DefaultKeyRingFolder => DatabaseFile + ".keys";

    /// <summary>How long a migration waits for another process that is migrating the same file.</summary>
    internal TimeSpan MigrationLockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Migrates under <see cref="MigrationLock"/>, so a process killed while migrating does not block the next start.</summary>
    protected override Task MigrateAsync(CrmDbContext context, CancellationToken cancellationToken) =>
        MigrationLock.MigrateAsync(context, DatabaseFile, MigrationLockTimeout, cancellationToken);

    protected override Func<TenantId, CrmDbContext> CreateOpener(Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={DatabaseFile};Pooling=True");
        configure(builder);
        var options = builder.Options;
        return tenant => new SqliteCrmDbContext(options, tenant);
    }
}
