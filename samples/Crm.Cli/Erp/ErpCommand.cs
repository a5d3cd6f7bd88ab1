using Crm.Adapters.Protheus;
using Crm.Cli.Demo;
using Crm.Domain.Integration.Eligibility;
using Crm.Sdk;
using Crm.Sdk.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Erp;

/// <summary>
/// <c>crm erp load</c> and <c>crm erp pull</c>: the demo tenant's inbound jobs against the Protheus REST server at an address
/// (the initial load of its master data, the pull of its customers' standings), each printing what it did.
/// </summary>
internal sealed class ErpCommand(IAnsiConsole console)
{
    /// <summary>Loads the Protheus master data into the demo tenant; 0 when the load completed.</summary>
    public async Task<int> LoadAsync(string path, Uri protheus, CancellationToken cancellationToken)
    {
        await using var provider = CliEngine.Services(path, protheus).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        return Report(console, await engine.Jobs.LoadErpMasterDataAsync(DemoData.Tenant, ProtheusAdapter.Id, cancellationToken)) ? 0 : 1;
    }

    /// <summary>Pulls the demo tenant's customers' standings from Protheus; 0 when the ERP answered.</summary>
    public async Task<int> PullAsync(string path, Uri protheus, CancellationToken cancellationToken)
    {
        await using var provider = CliEngine.Services(path, protheus).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        return Report(console, await engine.Jobs.PullErpStandingsAsync(DemoData.Tenant, cancellationToken)) ? 0 : 1;
    }

    /// <summary>Prints a master-data load: each kind's records and whether it completed; true when every kind did.</summary>
    public static bool Report(IAnsiConsole console, CrmResult<ErpMasterDataLoaded> result)
    {
        if (!result.TryPickT0(out var loaded, out _))
            return Refused(console, "Cadastros do ERP", result.Outcome, result.Problems);
        var kinds = string.Join(", ", loaded.Kinds.Select(k => $"{k.Records} {Name(k.Kind)}{(k.Completed ? "" : " (incompleto)")}"));
        console.MarkupLineInterpolated($"Cadastros do ERP: {kinds}.");
        if (loaded.Unavailable)
            console.MarkupLine("[yellow]O ERP ficou indisponível: a próxima carga continua da página em que esta parou.[/]");
        return !loaded.Unavailable && loaded.Kinds.All(k => k.Completed);
    }

    /// <summary>Prints a standing pull's counts; true when the ERP answered.</summary>
    public static bool Report(IAnsiConsole console, CrmResult<ErpStandingsPulled> result)
    {
        if (!result.TryPickT0(out var pulled, out _))
            return Refused(console, "Situação no ERP", result.Outcome, result.Problems);
        console.MarkupLineInterpolated(
            $"Situação no ERP: {pulled.Read} cliente(s) lido(s), {pulled.Changed} alterado(s), {pulled.Rejected} recusado(s) pelo ERP.");
        if (pulled.Unavailable)
            console.MarkupLine("[yellow]O ERP ficou indisponível: a leitura parou; a próxima lê de novo.[/]");
        return !pulled.Unavailable;
    }

    private static bool Refused(IAnsiConsole console, string what, string outcome, IEnumerable<Domain.Problems.Problem> problems)
    {
        console.MarkupLineInterpolated($"[red]{what}: recusado ({outcome})[/]: {string.Join("; ", problems.Select(p => $"{p.Code}: {p.Message}"))}");
        return false;
    }

    private static string Name(MasterDataKind kind) => kind switch
    {
        MasterDataKind.Representative => "vendedores",
        MasterDataKind.Carrier => "transportadoras",
        MasterDataKind.Portador => "portadores",
        MasterDataKind.PaymentCondition => "condições de pagamento",
        MasterDataKind.PriceTable => "tabelas de preço",
        _ => kind.ToString(),
    };
}
