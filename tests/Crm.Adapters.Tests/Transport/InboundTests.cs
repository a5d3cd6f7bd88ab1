using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.ErpLink;

namespace Crm.Adapters.Tests.Transport;

/// <summary>Reading from the ERP over loopback HTTP: one customer's state, and a whole list page after page.</summary>
public sealed class InboundTests
{
    private static readonly DatasulAdapter Adapter = new();

    private static async Task<List<string>> Register(TransportHost host, int count)
    {
        var codes = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with
            {
                ShortName = $"CLI{i:D4}", LegalName = $"Cliente {i} Ltda", TaxId = null, ClientType = "CFX", AccountType = "PRO",
            })));
            codes.Add(result.AsT0.ErpCode);
        }
        return codes;
    }

    [Fact]
    public async Task The_customer_list_is_read_page_after_page_until_the_erp_says_there_is_no_next_page()
    {
        await using var server = await FakeDatasulServer.StartAsync("crm", "s3cret");
        using var host = DatasulHost.For(server, "crm", "s3cret");
        var codes = await Register(host, 25);
        var transport = (TotvsHttpTransport)host.Transport;

        var all = await transport.ReadAllAsync(DatasulTransport.Path, pageSize: 10);

        Assert.True(all.IsT0, all.Value.ToString());
        Assert.Equal(codes, all.AsT0.Select(body => Adapter.ReadState(body, TestAccounts.Today).ErpCode));
        Assert.Equal(["?page=1&pageSize=10", "?page=2&pageSize=10", "?page=3&pageSize=10"],
            server.Requests.Where(r => r.Method == "GET").Select(r => r.Query));
        Assert.DoesNotContain("s3cret", string.Join("\n", host.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_customers_state_is_read_by_its_code_and_an_unknown_code_is_a_problem()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        var code = Assert.Single(await Register(host, 1));
        var transport = (TotvsHttpTransport)host.Transport;

        var read = await transport.ReadCustomerAsync(code);
        var missing = await transport.ReadCustomerAsync("999999");

        var state = Adapter.ReadState(read.AsT0, TestAccounts.Today);
        Assert.Equal(code, state.ErpCode);
        Assert.NotEqual(ErpSituation.NotIntegrated, state.Situation);
        Assert.True(missing.IsT1, missing.Value.ToString());
    }

    [Fact]
    public async Task A_cancelled_read_stops_and_a_server_that_keeps_failing_is_unavailable()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = DatasulHost.For(server);
        var transport = (TotvsHttpTransport)host.Transport;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await transport.ReadCustomersAsync(1, cancelled.Token));
        server.Inject(FakeFault.Status503, FakeFault.Status503, FakeFault.Status503);
        var failing = await transport.ReadPageAsync(DatasulTransport.Path, 1, 10);

        Assert.True(failing.IsT2, failing.Value.ToString());
    }
}
