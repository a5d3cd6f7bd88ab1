namespace Crm.Persistence;

/// <summary>What <see cref="CrmDatabase.CheckHealthAsync"/> found.</summary>
/// <param name="Reachable">Whether the database answered (for SQLite: the file exists and opens).</param>
/// <param name="PendingMigrations">The migrations not applied yet; empty when unreachable.</param>
/// <param name="Description">One line for a health report: what is wrong, or that all is well.</param>
public sealed record CrmDatabaseHealth(bool Reachable, IReadOnlyList<string> PendingMigrations, string Description)
{
    /// <summary>True when the database is reachable and fully migrated.</summary>
    public bool IsHealthy => Reachable && PendingMigrations.Count == 0;
}
