using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Persistence.Outbox;
using Crm.Sdk.Jobs;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// The inbound jobs end to end on a Protheus tenant, the ERP answering through a scripted <see cref="IErpReader"/>: the
/// standing pull, the master-data initial load (restartable, replacing the old list) and the outbox reading what it stored.
/// </summary>
public sealed class ErpInboundTests
{
    private static readonly ErpId Protheus = ErpId.Of("protheus");

    private static ErpStanding Standing(decimal limit) => new(ErpSituation.Active, new LocalDate(2026, 11, 1), limit, null, 100m, default);

    private static async Task<(OutboxHost Outbox, ScriptedErpReader Reader)> Create(string provider)
    {
        var reader = new ScriptedErpReader();
        var outbox = await OutboxHost.Create(provider, configure: s => s.AddSingleton<IErpReader>(reader), erp: new FakeProtheus(sellers: ["000001"]));
        return (outbox, reader);
    }

    /// <summary>An account stored as integrated with the ERP under <paramref name="code"/>.</summary>
    private static async Task<AccountId> Integrated(TestHost host, int seed, string code)
    {
        var id = await host.StoreDirectly(Forms.Company(seed));
        await using var db = host.Open();
        var account = await db.Accounts.SingleAsync(a => a.Id == id);
        account.RecordErpState(new IntegratedWithErp(code, new LocalDate(2025, 1, 10)), null, host.Diretor, host.Engine.Clock);
        Assert.True((await db.SaveAsync()).IsSaved);
        return id;
    }

    private static async Task<ErpStanding?> StandingOf(TestHost host, AccountId id)
    {
        await using var db = host.Open();
        return (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id)).ErpStanding;
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_pull_records_each_standing_skips_refused_customers_and_a_same_read_only_advances_its_instant(string provider)
    {
        var (outbox, reader) = await Create(provider);
        await using var _ = outbox;
        var host = outbox.Host;
        var known = await Integrated(host, 10, "000010");
        var unknown = await Integrated(host, 11, "000011");
        var notIntegrated = await host.StoreDirectly(Forms.Company(12));
        reader.Standings["000010"] = Standing(5000m);

        var first = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var firstRead = await StandingOf(host, known);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var secondRead = await StandingOf(host, known);
        reader.Standings["000010"] = Standing(7000m);
        var third = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(1, 1, 1, false), first);
        Assert.Equal(new ErpStandingsPulled(1, 0, 1, false), second);
        Assert.Equal(new ErpStandingsPulled(1, 1, 1, false), third);
        Assert.Equal((5000m, ErpSituation.Active), (firstRead!.CreditLimit, firstRead.Situation));
        Assert.Equal(firstRead.ReadAt + Duration.FromHours(1), secondRead!.ReadAt);
        Assert.Equal(7000m, (await StandingOf(host, known))!.CreditLimit);
        Assert.Null(await StandingOf(host, unknown));
        Assert.Null(await StandingOf(host, notIntegrated));
        Assert.Equal(["000010", "000011"], reader.StandingReads.Take(2).Order());
        var refused = host.Logs.Lines.Where(l => l.Event.Id == 1300).ToList();
        Assert.Equal(3, refused.Count); // once per run
        Assert.All(refused, l => Assert.Contains(unknown.Value.ToString(), l.Message, StringComparison.Ordinal));
        Assert.All(refused, l => Assert.Contains("protheus.customer_not_found", l.Message, StringComparison.Ordinal));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unavailable_erp_stops_the_pull_keeping_what_was_read_and_the_next_run_reads_again(string provider)
    {
        var (outbox, reader) = await Create(provider);
        await using var _ = outbox;
        var host = outbox.Host;
        var accounts = new List<AccountId>();
        for (var i = 0; i < 3; i++)
        {
            accounts.Add(await Integrated(host, 20 + i, $"00002{i}"));
            reader.Standings[$"00002{i}"] = Standing(1000m + i);
        }
        reader.AvailableReads = 1;

        var stopped = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var recorded = 0;
        foreach (var id in accounts)
            recorded += await StandingOf(host, id) is null ? 0 : 1;
        reader.AvailableReads = null;
        var retried = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(1, 1, 0, true), stopped);
        Assert.Equal(1, recorded);
        Assert.Equal(new ErpStandingsPulled(3, 2, 0, false), retried);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1301);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_tenant_whose_erp_has_no_reader_is_refused_with_a_stable_code(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var pulled = await outbox.Engine.Jobs.PullErpStandingsAsync(outbox.Host.Tenant);
        var loaded = await outbox.Engine.Jobs.LoadErpMasterDataAsync(outbox.Host.Tenant, ErpId.Of("datasul"));

        Assert.Equal(JobsModule.Codes.ReaderMissing, Assert.Single(pulled.Problems).Code);
        Assert.Equal(JobsModule.Codes.ReaderMissing, Assert.Single(loaded.Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_master_data_load_resumes_at_the_page_it_stopped_on_and_a_completed_load_replaces_the_list(string provider)
    {
        var (outbox, reader) = await Create(provider);
        await using var _ = outbox;
        var host = outbox.Host;
        reader.Lists[MasterDataKind.Representative] =
        [
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000001"), ScriptedErpReader.Record(MasterDataKind.Representative, "000002")],
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000003")],
        ];
        reader.Lists[MasterDataKind.Carrier] = [[ScriptedErpReader.Record(MasterDataKind.Carrier, "T01")]];
        reader.OutageAt = (MasterDataKind.Representative, 2);

        var stopped = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        var resumed = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        reader.Lists[MasterDataKind.Representative] = [[ScriptedErpReader.Record(MasterDataKind.Representative, "000003")]];
        var replaced = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.True(stopped.Unavailable);
        Assert.Equal(new MasterDataKindLoaded(MasterDataKind.Representative, 1, 2, false), Assert.Single(stopped.Kinds));
        Assert.False(resumed.Unavailable);
        Assert.Equal([new MasterDataKindLoaded(MasterDataKind.Representative, 1, 3, true), new MasterDataKindLoaded(MasterDataKind.Carrier, 1, 1, true)],
            resumed.Kinds);
        Assert.Equal([(MasterDataKind.Representative, 1), (MasterDataKind.Representative, 2), (MasterDataKind.Carrier, 1)], reader.PageReads.Take(3));
        Assert.Equal(new MasterDataKindLoaded(MasterDataKind.Representative, 1, 1, true), replaced.Kinds[0]);
        await using var db = host.Open();
        Assert.Equal(["000003"], await db.ErpMasterData.Where(r => r.Kind == MasterDataKind.Representative).Select(r => r.Code).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_account_naming_a_seller_is_not_sent_before_the_master_data_load_and_is_after_it(string provider)
    {
        var (outbox, reader) = await Create(provider);
        await using var _ = outbox;
        var session = outbox.Host.As(outbox.Host.Usuario);
        reader.Lists[MasterDataKind.Representative] = [[ScriptedErpReader.Record(MasterDataKind.Representative, "000001")]];

        var before = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(30) with { Representative = "000001" }));
        var messagesBefore = (await outbox.MessagesAsync()).Count;
        Ok(await outbox.Engine.Jobs.LoadErpMasterDataAsync(outbox.Host.Tenant, Protheus));
        var account = Ok(await session.Accounts.GetAsync(before.Id));
        Ok(await session.Accounts.UpdateAsync(before.Id, account.Version, OutboxHost.Eligible(30, outbox.Host.Usuario) with { Representative = "000001", TradeName = "Depois" }));
        var unknownSeller = Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(31) with { Representative = "000009" }));
        var sent = await outbox.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal(0, messagesBefore);
        var message = Assert.Single(await outbox.MessagesAsync());
        Assert.Equal((before.Id, OutboxStatus.Sent), (message.Account, message.Status));
        Assert.Equal(1, sent.Sent);
        Assert.Contains("000001", message.Payload, StringComparison.Ordinal);
        Assert.NotEqual(unknownSeller.Id, message.Account);
    }
}
