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
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 12, 7, 4, 30);

    private const int Records = SeededErp.Records;

    private sealed class Erp(FakeErpServer server, TransportHost host) : IAsyncDisposable
    {
        public FakeErpServer Server { get; } = server;

        public IErpReader Reader { get; } = host.Get<IEnumerable<IErpReader>>().Single();

        public async ValueTask DisposeAsync()
        {
            host.Dispose();
            await Server.DisposeAsync();
        }

        public IReadOnlyList<string> SeedCustomers(int count) => SeededErp.SeedCustomers(Server, count);
    }

    private static async Task<Erp> StartAsync(string erp)
    {
        var (server, host) = await SeededErp.StartAsync(erp);
        return new Erp(server, host);
    }

    private static MasterDataKind[] Kinds(string erp) => SeededErp.Kinds(erp);

    private static IErpAdapter AdapterOf(string erp) => erp switch
    {
        "datasul" => new DatasulAdapter(),
        "protheus" => new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" }),
        _ => new MegaAdapter(),
    };

    [Theory]
    [InlineData("datasul")]
    [InlineData("protheus")]
    [InlineData("mega")]
    public async Task Every_kind_the_erp_serves_is_read_page_by_page_to_the_end_each_record_of_that_kind(string id)
    {
        await using var erp = await StartAsync(id);

        Assert.Equal(ErpId.Of(id), erp.Reader.Erp);
        Assert.Equal(Kinds(id), erp.Reader.MasterDataKinds);
        foreach (var kind in Kinds(id))
        {
            var first = (await erp.Reader.ReadMasterDataAsync(kind, 1)).AsT0;
            var second = (await erp.Reader.ReadMasterDataAsync(kind, 2)).AsT0;

            Assert.Equal((ErpHttpTransportPageSize, true), (first.Records.Count, first.HasNext));
            Assert.Equal((Records - ErpHttpTransportPageSize, false), (second.Records.Count, second.HasNext));
            Assert.All(first.Records.Concat(second.Records), r => Assert.Equal(kind, r.Kind));
            Assert.Equal(first.Records.Count + second.Records.Count, first.Records.Concat(second.Records).Select(r => r.Code).Distinct().Count());
        }
    }

    private const int ErpHttpTransportPageSize = Http.ErpHttpTransport.ReadPageSize;

    [Fact]
    public async Task Mega_records_carry_their_active_and_receivable_flags_and_satisfy_the_rules_only_when_active_and_receivable()
    {
        await using var erp = await StartAsync("mega");
        var mega = (FakeSeniorXServer)erp.Server;
        mega.Mega.PaymentConditions = [.. Enumerable.Range(1, Records).Select(i => new MegaPaymentCondition($"P{i:D3}", $"Condição {i}", i % 2 == 0, i % 5 != 0))];
        mega.Mega.PriceTables = [.. Enumerable.Range(1, Records).Select(i => new MegaPriceTable($"T{i:D3}", $"Tabela {i}", i % 4 != 0))];

        var conditions = (await erp.Reader.ReadAllAsync(MasterDataKind.PaymentCondition)).AsT0;
        var tables = (await erp.Reader.ReadAllAsync(MasterDataKind.PriceTable)).AsT0;

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
        var code = erp.SeedCustomers(1)[0];

        var standing = (await erp.Reader.ReadStandingAsync(code, TestAccounts.Today, ReadAt)).AsT0;
        var unknown = await erp.Reader.ReadStandingAsync("424242", TestAccounts.Today, ReadAt);

        Assert.Equal((ErpSituation.Active, ReadAt), (standing.Situation, standing.ReadAt));
        var expected = id switch
        {
            // A new EMS customer has no sale, credit or balance yet; Protheus' customerVendor has no last purchase; a Mega agent no credit.
            "datasul" => new ErpStanding(ErpSituation.Active, null, null, null, null, ReadAt),
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
    public async Task The_customer_list_pages_to_the_end_each_item_the_documented_payload_the_adapter_reads(string id)
    {
        await using var erp = await StartAsync(id);
        var codes = erp.SeedCustomers(Records);

        Assert.True(erp.Reader.ServesCustomers);
        var first = (await erp.Reader.ReadCustomersAsync(1)).AsT0;
        var all = (await erp.Reader.ReadAllCustomersAsync()).AsT0;

        Assert.True(first.HasNext);
        Assert.Equal(ErpHttpTransportPageSize, first.Payloads.Count);
        Assert.Equal(codes, all.Select(payload => AdapterOf(id).ReadState(payload, TestAccounts.Today).ErpCode));
        Assert.Equal(TestAccounts.Customer(Records).Data.LegalName, AdapterOf(id).ToForm(all[^1]).LegalName);
    }

    [Fact]
    public async Task Mega_seeded_customers_are_the_agents_its_initial_load_takes_and_no_effect()
    {
        await using var erp = await StartAsync("mega");
        var codes = erp.SeedCustomers(Records);

        var export = await ((MegaTransport)erp.Reader).ReadExportAsync();

        Assert.Equal(codes, MegaInitialLoad.Take(export.AsT0, new MegaAdapter()).Customers.Select(c => c.ErpCode));
        Assert.Equal(0, erp.Server.Erp.Applied);
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
