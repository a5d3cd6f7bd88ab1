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
}
