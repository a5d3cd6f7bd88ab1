using Crm.Tests.Shared;
using System.Reflection;
using Xunit.Sdk;

namespace Crm.Persistence.Tests.Infrastructure;

/// <summary>Runs the theory on a SQLite file.</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProviders.Sqlite]];
}

/// <summary>
/// Runs the theory on the real PostgreSQL server of <c>CRM_TEST_POSTGRES</c>; skipped, with the reason shown in the
/// test output, when scripts/postgres.sh could not start one.
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

/// <summary>A fact that needs some commands on the PATH; skipped, with the reason shown, when one is missing.</summary>
public sealed class CommandsFactAttribute : FactAttribute
{
    public CommandsFactAttribute(params string[] commands)
    {
        if (commands.FirstOrDefault(c => Find(c) is null) is { } missing)
            Skip = $"The command {missing} is not on the PATH.";
    }

    /// <summary>The full path of <paramref name="command"/> on the PATH, or null.</summary>
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, command)).FirstOrDefault(File.Exists);
}
