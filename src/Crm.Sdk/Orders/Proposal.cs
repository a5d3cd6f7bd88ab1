using System.Globalization;
using System.Net;
using System.Text;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;

namespace Crm.Sdk.Orders;

/// <summary>
/// The printable proposal (proposta comercial) of an order: header, open items with their values and the taxes of each,
/// totals and payment condition, as one self-contained HTML document (labels in Portuguese, every text HTML-encoded).
/// The values are the order's own (its last pricing); the per-item taxes come from pricing it again now, shown only when
/// that pricing still gives the stored total, so the document never contradicts itself.
/// </summary>
internal static class Proposal
{
    private static readonly CultureInfo Brazil = CultureInfo.GetCultureInfo("pt-BR");

    public static string Render(SalesOrder order, string? customerName, OrderPricing? repriced, string? companyName, Func<string, string?> describe)
    {
        var taxes = repriced is not null && order.Totals is { } stored && repriced.Totals.Total == stored.Total ? repriced : null;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Proposta ")
            .Append(Text(order.Id.Value.ToString("N")[..8])).Append("</title>")
            .Append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}</style></head><body>\n");
        html.Append("<h1>Proposta comercial</h1>\n");
        if (companyName is not null)
            html.Append("<p class=\"company\">").Append(Text(companyName)).Append("</p>\n");
        html.Append("<table class=\"header\">\n");
        Row(html, "Pedido", order.Id.Value.ToString());
        Row(html, "Cliente", $"{customerName ?? ""} ({order.Header.CustomerCode})");
        Row(html, "Emissão", order.Header.IssueDate.ToString("dd/MM/yyyy", Brazil));
        Row(html, "Situação", order.Status.ToString());
        Row(html, "Estabelecimento", order.Header.Establishment);
        Row(html, "Tabela de preço", order.Header.PriceTable);
        Row(html, "Condição de pagamento", order.Header.PaymentCondition);
        Row(html, "Frete", order.Header.FreightType.ToString());
        if (order.Header.Observations is { } notes)
            Row(html, "Observações", notes);
        html.Append("</table>\n<h2>Itens</h2>\n<table class=\"items\"><thead><tr><th>Item</th><th>Produto</th><th>Descrição</th><th>Qtde</th><th>Un</th>")
            .Append("<th>Preço unitário</th><th>Valor dos produtos</th><th>Desconto</th><th>Frete</th><th>IPI</th><th>ICMS</th><th>ICMS-ST</th>")
            .Append("<th>PIS</th><th>COFINS</th><th>CBS</th><th>IBS</th><th>Tributos somados ao total</th><th>Total do item</th></tr></thead><tbody>\n");
        var line = 0;
        foreach (var item in order.Items.Where(i => i.IsOpen))
        {
            var values = item.Values;
            var breakdown = taxes?.Lines[line++].Taxes;
            html.Append("<tr class=\"item\"><td class=\"n\">").Append(item.Number).Append("</td><td>").Append(Text(item.Product)).Append("</td><td>").Append(Text(describe(item.Product) ?? "")).Append("</td><td class=\"n\">")
                .Append(Text(item.Quantity.ToString("0.####", Brazil))).Append("</td><td>").Append(Text(item.Unit)).Append("</td>");
            Cell(html, values?.UnitPrice, "unit-price");
            Cell(html, values?.Products, "products");
            Cell(html, values?.Discount, "discount");
            Cell(html, values?.Freight, "freight");
            Cell(html, breakdown?.Ipi.Value, "ipi");
            Cell(html, breakdown?.Icms.Value, "icms");
            Cell(html, breakdown?.IcmsSt.Value, "icms-st");
            Cell(html, breakdown?.Pis.Value, "pis");
            Cell(html, breakdown?.Cofins.Value, "cofins");
            Cell(html, breakdown?.Cbs.Value, "cbs");
            Cell(html, breakdown?.Ibs, "ibs");
            Cell(html, values?.SalesTaxes, "sales-taxes");
            Cell(html, values?.Total, "total");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n<h2>Totais</h2>\n<table class=\"totals\">\n");
        if (order.Totals is { } totals)
        {
            Total(html, "Valor dos produtos", totals.Products, "products");
            Total(html, "Desconto", totals.Discount, "discount");
            Total(html, "Frete", totals.Freight, "freight");
            Total(html, "IPI", totals.Ipi, "ipi");
            Total(html, "ICMS-ST", totals.IcmsSt, "icms-st");
            Total(html, "ICMS", totals.Icms, "icms");
            Total(html, "Total do pedido", totals.Total, "total");
        }
        else
            html.Append("<tr><td>O pedido mudou desde o último cálculo: recalcule-o para ver os totais.</td></tr>\n");
        html.Append("</table>\n<p class=\"payment\">Condição de pagamento: ").Append(Text(order.Header.PaymentCondition)).Append("</p>\n");
        if (taxes is null && order.Totals is not null)
            html.Append("<p class=\"note\">Os tributos por item não foram detalhados: preços ou matrizes mudaram desde o último cálculo.</p>\n");
        return html.Append("</body></html>\n").ToString();
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Money(decimal value) => value.ToString("N2", Brazil);

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(Text(label)).Append("</th><td>").Append(Text(value)).Append("</td></tr>\n");

    // data-value carries the exact amount for machines (and the tests that add them up); the text is for people.
    private static void Cell(StringBuilder html, decimal? value, string name)
    {
        html.Append("<td class=\"n ").Append(name).Append('"');
        if (value is { } v)
            html.Append(" data-value=\"").Append(v.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Money(v));
        else
            html.Append('>');
        html.Append("</td>");
    }

    private static void Total(StringBuilder html, string label, decimal value, string name)
    {
        html.Append("<tr class=\"total\"><th>").Append(Text(label)).Append("</th>");
        Cell(html, value, name);
        html.Append("</tr>\n");
    }
}
