using Crm.Domain.Identity;
using Npgsql;

namespace Crm.Persistence.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database of one provider: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server of <c>CRM_TEST_POSTGRES</c> (started by scripts/postgres.sh). Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CRM_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestDatabase(CrmDatabase database, Func<Task> drop) => (Database, _drop) = (database, drop);

    public CrmDatabase Database { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> Create(string provider)
    {
        var db = provider switch
        {
            TestProviders.Sqlite => Sqlite(),
            TestProviders.Postgres => await Postgres(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        await db.Database.MigrateAsync();
        return db;
    }

    public CrmDbContext Open(TenantId tenant) => Database.Open(tenant);

    public ValueTask DisposeAsync() => new(_drop());

    private static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("crm-persistence-");
        var database = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Path.Combine(folder.FullName, "crm.db")));
        return new TestDatabase(database, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = $"crm_t_{Guid.NewGuid():N}";
        await Admin(server, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new CrmDatabase(new CrmPersistenceOptions().UsePostgres(connection));
        return new TestDatabase(database, async () =>
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

/// <summary>The providers every persistence test runs on.</summary>
public static class TestProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
