using Crm.Tests.Shared;
using System.Reflection;
using Xunit.Sdk;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>Runs the theory on a SQLite file.</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProviders.Sqlite]];
}

/// <summary>
/// Runs the theory on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c>; skipped, with the reason shown, when
/// scripts/postgres.sh could not start one.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (ScratchDatabase.PostgresServer is null)
            Skip = $"No PostgreSQL server: {ScratchDatabase.PostgresVariable} is not set (run scripts/postgres.sh, which installs and starts one).";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProviders.Postgres]];
}

/// <summary>The providers every engine test runs on.</summary>
public static class TestProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
