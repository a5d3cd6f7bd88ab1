using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Sdk.Hosting;

/// <summary>
/// The <c>crm</c> health check <c>AddCrm</c> registers: healthy when the database answers and has no pending migration.
/// The description never quotes the connection string.
/// </summary>
internal sealed class CrmHealthCheck(CrmDatabase database) : IHealthCheck
{
    public const string Name = "crm";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.Open(default);
            if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
                return HealthCheckResult.Unhealthy($"The {database.Provider.Name} database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"The {database.Provider.Name} database answers and is migrated.")
                : HealthCheckResult.Unhealthy($"{pending.Count} pending migration(s), first {pending[0]}: run CrmEngine.MigrateAsync.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The {database.Provider.Name} database cannot be reached ({e.GetType().Name}).");
        }
    }
}
