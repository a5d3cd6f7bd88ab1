using Crm.Adapters.Http;
using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration.Eligibility;
using static Crm.Adapters.Tests.Transport.MegaHost;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// Reading Mega over HTTPS on loopback: every list through the Senior X entity paging to its last page, with the bearer
/// token of the application-key login, refreshed on 401; errors as problems; cancellation; no secret in the logs.
/// </summary>
public sealed class MegaInboundTests
{
    private static readonly MegaAdapter Adapter = new();

    // 23 records in each list (3 pages of 10), half of the conditions payable, every third record inactive.
    private static void Fill(FakeSeniorXServer server)
    {
        var n = Enumerable.Range(1, 23).ToList();
        server.Mega.Companies = [.. n.Select(i => new MegaCompany($"{i}", $"Empresa {i}"))];
        server.Mega.Branches = [.. n.Select(i => new MegaBranch($"{(i % 5) + 1}", $"{i}", $"Filial {i}"))];
        server.Mega.Representatives = [.. n.Select(i => new MegaRepresentative($"R{i}", $"Representante {i}", i % 3 != 0))];
        server.Mega.PaymentConditions = [.. n.Select(i => new MegaPaymentCondition($"{i:D3}", $"{i} dias", i % 2 == 0, i % 3 != 0))];
        server.Mega.PriceTables = [.. n.Select(i => new MegaPriceTable($"TB{i}", $"Tabela {i}", i % 3 != 0))];
    }

    private static MegaTransport Transport(TransportHost host) => (MegaTransport)host.Transport;

    [Theory]
    [InlineData(MegaList.Companies)]
    [InlineData(MegaList.Branches)]
    [InlineData(MegaList.Representatives)]
    [InlineData(MegaList.PaymentConditions)]
    [InlineData(MegaList.PriceTables)]
    public async Task A_list_is_read_whole_through_senior_x_paging_to_its_last_page(MegaList list)
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        Fill(server);
        using var host = For(server);

        var read = await Transport(host).ReadAllAsync(list, size: 10);

        Assert.True(read.IsT0, read.Value.ToString());
        Assert.Equal(23, read.AsT0.Count);
        Assert.Equal(23, read.AsT0.Distinct().Count());
        var path = "/" + SeniorXRoute.EntityPath(list);
        Assert.Equal(["?offset=0&size=10", "?offset=1&size=10", "?offset=2&size=10"], server.Requests.Where(r => r.Path == path).Select(r => r.Query));
        Assert.All(server.Requests.Where(r => r.Path == path), r => Assert.Equal("Bearer", r.Headers["Authorization"]));
        Assert.Equal((1, 0), server.Granted);
    }

    [Fact]
    public async Task The_initial_load_read_over_http_keeps_active_customers_and_the_master_data_mega_syncs()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        Fill(server);
        using var host = For(server);
        var created = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));
        var inactive = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with { ShortName = "OUTRA", LegalName = "Outra Padaria Ltda" })));
        server.Mega.Deactivate(inactive.AsT0.ErpCode);
        server.Mega.Add(new MegaAgent { AgentType = "Fornecedor", Name = "Moinho Ltda" });

        var export = await Transport(host).ReadExportAsync(size: 10);

        Assert.True(export.IsT0, export.Value.ToString());
        var expected = server.Mega.Export();
        Assert.Equal(expected.Companies, export.AsT0.Companies);
        Assert.Equal(expected.Branches, export.AsT0.Branches);
        Assert.Equal(expected.Representatives, export.AsT0.Representatives);
        Assert.Equal(expected.PaymentConditions, export.AsT0.PaymentConditions);
        Assert.Equal(expected.PriceTables, export.AsT0.PriceTables);
        Assert.Equal(expected.Agents.Select(a => (a.IdErp, a.AgentType, a.Active)), export.AsT0.Agents.Select(a => (a.IdErp, a.AgentType, a.Active)));
        Assert.Equal(3, export.AsT0.Agents.Count);
        var load = MegaInitialLoad.Take(export.AsT0, Adapter);
        Assert.Equal([created.AsT0.ErpCode], load.Customers.Select(c => c.ErpCode));
        Assert.Equal(23, load.Companies.Count);
        Assert.Equal(server.Mega.PaymentConditions.Where(p => p.Receivable && p.Active).Select(p => p.Code),
            load.MasterData.All(MasterDataKind.PaymentCondition).Select(p => p.Code.Value));
        Assert.Equal(server.Mega.Representatives.Count(r => r.Active), load.MasterData.All(MasterDataKind.Representative).Count());
        Assert.Equal(server.Mega.PriceTables.Count(t => t.Active), load.MasterData.All(MasterDataKind.PriceTable).Count());
    }

    [Fact]
    public async Task A_token_that_goes_stale_between_pages_is_refreshed_and_the_read_goes_on()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        Fill(server);
        using var host = For(server);
        var transport = Transport(host);
        Assert.True((await transport.ReadPageAsync(MegaList.PriceTables, 0, 10)).IsT0);
        server.ExpireTokens();

        var rest = await transport.ReadPageAsync(MegaList.PriceTables, 1, 10);

        Assert.True(rest.IsT0, rest.Value.ToString());
        Assert.True(rest.AsT0.HasNext);
        Assert.Equal(10, rest.AsT0.Items.Count);
        Assert.Equal((1, 1), server.Granted);
        Assert.Equal([200, 200, 401, 200, 200], server.Requests.Select(r => r.Status));
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task One_agent_is_read_by_its_code_and_an_unknown_code_or_a_refused_key_is_a_problem()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server);
        var code = (await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;

        var read = await Transport(host).ReadAgentAsync(code);
        var missing = await Transport(host).ReadAgentAsync("999");

        Assert.Equal((code, ErpSituation.Active), (Adapter.ReadState(read.AsT0, TestAccounts.Today).ErpCode, Adapter.ReadState(read.AsT0, TestAccounts.Today).Situation));
        Assert.Equal(["mega.agent.not_found"], missing.AsT1.Problems.Select(p => p.Code));

        await using var other = await FakeSeniorXServer.StartAsync(Tenant, Key, "outro-segredo");
        using var refused = For(other);
        var denied = await Transport(refused).ReadAllAsync(MegaList.Companies);
        Assert.Equal(["mega.authentication.refused"], denied.AsT1.Problems.Select(p => p.Code));
        Assert.DoesNotContain(Secret, string.Join("\n", refused.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_read_stops_and_a_platform_that_keeps_failing_is_unavailable()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        Fill(server);
        using var host = For(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Transport(host).ReadExportAsync(10, cancelled.Token));
        Assert.Empty(server.Requests);
        Assert.True((await Transport(host).ReadPageAsync(MegaList.Companies, 0, 10)).IsT0);
        server.Inject(FakeFault.Status503, FakeFault.Status503, FakeFault.Status503);
        var failing = await Transport(host).ReadAllAsync(MegaList.Companies, 10);

        Assert.True(failing.IsT2, failing.Value.ToString());
    }

    [Fact]
    public async Task Cancelling_in_the_middle_of_a_slow_page_stops_the_read_there()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        Fill(server);
        server.SlowAnswer = TimeSpan.FromSeconds(30);
        server.Inject(FakeFault.None, FakeFault.None, FakeFault.Slow); // login, page 0, then page 1 hangs
        using var host = For(server);
        using var cancel = new CancellationTokenSource();

        // Cancelled once the hanging page was asked for (not on a timer: a loaded machine may not have reached it yet).
        var read = Transport(host).ReadAllAsync(MegaList.Companies, 10, cancel.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (server.Requests.Count(r => r.Method == "GET") < 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(20);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
        Assert.Equal(["?offset=0&size=10", "?offset=1&size=10"], server.Requests.Where(r => r.Method == "GET").Select(r => r.Query));
    }

    [Fact]
    public void An_answer_that_is_not_a_senior_x_page_is_a_problem()
    {
        // One record where a page was expected: refused, never half-read.
        var page = MegaTransport.ParsePage("""{"idErp":"1"}""", 0);

        Assert.Equal(["mega.page.unreadable"], page.AsT1.Problems.Select(p => p.Code));
    }
}
