using Npgsql;

namespace Crm.Tests.Shared;

/// <summary>
/// Where one test's database lives, with the drop that deletes it: a SQLite file in a new temp folder, or a new database
/// on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c> (started by scripts/postgres.sh). Linked into every test project
/// that needs a real database, so creating and dropping one is written once.
/// </summary>
internal static class ScratchDatabase
{
    public const string PostgresVariable = "CRM_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when no server was started (the PostgreSQL cases then skip).</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>A SQLite file path in a new temp folder named after <paramref name="prefix"/>.</summary>
    public static (string File, Func<Task> Drop) Sqlite(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        return (Path.Combine(folder.FullName, "crm.db"), () =>
        {
            SqliteFolders.Delete(folder);
            return Task.CompletedTask;
        });
    }

    /// <summary>The connection string of a new PostgreSQL database whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> Postgres(string prefix)
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = $"{prefix}{Guid.NewGuid():N}";
        await Admin(server, $"CREATE DATABASE {name}");
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // A server background process (autovacuum) still attached and the role cannot end it: a plain drop waits it out.
                await Admin(server, $"DROP DATABASE IF EXISTS {name}");
            }
        });
    }

    private static async Task Admin(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
