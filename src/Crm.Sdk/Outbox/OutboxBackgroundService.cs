using Crm.Sdk.Hosting;
using Crm.Sdk.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Sdk.Outbox;

/// <summary>
/// The outbox dispatchers in a generic host: a round of the ERP outbox (<see cref="OutboxDispatcher.DispatchPendingAsync"/>), then
/// one of the notification e-mails (<see cref="Notifications.NotificationDispatcher.DispatchPendingAsync"/>), every
/// <see cref="OutboxOptions.Interval"/> while <see cref="OutboxOptions.RunInBackground"/>; a failed round is logged and the
/// next one retries. Waits on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class OutboxBackgroundService(CrmEngine engine, IOptionsMonitor<CrmOptions> options, TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var outbox = options.CurrentValue.Outbox;
            if (outbox.RunInBackground)
            {
                try
                {
                    await engine.Outbox.DispatchPendingAsync(null, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    OutboxLog.RoundFailed(logger, e);
                }
                try
                {
                    await engine.Notifications.DispatchPendingAsync(null, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    NotificationLog.RoundFailed(engine.NotificationLogger, e);
                }
            }
            if (!await HostedWait.NextRoundAsync(outbox.Interval, time, stoppingToken).ConfigureAwait(false))
                return;
        }
    }
}
