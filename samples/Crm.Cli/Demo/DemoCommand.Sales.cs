using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Sdk;
using Crm.Sdk.Orders;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Demo;

internal sealed partial class DemoCommand
{
    /// <summary>
    /// The commercial half: Marina saves the catalog and the matrices orders are priced with, the ERP's credit of Ana's first customer is recorded, Ana places an order
    /// (a kit, sugar in a quantity that is not a multiple — a sale problem shown — then corrected, coffee with a discount above
    /// her alçada), submits it, Carlos approves and releases it, and it goes to the ERP (the fake Protheus takes the EAI Order); the
    /// proposal is written beside the database. A rerun finds Ana's order and shows it instead of placing another.
    /// </summary>
    private async Task SellAsync(CrmEngine engine, AccountId customer, string path, CancellationToken cancellationToken)
    {
        var (marina, ana, carlos) = (Session(engine, "marina"), Session(engine, "ana"), Session(engine, "carlos"));
        Step("Catálogo", "Marina Diretora grava o catálogo (produtos, preços, estoque)", await marina.Catalog.SaveAsync(DemoSales.Catalog(), cancellationToken),
            saved => $"[green]gravado[/]: {saved.Products} produtos, {saved.Prices} preços, {saved.StockEntries} saldos de estoque");
        Step("Matrizes", "Marina grava as matrizes de impostos e de alçadas (ICMS, IPI, PIS/COFINS, CBS/IBS, alçada)",
            await DemoSales.SaveMatricesAsync(marina, cancellationToken), rules => rules > 0 ? $"[green]gravadas[/]: {rules} regras" : "já gravadas antes");
        var existing = await ana.Orders.ListAsync(0, 1, cancellationToken);
        if (existing.TryPickT0(out var orders, out _) && orders.Count > 0)
        {
            console.MarkupLineInterpolated($"Pedido: Ana Vendedora já tem o pedido {orders[0].Id.Value} ({PortugueseLabels.Of(orders[0].Status)}, total {PortugueseText.Amount(orders[0].Total)}) de uma execução anterior.");
            await WriteProposalAsync(ana, orders[0].Id, path, cancellationToken);
            return;
        }
        var account = (await marina.Accounts.GetAsync(customer, cancellationToken)).AsT0.Account;
        var code = account.Integration.TryPickT1(out var erp, out _) ? erp.ErpCode : "DEMO1";
        Step("Crédito", $"O ERP informa o crédito de \"{account.Data.LegalName}\": limite 10.000,00, saldo em aberto 1.200,00",
            await marina.Accounts.RecordErpStandingAsync(customer, code, new ErpStanding(ErpSituation.Active, null, 10_000m, null, 1_200m,
                engine.Clock.GetCurrentInstant()), cancellationToken), _ => "[green]registrado[/]");

        var today = engine.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).Date;
        var created = await ana.Orders.CreateAsync(DemoSales.Header(customer, code, ana.User, today), cancellationToken);
        Step("Pedido", $"Ana Vendedora abre um pedido para \"{account.Data.LegalName}\"", created, _ => "[green]rascunho criado[/]");
        if (!created.TryPickT0(out var order, out _))
            return;
        var added = await ana.Orders.AddItemsAsync(order.Id, order.Version,
            [new ItemInput { Product = "KIT-CAFE", Quantity = 3m }, new ItemInput { Product = "ACUCAR-1K", Quantity = 25m }], cancellationToken);
        Step("Pedido", "Ana inclui 3 kits café da manhã e 25 kg de açúcar", added, Checked);
        if (!added.TryPickT0(out var items, out _))
            return;
        var sugar = items.Items.Single(i => i.Product == "ACUCAR-1K");
        var fixedSugar = await ana.Orders.ChangeItemAsync(order.Id, items.Version, sugar.Id,
            new ItemInput { Product = "ACUCAR-1K", Quantity = 30m, Warehouse = DemoSales.Warehouse }, cancellationToken);
        Step("Pedido", "Ana corrige o açúcar para 30 kg", fixedSugar, Checked);
        if (!fixedSugar.TryPickT0(out var corrected, out _))
            return;
        var coffee = items.Items.First(i => i.Product == "CAFE-500");
        var discounted = await ana.Orders.ChangeItemAsync(order.Id, corrected.Version, coffee.Id,
            new ItemInput { Product = "CAFE-500", Quantity = coffee.Quantity, Discount = 10m, Warehouse = DemoSales.Warehouse }, cancellationToken);
        Step("Pedido", "Ana dá 10 % de desconto no café", discounted, Checked);
        if (!discounted.TryPickT0(out var priced, out _))
            return;
        var submitted = await ana.Orders.SubmitAsync(order.Id, priced.Version, cancellationToken);
        Step("Pedido", "Ana envia o pedido", submitted, moved => $"{PortugueseLabels.Of(moved.Status)}: {moved.PendingApprovals.Count} item(ns) acima da alçada dela (5 %)");
        if (!submitted.TryPickT0(out var moved, out _))
            return;
        var version = moved.Version;
        foreach (var pending in moved.PendingApprovals)
        {
            var approved = await carlos.Orders.ApproveAsync(order.Id, version, pending.Item, "Cliente com volume mensal alto", cancellationToken);
            Step("Alçada", $"Carlos Coordenador aprova {pending.Discount:0.##} % no item", approved, a => $"[green]aprovado[/] (pedido {PortugueseLabels.Of(a.Status)})");
            if (!approved.TryPickT0(out var done, out _))
                return;
            version = done.Version;
        }
        var released = await carlos.Orders.ReleaseAsync(order.Id, version, cancellationToken: cancellationToken);
        Step("Liberação", "Carlos libera o pedido (crédito, estoque, data de entrega)", released, r => r.Status == SalesOrderStatus.Released
            ? $"[green]liberado[/]; ERP: {Markup.Escape(PortugueseLabels.Of(r.Erp.Status))}{(r.Erp.Code is { } c ? $" ({Markup.Escape(c)})" : "")} — {Markup.Escape(r.Erp.Message)}"
            : $"[yellow]bloqueado[/]: {Markup.Escape(string.Join("; ", r.Reasons.Select(p => p.Code)))}");
        if (released.TryPickT0(out var release, out _) && release.Erp.Status == ErpHandoffStatus.Queued)
        {
            var report = await engine.Outbox.DispatchPendingAsync(null, cancellationToken);
            var sent = (await ana.Orders.GetAsync(order.Id, cancellationToken)).AsT0.Order;
            console.MarkupLineInterpolated($"ERP: {report.Sent} mensagem(ns) enviada(s); pedido {PortugueseLabels.Of(sent.Status)}.");
        }
        await WriteProposalAsync(ana, order.Id, path, cancellationToken);

        static string Checked(OrderChecked result) => result.Problems.Count == 0
            ? $"[green]ok[/], total {PortugueseText.Amount(result.Totals?.Total)}"
            : $"[yellow]problemas de venda[/]: {Markup.Escape(string.Join("; ", result.Problems.Select(p => p.ToString())))}";
    }

    /// <summary>The order's printable proposal, written beside the database.</summary>
    private async Task WriteProposalAsync(CrmSession session, SalesOrderId order, string path, CancellationToken cancellationToken)
    {
        var proposal = await session.Orders.ProposalAsync(order, cancellationToken);
        if (!proposal.TryPickT0(out var html, out _))
        {
            console.MarkupLine($"[yellow]Proposta não gerada[/]: {Problems(proposal)}");
            return;
        }
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $"proposta-{order.Value.ToString("N")[..8]}.html");
        await File.WriteAllTextAsync(file, html, cancellationToken);
        console.MarkupLineInterpolated($"Proposta: [bold]{Printable.OneLine(file)}[/]");
    }

    private static CrmSession Session(CrmEngine engine, string login) => engine.Session(DemoData.Tenant, DemoData.Person(login).Id);
}
