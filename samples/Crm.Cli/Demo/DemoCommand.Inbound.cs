using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Servers;
using Crm.Cli.Erp;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Sdk;
using Spectre.Console;

namespace Crm.Cli.Demo;

internal sealed partial class DemoCommand
{
    /// <summary>
    /// The inbound half: the engine loads the fake Protheus's master data (sellers, carriers, payment conditions, price tables),
    /// then pulls every integrated customer's standing; Protheus holds a credit for Ana's first customer, shown as recorded. The
    /// fake Protheus starts empty at each run and only a first run sends it customers, so a rerun skips the pull (saying why)
    /// and shows the standing the first run recorded.
    /// </summary>
    private async Task ReadFromErpAsync(CrmEngine engine, FakeProtheusServer protheus, AccountId customer, CancellationToken cancellationToken)
    {
        ErpCommand.Report(console, await engine.Jobs.LoadErpMasterDataAsync(DemoData.Tenant, ProtheusAdapter.Id, cancellationToken));
        var marina = Session(engine, "marina");
        if ((await marina.Accounts.GetAsync(customer, cancellationToken)).TryPickT0(out var before, out _)
            && before.Account.Integration.TryPickT1(out var erp, out _))
            protheus.Protheus.SetCredit(erp.ErpCode, 10_000m, null, 1_200m, 0m);
        if (protheus.Protheus.Sa1.Count == 0)
            console.MarkupLine("Situação no ERP: leitura pulada — o Protheus falso começa vazio a cada execução e não conhece os clientes integrados numa execução anterior.");
        else
            ErpCommand.Report(console, await engine.Jobs.PullErpStandingsAsync(DemoData.Tenant, cancellationToken));
        if (!(await marina.Accounts.GetAsync(customer, cancellationToken)).TryPickT0(out var read, out _))
            return;
        var account = read.Account;
        if (account.ErpStanding is { } standing)
            console.MarkupLine(string.Create(PtBr,
                $"Situação de \"{Markup.Escape(account.Data.LegalName)}\": {(standing.Situation is { } situation ? new ErpStatus(IntegrationSystem.Erp, situation).Label : "não informada pelo ERP")}, limite {standing.CreditLimit:N2}, em aberto {standing.OpenBalance:N2}."));
        else
            console.MarkupLineInterpolated($"Situação de \"{account.Data.LegalName}\" no ERP: ainda não lida.");
    }
}
