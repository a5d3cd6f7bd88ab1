using Crm.Persistence.Outbox;
using Crm.Sdk.Outbox;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>The outbox's options are bound and validated, and the hosted dispatcher reads them.</summary>
public sealed class OutboxHostingTests
{
    [Fact]
    public async Task The_hosted_dispatcher_sends_when_started_and_again_each_interval_of_the_hosts_clock()
    {
        var clock = new WaitingClock(TimeSpan.FromMinutes(1));
        await using var outbox = await OutboxHost.Create(TestProviders.Sqlite, o => o.Interval = TimeSpan.FromMinutes(1), configure: clock.Install);
        var session = outbox.Host.As(outbox.Host.Usuario);
        Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(30)));
        var service = outbox.Host.Provider.GetServices<IHostedService>().OfType<OutboxBackgroundService>().Single();

        await service.StartAsync(CancellationToken.None);
        var first = await SettledAsync(outbox, 1);
        // A round keeps claiming until nothing is due: the second message is written once the first round is over and the
        // service waits on the host's clock (else that round may take it, or the clock may move before the wait starts).
        await clock.WaitingAsync(1);
        Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(31)));
        var waiting = await outbox.MessagesAsync();
        outbox.Host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await SettledAsync(outbox, 2);
        await service.StopAsync(CancellationToken.None);

        Assert.True(first, "the first round runs at start");
        Assert.Single(waiting, m => m.Status == OutboxStatus.Pending);
        Assert.True(second, "the next round runs an interval later, on the host's TimeProvider");
    }

    [Fact]
    public async Task The_hosted_scheduler_runs_due_jobs_when_started_and_again_each_poll_interval()
    {
        var clock = new WaitingClock(TimeSpan.FromMinutes(1));
        await using var outbox = await OutboxHost.Create(TestProviders.Sqlite, configure: s =>
        {
            s.Configure<CrmOptions>(o => (o.Jobs.ErpSituationInterval, o.Jobs.PollInterval) = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
            clock.Install(s);
        });
        var service = outbox.Host.Provider.GetServices<IHostedService>().OfType<Crm.Sdk.Jobs.JobsBackgroundService>().Single();

        await service.StartAsync(CancellationToken.None);
        await clock.WaitingAsync(1);
        var first = await RecomputeRunAsync(outbox.Host);
        outbox.Host.Time.Advance(TimeSpan.FromMinutes(1));
        await clock.WaitingAsync(2);
        var second = await RecomputeRunAsync(outbox.Host);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal("success", first.LastOutcome);
        Assert.Equal(first.LastStartedAt + NodaTime.Duration.FromMinutes(1), second.LastStartedAt);
    }

    private static async Task<Crm.Persistence.Jobs.JobRun> RecomputeRunAsync(TestHost host)
    {
        await using var db = host.Open();
        return await db.JobRuns.AsNoTracking().SingleAsync(r => r.Job == "jobs.recompute_erp_situations");
    }

    [Fact]
    public async Task With_run_in_background_off_the_hosted_dispatcher_sends_nothing()
    {
        var clock = new WaitingClock(TimeSpan.FromMinutes(1));
        await using var outbox = await OutboxHost.Create(TestProviders.Sqlite, o => (o.RunInBackground, o.Interval) = (false, TimeSpan.FromMinutes(1)),
            configure: clock.Install);
        Ok(await outbox.Host.As(outbox.Host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(32)));
        var service = outbox.Host.Provider.GetServices<IHostedService>().OfType<OutboxBackgroundService>().Single();

        await service.StartAsync(CancellationToken.None);
        await clock.WaitingAsync(1); // the service passed its (skipped) round and waits for the next
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Pending, Assert.Single(await outbox.MessagesAsync()).Status);
        Assert.Empty(outbox.Server.Requests);
    }

    [Fact]
    public void Outbox_options_bind_from_configuration_and_every_bad_value_is_listed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-{Guid.NewGuid():N}.db");
        using var good = Provider(file, ("MaxAttempts", "3"), ("Lease", "00:05:00"), ("Concurrency", "8"));
        using var bad = Provider(file, ("BatchSize", "0"), ("Concurrency", "100"), ("MaxRetryDelay", "00:00:01"));

        var options = good.GetRequiredService<IOptions<CrmOptions>>().Value.Outbox;
        var failure = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<CrmEngine>());

        Assert.Equal((3, TimeSpan.FromMinutes(5), 8), (options.MaxAttempts, options.Lease, options.Concurrency));
        Assert.Equal(options.MaxAttempts, good.GetRequiredService<IOptionsMonitor<CrmOptions>>().CurrentValue.Outbox.MaxAttempts);
        Assert.Contains("Outbox:BatchSize", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Outbox:Concurrency", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Outbox:MaxRetryDelay", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(string file, params (string Key, string Value)[] outbox)
    {
        var values = outbox.ToDictionary(o => $"Crm:Outbox:{o.Key}", o => (string?)o.Value);
        values["Crm:Database:Sqlite"] = file;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddCrm(configuration.GetSection("Crm")).BuildServiceProvider();
    }

    /// <summary>
    /// The host's fake clock, counting the waits of one length started on it (the background service's interval), so a
    /// test waits for the service to be waiting instead of sleeping a guessed time.
    /// </summary>
    private sealed class WaitingClock(TimeSpan interval)
    {
        private readonly TimeSpan _interval = interval;
        private FakeTimeProvider _fake = null!;
        private int _waits;

        public void Install(IServiceCollection services)
        {
            _fake = (FakeTimeProvider)services.Last(d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance!;
            services.AddSingleton<TimeProvider>(new Counting(this));
        }

        public async Task WaitingAsync(int waits)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (Volatile.Read(ref _waits) < waits)
                await Task.Delay(10, timeout.Token);
        }

        private sealed class Counting(WaitingClock clock) : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => clock._fake.GetUtcNow();

            public override TimeZoneInfo LocalTimeZone => clock._fake.LocalTimeZone;

            public override long TimestampFrequency => clock._fake.TimestampFrequency;

            public override long GetTimestamp() => clock._fake.GetTimestamp();

            public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            {
                var timer = clock._fake.CreateTimer(callback, state, dueTime, period);
                if (dueTime == clock._interval)
                    Interlocked.Increment(ref clock._waits);
                return timer;
            }
        }
    }

    private static async Task<bool> SettledAsync(OutboxHost outbox, int sent)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if ((await outbox.MessagesAsync()).Count(m => m.Status == OutboxStatus.Sent) == sent)
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}
