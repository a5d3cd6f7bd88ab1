using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
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
/// The inbound jobs end to end on a Protheus tenant, through the real Protheus transport to a fake Protheus over loopback HTTP
/// (a scripted <see cref="IErpReader"/> only where the fake cannot produce the case): the standing pull, the master-data
/// initial load (restartable, replacing the old list) and the outbox reading what it stored.
/// </summary>
public sealed class ErpInboundTests
{
    private static readonly ErpId Protheus = ErpId.Of("protheus");

    private static ErpStanding Standing(decimal limit) => new(ErpSituation.Active, new LocalDate(2026, 11, 1), limit, null, 100m, default);

    private static async Task<(OutboxHost Outbox, ScriptedErpReader Reader)> ScriptedAsync(string provider)
    {
        var reader = new ScriptedErpReader();
        var outbox = await OutboxHost.Create(provider, configure: s => s.AddSingleton<IErpReader>(reader), erp: new FakeProtheus(sellers: ["000001"]));
        return (outbox, reader);
    }

    private static async Task<ErpStanding?> StandingOf(TestHost host, AccountId id)
    {
        await using var db = host.Open();
        return (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id)).ErpStanding;
    }

    /// <summary>Registers eligible accounts and sends them to the fake Protheus: each comes back integrated under its SA1 code.</summary>
    private static async Task<List<(AccountId Id, string Code)>> SentAsync(OutboxHost outbox, params int[] seeds)
    {
        var session = outbox.Host.As(outbox.Host.Usuario);
        var ids = new List<AccountId>();
        foreach (var seed in seeds)
            ids.Add(Ok(await session.Accounts.RegisterAsync(OutboxHost.Eligible(seed))).Id);
        Assert.Equal(seeds.Length, (await outbox.Engine.Outbox.DispatchPendingAsync()).Sent);
        var sent = new List<(AccountId, string)>();
        foreach (var id in ids)
            sent.Add((id, Assert.IsType<IntegratedWithErp>(Ok(await session.Accounts.GetAsync(id)).Account.Integration.Value).ErpCode));
        return sent;
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_pull_reads_each_customer_over_http_skips_refused_ones_and_a_same_read_only_advances_its_instant(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var host = outbox.Host;
        var sent = await SentAsync(outbox, 10, 11);
        var unknown = await host.StoreIntegrated(Forms.Company(12), "999999"); // a code Protheus does not know
        var notIntegrated = await host.StoreDirectly(Forms.Company(13));
        outbox.Server.Protheus.SetCredit(sent[0].Code, 5000m, new LocalDate(2027, 6, 30), 1200m, 0m);

        var first = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var firstRead = await StandingOf(host, sent[0].Id);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var secondRead = await StandingOf(host, sent[0].Id);
        outbox.Server.Protheus.SetCredit(sent[0].Code, 7000m, new LocalDate(2027, 6, 30), 1200m, 0m);
        var third = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(2, 2, 1, false), first);
        Assert.Equal(new ErpStandingsPulled(2, 0, 1, false), second);
        Assert.Equal(new ErpStandingsPulled(2, 1, 1, false), third);
        Assert.Equal((5000m, new LocalDate(2027, 6, 30), ErpSituation.Active), (firstRead!.CreditLimit, firstRead.CreditLimitExpiresOn, firstRead.Situation));
        Assert.Equal(firstRead with { ReadAt = secondRead!.ReadAt }, secondRead);
        Assert.Equal(firstRead.ReadAt + Duration.FromHours(1), secondRead.ReadAt);
        Assert.Equal(7000m, (await StandingOf(host, sent[0].Id))!.CreditLimit);
        Assert.NotNull(await StandingOf(host, sent[1].Id));
        Assert.Null(await StandingOf(host, unknown));
        Assert.Null(await StandingOf(host, notIntegrated));
        var refused = host.Logs.Lines.Where(l => l.Event.Id == 1300).ToList();
        Assert.Equal(3, refused.Count); // once per run
        Assert.All(refused, l => Assert.Contains(unknown.Value.ToString(), l.Message, StringComparison.Ordinal));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_user_saving_an_account_while_the_erp_is_read_does_not_stop_the_pull_and_both_changes_stay(string provider)
    {
        var editing = new EditingReader();
        await using var outbox = await OutboxHost.Create(provider, configure: s => s.AddSingleton<IErpReader>(editing));
        var host = outbox.Host;
        var sent = await SentAsync(outbox, 30, 31);
        editing.Inner = host.Provider.GetServices<IErpReader>().First(r => r != editing);
        editing.WhileReading = async () =>
        {
            var session = host.As(host.Usuario);
            var account = Ok(await session.Accounts.GetAsync(sent[0].Id));
            Ok(await session.Accounts.UpdateAsync(sent[0].Id, account.Version, OutboxHost.Eligible(30, host.Usuario) with { TradeName = "Editado durante a leitura" }));
        };

        var pulled = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(2, 2, 0, false), pulled);
        Assert.NotNull(await StandingOf(host, sent[0].Id));
        Assert.NotNull(await StandingOf(host, sent[1].Id));
        Assert.Equal("Editado durante a leitura", Ok(await host.As(host.Usuario).Accounts.GetAsync(sent[0].Id)).Account.Data.TradeName);
    }

    [Theory, SqliteData]
    public async Task Each_accounts_read_is_stamped_when_it_was_read_not_when_the_run_started(string provider)
    {
        var ticking = new EditingReader();
        await using var outbox = await OutboxHost.Create(provider, configure: s => s.AddSingleton<IErpReader>(ticking));
        var host = outbox.Host;
        var sent = await SentAsync(outbox, 32, 33);
        ticking.Inner = host.Provider.GetServices<IErpReader>().First(r => r != ticking);
        ticking.AfterEachRead = () => host.Time.Advance(TimeSpan.FromMinutes(10)); // a slow ERP: ten minutes a customer
        var start = host.Engine.Clock.GetCurrentInstant();

        Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        var reads = new[] { (await StandingOf(host, sent[0].Id))!.ReadAt, (await StandingOf(host, sent[1].Id))!.ReadAt }.Order().ToList();
        Assert.Equal([start, start + Duration.FromMinutes(10)], reads);
    }

    // The real reader, with a user's save of an account between the first read and the rest (once), or a hook after each read.
    private sealed class EditingReader : IErpReader
    {
        public IErpReader Inner { get; set; } = null!;

        public Func<Task>? WhileReading { get; set; }

        public Action? AfterEachRead { get; set; }

        public ErpId Erp => Protheus;

        public async ValueTask<ErpRead<ErpStanding>> ReadStandingAsync(string erpCode, LocalDate today, Instant readAt, CancellationToken cancellationToken = default)
        {
            var read = await Inner.ReadStandingAsync(erpCode, today, readAt, cancellationToken);
            AfterEachRead?.Invoke();
            if (WhileReading is { } edit)
            {
                WhileReading = null;
                await edit();
            }
            return read;
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unavailable_erp_stops_the_pull_keeping_what_was_read_and_the_next_run_reads_again(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var host = outbox.Host;
        var sent = await SentAsync(outbox, 20, 21, 22);
        // A read is two requests (customer, credit limit): the second read's first request and its retry fail.
        outbox.Server.Inject(FakeFault.None, FakeFault.None, FakeFault.Status500, FakeFault.Status500);

        var stopped = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var recorded = 0;
        foreach (var (id, _) in sent)
            recorded += await StandingOf(host, id) is null ? 0 : 1;
        var retried = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(1, 1, 0, true), stopped);
        Assert.Equal(1, recorded);
        Assert.Equal(new ErpStandingsPulled(3, 2, 0, false), retried);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1301);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_tenant_whose_erp_has_no_reader_is_refused_with_a_stable_code(string provider)
    {
        await using var host = await Create(provider, integration: Crm.Domain.Tenancy.DefaultIntegration.Datasul); // no Datasul transport registered
        var pulled = await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant);
        var loaded = await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, ErpId.Of("datasul"));

        Assert.Equal(JobsModule.Codes.ReaderMissing, Assert.Single(pulled.Problems).Code);
        Assert.Equal(JobsModule.Codes.ReaderMissing, Assert.Single(loaded.Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_same_read_never_moves_a_newer_stored_read_instant_back(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var host = outbox.Host;
        var sent = await SentAsync(outbox, 14);
        Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));
        var newer = host.Engine.Clock.GetCurrentInstant() + Duration.FromDays(1); // another runner's later read
        await using (var db = host.Open())
            await db.Accounts.Where(a => a.Id == sent[0].Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.ErpStanding!.ReadAt, newer));

        var again = Ok(await host.Engine.Jobs.PullErpStandingsAsync(host.Tenant));

        Assert.Equal(new ErpStandingsPulled(1, 0, 0, false), again);
        Assert.Equal(newer, (await StandingOf(host, sent[0].Id))!.ReadAt);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_master_data_load_pages_through_every_list_over_http_and_resumes_at_the_page_it_stopped_on(string provider)
    {
        var sellers = Enumerable.Range(1, 150).Select(i => $"{i:D6}").ToList();
        await using var outbox = await OutboxHost.Create(provider,
            erp: new FakeProtheus(sellers, carriers: [1, 2], conditions: ["001"], priceTables: ["T01"]));
        var host = outbox.Host;
        outbox.Server.Inject(FakeFault.None, FakeFault.Status500, FakeFault.Status500); // sellers' page 2 and its retry fail

        var stopped = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        var resumed = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.True(stopped.Unavailable);
        Assert.Equal(new MasterDataKindLoaded(MasterDataKind.Representative, 1, 100, false), Assert.Single(stopped.Kinds));
        Assert.False(resumed.Unavailable);
        Assert.Equal([
            new MasterDataKindLoaded(MasterDataKind.Representative, 1, 150, true), // page 2 only: page 1 was stored
            new MasterDataKindLoaded(MasterDataKind.Carrier, 1, 2, true),
            new MasterDataKindLoaded(MasterDataKind.PaymentCondition, 1, 1, true),
            new MasterDataKindLoaded(MasterDataKind.PriceTable, 1, 1, true)], resumed.Kinds);
        await using var db = host.Open();
        Assert.Equal(sellers, await db.ErpMasterData.Where(r => r.Kind == MasterDataKind.Representative).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync());
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1304);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_master_data_load_while_another_runner_holds_the_erps_load_is_a_conflict_that_reads_nothing(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, erp: new FakeProtheus(sellers: ["000001"], carriers: [1], conditions: ["001"], priceTables: ["T01"]));
        var host = outbox.Host;
        var requests = outbox.Server.Requests.Count;
        CrmResult<ErpMasterDataLoaded>? whileHeld = null;
        var requestsWhileHeld = -1;

        var held = await host.Engine.Jobs.Twin().RunLeasedAsync(host.Tenant, "jobs.load_erp_master_data:protheus", TimeSpan.Zero, TimeSpan.FromMinutes(5),
            async _ =>
            {
                whileHeld = await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus);
                requestsWhileHeld = outbox.Server.Requests.Count - requests;
                return "held";
            }, default);
        var after = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.Equal("held", held);
        Assert.Equal("conflict", whileHeld!.Outcome);
        Assert.Equal(0, requestsWhileHeld);
        Assert.Equal(4, after.Kinds.Count(k => k.Completed));
        await using var db = host.Open();
        var row = await db.JobRuns.AsNoTracking().SingleAsync(r => r.Job == "jobs.load_erp_master_data:protheus");
        Assert.Equal(("success", null), (row.LastOutcome, row.LeaseOwner)); // released by the load that ran
        Assert.Equal(4, await db.ErpMasterData.CountAsync());
    }

    [Theory, SqliteData]
    public async Task An_erp_ignoring_the_page_or_paging_past_the_cap_stops_the_load_with_a_failure_instead_of_looping(string provider)
    {
        var reader = new ScriptedErpReader { IgnoresPage = true };
        await using var outbox = await OutboxHost.Create(provider, configure: s =>
        {
            s.AddSingleton<IErpReader>(reader);
            s.Configure<CrmOptions>(o => o.Jobs.MaxPagesPerList = 2);
        }, erp: new FakeProtheus(sellers: ["000001"]));
        var host = outbox.Host;
        reader.Lists[MasterDataKind.Representative] =
            [[ScriptedErpReader.Record(MasterDataKind.Representative, "000001")], [ScriptedErpReader.Record(MasterDataKind.Representative, "000002")]];
        reader.Lists[MasterDataKind.Carrier] =
        [
            [ScriptedErpReader.Record(MasterDataKind.Carrier, "1")], [ScriptedErpReader.Record(MasterDataKind.Carrier, "2")],
            [ScriptedErpReader.Record(MasterDataKind.Carrier, "3")],
        ];

        var repeated = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        reader.IgnoresPage = false;
        var capped = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.Equal(JobsModule.Codes.PageRepeated, repeated.Kinds.Single(k => k.Kind == MasterDataKind.Representative).Failure?.Code);
        Assert.True(capped.Kinds.Single(k => k.Kind == MasterDataKind.Representative).Completed); // resumed at the page it gave up on
        var carriers = capped.Kinds.Single(k => k.Kind == MasterDataKind.Carrier);
        Assert.Equal((JobsModule.Codes.TooManyPages, false), (carriers.Failure?.Code, carriers.Completed));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1390);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_page_another_loader_stored_meanwhile_is_not_stored_again_and_the_load_is_a_conflict(string provider)
    {
        var (outbox, reader) = await ScriptedAsync(provider);
        await using var _ = outbox;
        var host = outbox.Host;
        reader.Lists[MasterDataKind.Representative] =
        [
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000001")], [ScriptedErpReader.Record(MasterDataKind.Representative, "000002")],
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000003")],
        ];
        // While page 2 is read, a second loader (its lease taken after this one's lapsed) stores page 2 first.
        reader.WhileReading = (MasterDataKind.Representative, 2, async () =>
        {
            await using var db = host.Open();
            await db.ErpMasterDataLoads.Where(l => l.Kind == MasterDataKind.Representative)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.NextPage, 3));
        });

        var raced = await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus);
        var next = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.IsType<Crm.Persistence.Concurrency.Conflict>(raced.Value);
        await using var read = host.Open();
        // This loader stored page 1 only; the next run goes on from page 3 where the other one left it.
        Assert.True(next.Kinds.Single().Completed);
        Assert.Equal(["000001", "000003"], await read.ErpMasterData.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_completed_load_replaces_the_list_and_a_load_cut_short_keeps_the_old_one(string provider)
    {
        // A scripted reader: the fake Protheus's lists do not change while it runs.
        var (outbox, reader) = await ScriptedAsync(provider);
        await using var _ = outbox;
        var host = outbox.Host;
        reader.Lists[MasterDataKind.Representative] =
        [
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000001"), ScriptedErpReader.Record(MasterDataKind.Representative, "000002")],
            [ScriptedErpReader.Record(MasterDataKind.Representative, "000003")],
        ];
        Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        reader.Lists[MasterDataKind.Representative] =
            [[ScriptedErpReader.Record(MasterDataKind.Representative, "000003")], [ScriptedErpReader.Record(MasterDataKind.Representative, "000004")]];
        reader.OutageAt = (MasterDataKind.Representative, 2);

        var cut = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));
        var codesWhileCut = await CodesAsync(host);
        var completed = Ok(await host.Engine.Jobs.LoadErpMasterDataAsync(host.Tenant, Protheus));

        Assert.Equal(new MasterDataKindLoaded(MasterDataKind.Representative, 1, 3, false), Assert.Single(cut.Kinds));
        Assert.Equal(["000001", "000002", "000003"], codesWhileCut);
        Assert.Equal(new MasterDataKindLoaded(MasterDataKind.Representative, 1, 2, true), Assert.Single(completed.Kinds));
        Assert.Equal(["000003", "000004"], await CodesAsync(host));
    }

    private static async Task<List<string>> CodesAsync(TestHost host)
    {
        await using var db = host.Open();
        return await db.ErpMasterData.Where(r => r.Kind == MasterDataKind.Representative).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_account_naming_a_seller_is_not_sent_before_the_master_data_load_and_is_after_it(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider, erp: new FakeProtheus(sellers: ["000001"]));
        var session = outbox.Host.As(outbox.Host.Usuario);

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
