using Npgsql;

namespace Crm.Benchmarks.Engine;

/// <summary>The PostgreSQL server of <c>CRM_TEST_POSTGRES</c> (scripts/postgres.sh) for the benchmarks: connections and admin statements.</summary>
internal static class BenchPostgres
{
    /// <summary>The server's connection string.</summary>
    public static string Server => Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (source scripts/postgres.sh) to benchmark PostgreSQL.");

    /// <summary>A connection string to <paramref name="database"/> on the server.</summary>
    public static string Connection(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> on the server's own database and returns its first value.</summary>
    public static async Task<object?> AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Ends the client connections still open to <paramref name="database"/> (pooled ones of a disposed engine), so it can be
    /// copied or renamed. Only client backends: an autovacuum worker (a superuser process this role may not end) is
    /// cancelled by the server itself when the database is copied.
    /// </summary>
    public static Task EndConnectionsAsync(string database) =>
        AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
}
