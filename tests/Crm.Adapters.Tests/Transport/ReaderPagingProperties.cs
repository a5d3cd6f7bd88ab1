using System.Globalization;
using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Transport;

/// <summary>One fake EMS over loopback HTTP and the Datasul reader a host resolves, shared by the properties below.</summary>
public sealed class DatasulReaderFixture : IAsyncLifetime
{
    private TransportHost? _host;

    public FakeDatasulServer Server { get; private set; } = null!;

    public IErpReader Reader { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeDatasulServer.StartAsync(SeededErp.User, SeededErp.Password);
        _host = DatasulHost.For(Server, SeededErp.User, SeededErp.Password);
        Reader = _host.Get<IEnumerable<IErpReader>>().Single();
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// The reader's pages, end to end: whatever the size of an ERP list, reading <see cref="IErpReader.ReadMasterDataAsync"/>
/// from page 1 until <c>HasNext</c> is false gives every record once, in the ERP's order, in ⌈n / 100⌉ requests (one for an
/// empty list).
/// </summary>
public sealed class ReaderPagingProperties(DatasulReaderFixture erp) : IClassFixture<DatasulReaderFixture>
{
    [Property(MaxTest = 25)]
    public Property A_list_of_any_size_is_read_whole_once_in_order_in_as_many_requests_as_pages(NonNegativeInt n)
    {
        var count = n.Get % 420;
        var codes = Enumerable.Range(1, count).Select(i => i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        erp.Server.Ems.Tables[DatasulMasterData.Carriers] = [.. codes.Select(c => new FakeMasterRecord(c, $"Transportadora {c}"))];
        var before = erp.Server.Requests.Count;

        var read = erp.Reader.ReadAllAsync(MasterDataKind.Carrier).AsTask().GetAwaiter().GetResult();

        var requests = erp.Server.Requests.Count - before;
        var pages = Math.Max(1, (count + ErpHttpTransport.ReadPageSize - 1) / ErpHttpTransport.ReadPageSize);
        return (read.IsT0 && read.AsT0.Select(r => r.Code.Value).SequenceEqual(codes) && requests == pages)
            .Label($"{count} records: {requests} requests, {(read.IsT0 ? read.AsT0.Count : -1)} read");
    }
}
