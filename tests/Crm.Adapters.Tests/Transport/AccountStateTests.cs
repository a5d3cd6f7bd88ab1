using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Orders;
using NodaTime;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// The pull's per-account read over loopback HTTP, through the transport a host resolves as its <see cref="Domain.Integration.Messages.IErpReader"/>: what
/// each ERP exposes (code, situation, block, last purchase, credit) and, named in <see cref="ErpAccountState.NotExposed"/>,
/// what it does not; and the <see cref="ErpStanding"/> the account stores from it (<see cref="ErpAccountState.ToStanding"/>).
/// </summary>
public sealed class AccountStateTests
{
    private static readonly LocalDate Today = TestAccounts.Today;
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 12, 7, 4, 30);

    private static ErpHttpTransport Reader(TransportHost host) =>
        (ErpHttpTransport)host.Get<IEnumerable<Domain.Integration.Messages.IErpReader>>().Single();

    // Every field the ERP does not expose is null: "not exposed" is never confused with a value.
    private static void AssertNotExposedAreNull(ErpAccountState state)
    {
        var values = new (ErpStateFields Field, object? Value)[]
        {
            (ErpStateFields.Blocked, state.Blocked), (ErpStateFields.LastPurchase, state.LastPurchase),
            (ErpStateFields.CreditLimit, state.CreditLimit), (ErpStateFields.OpenBalance, state.OpenBalance),
            (ErpStateFields.AvailableCredit, state.AvailableCredit),
        };
        Assert.All(values.Where(v => state.NotExposed.HasFlag(v.Field)), v => Assert.Null(v.Value));
    }

    [Fact]
    public async Task Datasul_exposes_the_crm1003_situation_the_credit_suspension_the_last_sale_and_the_credit_limit()
    {
        await using var server = await FakeDatasulServer.StartAsync("crm", "s3cret");
        using var host = DatasulHost.For(server, "crm", "s3cret");
        var code = (await host.Transport.SendAsync(new DatasulAdapter().Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;
        server.Ems.RecordSale(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), Today.PlusMonths(-7), monthsInactive: 6);
        server.Ems.RecordCredit(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), DatasulAccountState.Suspended, 15_000.50m, Today.PlusMonths(2));

        var read = await Reader(host).ReadAccountStateAsync(code, Today);
        var unknown = await Reader(host).ReadAccountStateAsync("424242", Today);

        var state = read.AsT0;
        Assert.Equal((code, ErpSituation.Inactive, true), (state.ErpCode, state.Situation, state.Blocked));
        Assert.Equal((Today.PlusMonths(-7), 15_000.50m, Today.PlusMonths(2)), (state.LastPurchase, state.CreditLimit, state.CreditLimitDueDate));
        Assert.Equal(ErpStateFields.OpenBalance | ErpStateFields.AvailableCredit, state.NotExposed);
        AssertNotExposedAreNull(state);
        var body = (await ((DatasulTransport)host.Transport).ReadCustomerAsync(code)).AsT0;
        Assert.Equal(new DatasulAdapter().ReadState(body, Today), state.ToCustomerState());
        Assert.Equal(["404"], unknown.AsT1.Problems.Select(p => p.Code));
        // The standing the account stores: blocked, and no open balance (customerPublic has none), so no credit position from it.
        var standing = state.ToStanding(ReadAt);
        Assert.Equal(new ErpStanding(ErpSituation.Inactive, Today.PlusMonths(-7), 15_000.50m, Today.PlusMonths(2), null, ReadAt) { Blocked = true },
            standing);
        Assert.Equal(["order.release.customer_blocked", "order.release.open_balance_unknown"],
            CreditPosition.From(standing, 0m).Problems.Select(p => p.Code));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public async Task Datasul_blocks_sales_for_credit_indicators_3_and_4_and_leaves_an_unread_indicator_unknown(int? indicator, bool? blocked)
    {
        await using var server = await FakeDatasulServer.StartAsync("crm", "s3cret");
        using var host = DatasulHost.For(server, "crm", "s3cret");
        var code = (await host.Transport.SendAsync(new DatasulAdapter().Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;
        if (indicator is { } credit)
            server.Ems.RecordCredit(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), credit, 1_000m, Today.PlusMonths(1));

        var standing = (await Reader(host).ReadAccountStateAsync(code, Today)).AsT0.ToStanding(ReadAt);

        Assert.Equal(blocked, standing.Blocked);
        Assert.Equal(blocked == true, CreditPosition.From(standing, 0m).Problems.Any(p => p.Code == OrderCodes.CustomerBlocked));
    }

    [Fact]
    public async Task Protheus_exposes_the_block_and_the_credit_from_the_credit_limit_api_but_no_last_purchase()
    {
        var protheus = new FakeProtheus(sellers: ["7"], carriers: [3], conditions: ["15"], priceTables: ["TB1"]);
        await using var server = await FakeProtheusServer.StartAsync(protheus, "admin", "Pr0theus#2026");
        using var host = new TransportHost(ProtheusAdapter.Id, server, s => s.AddProtheusAdapter(o =>
        {
            o.CompanyId = "T1";
            o.BranchId = "D MG 01";
            o.BaseUrl = server.BaseUrl;
            o.Username = "admin";
            o.Password = "Pr0theus#2026";
        }));
        var adapter = new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
        var code = (await host.Transport.SendAsync(adapter.Prepare(Samples.Register(Samples.Company() with { PriceTable = "TB1" })))).AsT0.ErpCode;
        var active = await Reader(host).ReadAccountStateAsync(code, Today);
        protheus.Block(code);
        protheus.SetCredit(code, 10_000m, Today.PlusMonths(3), openTitles: 2_500.25m, releasedOrders: 1_000m);

        var blocked = await Reader(host).ReadAccountStateAsync(code, Today);

        Assert.Equal((ErpSituation.Active, false, 0m), (active.AsT0.Situation, active.AsT0.Blocked, active.AsT0.CreditLimit));
        var state = blocked.AsT0;
        Assert.Equal((code, ErpSituation.Inactive, true), (state.ErpCode, state.Situation, state.Blocked));
        Assert.Equal((10_000m, Today.PlusMonths(3), 2_500.25m, 6_499.75m), (state.CreditLimit, state.CreditLimitDueDate, state.OpenBalance, state.AvailableCredit));
        Assert.Equal(ErpStateFields.LastPurchase, state.NotExposed);
        AssertNotExposedAreNull(state);
        // The standing the account stores: what Protheus said, no last purchase; its credit position leaves what Protheus leaves.
        var standing = state.ToStanding(ReadAt);
        Assert.Equal(new ErpStanding(ErpSituation.Inactive, null, 10_000m, Today.PlusMonths(3), 2_500.25m, ReadAt) { Blocked = true }, standing);
        Assert.Equal([OrderCodes.CustomerBlocked], CreditPosition.From(standing, openOrders: 1_000m).Problems.Select(p => p.Code));
        Assert.Equal(state.AvailableCredit, CreditPosition.From(standing with { Blocked = false }, openOrders: 1_000m).AsT0.Available);
        Assert.False(active.AsT0.ToStanding(ReadAt).Blocked);
        var account = TestAccounts.Integrated(Samples.Register(Samples.Company()), code);
        Assert.True(account.RecordErpStanding(state.ErpCode, standing, TestAccounts.User, TestAccounts.Clock()).IsValid);
        Assert.Equal(standing, account.ErpStanding);
        Assert.Equal(["/rest/api/crm/v1/customerVendor/1/" + code, "/" + ProtheusTransport.CreditLimitPath + "/" + code],
            server.Requests.Where(r => r.Method == "GET").TakeLast(2).Select(r => r.Path));
    }

    [Fact]
    public async Task Mega_exposes_the_code_and_the_agents_status_only()
    {
        await using var server = await FakeSeniorXServer.StartAsync(MegaHost.Tenant, MegaHost.Key, MegaHost.Secret);
        using var host = MegaHost.For(server);
        var code = (await host.Transport.SendAsync(new MegaAdapter().Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;
        var active = await Reader(host).ReadAccountStateAsync(code, Today);
        server.Mega.Deactivate(code);
        server.ExpireTokens();

        var inactive = await Reader(host).ReadAccountStateAsync(code, Today);

        Assert.Equal(ErpSituation.Active, active.AsT0.Situation);
        Assert.Equal((code, ErpSituation.Inactive), (inactive.AsT0.ErpCode, inactive.AsT0.Situation));
        Assert.Equal(ErpStateFields.Blocked | ErpStateFields.LastPurchase | ErpStateFields.CreditLimit | ErpStateFields.OpenBalance | ErpStateFields.AvailableCredit,
            inactive.AsT0.NotExposed);
        AssertNotExposedAreNull(inactive.AsT0);
        // An inactive agent is not taken as blocked: Mega exposes no block, so the standing says nothing of it.
        Assert.Equal(new ErpStanding(ErpSituation.Inactive, null, null, null, null, ReadAt), inactive.AsT0.ToStanding(ReadAt));
        Assert.Null(inactive.AsT0.ToStanding(ReadAt).Blocked);
        Assert.Equal((1, 1), server.Granted);
        MegaHost.AssertNoSecretLogged(host);
    }

    [Fact]
    public void A_standing_leaves_empty_whatever_the_erp_does_not_expose_even_when_a_value_slipped_in()
    {
        var state = new ErpAccountState
        {
            ErpCode = "1001", Situation = ErpSituation.Active, NotExposed = ErpStateFields.LastPurchase | ErpStateFields.OpenBalance,
            LastPurchase = Today, CreditLimit = 0m, CreditLimitDueDate = Today, OpenBalance = 12m,
        };

        Assert.Equal(new ErpStanding(ErpSituation.Active, null, 0m, Today, null, ReadAt), state.ToStanding(ReadAt));
        Assert.Equal(new ErpStanding(ErpSituation.Active, null, null, null, null, ReadAt),
            (state with { NotExposed = state.NotExposed | ErpStateFields.CreditLimit }).ToStanding(ReadAt));
        Assert.Null((state with { Blocked = true, NotExposed = ErpStateFields.Blocked }).ToStanding(ReadAt).Blocked);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void A_standing_keeps_the_block_as_read_and_an_unknown_block_stays_unknown(bool? blocked)
    {
        var state = new ErpAccountState { ErpCode = "1001", Situation = ErpSituation.Active, NotExposed = ErpStateFields.None, Blocked = blocked };

        Assert.Equal(blocked, state.ToStanding(ReadAt).Blocked);
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData("2", true)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("5", null)]
    public void Protheus_reads_a1_msblql_from_register_situation_and_an_answer_without_it_as_unknown(string? registerSituation, bool? blocked)
    {
        var customer = new ProtheusCustomer { Code = "000001", StoreId = "01", RegisterSituation = registerSituation };

        Assert.Equal(blocked, ProtheusAccountState.Of(customer, new ProtheusCreditLimit(), "01")!.ToStanding(ReadAt).Blocked);
    }

    [Fact]
    public async Task A_cancelled_state_read_stops_and_an_erp_that_keeps_failing_is_unavailable()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Reader(host).ReadAccountStateAsync("1001", Today, cancelled.Token));
        Assert.Empty(server.Requests);
        server.Inject(FakeFault.Status503, FakeFault.Status503, FakeFault.Status503);
        Assert.True((await Reader(host).ReadAccountStateAsync("1001", Today)).IsT2);
    }
}
