using Crm.Tests.Shared;
using System.Diagnostics;
using Crm.Persistence.Sqlite;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence.Tests.Migrations;

/// <summary>Migrating a SQLite file after a process was killed while migrating, and while another one still migrates.</summary>
public sealed class SqliteMigrationLockTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-migration-lock-");

    private string File => Path.Combine(_folder.FullName, "crm.db");

    // What EF Core's SQLite history repository writes to hold its migration lock.
    private const string LockRow = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-06 05:00:00+00:00');";

    [Fact]
    public async Task A_lock_row_left_by_a_killed_migration_is_removed_with_a_warning_and_the_next_start_finishes()
    {
        await new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File)).MigrateAsync();
        Execute(LockRow);

        // EF's own migration waits for that row forever.
        await using (var plain = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File)).Open(default))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => plain.Database.MigrateAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token));

        var logs = new CapturedLogs();
        await new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File), logs).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("left by a process that stopped while migrating", StringComparison.Ordinal));
    }

    [CommandsFact("sqlite3", "flock")]
    public async Task A_start_waits_for_a_live_migrator_and_finishes_within_seconds_once_it_is_killed()
    {
        var (sqlite, flock) = (CommandsFactAttribute.Find("sqlite3")!, CommandsFactAttribute.Find("flock")!);
        await new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File)).MigrateAsync();
        CrmSqliteFiles.ReleaseConnections(File);

        // A child process takes the migration lock file, writes EF's lock row as a migration does, and stays "migrating".
        var script = Path.Combine(_folder.FullName, "lock.sql");
        await System.IO.File.WriteAllTextAsync(script, LockRow);
        using var child = Process.Start(new ProcessStartInfo(flock, [File + ".migrating", "sh", "-c",
            "\"$0\" \"$1\" < \"$2\" && echo locked && exec sleep 600", sqlite, File, script])
        {
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("locked", await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        var start = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File)).MigrateAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(start.IsCompleted);

        child.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
        await start.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task A_start_that_waits_too_long_for_another_migrator_fails_with_a_message_naming_the_lock()
    {
        await new CrmDatabase(new CrmPersistenceOptions().UseSqlite(File)).MigrateAsync();
        var provider = new SqliteProvider(File) { MigrationLockTimeout = TimeSpan.FromSeconds(1) };
        using (new FileStream(File + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() =>
                new CrmDatabase(new CrmPersistenceOptions().UseProvider(provider)).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains(File + ".migrating", error.Message, StringComparison.Ordinal);
        }
        await new CrmDatabase(new CrmPersistenceOptions().UseProvider(provider)).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }
}
