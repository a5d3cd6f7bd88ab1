using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// A built-in ERP's fake server holding <see cref="Records"/> records of every kind its reader serves, and a host whose adapter
/// talks to it over loopback HTTP.
/// </summary>
internal static class SeededErp
{
    /// <summary>Page 1 holds <see cref="ErpHttpTransport.ReadPageSize"/> (100) records and says another follows, page 2 the rest.</summary>
    public const int Records = 150;

    public const string User = "crm";
    public const string Password = "s3nh4-do-erp";

    /// <summary>The kinds the ERP's reader serves.</summary>
    public static MasterDataKind[] Kinds(string erp) => erp == "mega"
        ? [MasterDataKind.Representative, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable]
        : [MasterDataKind.Representative, MasterDataKind.Carrier, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable];

    public static async Task<(FakeErpServer Server, TransportHost Host)> StartAsync(string erp)
    {
        switch (erp)
        {
            case "datasul":
            {
                var server = await FakeDatasulServer.StartAsync(User, Password);
                foreach (var kind in Kinds(erp))
                    server.Ems.SeedMasterData(kind, Records);
                return (server, DatasulHost.For(server, User, Password));
            }
            case "protheus":
            {
                var server = await FakeProtheusServer.StartAsync(new FakeProtheus(), User, Password);
                foreach (var kind in Kinds(erp))
                    server.Protheus.SeedMasterData(kind, Records);
                return (server, new TransportHost(ProtheusAdapter.Id, server, s => s.AddProtheusAdapter(o =>
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
                foreach (var kind in Kinds(erp))
                    server.Mega.SeedMasterData(kind, Records);
                return (server, MegaHost.For(server));
            }
        }
    }

    /// <summary>Customers the ERP holds already, seeded in the fake; their ERP codes.</summary>
    public static IReadOnlyList<string> SeedCustomers(FakeErpServer server, int count) => server switch
    {
        FakeDatasulServer datasul => datasul.Ems.SeedCustomers(count),
        FakeProtheusServer protheus => protheus.Protheus.SeedCustomers(count),
        _ => ((FakeSeniorXServer)server).Mega.SeedCustomers(count),
    };

    /// <summary>The conformance kit's reader: the seeded ERP with <see cref="Records"/> customers, the first one known.</summary>
    public static async Task<ErpReaderUnderTest?> ReaderAsync(string erp, ErpStateFields notExposed)
    {
        var (server, host) = await StartAsync(erp);
        var known = SeedCustomers(server, Records)[0];
        return new ErpReaderUnderTest(host.Get<IEnumerable<IErpReader>>().Single(), known, notExposed, host, server);
    }
}
