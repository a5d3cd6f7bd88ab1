using Crm.Domain.Access;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Boards;
using Crm.Persistence.Provisioning;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Demo;

/// <summary>
/// <c>crm demo</c>: provisions the demo tenant into an embedded SQLite file, loads the sample data once, and prints
/// what a Diretor, a Coordenador and a Usuário each see (visibility applied in the SQL query). Running it again reuses
/// the file: provisioning steps report "already done" and no record is duplicated.
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console)
{
    /// <summary>The default database file, in the current folder so the user sees where the data went.</summary>
    public const string DefaultPath = "crm-demo.db";

    /// <summary>Accounts shown per user (the first page by legal name).</summary>
    private const int PageSize = 50;

    /// <summary>Who the demo shows, one per standard role.</summary>
    private static readonly string[] Viewers = ["marina", "carlos", "ana"];

    public async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        var database = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(path));
        await database.MigrateAsync(cancellationToken);
        console.MarkupLineInterpolated($"Banco de dados: [bold]{Printable.OneLine(database.Options.DatabaseFile ?? path)}[/]");

        var provisioned = await new TenantProvisioning(database).ProvisionAsync(DemoData.Tenant, DemoData.TenantName, Package.Freemium,
            DefaultIntegration.Datasul, cancellationToken);
        var report = provisioned.AsT0;
        var steps = new Table().Title("Implantação do tenant").AddColumns("Etapa", "Resultado");
        foreach (var step in report.Steps)
            steps.AddRow(Markup.Escape(step.Step.Description), Outcome(step.Outcome));
        console.Write(steps);
        if (!report.Completed)
            return 1;

        await using (var db = database.Open(DemoData.Tenant))
        {
            if (await DemoData.IsLoadedAsync(db))
                console.MarkupLine("Dados de exemplo: [yellow]já carregados[/] (reutilizados, nada duplicado).");
            else
            {
                await DemoData.LoadAsync(db, SystemClock.Instance);
                var saved = await db.SaveAsync(cancellationToken);
                if (!saved.IsSaved)
                    throw new InvalidOperationException($"The demo data could not be saved: {saved}");
                console.MarkupLine("Dados de exemplo: [green]carregados[/].");
            }
        }

        var summary = new Table().Title("O que cada papel vê").AddColumns("Usuário", "Papel", "Contas", "Leads");
        foreach (var login in Viewers)
            await ShowAsync(database, login, summary, cancellationToken);
        console.Write(summary);
        await ShowBoardAsync(database, "ana", cancellationToken);
        return 0;
    }

    /// <summary>The board as <paramref name="login"/> sees it through the filter she keeps in use (applied in the SQL query).</summary>
    private async Task ShowBoardAsync(CrmDatabase database, string login, CancellationToken cancellationToken)
    {
        await using var db = database.Open(DemoData.Tenant);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Login == login, cancellationToken);
        var board = await db.Boards.AsNoTracking().SingleAsync(cancellationToken);
        var filters = new DatabaseBoardFilters(db);
        var preferences = await filters.OfAsync(user.Id, board.Id, cancellationToken);
        var columns = await filters.ColumnsAsync(preferences, board, DateTimeZoneProviders.Tzdb["America/Sao_Paulo"],
            SystemClock.Instance.GetCurrentInstant(), cancellationToken);
        var total = await db.Cards.CountAsync(c => c.Board == board.Id, cancellationToken);
        console.MarkupLineInterpolated($"Quadro [bold]{board.Name}[/] de {user.Name}, filtros salvos: {string.Join(", ", preferences.Saved.Keys.Order())}");
        console.MarkupLineInterpolated($"Filtro em uso: {columns.Sum(c => c.Total)} de {total} cartões.");
        var table = new Table().AddColumns("Etapa", "Cartões", "Primeira página");
        foreach (var column in columns)
            table.AddRow(Markup.Escape(board.FindStage(column.Stage)?.Name ?? ""), column.Total.ToString(),
                Markup.Escape(string.Join(", ", column.Cards.Select(c => c.Name))));
        console.Write(table);
    }

    private async Task ShowAsync(CrmDatabase database, string login, Table summary, CancellationToken cancellationToken)
    {
        await using var db = database.Open(DemoData.Tenant);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Login == login, cancellationToken);
        var role = await db.Roles.AsNoTracking().Where(r => user.Roles.Contains(r.Id)).Select(r => r.Name).FirstAsync(cancellationToken);
        var scope = (await db.ScopeOfAsync(user.Id, cancellationToken)).AsT0;
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().VisiblePageByLegalNameAsync(scope, a => a.Id, 0, PageSize, cancellationToken);
        var visibleAccounts = await db.Accounts.VisibleTo(scope).CountAsync(cancellationToken);
        var leads = await db.Leads.VisibleTo(scope).CountAsync(cancellationToken);

        var table = new Table().Title($"{user.Name} ({role})").AddColumns("Conta", "CNPJ", "Responsável");
        foreach (var account in accounts)
            table.AddRow(Markup.Escape(account.Data.LegalName), account.Data.TaxId?.ToString() ?? "",
                Markup.Escape(account.Data.Owner is { } owner ? names[owner] : ""));
        console.Write(table);
        summary.AddRow(user.Login, Markup.Escape(role), visibleAccounts.ToString(), leads.ToString());
    }

    private static string Outcome(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "[green]concluída[/]",
        StepOutcome.AlreadyDone => "[yellow]já feita[/]",
        StepOutcome.Failed => "[red]falhou[/]",
        _ => "não executada",
    };
}
