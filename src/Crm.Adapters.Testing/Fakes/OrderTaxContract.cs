using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// The taxes and expenses of a sales order as the ERP's documented contract states them, checked on the order document
/// (JSON) itself, never by the adapter's arithmetic: each problem names the field's JSON path and a code
/// <c>{erp}.order.{required|range|tax_value|total}</c>. <see cref="FakeProtheus"/> and <see cref="FakeDatasulEms"/> apply it
/// to every order they take, after their own checks (identity, sizes, item values); it is public so a test can read a
/// document against it alone.
/// </summary>
public static class OrderTaxContract
{
    /// <summary>How far a value may be from its rule: a cent.</summary>
    private const decimal Cent = 0.01m;

    // tpreasondescandtax as the Protheus adapter's README documents it; the schema describes none. A value the tax charges
    // on its own base × rate (ICMS, FCP, IPI, PIS, COFINS, CBS, IBS) or that base × rate less a tax already charged (ICMS-ST,
    // FCP-ST, DIFAL), so never above it.
    private static readonly Dictionary<string, bool> Deducts = new(StringComparer.Ordinal)
    {
        ["01"] = false, ["02"] = false, ["03"] = true, ["04"] = true, ["05"] = true, ["06"] = false,
        ["07"] = false, ["08"] = false, ["09"] = false, ["10"] = false, ["11"] = false,
    };

    /// <summary>
    /// The EAI <c>Order</c> 4.009 content (<c>BusinessContentType</c>): per item the optional expense shares
    /// (<c>FreightValue</c>, <c>InsuranceValue</c>, <c>unitvalacesscost</c>, ≥ 0 in cents), <c>LISTOFTAXESITEM</c> (a list of
    /// <c>{VALUESANDTAXES}</c> lists; each entry a <c>tpvalue</c> 1|2, a <c>tpreasondescandtax</c> 01–13 once per item, a
    /// <c>percdescandtaxes</c> N 6,2 and a <c>valuedescandtaxes</c> N 17,6) with each tax's base in <c>OTHER.ADDFIELDS</c>
    /// (<c>VBC_{code}</c>), value = base × rate / 100 within a cent (at most that for ICMS-ST, FCP-ST and DIFAL), and
    /// <c>valipi</c>, <c>industrializedproducttaxpercentage</c>, <c>servicesandproductscirculationtaxpercentage</c>,
    /// <c>precenticmssubst</c> equal to the IPI, ICMS and ICMS-ST entries. The header's <c>FreightValue</c> is Σ the items'
    /// shares when they carry any, <c>InsuranceValue</c> and <c>ExpenseValue</c> Σ theirs; in <c>SUMMARY</c>
    /// <c>valtotipimerchan</c> = Σ <c>valipi</c>, <c>valtotaacesscost</c> = Σ <c>unitvalacesscost</c>, <c>valtottaxes</c> = Σ
    /// the taxes charged on top (IPI, ICMS-ST, FCP-ST, and CBS/IBS when the document adds them) and <c>ordertotalamount</c> =
    /// net + freight + insurance + expenses + <c>valtottaxes</c>. The header's <c>FreightValue</c> and
    /// <c>ordertotalnetamount</c> are taken as they are (their own checks are <see cref="FakeProtheus"/>'s).
    /// </summary>
    public static IReadOnlyList<Problem> Protheus(JsonNode? content)
    {
        var check = new OrderFields("protheus.order");
        Protheus(check, content);
        return check.Problems;
    }

    /// <summary>
    /// <see cref="Protheus(JsonNode?)"/> into <paramref name="check"/>, the fake's own: the header's <c>FreightValue</c> and
    /// <c>SUMMARY.ordertotalnetamount</c> are read as they are, the fake names them when they are wrong.
    /// </summary>
    internal static void Protheus(OrderFields check, JsonNode? content)
    {
        var items = content?["SalesOrderItens"]?["Item"] as JsonArray ?? [];
        decimal freight = 0m, insurance = 0m, expenses = 0m, ipi = 0m, onTop = 0m, ibsCbs = 0m;
        var (apportioned, taxed) = (false, false);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"Content.SalesOrderItens.Item[{i}]";
            var share = check.Money(item, "FreightValue", path);
            apportioned |= share is not null;
            freight += share ?? 0m;
            insurance += check.Money(item, "InsuranceValue", path) ?? 0m;
            expenses += check.Money(item, "unitvalacesscost", path) ?? 0m;
            var itemIpi = check.Scaled(item, "valipi", path, 999_999_999.999999m, 6);
            ipi += itemIpi ?? 0m;
            if (Taxes(check, item, path) is not { } taxes)
                continue;
            taxed = true;
            check.Same(itemIpi ?? 0m, Value(taxes, "06"), $"{path}.valipi", "o valor do IPI (06) na LISTOFTAXESITEM");
            check.Same(check.Scaled(item, "industrializedproducttaxpercentage", path, 999.999m, 3), Rate(taxes, "06"),
                $"{path}.industrializedproducttaxpercentage", "a alíquota do IPI (06)");
            check.Same(check.Scaled(item, "servicesandproductscirculationtaxpercentage", path, 999_999_999_999.999m, 3), Rate(taxes, "01"),
                $"{path}.servicesandproductscirculationtaxpercentage", "a alíquota do ICMS (01)");
            check.Same(check.Scaled(item, "precenticmssubst", path, 999.999m, 3), taxes.ContainsKey("03") ? Rate(taxes, "03") : null,
                $"{path}.precenticmssubst", "a alíquota do ICMS-ST (03)");
            onTop += Value(taxes, "06") + Value(taxes, "03") + Value(taxes, "04");
            ibsCbs += Value(taxes, "09") + Value(taxes, "10") + Value(taxes, "11");
        }
        var headerFreight = OrderFields.Read(content, "FreightValue") ?? 0m;
        if (apportioned)
            check.Cents(headerFreight, freight, "Content.FreightValue", "Σ FreightValue dos itens");
        check.Cents(check.Money(content, "InsuranceValue", "Content") ?? 0m, insurance, "Content.InsuranceValue", "Σ InsuranceValue dos itens");
        check.Cents(check.Money(content, "ExpenseValue", "Content") ?? 0m, expenses, "Content.ExpenseValue", "Σ unitvalacesscost dos itens");
        if (content?["SUMMARY"] is not { } summary)
            return;
        if (check.Scaled(summary, "valtotipimerchan", "Content.SUMMARY", 999_999_999.999999m, 6) is { } totalIpi)
            check.Cents(totalIpi, ipi, "Content.SUMMARY.valtotipimerchan", "Σ valipi dos itens", wholeCents: false);
        check.Cents(check.Money(summary, "valtotaacesscost", "Content.SUMMARY") ?? 0m, expenses, "Content.SUMMARY.valtotaacesscost",
            "Σ unitvalacesscost dos itens");
        var onTopTaxes = check.Scaled(summary, "valtottaxes", "Content.SUMMARY", 999_999_999.999999m, 6, required: true) ?? 0m;
        if (taxed && Math.Abs(onTopTaxes - onTop) > Cent / 2 && Math.Abs(onTopTaxes - onTop - ibsCbs) > Cent / 2)
            check.Add("Content.SUMMARY.valtottaxes", "tax_value",
                $"valtottaxes {onTopTaxes} não é Σ IPI + ICMS-ST + FCP-ST dos itens ({onTop}), nem com CBS/IBS ({onTop + ibsCbs}).");
        if (check.Scaled(summary, "ordertotalamount", "Content.SUMMARY", 9_999_999_999_999.99m, 2, required: true) is { } total
            && OrderFields.Read(summary, "ordertotalnetamount") is { } net)
            check.Cents(total, net + headerFreight + insurance + expenses + onTopTaxes, "Content.SUMMARY.ordertotalamount",
                "mercadoria + frete + seguro + despesas + tributos");
    }

    /// <summary>
    /// The Datasul <c>ordersPublic</c> order (<c>OrdersInfo</c>): per item the optional <c>val-seguro</c>
    /// (<c>InsurancePrice</c>, ≥ 0 in cents), <c>aliquota-ipi</c> (<c>Aliquot</c>, 0–999.99) and <c>val-ipi</c>
    /// (<c>IpiValue</c>, in cents) together, the IPI at least the rate over the net merchandise (<c>vl-liq-it</c>) and at most
    /// over it plus the insurance and the order's freight (what an IPI base can hold), within a cent; the header's
    /// <c>val-seguro</c> Σ the items', and <c>vl-tot-ped</c> ("mercadoria adicionada do IPI") = <c>vl-liq-ped</c> + Σ
    /// <c>val-ipi</c>. The freight, <c>vl-liq-ped</c> and <c>vl-liq-it</c> are taken as they are (their own checks are
    /// <see cref="FakeDatasulEms"/>'s).
    /// </summary>
    public static IReadOnlyList<Problem> Datasul(JsonNode? order)
    {
        var check = new OrderFields("datasul.order");
        Datasul(check, order);
        return check.Problems;
    }

    /// <summary>
    /// <see cref="Datasul(JsonNode?)"/> into <paramref name="check"/>, the fake's own: <c>ValueFreight</c>, <c>OrderAmount</c>
    /// and the items' <c>LiquidMerchandise</c> are read as they are, the fake names them when they are wrong.
    /// </summary>
    internal static void Datasul(OrderFields check, JsonNode? order)
    {
        var items = order?["OrderItems"] as JsonArray ?? [];
        var headerFreight = OrderFields.Read(order, "ValueFreight") ?? 0m;
        decimal insurance = 0m, ipi = 0m;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"OrderItems[{i}]";
            var itemInsurance = check.Money(item, "InsurancePrice", path) ?? 0m;
            insurance += itemInsurance;
            var rate = check.Scaled(item, "Aliquot", path, 999.99m, 2);
            var value = check.Money(item, "IpiValue", path);
            if ((rate is null) != (value is null))
            {
                check.Add($"{path}.{(rate is null ? "Aliquot" : "IpiValue")}", "required", "aliquota-ipi e val-ipi vão juntos no item.");
                continue;
            }
            if (rate is not { } r || value is not { } v || OrderFields.Read(item, "LiquidMerchandise") is not { } merchandise)
                continue;
            ipi += v;
            var (least, most) = (merchandise * r / 100m, (merchandise + itemInsurance + headerFreight) * r / 100m);
            if (v < least - Cent || v > most + Cent)
                check.Add($"{path}.IpiValue", "tax_value",
                    $"val-ipi {v} não cabe em aliquota-ipi {r} % da base do item (de {least:0.00} a {most:0.00}).");
        }
        check.Cents(check.Money(order, "ValueInsurance", "") ?? 0m, insurance, "ValueInsurance", "Σ val-seguro dos itens");
        if (check.Money(order, "TotalOrderAmount", "") is { } total && OrderFields.Read(order, "OrderAmount") is { } amount)
            check.Cents(total, amount + ipi, "TotalOrderAmount", "vl-liq-ped + Σ val-ipi");
    }

    private static decimal Value(Dictionary<string, (decimal Rate, decimal Value)> taxes, string code) =>
        taxes.TryGetValue(code, out var tax) ? tax.Value : 0m;

    private static decimal Rate(Dictionary<string, (decimal Rate, decimal Value)> taxes, string code) =>
        taxes.TryGetValue(code, out var tax) ? tax.Rate : 0m;

    // The item's taxes (tpvalue 2) by code, each checked against its base; null when the item lists none.
    private static Dictionary<string, (decimal Rate, decimal Value)>? Taxes(OrderFields check, JsonNode? item, string path)
    {
        if (item?["LISTOFTAXESITEM"] is not { } listed)
            return null;
        var taxes = new Dictionary<string, (decimal Rate, decimal Value)>(StringComparer.Ordinal);
        var bases = Bases(item["OTHER"]);
        var lists = listed as JsonArray ?? [];
        if (listed is not JsonArray)
            check.Add($"{path}.LISTOFTAXESITEM", "required", "LISTOFTAXESITEM é uma lista de listas de {VALUESANDTAXES}.");
        for (var l = 0; l < lists.Count; l++)
            for (var e = 0; lists[l] is JsonArray inner && e < inner.Count; e++)
            {
                var entries = inner[e]?["VALUESANDTAXES"] as JsonArray ?? [];
                for (var t = 0; t < entries.Count; t++)
                {
                    var at = $"{path}.LISTOFTAXESITEM[{l}][{e}].VALUESANDTAXES[{t}]";
                    var kind = check.Code(entries[t], "tpvalue", at, ["1", "2"]);
                    var code = check.Code(entries[t], "tpreasondescandtax", at, [.. Enumerable.Range(1, 13).Select(n => n.ToString("D2", CultureInfo.InvariantCulture))]);
                    var rate = check.Scaled(entries[t], "percdescandtaxes", at, 9_999.99m, 2, required: true);
                    var value = check.Scaled(entries[t], "valuedescandtaxes", at, 999_999_999.999999m, 6, required: true);
                    if (kind != "2" || code is null || rate is not { } r || value is not { } v)
                        continue;
                    if (!taxes.TryAdd(code, (r, v)))
                        check.Add($"{at}.tpreasondescandtax", "range", $"O tributo {code} se repete no item.");
                    else if (!bases.TryGetValue(code, out var taxBase))
                        check.Add($"{path}.OTHER.ADDFIELDS", "required", $"A base do tributo {code} (ADDFIELD VBC_{code}) é obrigatória.");
                    else if (Deducts.TryGetValue(code, out var deducts) && (deducts ? v > (taxBase * r / 100m) + Cent : Math.Abs(v - (taxBase * r / 100m)) > Cent))
                        check.Add($"{at}.valuedescandtaxes", "tax_value",
                            $"O valor {v} do tributo {code} não é base {taxBase} × {r} % ({taxBase * r / 100m:0.00####}){(deducts ? " ou menos" : "")}.");
                }
            }
        return taxes;
    }

    // OTHER.ADDFIELDS[].ADDFIELD {field: VBC_{code}, value: the base}, by code; a base that is not a number is left out.
    private static Dictionary<string, decimal> Bases(JsonNode? other)
    {
        var bases = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var added in other?["ADDFIELDS"] as JsonArray ?? [])
            if ((string?)added?["ADDFIELD"]?["field"] is { Length: 6 } field && field.StartsWith("VBC_", StringComparison.Ordinal)
                && decimal.TryParse((string?)added["ADDFIELD"]?["value"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                bases[field[4..]] = value;
        return bases;
    }
}
