using Crm.Sdk.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Sdk.Jobs;

/// <summary>
/// The scheduled jobs in a generic host: a round of <see cref="JobsModule.RunDueAsync"/> every <see cref="JobsOptions.PollInterval"/>
/// while <see cref="JobsOptions.RunInBackground"/> (it does nothing while no job is enabled); a failed round is logged and the
/// next one retries. Waits on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class JobsBackgroundService(CrmEngine engine, IOptionsMonitor<CrmOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var jobs = options.CurrentValue.Jobs;
            if (jobs.RunInBackground)
            {
                try
                {
                    await engine.Jobs.RunDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    JobsLog.RoundFailed(engine.JobsLogger, e);
                }
            }
            if (!await HostedWait.NextRoundAsync(jobs.PollInterval, time, stoppingToken).ConfigureAwait(false))
                return;
        }
    }
}
