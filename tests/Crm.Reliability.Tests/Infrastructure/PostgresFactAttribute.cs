using Crm.Tests.Shared;

namespace Crm.Reliability.Tests.Infrastructure;

/// <summary>A test on the PostgreSQL server of <c>CRM_TEST_POSTGRES</c>; skipped, with the reason shown, without one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ScratchDatabase.PostgresServer is null)
            Skip = $"No PostgreSQL server: {ScratchDatabase.PostgresVariable} is not set (run scripts/postgres.sh, which installs and starts one).";
    }
}
