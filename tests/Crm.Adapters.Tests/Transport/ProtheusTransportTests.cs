using Crm.Adapters.Http;
using System.Text;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;

namespace Crm.Adapters.Tests.Transport;

/// <summary>The Protheus transport against the fake REST server: customerVendor routes, Basic auth, the tenantId header, the TOTVS envelope.</summary>
public sealed class ProtheusTransportTests
{
    private const string User = "admin";
    private const string Password = "Pr0theus#2026";
    private static readonly ProtheusOptions Known = new() { CompanyId = "T1", BranchId = "D MG 01" };
    private static readonly ProtheusAdapter Adapter = new(Known);

    private static TransportHost Host(FakeProtheusServer server) =>
        new(ProtheusAdapter.Id, server, s => s.AddProtheusAdapter(o =>
        {
            o.CompanyId = Known.CompanyId;
            o.BranchId = Known.BranchId;
            o.BaseUrl = server.BaseUrl;
            o.Username = User;
            o.Password = Password;
        }));

    [Fact]
    public async Task Creates_and_updates_sa1_through_customer_vendor_with_the_company_and_branch_header()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded(), User, Password, https: true);
        using var host = Host(server);
        var account = Samples.Register(Samples.Company());

        var created = await host.Transport.SendAsync(Adapter.Prepare(account));
        Assert.True(created.IsT0, created.Value.ToString());
        Assert.Equal("00000101", created.AsT0.ErpCode);
        var updated = await host.Transport.SendAsync(Adapter.Prepare(account.Integrated(created.AsT0.ErpCode)));
        Assert.True(updated.IsT0, updated.Value.ToString());

        Assert.Equal(["POST /rest/api/crm/v1/customerVendor", "PUT /rest/api/crm/v1/customerVendor/1/00000101"],
            server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(server.Requests, r => Assert.Equal("T1,D MG 01", r.Headers[ProtheusTransport.TenantHeader]));
        Assert.Single(server.Protheus.Sa1);
        Assert.Equal(2, server.Erp.Applied);
    }

    [Fact]
    public async Task Unknown_seller_carrier_condition_and_table_come_back_as_problems()
    {
        await using var server = await FakeProtheusServer.StartAsync(new Testing.Fakes.FakeProtheus(), User, Password);
        using var host = Host(server);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT1, result.Value.ToString());
        Assert.Equal(["protheus.sa1.a1_vend", "protheus.sa1.a1_transp", "protheus.sa1.a1_cond", "protheus.sa1.a1_tabela"],
            result.AsT1.Problems.Select(p => p.Code));
        Assert.Contains(result.AsT1.Problems, p => p.Message.Contains("SA3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_password_never_reaches_the_logs()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded(), User, Password);
        using var host = Host(server);

        Assert.True((await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())))).IsT0);

        var logs = string.Join("\n", host.Logs.Lines);
        Assert.Contains("acknowledged account", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")), logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_is_read_back_by_A1_COD_and_A1_LOJA_and_the_list_page_by_page()
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded(), User, Password);
        using var host = Host(server);
        var sent = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));
        var transport = (TotvsHttpTransport)host.Transport;

        var read = await transport.ReadCustomerAsync(sent.AsT0.ErpCode);
        var all = await transport.ReadCustomersAsync(page: 1);

        Assert.Equal(sent.AsT0.ErpCode, Adapter.ReadState(read.AsT0, Testing.TestAccounts.Today).ErpCode);
        Assert.Equal(sent.AsT0.ErpCode, Adapter.ReadState(Assert.Single(all.AsT0.Payloads), Testing.TestAccounts.Today).ErpCode);
        Assert.False(all.AsT0.HasNext);
        Assert.Contains(server.Requests, r => r is { Method: "GET", Path: "/rest/api/crm/v1/customerVendor/1", Query: "?page=1&pageSize=100" });
    }

    [Theory]
    [InlineData(ProtheusMasterData.Sellers)]
    [InlineData(ProtheusMasterData.PaymentConditions)]
    [InlineData(ProtheusMasterData.Carriers)]
    [InlineData(ProtheusMasterData.PriceTables)]
    public async Task A_master_data_list_is_read_whole_page_after_page(ProtheusMasterData list)
    {
        var codes = Enumerable.Range(1, 23).ToList();
        var protheus = new Testing.Fakes.FakeProtheus(codes.Select(c => $"V{c:D5}"), codes, codes.Select(c => $"{c:D3}"), codes.Select(c => $"{c:D3}"));
        await using var server = await FakeProtheusServer.StartAsync(protheus, User, Password);
        using var host = Host(server);

        var read = await ((ProtheusTransport)host.Transport).ReadMasterDataAsync(list, pageSize: 10);

        Assert.Equal(protheus.CodesOf(list), read.AsT0.Select(item => System.Text.Json.JsonDocument.Parse(item).RootElement.GetProperty("code").GetString()));
        Assert.Equal(3, server.Requests.Count(r => r.Path == "/" + ProtheusTransport.PathOf(list)));
    }

    [Fact]
    public async Task The_master_data_the_rules_read_is_loaded_and_makes_the_sample_company_eligible()
    {
        var protheus = new Testing.Fakes.FakeProtheus(sellers: ["7", "8"], carriers: [3], conditions: ["15"], priceTables: ["TB1"]);
        await using var server = await FakeProtheusServer.StartAsync(protheus, User, Password);
        using var host = Host(server);
        var account = Samples.Register(Samples.Company());
        var empty = Samples.Context with { MasterData = new Domain.Integration.Eligibility.IntegratedMasterData([]) };

        var loaded = await ((ProtheusTransport)host.Transport).LoadMasterDataAsync();

        Assert.False(Adapter.Evaluate(account, empty).IsEligible);
        var result = Adapter.Evaluate(account, Samples.Context with { MasterData = loaded.AsT0 });
        Assert.True(result.IsEligible, string.Join("\n", result.Problems));
        Assert.Equal(["7", "8"], loaded.AsT0.All(Domain.Integration.Eligibility.MasterDataKind.Representative).Select(r => r.Code.Value).Order());
    }
}
