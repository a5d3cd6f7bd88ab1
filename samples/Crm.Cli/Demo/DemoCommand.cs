using System.Globalization;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Cli.Outbox;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Organization;
using Crm.Domain.Access;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Sdk;
using Crm.Sdk.Accounts;
using Crm.Sdk.Funnel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Demo;

/// <summary>
/// <c>crm demo</c>: the engine as a host embeds it (<c>AddCrm(crm =&gt; crm.UseSqlite(path))</c>), in visible steps:
/// provisioning, each person registering its accounts and leads through its own session, a registration refused as a
/// duplicate, a lead converted into an account, an opportunity moved through the funnel with its stages' automations
/// promoting the account type, a Usuário denied an action, the accounts sent to the tenant's ERP (a fake Protheus server on
/// 127.0.0.1 failing some requests, so retries show), its master data loaded and the customers' standings pulled back from it, a sales
/// order from the catalog to the ERP, a customer's complaint answered and closed with an appointment, a follow-up and the account's timeline, and what a Diretor, a Coordenador and a Usuário each see.
/// Running it again reuses the file: provisioning reports "already done", every registration is refused as a duplicate of
/// the first run's, the converted lead and the promoted account are read back, no record is duplicated and nothing is left
/// to send to the ERP.
/// </summary>
internal sealed partial class DemoCommand(IAnsiConsole console)
{
    /// <summary>The default database file, in the current folder so the user sees where the data went.</summary>
    public const string DefaultPath = "crm-demo.db";

    /// <summary>Accounts shown per user (the first page by legal name).</summary>
    private const int PageSize = 50;

    /// <summary>Who the demo shows, one per standard role.</summary>
    private static readonly string[] Viewers = ["marina", "carlos", "ana"];

    public async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        // The tenant's ERP: a fake Protheus REST server on 127.0.0.1 (a real HTTP server), failing some requests on purpose,
        // that knows two sellers (SA3), a carrier (SA4), the payment condition (SE4) and price table (DA0) of the demo's order.
        await using var protheus = await FakeProtheusServer.StartAsync(
            new FakeProtheus(sellers: ["000001", "000002"], carriers: [1], conditions: [DemoSales.PaymentCondition], priceTables: [DemoSales.Table]),
            cancellationToken: cancellationToken);
        // The company's mail server: a real SMTP server on 127.0.0.1, for the test e-mail and the funnel's notifications.
        await using var mail = DemoMailServer.Start();
        await using var provider = CliEngine.Services(path, protheus.BaseUrl).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        console.MarkupLineInterpolated($"Banco de dados: [bold]{Printable.OneLine(Path.GetFullPath(path))}[/]");

        if (!await ProvisionAsync(engine, cancellationToken))
            return 1;
        if (!await LoadStructureAsync(engine, cancellationToken))
            return 1;
        if (!await ConfigureClientTypesAsync(engine, cancellationToken))
            return 1;
        if (await RegisterAsync(engine, cancellationToken) is not { } registered)
            return 1;
        await RefuseDuplicateAsync(engine, cancellationToken);
        await ConvertLeadAsync(engine, registered.Leads["carlos"][0], cancellationToken);
        if (await PipelineAsync(engine, cancellationToken) is not { } pipeline)
            return 1;
        if (!await ConfigureSmtpAsync(engine, mail, cancellationToken))
            return 1;
        await MoveOpportunityAsync(engine, pipeline, registered.Accounts["bruno"][0].AsT1, cancellationToken);
        await NotifyAsync(engine, mail, cancellationToken);
        await DenyAsync(engine, registered.Accounts["ana"], cancellationToken);
        await ExportImportAsync(engine, path, cancellationToken);
        await SendToErpAsync(engine, protheus, cancellationToken);
        await ReadFromErpAsync(engine, protheus, registered.Accounts["ana"][0].AsT1, cancellationToken);
        await SellAsync(engine, registered.Accounts["ana"][0].AsT1, path, cancellationToken);
        await ImportPricesAsync(engine, cancellationToken);
        await ServeAsync(engine, registered.Accounts["ana"][0].AsT1, mail, cancellationToken);

        var summary = new Table().Title("O que cada papel vê").AddColumns("Usuário", "Papel", "Contas", "Leads");
        foreach (var login in Viewers)
            await ShowAsync(engine, DemoData.Person(login), summary, cancellationToken);
        console.Write(summary);
        await ShowBoardAsync(engine, DemoData.Person("ana"), cancellationToken);
        await Indicators.IndicatorsCommand.WriteSummaryAsync(console, engine, cancellationToken);
        return 0;
    }

    /// <summary>Marina maps client type REV to the account types, once: accounts of a type that integrates go to the ERP.</summary>
    private async Task<bool> ConfigureClientTypesAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var settings = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id).Settings;
        var stored = await settings.AccountsAsync(cancellationToken);
        if (stored.TryPickT0(out var current, out _) && current.ClientTypes.ClientTypes.Any())
            return true;
        var saved = await settings.SaveClientTypesAsync(DemoData.ClientTypes, cancellationToken);
        Step("Integração com o ERP", "Marina Diretora liga o tipo de cliente Revenda às contas que integram com o Protheus", saved,
            _ => "[green]salvo[/]");
        return saved.Succeeded;
    }

    /// <summary>
    /// Marina points the company's SMTP settings at the demo's mail server (created on the first run, the port updated after)
    /// and presses "Testar envio de e-mail": the test message really goes to the sender address.
    /// </summary>
    private async Task<bool> ConfigureSmtpAsync(CrmEngine engine, DemoMailServer mail, CancellationToken cancellationToken)
    {
        var servers = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id).Servers;
        var form = new SmtpForm(DemoData.Company, null, "127.0.0.1", mail.Port, Duration.Zero, "crm@exemplo.com.br", "CRM Alimentos Exemplo",
            RequiresAuthentication: false, null, null, UseSecureConnection: false, null, IsPrimaryServer: true);
        var stored = (await servers.SmtpServersAsync(cancellationToken)).AsT0.FirstOrDefault(s => s.Settings.Company == DemoData.Company);
        var saved = stored is null
            ? await servers.CreateSmtpAsync(form, cancellationToken)
            : await servers.UpdateSmtpAsync(stored.Settings.Id, stored.Version, form, cancellationToken);
        Step("SMTP", $"Marina Diretora aponta o SMTP da empresa para 127.0.0.1:{mail.Port}", saved, s => $"[green]salvo[/] (versão {s.Version})");
        if (!saved.TryPickT0(out var settings, out _))
            return false;
        Step("SMTP", "Marina Diretora testa o envio de e-mail", await servers.TestSmtpAsync(settings.Id, cancellationToken), tested =>
            tested.Delivery.Match(_ => "[green]enviado[/] ao e-mail de envio", r => $"[red]recusado ({r.Code})[/]", _ => "[red]servidor indisponível[/]"));
        return true;
    }

    /// <summary>
    /// The funnel's movements staged their notification e-mails in their own transactions (Bruno owns the opportunity; his
    /// manager Carlos made the moves, so only Bruno is told); the dispatcher sends them, and the mail server shows what it got.
    /// </summary>
    private async Task NotifyAsync(CrmEngine engine, DemoMailServer mail, CancellationToken cancellationToken)
    {
        var report = await engine.Notifications.DispatchPendingAsync(null, cancellationToken);
        console.MarkupLineInterpolated($"Notificações por e-mail: {report.Sent} enviadas, {report.Retried} novas tentativas, {report.Parked} estacionadas.");
        var table = new Table().Title($"O servidor SMTP (127.0.0.1:{mail.Port}) recebeu").AddColumns("Para", "Assunto");
        foreach (var received in mail.Received)
            table.AddRow(Markup.Escape(received.To), Markup.Escape(received.Subject));
        console.Write(table);
    }

    /// <summary>
    /// What the registrations wrote to the outbox goes to the fake Protheus, through faults injected so that retries show:
    /// the dispatch with its progress, what the server saw, and the messages as they ended.
    /// </summary>
    private async Task SendToErpAsync(CrmEngine engine, FakeProtheusServer protheus, CancellationToken cancellationToken)
    {
        var marina = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id);
        // Only when there is something to send: faults left unused would fail the reads that follow.
        if ((await marina.Outbox.SummaryAsync(cancellationToken)).TryPickT0(out var queued, out _) && queued.Pending > 0)
            protheus.Inject(FakeFault.Status500, FakeFault.Status500, FakeFault.Drop, FakeFault.Drop, FakeFault.None, FakeFault.ApplyThenDrop,
                FakeFault.Status503, FakeFault.Status503);
        console.MarkupLineInterpolated($"ERP: Protheus falso em [bold]{protheus.BaseUrl}[/] (falhas injetadas: 500, conexão caída, 503, resposta perdida).");
        var report = await OutboxView.DispatchAsync(console, engine, marina, TimeSpan.FromSeconds(20), cancellationToken);
        var record = protheus.Record();
        if (report.Attempts > 0)
            console.MarkupLineInterpolated(
            $"O Protheus recebeu {record.Requests} requisições ({string.Join(", ", record.Faults.Select(f => $"{f.Key}: {f.Value}"))}), aplicou {record.Applied} gravações de cliente (inclusões e alterações) e absorveu {record.Duplicates} reenvio(s) pela chave de idempotência.");
        await OutboxView.ShowAsync(console, marina, null, cancellationToken);
    }

    private async Task<bool> ProvisionAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var provisioned = await engine.Tenants.ProvisionAsync(DemoData.Tenant, DemoData.TenantName, Package.Freemium, DefaultIntegration.Protheus,
            cancellationToken);
        if (!provisioned.TryPickT0(out var report, out _))
        {
            console.MarkupLine($"[red]The tenant could not be provisioned:[/] {Problems(provisioned)}");
            return false;
        }
        var steps = new Table().Title("Implantação do tenant").AddColumns("Etapa", "Resultado");
        foreach (var step in report.Steps)
            steps.AddRow(Markup.Escape(step.Step.Description), Outcome(step.Outcome));
        console.Write(steps);
        return report.Completed;
    }

    /// <summary>
    /// The company and its branches, the users (roles, company, manager), the board with its stages released to the
    /// Usuários and Ana's saved filter, each through the engine: the support user assigns the first roles, Marina (a
    /// Diretora) does the rest. Once: a rerun finds the company and reuses everything.
    /// </summary>
    private async Task<bool> LoadStructureAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var tenants = engine.Tenants;
        var tenant = DemoData.Tenant;
        if (!(await tenants.SupportUserAsync(tenant, cancellationToken)).TryPickT0(out var support, out _))
            return Refused("suporte", "the support user is missing");
        var stored = await tenants.CompaniesAsync(tenant, support, cancellationToken);
        if (stored.TryPickT0(out var companies, out _) && companies.Count > 0)
        {
            console.MarkupLine("Empresa, usuários e quadro: [yellow]já carregados[/] (reutilizados, nada duplicado).");
            return true;
        }
        if (!Done("empresa", await tenants.RegisterCompanyAsync(tenant, support, DemoData.CompanyForm, DemoData.Company, cancellationToken)))
            return false;
        foreach (var (id, form, isMatriz) in DemoData.Branches)
            if (!Done("filial", await tenants.AddBranchAsync(tenant, support, DemoData.Company, form, isMatriz, id, cancellationToken)))
                return false;
        if (!(await tenants.RolesAsync(tenant, support, cancellationToken)).TryPickT0(out var roles, out _))
            return Refused("papéis", "the roles cannot be read");
        foreach (var person in DemoData.People)
        {
            var role = roles.Single(r => r.Name == person.Role.Name).Id;
            if (!Done(person.Login, await tenants.AddUserAsync(tenant, person.Id, person.Login, person.Name, $"{person.Login}@exemplo.com.br", cancellationToken))
                || !Done(person.Login, await tenants.AssignRolesAsync(tenant, support, person.Id, [role], cancellationToken))
                || !Done(person.Login, await tenants.AllowCompaniesAsync(tenant, support, person.Id, [new CompanyBranch(DemoData.Company, null)], cancellationToken)))
                return false;
        }
        foreach (var person in DemoData.People.Where(p => p.Manager is not null))
            if (!Done(person.Login, await tenants.SetManagerAsync(tenant, support, person.Id, DemoData.Person(person.Manager!).Id, cancellationToken)))
                return false;

        var boards = engine.Session(tenant, DemoData.Person("marina").Id).Boards;
        if (!(await boards.CreateAsync(DemoData.BoardName, new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#1E88E5"), [], cancellationToken))
            .TryPickT0(out var board, out var _))
            return Refused("quadro", "the board was refused");
        foreach (var (stage, days) in DemoData.BoardStages)
            if (!Done("etapa", await boards.AddStageAsync(board.Id, stage, days, cancellationToken: cancellationToken)))
                return false;
        foreach (var person in DemoData.People.Where(p => p.Role == StandardRoles.Usuario))
            if (!Done("quadro", await boards.ReleaseAsync(board.Id, person.Id, cancellationToken)))
                return false;
        var ana = DemoData.Person("ana");
        var mine = CardFilter.Create(new CardFilterDraft { Sellers = [ana.Id] }).AsT0;
        if (!Done("filtro", await engine.Session(tenant, ana.Id).Boards.SaveFilterAsync(board.Id, DemoData.MyCardsFilter, mine, cancellationToken)))
            return false;
        console.MarkupLine("Empresa, usuários e quadro: [green]carregados[/] pelas operações do motor.");
        return true;

        bool Done<T>(string what, CrmResult<T> result) =>
            result.Succeeded || Refused(what, Problems(result));

        bool Refused(string what, string why)
        {
            console.MarkupLine($"[red]The demo structure could not be loaded ({Markup.Escape(what)}):[/] {why}");
            return false;
        }
    }

    /// <summary>
    /// What each person's registrations stored, by login: the new record, or the one an earlier run stored (a converted lead's
    /// form now finds the account it became).
    /// </summary>
    private sealed record Registered(Dictionary<string, List<RegistrationRef>> Accounts, Dictionary<string, List<RegistrationRef>> Leads);

    /// <summary>
    /// Each person registers its accounts and leads through its session. On a second run every one of them is refused as a
    /// duplicate of the first run's (same CNPJ or short name), which is what keeps the demo from storing them twice.
    /// </summary>
    private async Task<Registered?> RegisterAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var registered = new Registered([], []);
        var newLeads = new List<(LeadId, string, UserId)>();
        var table = new Table().Title("Cadastros, cada um pela sessão do seu usuário").AddColumns("Usuário", "Contas", "Leads");
        var seed = 0;
        foreach (var person in DemoData.People)
        {
            var session = engine.Session(DemoData.Tenant, person.Id);
            var (accounts, leads) = (registered.Accounts[person.Login] = [], registered.Leads[person.Login] = []);
            var (newAccounts, newLeadCount) = (0, 0);
            for (var i = 0; i < person.Accounts; i++)
            {
                var result = await session.Accounts.RegisterAsync(DemoData.Form(++seed, person), cancellationToken);
                if (Stored(result, saved => saved.Id, lead: false) is not { } account)
                    return Failed($"{person.Login} could not register an account", result);
                newAccounts += result.Succeeded ? 1 : 0;
                accounts.Add(account);
            }
            for (var i = 0; i < person.Leads; i++)
            {
                var form = DemoData.Form(++seed, person);
                var result = await session.Leads.RegisterAsync(form, cancellationToken);
                if (Stored(result, saved => saved.Id, lead: true) is not { } lead)
                    return Failed($"{person.Login} could not register a lead", result);
                if (result.TryPickT0(out var saved, out _))
                {
                    newLeadCount++;
                    newLeads.Add((saved.Id, form.LegalName!, person.Id));
                }
                leads.Add(lead);
            }
            table.AddRow(person.Login, Counted(newAccounts, person.Accounts), Counted(newLeadCount, person.Leads));
        }
        console.Write(table);
        return await OpenCardsAsync(engine, newLeads, cancellationToken) ? registered : null;

        Registered? Failed<T>(string what, CrmResult<T> result)
        {
            console.MarkupLineInterpolated($"[red]{what}:[/] {Problems(result)}");
            return null;
        }
    }

    /// <summary>Marina opens a card on the board's first list for each new lead, sold by the lead's owner.</summary>
    private async Task<bool> OpenCardsAsync(CrmEngine engine, IReadOnlyList<(LeadId Lead, string Name, UserId Owner)> leads, CancellationToken cancellationToken)
    {
        if (leads.Count == 0)
            return true;
        var session = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id);
        var board = (await session.Boards.ListAsync(cancellationToken)).AsT0.Single();
        foreach (var (lead, name, owner) in leads)
        {
            var opened = await session.Boards.OpenCardAsync(board.Id, board.Stages[0].Id, name, lead, owner, cancellationToken);
            if (!opened.Succeeded)
            {
                console.MarkupLineInterpolated($"[red]The card of {name} could not be opened:[/] {Problems(opened)}");
                return false;
            }
        }
        return true;
    }

    /// <summary>The record a registration stored, or the one it duplicates (the first of its own kind, if any); null for any other refusal.</summary>
    private static RegistrationRef? Stored<T>(CrmResult<T> result, Func<T, RegistrationRef> id, bool lead) =>
        result.TryPickT0(out var saved, out _) ? id(saved)
            : result.TryPickT2(out var duplicate, out _) ? duplicate.Existing.OrderBy(e => e.IsT0 != lead).FirstOrDefault()
            : null;

    private static string Counted(int added, int total) =>
        added == total ? $"novos: {added}" : $"novos: {added}, já existiam: {total - added} (recusados como duplicados)";

    /// <summary>Ana registers again a customer she already has, under another short name: refused, nothing written.</summary>
    private async Task RefuseDuplicateAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var ana = DemoData.Person("ana");
        var original = DemoData.Form(6, ana);
        var copy = original with { LegalName = "Cópia do Cliente 06 Ltda", ShortName = "COPIA06" };
        var result = await engine.Session(DemoData.Tenant, ana.Id).Accounts.RegisterAsync(copy, cancellationToken);
        Step("Cadastro duplicado", $"{ana.Name} cadastra \"{copy.LegalName}\" com o CNPJ de \"{original.LegalName}\"", result,
            _ => "[red]cadastrada (não devia)[/]");
    }

    /// <summary>
    /// Carlos converts his lead into an account. On a second run the lead's form finds the account it became (the short name
    /// passed to it), which the step reads back through his session instead.
    /// </summary>
    private async Task ConvertLeadAsync(CrmEngine engine, RegistrationRef lead, CancellationToken cancellationToken)
    {
        var carlos = DemoData.Person("carlos");
        var session = engine.Session(DemoData.Tenant, carlos.Id);
        var attempt = $"{carlos.Name} converte o lead \"{DemoData.Form(5, carlos).LegalName}\"";
        if (lead.TryPickT0(out var leadId, out var account))
            Step("Lead convertido em conta", attempt, await session.Leads.ConvertAsync(leadId, null, cancellationToken),
                converted => $"[green]convertido[/] na conta {converted.Account.Value}");
        else
            Step("Lead convertido em conta", attempt, await session.Accounts.GetAsync(account, cancellationToken),
                read => $"[yellow]já convertido[/] na conta {read.Account.Id.Value} ({Markup.Escape(read.Account.Data.LegalName)}), numa execução anterior");
    }

    /// <summary>The tenant's sales funnel, which Marina (a Diretora: Settings › Include) creates on the first run.</summary>
    private async Task<Pipeline?> PipelineAsync(CrmEngine engine, CancellationToken cancellationToken)
    {
        var session = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id);
        var pipelines = await session.Funnel.PipelinesAsync(cancellationToken);
        if (pipelines.TryPickT0(out var stored, out _) && stored.Count > 0)
            return stored[0];
        var created = await session.Funnel.CreatePipelineAsync("Funil de vendas", DemoData.FunnelStages, cancellationToken);
        Step("Funil", $"{DemoData.Person("marina").Name} cria o funil de vendas", created, _ => $"[green]criado[/] com {DemoData.FunnelStages.Count} etapas");
        return created.Succeeded ? (await session.Funnel.PipelinesAsync(cancellationToken)).AsT0.Single() : null;
    }

    /// <summary>
    /// Carlos opens an opportunity on Bruno's account, qualifies it and wins it: each stage's automation promotes the account
    /// type (PROSPECT, then CLIENTE) in the move's transaction. On a second run the account already has its type: read back.
    /// </summary>
    private async Task MoveOpportunityAsync(CrmEngine engine, Pipeline pipeline, AccountId account, CancellationToken cancellationToken)
    {
        var (carlos, bruno) = (DemoData.Person("carlos"), DemoData.Person("bruno"));
        var session = engine.Session(DemoData.Tenant, carlos.Id);
        var name = DemoData.Form(9, bruno).LegalName;
        var read = await session.Accounts.GetAsync(account, cancellationToken);
        if (read.TryPickT0(out var before, out _) && before.Account.Data.AccountType is { } type)
        {
            Step("Funil", $"{carlos.Name} move a oportunidade de \"{name}\" até \"{pipeline.Won.Name}\"", read,
                _ => $"[yellow]já feito[/] numa execução anterior: a conta é {Markup.Escape(type.Value)}");
            return;
        }
        var opened = await session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Primeiro pedido", account, bruno.Id), cancellationToken);
        Step("Funil", $"{carlos.Name} abre uma oportunidade para \"{name}\" em \"{pipeline.Entry.Name}\"", opened, Promotion);
        if (!opened.TryPickT0(out var moved, out _))
            return;
        var qualification = pipeline.Stages.First(s => s.PromoteAccountTo is not null && s.Outcome == StageOutcome.Open);
        var qualified = await session.Funnel.MoveAsync(moved.Id, moved.Version, qualification.Id, null, cancellationToken);
        Step("Funil", $"{carlos.Name} move a oportunidade para \"{qualification.Name}\"", qualified, Promotion);
        if (!qualified.TryPickT0(out moved, out _))
            return;
        Step("Funil", $"{carlos.Name} ganha a oportunidade (\"{pipeline.Won.Name}\")",
            await session.Funnel.WinAsync(moved.Id, moved.Version, null, cancellationToken), Promotion);

        static string Promotion(OpportunityMoved moved) => moved.AccountPromotedTo is { } promoted
            ? $"[green]conta promovida a {Markup.Escape(promoted.Value)}[/] pela automação da etapa"
            : "[green]aberta[/], sem automação na etapa";
    }

    /// <summary>Ana, a Usuário, tries to merge her two accounts: merging deletes one, and her role may not delete.</summary>
    private async Task DenyAsync(CrmEngine engine, IReadOnlyList<RegistrationRef> accounts, CancellationToken cancellationToken)
    {
        var ana = DemoData.Person("ana");
        var result = await engine.Session(DemoData.Tenant, ana.Id).Accounts.MergeAsync(accounts[0].AsT1, accounts[1].AsT1, cancellationToken);
        Step("Permissão negada", $"{ana.Name} ({ana.Role.Name}) tenta mesclar suas duas contas", result, _ => "[red]mescladas (não devia)[/]");
    }

    /// <summary>One step: what was tried and what the engine answered (success, or the refusal with its codes).</summary>
    private void Step<T>(string title, string attempt, CrmResult<T> result, Func<T, string> success)
    {
        var answer = result.TryPickT0(out var value, out _) ? success(value)
            : result.TryPickT3(out var denied, out _) ? $"[yellow]negado[/]: módulo {denied.Module}, ação {denied.Action} — {Markup.Escape(denied.Code)}: {Markup.Escape(denied.Message)}"
            : $"[yellow]recusado ({result.Outcome})[/]: {Problems(result)}";
        console.MarkupLine($"[bold]{Markup.Escape(title)}:[/] {Markup.Escape(attempt)} → {answer}");
    }

    private static string Problems<T>(CrmResult<T> result) =>
        Markup.Escape(string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}")));

    /// <summary>The first page of accounts <paramref name="person"/> sees through its session, and how many leads.</summary>
    private async Task ShowAsync(CrmEngine engine, DemoPerson person, Table summary, CancellationToken cancellationToken)
    {
        var session = engine.Session(DemoData.Tenant, person.Id);
        var accounts = (await session.Accounts.ListAsync(0, PageSize, cancellationToken)).AsT0;
        var leads = (await session.Leads.ListAsync(0, PageSize, cancellationToken)).AsT0.Count;

        var table = new Table().Title($"{person.Name} ({person.Role.Name})").AddColumns("Conta", "CNPJ", "Responsável");
        foreach (var account in accounts)
            table.AddRow(Markup.Escape(account.LegalName), account.TaxId is { } taxId ? Crm.Domain.Registry.Cnpj.Parse(taxId).Match(c => c.ToString(), _ => taxId) : "",
                Markup.Escape(DemoData.People.FirstOrDefault(p => p.Id == account.Owner)?.Name ?? ""));
        console.Write(table);
        summary.AddRow(person.Login, Markup.Escape(person.Role.Name), accounts.Count.ToString(CultureInfo.InvariantCulture), leads.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The board as <paramref name="person"/> sees it through the filter she keeps in use (applied in the SQL query).</summary>
    private async Task ShowBoardAsync(CrmEngine engine, DemoPerson person, CancellationToken cancellationToken)
    {
        var boards = engine.Session(DemoData.Tenant, person.Id).Boards;
        var board = (await boards.ListAsync(cancellationToken)).AsT0.Single();
        var filters = (await boards.FiltersAsync(board.Id, cancellationToken)).AsT0;
        var columns = (await boards.ColumnsAsync(board.Id, DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], cancellationToken)).AsT0;
        var total = (await boards.CardsAsync(board.Id, 0, Paging.MaxPageSize, cancellationToken)).AsT0.Count;
        console.MarkupLineInterpolated($"Quadro [bold]{board.Name}[/] de {person.Name}, filtros salvos: {string.Join(", ", filters.Saved)}");
        console.MarkupLineInterpolated($"Filtro em uso: {columns.Sum(c => c.Total)} de {total} cartões.");
        var table = new Table().AddColumns("Etapa", "Cartões", "Primeira página");
        foreach (var column in columns)
            table.AddRow(Markup.Escape(board.FindStage(column.Stage)?.Name ?? ""), column.Total.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", column.Cards.Select(c => c.Name))));
        console.Write(table);
    }

    private static string Outcome(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "[green]concluída[/]",
        StepOutcome.AlreadyDone => "[yellow]já feita[/]",
        StepOutcome.Failed => "[red]falhou[/]",
        _ => "não executada",
    };
}
