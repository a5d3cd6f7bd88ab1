using Crm.Adapters.Datasul;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Problems;

namespace Crm.Adapters.Tests.Transport;

/// <summary>An ERP (or a proxy in front of it) that answers 200 with something that is not the ERP's JSON.</summary>
public sealed class UnreadableAnswerTests
{
    [Fact]
    public async Task A_success_status_with_an_unreadable_body_is_transient_not_a_crash()
    {
        await using var server = await HtmlServer.StartAsync();
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o => o.BaseUrl = server.BaseUrl));

        var result = await host.Transport.SendAsync(new DatasulAdapter().Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT2, result.Value.ToString());
        Assert.Contains("not the ERP's JSON", result.AsT2.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_answered_with_something_that_is_not_the_erps_json_is_a_problem_never_half_read()
    {
        await using var server = await HtmlServer.StartAsync();
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o => o.BaseUrl = server.BaseUrl));
        var transport = (DatasulTransport)host.Transport;

        var state = await transport.ReadAccountStateAsync("1001", TestAccounts.Today);
        var list = await transport.ReadMasterDataAsync(DatasulMasterData.Carriers);
        var masterData = await transport.ReadMasterDataAsync(Domain.Integration.Eligibility.MasterDataKind.Carrier, 1);

        Assert.Equal(["datasul.state.unreadable"], state.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(["datasul.page.unreadable"], list.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(["datasul.page.unreadable"], masterData.AsT1.Problems.Select(p => p.Code));
    }

    private sealed class HtmlServer() : FakeErpServer(new FakeDatasulEms())
    {
        public static async Task<HtmlServer> StartAsync()
        {
            var server = new HtmlServer();
            await server.StartAsync(https: false, CancellationToken.None);
            return server;
        }

        protected override FakeAnswer Answer(FakeRequest request) => new(200, "<html>Portal de login</html>");

        protected override FakeAnswer Refuse(int status, IReadOnlyList<Problem> problems) => new(status);
    }
}
