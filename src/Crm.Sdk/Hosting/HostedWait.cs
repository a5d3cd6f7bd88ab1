namespace Crm.Sdk.Hosting;

/// <summary>The wait between rounds of the engine's background services, on the host's <see cref="TimeProvider"/>.</summary>
internal static class HostedWait
{
    /// <summary>Waits <paramref name="interval"/>; false when the host is stopping (the service returns).</summary>
    public static async Task<bool> NextRoundAsync(TimeSpan interval, TimeProvider time, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
