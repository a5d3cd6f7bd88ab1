using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// Each built-in transport as the domain's inbound port, <see cref="IErpReader"/>, resolved from the host's services and read
/// over loopback HTTP: an account's standing, the master-data lists its contract serves page by page to the end, its customers.
/// </summary>
public sealed class ReaderTests
{
    private const string User = "crm";
    private const string Password = "s3nh4-do-erp";
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 12, 7, 4, 30);

    // 150 records a kind (Protheus one more, what the sample company points to): page 1 holds ErpHttpTransport.ReadPageSize
    // (100) and says another follows, page 2 the rest.
    private const int Records = 150;

    private static IEnumerable<string> Codes(string prefix) => Enumerable.Range(1, Records).Select(i => $"{prefix}{i:D3}");

    private sealed class Erp(FakeErpServer server, TransportHost host) : IAsyncDisposable
    {
        public FakeErpServer Server { get; } = server;

        public IErpReader Reader { get; } = host.Get<IEnumerable<IErpReader>>().Single();

        public IErpTransport Transport => host.Transport;

        public async ValueTask DisposeAsync()
        {
            host.Dispose();
            await Server.DisposeAsync();
        }
    }

    // A fake of the ERP whose every served list holds Records records, and a host whose adapter talks to it.
    private static async Task<Erp> StartAsync(string erp)
    {
        switch (erp)
        {
            case "datasul":
            {
                var server = await FakeDatasulServer.StartAsync(User, Password);
                foreach (var list in Enum.GetValues<DatasulMasterData>())
                    server.Ems.Tables[list] = [.. Codes($"{list}".ToUpperInvariant()[..3]).Select(c => new FakeMasterRecord(c, $"Registro {c}"))];
                return new Erp(server, DatasulHost.For(server, User, Password));
            }
            case "protheus":
            {
                var protheus = new FakeProtheus([.. Codes("V"), "7"], [.. Enumerable.Range(1000, Records), 3], [.. Codes("C"), "15"], [.. Codes("T"), "TB1"]);
                var server = await FakeProtheusServer.StartAsync(protheus, User, Password);
                return new Erp(server, new TransportHost(ProtheusAdapter.Id, server, s => s.AddProtheusAdapter(o =>
                {
                    o.CompanyId = "T1";
                    o.BranchId = "D MG 01";
                    o.BaseUrl = server.BaseUrl;
                    o.Username = User;
                    o.Password = Password;
                })));
            }
            default:
            {
                var server = await FakeSeniorXServer.StartAsync(MegaHost.Tenant, MegaHost.Key, MegaHost.Secret);
                server.Mega.Representatives = [.. Codes("R").Select((c, i) => new MegaRepresentative(c, $"Representante {c}", i % 3 != 0))];
                server.Mega.PaymentConditions = [.. Codes("P").Select((c, i) => new MegaPaymentCondition(c, $"Condição {c}", i % 2 == 0, i % 5 != 0))];
                server.Mega.PriceTables = [.. Codes("T").Select((c, i) => new MegaPriceTable(c, $"Tabela {c}", i % 4 != 0))];
                return new Erp(server, MegaHost.For(server));
            }
        }
    }

    private static IErpAdapter AdapterOf(string erp) => erp switch
    {
        "datasul" => new DatasulAdapter(),
        "protheus" => new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" }),
        _ => new MegaAdapter(),
    };

    private static async Task<string> RegisterAsync(Erp erp, string id) =>
        (await erp.Transport.SendAsync(AdapterOf(id).Prepare(Samples.Register(Samples.Company())))).AsT0.ErpCode;

    public static TheoryData<string, MasterDataKind[]> ServedKinds => new()
    {
        { "datasul", [MasterDataKind.Representative, MasterDataKind.Carrier, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable] },
        { "protheus", [MasterDataKind.Representative, MasterDataKind.Carrier, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable] },
        { "mega", [MasterDataKind.Representative, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable] },
    };

    [Theory]
    [MemberData(nameof(ServedKinds))]
    public async Task Every_kind_the_erp_serves_is_read_page_by_page_to_the_end_each_record_of_that_kind(string id, MasterDataKind[] kinds)
    {
        await using var erp = await StartAsync(id);

        Assert.Equal(ErpId.Of(id), erp.Reader.Erp);
        Assert.Equal(kinds, erp.Reader.MasterDataKinds);
        foreach (var kind in kinds)
        {
            var first = (await erp.Reader.ReadMasterDataAsync(kind, 1)).AsT0;
            var second = (await erp.Reader.ReadMasterDataAsync(kind, 2)).AsT0;

            Assert.Equal((ErpHttpTransportPageSize, true), (first.Records.Count, first.HasNext));
            Assert.Equal((Records - ErpHttpTransportPageSize + (id == "protheus" ? 1 : 0), false), (second.Records.Count, second.HasNext));
            Assert.All(first.Records.Concat(second.Records), r => Assert.Equal(kind, r.Kind));
            Assert.Equal(first.Records.Count + second.Records.Count, first.Records.Concat(second.Records).Select(r => r.Code).Distinct().Count());
        }
    }

    private const int ErpHttpTransportPageSize = Http.ErpHttpTransport.ReadPageSize;

    [Fact]
    public async Task Mega_records_carry_their_active_and_receivable_flags_and_satisfy_the_rules_only_when_active_and_receivable()
    {
        await using var erp = await StartAsync("mega");

        var conditions = (await erp.Reader.ReadAllAsync(MasterDataKind.PaymentCondition)).AsT0;
        var tables = (await erp.Reader.ReadAllAsync(MasterDataKind.PriceTable)).AsT0;

        var mega = (FakeSeniorXServer)erp.Server;
        Assert.Equal(mega.Mega.PaymentConditions.Select(p => (p.Code, p.Name, p.Active, p.Receivable)),
            conditions.Select(r => (r.Code.Value, r.Name, r.Active, r.Receivable)));
        Assert.Equal(mega.Mega.PriceTables.Select(t => (t.Code, t.Active)), tables.Select(r => (r.Code.Value, r.Active)));
        Assert.Equal(["?offset=0&size=100", "?offset=1&size=100"],
            mega.Requests.Where(r => r.Path.EndsWith("/paymentCondition", StringComparison.OrdinalIgnoreCase)).Select(r => r.Query));
    }

    [Theory]
    [InlineData("datasul", MasterDataKind.Portador)]
    [InlineData("protheus", MasterDataKind.Portador)]
    [InlineData("mega", MasterDataKind.Portador)]
    [InlineData("mega", MasterDataKind.Carrier)]
    public async Task A_kind_the_erp_does_not_serve_is_rejected_as_not_served_without_a_request(string id, MasterDataKind kind)
    {
        await using var erp = await StartAsync(id);

        var read = await erp.Reader.ReadMasterDataAsync(kind, 1);

        var problem = Assert.Single(read.AsT1.Problems);
        Assert.Equal(("kind", ErpReadCodes.ListNotServed), (problem.Field, problem.Code));
        Assert.Empty(erp.Server.Requests);
    }

    [Theory]
    [InlineData("datasul")]
    [InlineData("protheus")]
    [InlineData("mega")]
    public async Task The_standing_is_the_accounts_state_with_what_the_erp_does_not_expose_null_and_an_unknown_customer_is_rejected(string id)
    {
        await using var erp = await StartAsync(id);
        var code = await RegisterAsync(erp, id);

        var standing = (await erp.Reader.ReadStandingAsync(code, TestAccounts.Today, ReadAt)).AsT0;
        var unknown = await erp.Reader.ReadStandingAsync("424242", TestAccounts.Today, ReadAt);

        Assert.Equal((ErpSituation.Active, ReadAt), (standing.Situation, standing.ReadAt));
        var expected = id switch
        {
            // customerPublic has no open balance; Protheus' customerVendor no last purchase; a Mega agent carries no credit.
            "datasul" => new ErpStanding(ErpSituation.Active, standing.LastPurchase, standing.CreditLimit, standing.CreditLimitExpiresOn, null, ReadAt) { Blocked = standing.Blocked },
            "protheus" => new ErpStanding(ErpSituation.Active, null, standing.CreditLimit, standing.CreditLimitExpiresOn, standing.OpenBalance, ReadAt) { Blocked = false },
            _ => new ErpStanding(ErpSituation.Active, null, null, null, null, ReadAt),
        };
        Assert.Equal(expected, standing);
        Assert.NotEmpty(unknown.AsT1.Problems);
    }

    [Theory]
    [InlineData("datasul")]
    [InlineData("protheus")]
    [InlineData("mega")]
    public async Task Every_read_of_an_erp_that_is_down_is_unavailable(string id)
    {
        await using var erp = await StartAsync(id);
        erp.Server.InjectRandomly(1, 7, FakeFault.Status503, FakeFault.Drop);

        var standing = await erp.Reader.ReadStandingAsync("1", TestAccounts.Today, ReadAt);
        var list = await erp.Reader.ReadMasterDataAsync(MasterDataKind.PriceTable, 1);

        Assert.True(standing.IsT2, standing.Value.ToString());
        Assert.True(list.IsT2, list.Value.ToString());
        if (erp.Reader.ServesCustomers)
        {
            var customers = await erp.Reader.ReadCustomersAsync(1);
            Assert.True(customers.IsT2, customers.Value.ToString());
        }
    }

    [Theory]
    [InlineData("datasul")]
    [InlineData("protheus")]
    public async Task The_customer_list_pages_the_documented_customer_payloads_the_adapter_reads(string id)
    {
        await using var erp = await StartAsync(id);
        var code = await RegisterAsync(erp, id);

        Assert.True(erp.Reader.ServesCustomers);
        var page = (await erp.Reader.ReadCustomersAsync(1)).AsT0;

        Assert.False(page.HasNext);
        var payload = Assert.Single(page.Payloads);
        Assert.Equal(code, AdapterOf(id).ReadState(payload, TestAccounts.Today).ErpCode);
        Assert.Equal(Samples.Company().LegalName, AdapterOf(id).ToForm(payload).LegalName);
    }

    [Fact]
    public async Task Mega_serves_no_customer_list_its_contract_does_not_document()
    {
        await using var erp = await StartAsync("mega");

        var read = await erp.Reader.ReadCustomersAsync(1);

        Assert.False(erp.Reader.ServesCustomers);
        Assert.Equal([("customers", ErpReadCodes.ListNotServed)], read.AsT1.Problems.Select(p => (p.Field, p.Code)));
    }
}
