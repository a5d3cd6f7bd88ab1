using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Accounts.Configuration;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Persistence.Outbox;
using Crm.Persistence.Settings;
using Crm.Sdk.Outbox;
using Crm.Sdk.Tests.Infrastructure;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// The ERP outbox end to end: the message is written with the change or not at all, only for eligible accounts, and the
/// dispatcher delivers it over real loopback HTTP to a fake Protheus, retrying, parking and keeping each account's order.
/// </summary>
public sealed class OutboxTests
{
    [Theory, SqliteData, PostgresData]
    public async Task An_eligible_registration_writes_its_message_with_it_and_a_refused_one_writes_none(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);

        var saved = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(1)));
        var duplicate = await session.Accounts.RegisterAsync(OutboxHost.Eligible(1) with { ShortName = "OUTRO1" });
        var conflict = await session.Accounts.UpdateAsync(saved.Id, saved.Version + 5, OutboxHost.Eligible(1, outbox.Host.Usuario) with { TradeName = "Outro" });

        var message = Assert.Single(await outbox.MessagesAsync());
        Assert.IsType<Duplicate>(duplicate.Value);
        Assert.IsType<Crm.Persistence.Concurrency.Conflict>(conflict.Value);
        Assert.Equal((saved.Id, 1L, "protheus", "customerVendor", ErpOperation.Create, OutboxStatus.Pending, outbox.Host.Usuario),
            (message.Account, message.Sequence, message.Erp, message.Resource, message.Operation, message.Status, message.CreatedBy));
        Assert.True(IdempotencyKey.TryParse(message.IdempotencyKey, out _));
        Assert.Contains("Comercial Exemplo 1 Ltda", message.Payload, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_update_that_changes_nothing_writes_no_message_and_one_that_changes_the_account_does(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);
        var saved = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(2)));

        var same = Ok(await session.Accounts.UpdateAsync(saved.Id, saved.Version, OutboxHost.Eligible(2, outbox.Host.Usuario)));
        var afterSame = (await outbox.MessagesAsync()).Count;
        Ok(await session.Accounts.UpdateAsync(saved.Id, same.Version, OutboxHost.Eligible(2, outbox.Host.Usuario) with { TradeName = "Mudou" }));

        Assert.Equal(1, afterSame);
        Assert.Equal([1L, 2L], (await outbox.MessagesAsync()).Select(m => m.Sequence).Order());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Ineligible_accounts_tenants_without_an_erp_and_gp_accounts_not_from_gp_write_nothing(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);

        Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(2) with { ClientType = "CF" })); // a prospect type: not integrating
        Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(3) with { Emails = [new("compras.de.materiais.3@exemplo.com.br")] })); // Protheus's A1_EMAIL has 30
        Ok(await outbox.Host.As(outbox.Host.Diretor).Settings.SaveIntegrationAsync(new IntegrationSettings(IntegrationSystem.Gp)));
        Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(4))); // under GP: not an account that came from GP
        await using var plain = await Create(provider);
        Ok(await plain.As(plain.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(5))); // the tenant integrates with no ERP

        Assert.Empty(await outbox.MessagesAsync());
        await using var db = plain.Open();
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Dispatch_delivers_over_http_records_the_erp_code_and_the_next_change_is_an_update(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);
        var saved = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(6)));

        var first = await outbox.Engine.Outbox.DispatchPendingAsync();
        var account = Ok(await session.Accounts.GetAsync(saved.Id));
        Ok(await session.Accounts.UpdateAsync(saved.Id, account.Version, OutboxHost.Eligible(6, outbox.Host.Usuario) with { TradeName = "Exemplo Novo" }));
        var second = await outbox.Engine.Outbox.DispatchPendingAsync();

        var messages = await outbox.MessagesAsync();
        Assert.Equal((1, 0, 0), (first.Sent, first.Retried, first.Parked));
        Assert.Equal(1, second.Sent);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var code = Assert.IsType<IntegratedWithErp>(account.Account.Integration.Value).ErpCode;
        Assert.Equal(code, messages[0].AcknowledgedCode);
        Assert.Equal((ErpOperation.Update, code), (messages[1].Operation, messages[1].ErpCode));
        Assert.Equal(["POST", "PUT"], outbox.Server.Requests.Select(r => r.Method));
        Assert.Equal(messages.Select(m => m.IdempotencyKey), outbox.Server.Erp.EffectsOf(saved.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_failed_send_is_retried_after_its_back_off_then_delivered(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, o => o.RetryDelay = TimeSpan.FromSeconds(10));
        Ok(await outbox.Host.As(outbox.Host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(7)));
        outbox.Server.Inject(FakeFault.Status500, FakeFault.Drop); // the transport's attempt and its own retry

        var failed = await outbox.Engine.Outbox.DispatchPendingAsync();
        var waiting = Assert.Single(await outbox.MessagesAsync());
        var early = await outbox.Engine.Outbox.DispatchPendingAsync(); // its back-off has not passed
        outbox.Host.Time.Advance(TimeSpan.FromSeconds(10));
        var delivered = await outbox.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal((0, 1, 0), (failed.Sent, failed.Retried, failed.Parked));
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("connection", waiting.LastError, StringComparison.Ordinal);
        Assert.InRange(waiting.NextAttemptAt - waiting.UpdatedAt, NodaTime.Duration.FromSeconds(5), NodaTime.Duration.FromSeconds(10));
        Assert.Equal(0, early.Attempts);
        Assert.Equal(1, delivered.Sent);
        var sent = Assert.Single(await outbox.MessagesAsync());
        Assert.Equal((OutboxStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_message_is_parked_after_its_attempts_and_a_diretor_can_requeue_it(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, o => (o.MaxAttempts, o.RetryDelay) = (2, TimeSpan.FromSeconds(1)));
        Ok(await outbox.Host.As(outbox.Host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(8)));
        outbox.Server.Erp.Down = true;

        await outbox.Engine.Outbox.DispatchPendingAsync();
        outbox.Host.Time.Advance(TimeSpan.FromMinutes(1));
        var parked = await outbox.Engine.Outbox.DispatchPendingAsync();
        var message = Assert.Single(Ok(await outbox.Host.As(outbox.Host.Diretor).Outbox.ListAsync(OutboxStatus.Parked, 0, 10)));
        var denied = await outbox.Host.As(outbox.Host.Usuario).Outbox.RequeueAsync(message.Id);
        outbox.Server.Erp.Down = false;
        Ok(await outbox.Host.As(outbox.Host.Diretor).Outbox.RequeueAsync(message.Id));
        var again = await outbox.Host.As(outbox.Host.Diretor).Outbox.RequeueAsync(message.Id);
        var delivered = await outbox.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal(1, parked.Parked);
        Assert.Equal(2, message.Attempts);
        Assert.Contains("503", message.LastError, StringComparison.Ordinal);
        Assert.Equal((Module.Settings, Permission.Access | Permission.Edit), (Assert.IsType<Denied>(denied.Value).Module, Assert.IsType<Denied>(denied.Value).Action));
        Assert.Equal(OutboxModule.NotParkedCode, Assert.Single(again.Problems).Code);
        Assert.Equal(1, delivered.Sent);
        Assert.Equal(new OutboxSummary(0, 0, 1, 0), Ok(await outbox.Host.As(outbox.Host.Coordenador).Outbox.SummaryAsync()));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_rejected_message_is_parked_at_once_and_blocks_the_accounts_later_messages(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Usuario);
        var saved = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(9)));
        Ok(await session.Accounts.UpdateAsync(saved.Id, saved.Version, OutboxHost.Eligible(9, outbox.Host.Usuario) with { TradeName = "Depois" }));
        await using (var db = outbox.Host.Open()) // a payload the ERP refuses: the tenant header no longer matches the body
            await db.Outbox.Where(m => m.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, m => m.Payload.Replace("\"companyId\":\"01\"", "\"companyId\":\"99\"")));

        var report = await outbox.Engine.Outbox.DispatchPendingAsync();

        var messages = await outbox.MessagesAsync();
        Assert.Equal((0, 0, 1), (report.Sent, report.Retried, report.Parked));
        Assert.Equal([OutboxStatus.Parked, OutboxStatus.Pending], messages.Select(m => m.Status));
        Assert.StartsWith("Rejected: protheus.tenant", messages[0].LastError, StringComparison.Ordinal);
        Assert.Single(outbox.Server.Requests);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_killed_dispatchers_lease_lapses_and_another_takes_the_message_over(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, o => o.Lease = TimeSpan.FromMinutes(1));
        Ok(await outbox.Host.As(outbox.Host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(10)));
        var now = outbox.Engine.Clock.GetCurrentInstant();
        await using (var db = outbox.Host.Open()) // what a dispatcher killed mid-send leaves behind
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseOwner, "killed/1")
                .SetProperty(m => m.LeaseExpiresAt, now + NodaTime.Duration.FromMinutes(1)).SetProperty(m => m.Attempts, 1));

        var held = await outbox.Engine.Outbox.DispatchPendingAsync();
        outbox.Host.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var taken = await outbox.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal(0, held.Attempts);
        Assert.Equal(1, taken.Sent);
        var message = Assert.Single(await outbox.MessagesAsync());
        Assert.Equal((OutboxStatus.Sent, 2, null), (message.Status, message.Attempts, message.LeaseOwner));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_duplicate_delivery_is_absorbed_by_the_idempotency_key(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var saved = Ok(await outbox.Host.As(outbox.Host.Usuario).Accounts.RegisterAsync(OutboxHost.Eligible(11)));
        outbox.Server.Inject(FakeFault.ApplyThenDrop); // applied, the answer lost: the transport sends again

        var report = await outbox.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal(1, report.Sent);
        Assert.Equal((1, 1), (outbox.Server.Erp.Applied, outbox.Server.Erp.Duplicates));
        Assert.Single(outbox.Server.Erp.EffectsOf(saved.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_lead_converted_into_an_eligible_account_writes_its_message(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Coordenador);
        var lead = Ok(await session.Leads.RegisterAsync(OutboxHost.Eligible(12)));

        var converted = Ok(await session.Leads.ConvertAsync(lead.Id));

        var message = Assert.Single(await outbox.MessagesAsync());
        Assert.Equal(converted.Account, message.Account);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_stage_automation_that_makes_the_account_integrate_writes_its_message(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var diretor = outbox.Host.As(outbox.Host.Diretor);
        var (revenda, cliente, prospect) = (MasterDataCode.Of("REV"), MasterDataCode.Of("CLI"), MasterDataCode.Of("PRO"));
        Ok(await diretor.Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")],
            [new AccountType(cliente, "Cliente", IntegratesWithErp: true), new AccountType(prospect, "Prospect", IntegratesWithErp: false)],
            [(revenda, cliente), (revenda, prospect)])));
        Ok(await diretor.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(prospect, cliente)));
        var session = outbox.Host.As(outbox.Host.Usuario);
        var pipeline = Assert.Single(Ok(await session.Funnel.PipelinesAsync()));
        var account = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(40) with { AccountType = "PRO" }));
        var opened = Ok(await session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda de 10 roteadores", account.Id, outbox.Host.Usuario)));
        var before = await outbox.MessagesAsync();

        var won = Ok(await session.Funnel.WinAsync(opened.Id, opened.Version));

        Assert.Empty(before);
        Assert.Equal(cliente, won.AccountPromotedTo);
        Assert.Equal(account.Id, Assert.Single(await outbox.MessagesAsync()).Account);
    }

    [Theory, PostgresData]
    public async Task Two_dispatchers_on_postgresql_never_send_the_same_message(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, o => (o.BatchSize, o.Concurrency) = (10, 4));
        var session = outbox.Host.As(outbox.Host.Usuario);
        for (var i = 0; i < 120; i++)
            Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(100 + i)));
        var other = outbox.Engine.Outbox.Twin();
        // Every answer takes 50 ms, so one dispatcher cannot drain the outbox before the other has started claiming.
        outbox.Server.SlowAnswer = TimeSpan.FromMilliseconds(50);
        outbox.Server.InjectRandomly(1, seed: 1, FakeFault.Slow);

        var reports = await Task.WhenAll(Task.Run(() => outbox.Engine.Outbox.DispatchPendingAsync()), Task.Run(() => other.DispatchPendingAsync()));

        Assert.Equal(120, reports.Sum(r => r.Sent));
        Assert.All(reports, r => Assert.True(r.Sent > 0, "both dispatchers took part"));
        var keys = outbox.Server.Requests.Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(120, keys.Count);
        Assert.Equal(120, keys.Distinct().Count());
        Assert.Equal(0, outbox.Server.Erp.Duplicates);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_thousand_messages_through_thirty_percent_faults_arrive_once_each_in_account_order(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, o =>
            (o.MaxAttempts, o.RetryDelay, o.MaxRetryDelay, o.Concurrency, o.BatchSize) = (100, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), 8, 200),
            realTime: true);
        var session = outbox.Host.As(outbox.Host.Usuario);
        var accounts = new List<AccountId>();
        for (var i = 0; i < 500; i++) // a registration and an update each: 1,000 messages, two per account
        {
            var saved = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(1000 + i)));
            Ok(await session.Accounts.UpdateAsync(saved.Id, saved.Version, OutboxHost.Eligible(1000 + i, outbox.Host.Usuario) with { TradeName = $"Alterado {i}" }));
            accounts.Add(saved.Id);
        }
        outbox.Server.InjectRandomly(0.3, seed: 13);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        OutboxSummary summary;
        do
        {
            await outbox.Engine.Outbox.DispatchPendingAsync();
            summary = Ok(await outbox.Host.As(outbox.Host.Diretor).Outbox.SummaryAsync());
            if (summary.Pending > 0)
                await Task.Delay(20);
        }
        while (summary.Pending + summary.Sending > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(new OutboxSummary(0, 0, 1000, 0), summary);
        var messages = await outbox.MessagesAsync();
        Assert.Equal(1000, outbox.Server.Erp.Applied);
        foreach (var account in accounts)
            Assert.Equal(messages.Where(m => m.Account == account).OrderBy(m => m.Sequence).Select(m => m.IdempotencyKey), outbox.Server.Erp.EffectsOf(account));
        Assert.True(outbox.Server.Erp.Duplicates > 0, "ApplyThenDrop faults make duplicate deliveries the keys absorb");
    }

    [Property]
    public FsCheck.Property The_back_off_doubles_within_its_jitter_band_and_stops_at_the_cap() =>
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, 999).ToArbitrary(), (failures, r) =>
        {
            var (first, max) = (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
            var step = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
            var delay = Backoff.Delay(failures, first, max, r / 1000.0).TotalMilliseconds;
            return delay >= step / 2 - 1e-6 && delay <= step + 1e-6;
        });
}
