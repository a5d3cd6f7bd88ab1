using Crm.Domain.Identity;
using Crm.Tests.Shared;

namespace Crm.Persistence.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database of one provider: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server of <c>CRM_TEST_POSTGRES</c> (started by scripts/postgres.sh). Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(CrmDatabase database, Func<Task> drop) => (Database, _drop) = (database, drop);

    public CrmDatabase Database { get; }

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
        var (file, drop) = ScratchDatabase.Sqlite("crm-persistence-");
        return new TestDatabase(new CrmDatabase(new CrmPersistenceOptions().UseSqlite(file)), drop);
    }

    private static async Task<TestDatabase> Postgres()
    {
        var (connection, drop) = await ScratchDatabase.Postgres("crm_t_");
        return new TestDatabase(new CrmDatabase(new CrmPersistenceOptions().UsePostgres(connection)), drop);
    }
}

/// <summary>The providers every persistence test runs on.</summary>
public static class TestProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
