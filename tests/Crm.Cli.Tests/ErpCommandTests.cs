using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Eligibility;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

public sealed class ErpCommandTests : IDisposable
{
    private static readonly TenantId DemoTenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-erp-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose()
    {
        SqliteFolders.Delete(_folder);
    }

    [Fact]
    public async Task Erp_load_replaces_the_demos_master_data_with_the_servers_and_erp_pull_reads_the_customers_it_knows()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        await using var protheus = await FakeProtheusServer.StartAsync(new FakeProtheus(sellers: ["000009"], carriers: [7, 8, 9]));

        var load = CliRun.Of("erp", "load", "--db", Db, "--protheus-url", protheus.BaseUrl.ToString());
        var pull = CliRun.Of("erp", "pull", "--db", Db, "--protheus-url", protheus.BaseUrl.ToString());

        Assert.Equal((0, ""), (load.Exit, load.Error));
        Assert.Contains("Cadastros do ERP: 1 vendedores, 3 transportadoras, 0 condições de pagamento, 0 tabelas de preço.", load.OutputLines);
        // This server knows none of the demo's customers: every read is refused, which is not a failure of the run.
        Assert.Equal((0, ""), (pull.Exit, pull.Error));
        Assert.Contains("Situação no ERP: 0 cliente(s) lido(s), 0 alterado(s), 11 recusado(s) pelo ERP.", pull.OutputLines);
        await using var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(DemoTenant);
        Assert.Equal(["000009"], await db.ErpMasterData.Where(r => r.Kind == MasterDataKind.Representative).Select(r => r.Code).ToListAsync());
    }

    [Fact]
    public void Erp_commands_say_when_the_erp_cannot_be_reached_and_exit_1()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        var closed = new Uri($"http://127.0.0.1:{LocalSmtpServer.FreePort()}/");

        var load = CliRun.Of("erp", "load", "--db", Db, "--protheus-url", closed.ToString());
        var pull = CliRun.Of("erp", "pull", "--db", Db, "--protheus-url", closed.ToString());

        Assert.Equal(1, load.Exit);
        Assert.Contains("O ERP ficou indisponível: a próxima carga continua da página em que esta parou.", load.OutputLines);
        Assert.Equal(1, pull.Exit);
        Assert.Contains("O ERP ficou indisponível: a leitura parou; a próxima lê de novo.", pull.OutputLines);
    }

    [Fact]
    public void Erp_commands_refuse_an_address_that_is_not_http() =>
        CliRun.Of("erp", "pull", "--protheus-url", "ftp://erp\nhost").AssertUsageError("--protheus-url 'ftp://erp\\nhost' is not an absolute http(s) address");
}
