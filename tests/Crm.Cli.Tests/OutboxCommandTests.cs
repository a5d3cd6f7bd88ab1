using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

public sealed class OutboxCommandTests : IDisposable
{
    private static readonly TenantId DemoTenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-outbox-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public async Task Outbox_shows_the_demos_messages_requeues_only_parked_ones_and_dispatches_to_a_protheus_url()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        await using var protheus = await FakeProtheusServer.StartAsync(new FakeProtheus());

        var all = CliRun.Of("outbox", "--db", Db);
        var sent = CliRun.Of("outbox", "--db", Db, "--requeue", await ParkOneAsync(park: false));
        var unknown = CliRun.Of("outbox", "--db", Db, "--requeue", Guid.NewGuid().ToString());
        var id = await ParkOneAsync(park: true);
        var parked = CliRun.Of("outbox", "--db", Db, "--status", "Parked");
        var dispatch = CliRun.Of("outbox", "--db", Db, "--requeue", id, "--protheus-url", protheus.BaseUrl.ToString());

        Assert.Equal(0, all.Exit);
        // The demo's order is the thirteenth message, sent to Protheus.
        Assert.Contains(Summary13Sent, all.OutputLines);
        Assert.Equal(11, all.OutputLines.Count(l => l.Contains("customerVendor Create", StringComparison.Ordinal)));
        Assert.Single(all.OutputLines, l => l.Contains("customerVendor Update", StringComparison.Ordinal));
        Assert.Equal(1, sent.Exit);
        Assert.Contains(sent.OutputLines, l => l.Contains("outbox.not_parked", StringComparison.Ordinal));
        Assert.Equal(1, unknown.Exit);
        Assert.Contains(unknown.OutputLines, l => l.Contains("outbox_message.not_found", StringComparison.Ordinal));
        Assert.Single(parked.OutputLines, l => l.Contains("customerVendor Create", StringComparison.Ordinal) && l.Contains("estacionada", StringComparison.Ordinal));
        Assert.Equal(0, dispatch.Exit);
        Assert.Contains($"Mensagem {id} de volta à fila.", dispatch.OutputLines);
        Assert.Contains("Despacho: 1 enviadas e reconhecidas pelo ERP, 0 novas tentativas após falhas, 0 estacionadas.", dispatch.OutputLines);
        Assert.Contains(Summary13Sent, dispatch.OutputLines);
        Assert.Equal(id, Assert.Single(protheus.Requests).Headers["X-Crm-Account"] is { } account ? await IdOfAsync(account) : "");
    }

    private const string Summary13Sent = "Outbox do ERP: 0 pendentes, 0 enviando, 13 enviadas, 0 estacionadas.";

    // The id of the demo's first message, parked as if the ERP had refused it (or left sent).
    private async Task<string> ParkOneAsync(bool park)
    {
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        var first = await db.Outbox.OrderBy(m => m.CreatedAt).FirstAsync();
        if (park)
            await db.Outbox.Where(m => m.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Parked).SetProperty(m => m.LastError, "Rejected: test"));
        return first.Id.ToString();
    }

    private async Task<string> IdOfAsync(string account)
    {
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        return (await db.Outbox.SingleAsync(m => m.Account == new AccountId(Guid.Parse(account)))).Id.ToString();
    }

    [Fact]
    public void A_protheus_url_that_is_not_an_http_address_is_a_usage_error() =>
        CliRun.Of("outbox", "--protheus-url", "ftp://erp\nhost").AssertUsageError("--protheus-url 'ftp://erp\\nhost' is not an absolute http(s) address");

    [Fact]
    public void An_unknown_status_is_a_usage_error()
    {
        var run = CliRun.Of("outbox", "--status", "Lost");

        Assert.Equal(2, run.Exit);
        Assert.Contains("Lost", run.Error, StringComparison.Ordinal);
    }
}
