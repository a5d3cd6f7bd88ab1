using System.CommandLine;
using System.Globalization;
using Crm.Cli.Demo;
using Crm.Domain.Orders;
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Orders;

/// <summary>
/// <c>crm order list|show|proposal|quotes|favourites</c>: the demo tenant's sales orders as its Diretora sees them, through her
/// session: a page of orders, one order with its items, values and history, its printable proposal written to a file, a
/// customer's last quotes of a product and its favourite products.
/// </summary>
internal sealed class OrderCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDatabase)
{
    public Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var list = new Command("list", "Lists the orders, newest first.") { db };
        list.SetAction((result, ct) => onDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => ListAsync(session, ct), ct)));
        var id = new Argument<string>("id") { Description = "The order's id (as crm order list shows it)." };
        var show = new Command("show", "Shows an order: header, items with their values, approvals and history.") { db, id };
        show.SetAction((result, ct) => WithId(result.GetValue(id)!, order =>
            onDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => ShowAsync(session, order, ct), ct))));
        var output = new Option<string?>("--out") { Description = "Where to write the HTML (default: ./proposta-<id>.html)." };
        var proposal = new Command("proposal", "Writes an order's printable proposal (HTML).") { db, id, output };
        proposal.SetAction((result, ct) => WithId(result.GetValue(id)!, order =>
            onDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => ProposalAsync(session, order,
                result.GetValue(output) ?? $"proposta-{order.Value.ToString("N")[..8]}.html", ct), ct))));
        var customer = new Argument<string>("customer") { Description = "The customer's account id." };
        var product = new Argument<string>("product") { Description = "The product's code." };
        var quotes = new Command("quotes", "The latest prices a customer was quoted for a product (últimas cotações), newest first.") { db, customer, product };
        quotes.SetAction((result, ct) => WithCustomer(result.GetValue(customer)!, account =>
            onDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => QuotesAsync(session, account, result.GetValue(product)!, ct), ct))));
        var favourites = new Command("favourites", "The products a customer buys most often, from its newest orders.") { db, customer };
        favourites.SetAction((result, ct) => WithCustomer(result.GetValue(customer)!, account =>
            onDatabase(result.GetValue(db)!, path => CliEngine.AsMarinaAsync(path, session => FavouritesAsync(session, account, ct), ct))));
        return new Command("order", "The demo tenant's sales orders (run crm demo first).") { list, show, proposal, quotes, favourites };
    }

    private Task<int> WithCustomer(string text, Func<Crm.Domain.Identity.AccountId, Task<int>> run) =>
        Guid.TryParse(text, out var guid) ? run(new Crm.Domain.Identity.AccountId(guid)) : Task.FromResult(fail($"'{Printable.OneLine(text)}' is not an account id"));

    private async Task<int> QuotesAsync(CrmSession session, Crm.Domain.Identity.AccountId customer, string product, CancellationToken cancellationToken)
    {
        var result = await session.Orders.LastQuotesAsync(customer, product, cancellationToken: cancellationToken);
        if (!result.TryPickT0(out var quotes, out _))
            return fail($"the quotes cannot be read: {string.Join("; ", result.Problems.Select(p => p.Code))}");
        var table = new Table().Title($"Últimas cotações de {Markup.Escape(Printable.OneLine(product))}").AddColumns("Pedido", "Emissão", "Qtde", "Un", "Preço", "Situação");
        foreach (var quote in quotes)
            table.AddRow(quote.Order.Value.ToString(), quote.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), quote.Quantity.ToString("0.####", CultureInfo.InvariantCulture),
                Markup.Escape(quote.Unit), quote.UnitPrice.ToString("N2", CultureInfo.GetCultureInfo("pt-BR")), PortugueseLabels.Of(quote.Status));
        console.Write(table);
        return 0;
    }

    private async Task<int> FavouritesAsync(CrmSession session, Crm.Domain.Identity.AccountId customer, CancellationToken cancellationToken)
    {
        var result = await session.Orders.FavouritesAsync(customer, cancellationToken: cancellationToken);
        if (!result.TryPickT0(out var products, out _))
            return fail($"the favourites cannot be read: {string.Join("; ", result.Problems.Select(p => p.Code))}");
        var table = new Table().Title("Produtos preferidos").AddColumns("#", "Produto");
        foreach (var (code, index) in products.Select((c, i) => (c, i + 1)))
            table.AddRow(index.ToString(CultureInfo.InvariantCulture), Markup.Escape(code));
        console.Write(table);
        return 0;
    }

    private Task<int> WithId(string text, Func<SalesOrderId, Task<int>> run) =>
        Guid.TryParse(text, out var guid) ? run(new SalesOrderId(guid)) : Task.FromResult(fail($"'{Printable.OneLine(text)}' is not an order id"));

    private async Task<int> ListAsync(CrmSession session, CancellationToken cancellationToken)
    {
        if (!(await session.Orders.ListAsync(0, Crm.Sdk.Paging.MaxPageSize, cancellationToken)).TryPickT0(out var orders, out _))
            return fail("the orders cannot be read");
        var table = new Table().Title("Pedidos").AddColumns("Pedido", "Emissão", "Situação", "Total");
        foreach (var order in orders)
            table.AddRow(order.Id.Value.ToString(), order.IssueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), PortugueseLabels.Of(order.Status),
                order.Total?.ToString("N2", CultureInfo.GetCultureInfo("pt-BR")) ?? "—");
        console.Write(table);
        return 0;
    }

    private async Task<int> ShowAsync(CrmSession session, SalesOrderId id, CancellationToken cancellationToken)
    {
        if (!(await session.Orders.GetAsync(id, cancellationToken)).TryPickT0(out var read, out _))
            return fail($"order {id.Value} not found");
        var order = read.Order;
        var commission = order.IsPriced ? order.Items.Where(i => i.IsOpen).Sum(i => i.Values!.Commission) : (decimal?)null;
        console.MarkupLineInterpolated($"Pedido [bold]{order.Id.Value}[/]: {PortugueseLabels.Of(order.Status)}, cliente {order.Header.CustomerCode}, tabela {order.Header.PriceTable}, condição {order.Header.PaymentCondition}, total {order.Totals?.Total:N2}, comissão {commission:N2}");
        var items = new Table().Title("Itens").AddColumns("Item", "Produto", "Qtde", "Un", "Preço", "Total", "Comissão", "Situação");
        foreach (var item in order.Items)
            items.AddRow(item.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(item.Product), item.Quantity.ToString("0.####", CultureInfo.InvariantCulture),
                Markup.Escape(item.Unit), item.Values?.UnitPrice.ToString("N2", CultureInfo.InvariantCulture) ?? "—",
                item.Values?.Total.ToString("N2", CultureInfo.InvariantCulture) ?? "—",
                item.Values is { } values ? $"{Percent(values.CommissionRate)} = {values.Commission.ToString("N2", CultureInfo.InvariantCulture)}" : "—",
                Markup.Escape(item.StatusReason is { } reason ? $"{item.Status}: {reason}" : item.Status.ToString()));
        console.Write(items);
        if (order.Approvals.Count > 0)
        {
            var numbers = order.Items.ToDictionary(i => i.Id, i => i.Number);
            var approvals = new Table().Title("Alçadas").AddColumns("Item", "Desconto", "Limite do vendedor", "Situação", "Quando", "Motivo");
            foreach (var approval in order.Approvals)
                approvals.AddRow(numbers[approval.Item].ToString(CultureInfo.InvariantCulture), Percent(approval.Discount), Percent(approval.SellerLimit),
                    approval.Status.ToString(), approval.DecidedAt?.ToString() ?? "—", Markup.Escape(Printable.OneLine(approval.Reason ?? "")));
            console.Write(approvals);
        }
        var history = new Table().Title("Histórico").AddColumns("Quando", "Campo", "Antes", "Depois");
        foreach (var entry in order.History)
            history.AddRow(entry.At.ToString(), Markup.Escape(entry.Field), Markup.Escape(Printable.OneLine(entry.OldValue ?? "")), Markup.Escape(Printable.OneLine(entry.NewValue ?? "")));
        console.Write(history);
        return 0;
    }

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private async Task<int> ProposalAsync(CrmSession session, SalesOrderId id, string file, CancellationToken cancellationToken)
    {
        var proposal = await session.Orders.ProposalAsync(id, cancellationToken);
        if (!proposal.TryPickT0(out var html, out _))
            return fail($"no proposal for order {id.Value}: {string.Join("; ", proposal.Problems.Select(p => p.Code))}");
        await File.WriteAllTextAsync(file, html, cancellationToken);
        console.MarkupLineInterpolated($"Proposta: [bold]{Printable.OneLine(Path.GetFullPath(file))}[/]");
        return 0;
    }
}
