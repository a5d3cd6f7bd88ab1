using System.Text.Json;
using Crm.Adapters.Datasul;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Tests.Transport;

/// <summary>Datasul master-data lists read over loopback HTTP from the fake EMS's tables, page after page to the last.</summary>
public sealed class DatasulMasterDataTests
{
    private const string User = "crm";
    private const string Password = "s3nh4-do-ems";

    private static TransportHost Host(FakeDatasulServer server, string password = Password) => DatasulHost.For(server, User, password);

    private static DatasulTransport Transport(TransportHost host) => (DatasulTransport)host.Transport;

    [Theory]
    [InlineData(DatasulMasterData.Companies)]
    [InlineData(DatasulMasterData.Establishments)]
    [InlineData(DatasulMasterData.PaymentConditions)]
    [InlineData(DatasulMasterData.PriceTables)]
    [InlineData(DatasulMasterData.Representatives)]
    [InlineData(DatasulMasterData.Carriers)]
    public async Task A_master_data_list_is_read_whole_page_after_page(DatasulMasterData list)
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        var records = Enumerable.Range(1, 23).Select(i => new FakeMasterRecord($"{list}-{i:D2}", $"Registro {i}")).ToList();
        server.Ems.Tables[list] = records;
        using var host = Host(server);

        var read = await Transport(host).ReadMasterDataAsync(list, pageSize: 10);

        Assert.True(read.IsT0, read.Value.ToString());
        Assert.Equal(records, read.AsT0.Select(item => JsonSerializer.Deserialize<FakeMasterRecord>(item)));
        Assert.Equal(["?page=1&pageSize=10", "?page=2&pageSize=10", "?page=3&pageSize=10"],
            server.Requests.Where(r => r.Path == "/" + DatasulTransport.PathOf(list)).Select(r => r.Query));
        Assert.DoesNotContain(Password, string.Join("\n", host.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_and_a_failing_host_make_a_read_unavailable_and_a_cancelled_read_stops()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        server.Ems.Tables[DatasulMasterData.Carriers] = [new FakeMasterRecord("3", "Rápida")];
        using var wrong = Host(server, "senha-errada-123");
        using var host = Host(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var refused = await Transport(wrong).ReadMasterDataAsync(DatasulMasterData.Carriers);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Transport(host).ReadMasterDataAsync(DatasulMasterData.Carriers, cancellationToken: cancelled.Token));
        server.Inject(FakeFault.Status503, FakeFault.Status503, FakeFault.Status503);
        var failing = await Transport(host).ReadMasterDataAsync(DatasulMasterData.Carriers);

        Assert.True(refused.IsT2, refused.Value.ToString());
        Assert.Contains("HTTP 401", refused.AsT2.Reason, StringComparison.Ordinal);
        Assert.True(failing.IsT2, failing.Value.ToString());
        Assert.DoesNotContain("senha-errada-123", string.Join("\n", wrong.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_master_data_the_rules_read_is_loaded_and_satisfies_them_except_the_portador_no_api_lists()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        server.Ems.Tables[DatasulMasterData.Representatives] = [.. Enumerable.Range(1, 12).Select(i => new FakeMasterRecord($"{i}", $"Representante {i}"))];
        server.Ems.Tables[DatasulMasterData.Carriers] = [new FakeMasterRecord("3", "Rápida")];
        server.Ems.Tables[DatasulMasterData.PaymentConditions] = [new FakeMasterRecord("15", "30 dias")];
        server.Ems.Tables[DatasulMasterData.PriceTables] = [new FakeMasterRecord("TB1", "2026"), new FakeMasterRecord("TB9", "2019", ActiveTablePrice: false)];
        using var host = Host(server);

        var loaded = await Transport(host).LoadMasterDataAsync();

        var data = loaded.AsT0;
        Assert.Equal(12, data.All(MasterDataKind.Representative).Count());
        Assert.Equal([("TB1", true), ("TB9", false)], data.All(MasterDataKind.PriceTable).Select(t => (t.Code.Value, t.Active)).Order());
        Assert.Equal("Rápida", Assert.Single(data.All(MasterDataKind.Carrier)).Name);
        var result = new DatasulAdapter().Evaluate(Samples.Register(Samples.Company()), Samples.Context with { MasterData = data });
        Assert.Equal(["datasul.portador.not_integrated"], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task A_record_without_a_usable_code_is_left_out_and_logged_and_the_list_still_loads()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        server.Ems.Tables[DatasulMasterData.Carriers] = [new FakeMasterRecord(" ", "Sem código"), new FakeMasterRecord("3", "Rápida")];
        using var host = Host(server);

        var loaded = await Transport(host).LoadMasterDataAsync();

        Assert.True(loaded.IsT0, loaded.Value.ToString());
        Assert.NotNull(loaded.AsT0.Find(MasterDataKind.Carrier, MasterDataCode.From("3")));
        Assert.Contains(host.Logs.Lines, line => line.Contains("1 Carrier record(s) without a usable code", StringComparison.Ordinal));
    }
}
