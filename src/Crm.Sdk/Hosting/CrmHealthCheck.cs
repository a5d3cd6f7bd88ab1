using Crm.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Sdk.Hosting;

/// <summary>
/// The <c>crm</c> health check <c>AddCrm</c> registers: healthy when the database answers and has no pending migration
/// (<see cref="CrmDatabase.CheckHealthAsync"/>).
/// </summary>
internal sealed class CrmHealthCheck(CrmDatabase database) : IHealthCheck
{
    public const string Name = "crm";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await database.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.IsHealthy
            ? HealthCheckResult.Healthy(health.Description)
            : HealthCheckResult.Unhealthy(health.Description);
    }
}
