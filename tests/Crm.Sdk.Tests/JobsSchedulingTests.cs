using Crm.Domain.Accounts.ErpLink;
using Crm.Persistence.Outbox;
using Crm.Sdk.Jobs;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// The scheduled jobs: a tenant's job runs in one runner at a time (the <c>JobRuns</c> lease), a killed runner's lease is taken
/// over once it lapses, each enabled job runs once per interval, and the clean-up of the ERP outbox keeps what must stay.
/// </summary>
public sealed class JobsSchedulingTests
{
    private const string TestJob = "jobs.test";

    [Theory, SqliteData, PostgresData]
    public async Task Runners_racing_for_a_tenants_job_run_it_once(string provider)
    {
        await using var host = await Create(provider);
        var runners = Enumerable.Range(0, 6).Select(_ => host.Engine.Jobs.Twin()).ToList();
        var gate = new TaskCompletionSource();
        var ran = 0;

        var runs = runners.Select(r => Task.Run(() => r.RunLeasedAsync(host.Tenant, TestJob, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), async _ =>
        {
            Interlocked.Increment(ref ran);
            await gate.Task;
            return "success";
        }, default))).ToList();
        while (runs.Count(t => t.IsCompleted) < runners.Count - 1 && !runs.Any(t => t.IsFaulted))
            await Task.Delay(20);
        gate.SetResult();
        var outcomes = await Task.WhenAll(runs);

        Assert.Equal(1, ran);
        Assert.Equal(["success"], outcomes.Where(o => o is not null));
        await using var db = host.Open();
        var row = await db.JobRuns.AsNoTracking().SingleAsync(r => r.Job == TestJob);
        Assert.Equal(("success", null), (row.LastOutcome, row.LeaseOwner));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_killed_runners_lease_is_taken_over_once_it_lapses(string provider)
    {
        await using var host = await Create(provider);
        var jobs = host.Engine.Jobs;
        Assert.Equal("success", await jobs.RunLeasedAsync(host.Tenant, TestJob, TimeSpan.Zero, TimeSpan.FromMinutes(5), _ => Task.FromResult("success"), default));
        var now = host.Engine.Clock.GetCurrentInstant();
        await using (var db = host.Open())
            await db.JobRuns.Where(r => r.Job == TestJob).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LeaseOwner, "killed").SetProperty(r => r.LeaseUntil, now + Duration.FromMinutes(5)));

        var whileHeld = await jobs.RunLeasedAsync(host.Tenant, TestJob, TimeSpan.Zero, TimeSpan.FromMinutes(5), _ => Task.FromResult("success"), default);
        host.Time.Advance(TimeSpan.FromMinutes(6));
        var afterLapse = await jobs.RunLeasedAsync(host.Tenant, TestJob, TimeSpan.Zero, TimeSpan.FromMinutes(5), _ => Task.FromResult("taken over"), default);

        Assert.Null(whileHeld);
        Assert.Equal("taken over", afterLapse);
        await using var check = host.Open();
        var row = await check.JobRuns.AsNoTracking().SingleAsync(r => r.Job == TestJob);
        Assert.Equal(("taken over", null, host.Engine.Clock.GetCurrentInstant()), (row.LastOutcome, row.LeaseOwner, row.LastFinishedAt));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_run_killed_or_failed_is_due_again_once_its_lease_lapses_not_an_interval_after_it_started(string provider)
    {
        await using var host = await Create(provider);
        var jobs = host.Engine.Jobs;
        var daily = TimeSpan.FromDays(1);
        var lease = TimeSpan.FromMinutes(5);
        Assert.Equal("success", await jobs.RunLeasedAsync(host.Tenant, TestJob, daily, lease, _ => Task.FromResult("success"), default));
        host.Time.Advance(daily);
        var now = host.Engine.Clock.GetCurrentInstant();
        await using (var db = host.Open()) // a runner took it and was killed a minute into the run
            await db.JobRuns.Where(r => r.Job == TestJob).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LeaseOwner, "killed").SetProperty(r => r.LeaseUntil, now + Duration.FromMinutes(5))
                .SetProperty(r => r.LastStartedAt, now));

        var whileHeld = await jobs.RunLeasedAsync(host.Tenant, TestJob, daily, lease, _ => Task.FromResult("success"), default);
        host.Time.Advance(TimeSpan.FromMinutes(6));
        var afterKill = await jobs.RunLeasedAsync(host.Tenant, TestJob, daily, lease, _ => throw new InvalidOperationException("ERP exploded"), default);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var afterFailure = await jobs.RunLeasedAsync(host.Tenant, TestJob, daily, lease, _ => Task.FromResult("success"), default);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var afterSuccess = await jobs.RunLeasedAsync(host.Tenant, TestJob, daily, lease, _ => Task.FromResult("success"), default);

        Assert.Null(whileHeld);
        Assert.Equal(("failed", "success"), (afterKill, afterFailure));
        Assert.Null(afterSuccess); // a run that ended well waits its interval
    }

    [Theory, SqliteData, PostgresData]
    public async Task Each_enabled_job_runs_once_per_interval_for_each_tenant(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, configure: s =>
            s.Configure<CrmOptions>(o => (o.Jobs.ErpStandingPullInterval, o.Jobs.ErpSituationInterval) = (TimeSpan.FromHours(1), TimeSpan.FromDays(1))));
        var host = outbox.Host;
        var id = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(40))).Id;
        Assert.Equal(1, (await outbox.Engine.Outbox.DispatchPendingAsync()).Sent);
        var code = Assert.IsType<IntegratedWithErp>(Ok(await host.As(host.Usuario).Accounts.GetAsync(id)).Account.Integration.Value).ErpCode;
        outbox.Server.Protheus.SetCredit(code, 900m, null, 0m, 0m);
        var sends = outbox.Server.Requests.Count;

        var first = await host.Engine.Jobs.RunDueAsync();
        var again = await host.Engine.Jobs.RunDueAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        var hourLater = await host.Engine.Jobs.RunDueAsync();

        Assert.Equal([new JobRan(host.Tenant, "jobs.pull_erp_standings", "success"), new JobRan(host.Tenant, "jobs.recompute_erp_situations", "success")], first);
        Assert.Empty(again);
        Assert.Equal([new JobRan(host.Tenant, "jobs.pull_erp_standings", "success")], hourLater);
        Assert.Equal(4, outbox.Server.Requests.Count - sends); // two pulls, each reading the customer and its credit
        await using var check = host.Open();
        var stored = await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal((900m, ErpSituation.Active), (stored.ErpStanding!.CreditLimit, stored.ErpSituation));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_scheduled_master_data_load_runs_once_per_interval_for_the_tenants_erp(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, configure: s => s.Configure<CrmOptions>(o => o.Jobs.ErpMasterDataInterval = TimeSpan.FromDays(1)),
            erp: new Crm.Adapters.Testing.Fakes.FakeProtheus(sellers: ["000001", "000002"], carriers: [1], conditions: ["001"], priceTables: ["T01"]));
        var host = outbox.Host;

        var first = await host.Engine.Jobs.RunDueAsync();
        var again = await host.Engine.Jobs.RunDueAsync();
        host.Time.Advance(TimeSpan.FromDays(1));
        var dayLater = await host.Engine.Jobs.RunDueAsync();

        Assert.Equal([new JobRan(host.Tenant, "jobs.load_erp_master_data", "success")], first);
        Assert.Empty(again);
        Assert.Equal([new JobRan(host.Tenant, "jobs.load_erp_master_data", "success")], dayLater);
        await using var check = host.Open();
        Assert.Equal(5, await check.ErpMasterData.CountAsync());
        Assert.Equal(["jobs.load_erp_master_data", "jobs.load_erp_master_data:protheus"],
            await check.JobRuns.AsNoTracking().Where(r => r.LastOutcome == "success").OrderBy(r => r.Job).Select(r => r.Job).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_clean_up_deletes_old_delivered_erp_messages_but_never_parked_ones_nor_an_accounts_last(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);
        var a = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(41)));
        Ok(await session.Accounts.UpdateAsync(a.Id, a.Version, OutboxHost.Eligible(41, outbox.Host.Usuario) with { TradeName = "Segunda" }));
        var b = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(42)));
        Ok(await session.Accounts.UpdateAsync(b.Id, b.Version, OutboxHost.Eligible(42, outbox.Host.Usuario) with { TradeName = "Segunda" }));
        Assert.Equal(4, (await outbox.Engine.Outbox.DispatchPendingAsync()).Sent);
        await using (var db = outbox.Host.Open())
            await db.Outbox.Where(m => m.Account == b.Id && m.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Parked));
        outbox.Host.Time.Advance(TimeSpan.FromDays(31));

        var deleted = Ok(await outbox.Engine.Jobs.DeleteSentMessagesAsync(outbox.Host.Tenant, TimeSpan.FromDays(30)));

        Assert.Equal(new SentMessagesDeleted(1, 0), deleted);
        Assert.Equal([(a.Id, 2L, OutboxStatus.Sent), (b.Id, 1L, OutboxStatus.Parked), (b.Id, 2L, OutboxStatus.Sent)],
            (await outbox.MessagesAsync()).Select(m => (m.Account, m.Sequence, m.Status)).OrderBy(m => m.Account == a.Id ? 0 : 1).ThenBy(m => m.Sequence));
        Assert.Contains(outbox.Host.Logs.Lines, l => l.Event.Id == 1308);
    }
}
