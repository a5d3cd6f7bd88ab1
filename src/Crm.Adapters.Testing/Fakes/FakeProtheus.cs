using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Adapters.Protheus;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>One row of the fake SA1, with the fields the checks use.</summary>
/// <param name="Filial">A1_FILIAL.</param>
/// <param name="Cod">A1_COD.</param>
/// <param name="Loja">A1_LOJA.</param>
/// <param name="Pessoa">A1_PESSOA.</param>
/// <param name="Tipo">A1_TIPO.</param>
/// <param name="Msblql">A1_MSBLQL.</param>
/// <param name="Customer">The last message applied, as Protheus answers it.</param>
public sealed record Sa1Row(string Filial, string Cod, string Loja, char Pessoa, char Tipo, char Msblql, ProtheusCustomer Customer);

/// <summary>
/// A fake Protheus receiving <c>customerVendor</c> upserts into SA1 with the release 27 dictionary's checks (ERP.md §2.1):
/// <c>A1_NOME</c> ≤ 40 and <c>A1_NREDUZ</c> ≤ 20 required, <c>A1_PESSOA</c> F/J, <c>A1_TIPO</c> F/L/R/S/X, <c>A1_CGC</c> a CPF or
/// CNPJ unless <c>A1_TIPO</c> is X, <c>A1_EST</c> + <c>A1_COD_MUN</c> given, and <c>A1_VEND</c>, <c>A1_TRANSP</c>,
/// <c>A1_COND</c>, <c>A1_TABELA</c> present in SA3, SA4, SE4 and DA0. It numbers new customers (<c>A1_COD</c>) and keeps
/// <c>A1_MSBLQL</c>, which <see cref="Block"/> sets as a Protheus user would.
/// </summary>
public sealed class FakeProtheus(IEnumerable<string>? sellers = null, IEnumerable<int>? carriers = null,
    IEnumerable<string>? conditions = null, IEnumerable<string>? priceTables = null) : FakeErpEndpoint
{
    private readonly Dictionary<string, Sa1Row> _sa1 = [];
    private readonly Dictionary<string, (decimal Limit, string? Due, decimal OpenTitles, decimal ReleasedOrders)> _credit = [];
    private readonly HashSet<string> _sa3 = [.. sellers ?? []];
    private readonly HashSet<int> _sa4 = [.. carriers ?? []];
    private readonly HashSet<string> _se4 = [.. conditions ?? []];
    private readonly HashSet<string> _da0 = [.. priceTables ?? []];
    private int _lastCod;
    private readonly Dictionary<string, string> _sc5 = [];
    private readonly Dictionary<string, string> _orderInternalIds = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override ErpId Erp => ProtheusAdapter.Id;

    /// <summary>The codes of a master-data table (SA3, SE4, SA4, DA0), in code order.</summary>
    public IReadOnlyList<string> CodesOf(ProtheusMasterData list) => list switch
    {
        ProtheusMasterData.Sellers => [.. _sa3.Order(StringComparer.Ordinal)],
        ProtheusMasterData.PaymentConditions => [.. _se4.Order(StringComparer.Ordinal)],
        ProtheusMasterData.Carriers => [.. _sa4.Order().Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ProtheusMasterData.PriceTables => [.. _da0.Order(StringComparer.Ordinal)],
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>
    /// Adds <paramref name="count"/> records of <paramref name="kind"/> (codes from 10001 on) to SA3 (representatives), SA4
    /// (carriers), SE4 (payment conditions) or DA0 (price tables) and answers their codes; another kind is an
    /// <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public IReadOnlyList<string> SeedMasterData(MasterDataKind kind, int count)
    {
        if (kind is not (MasterDataKind.Representative or MasterDataKind.Carrier or MasterDataKind.PaymentCondition or MasterDataKind.PriceTable))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Protheus has no API listing it.");
        var codes = NextCodes(kind, count);
        Locked(() =>
        {
            foreach (var code in codes)
            {
                if (kind == MasterDataKind.Carrier)
                    _sa4.Add(int.Parse(code, CultureInfo.InvariantCulture));
                else
                    (kind switch { MasterDataKind.Representative => _sa3, MasterDataKind.PaymentCondition => _se4, _ => _da0 }).Add(code);
            }
            return codes;
        });
        return codes;
    }

    /// <summary>
    /// Adds <paramref name="count"/> customers SA1 already holds (<see cref="TestAccounts.Customer"/>, as a
    /// <see cref="ProtheusAdapter"/> with <paramref name="options"/> sends them, company T1 and branch D MG 01 by default;
    /// numbered by Protheus) and answers their <c>A1_COD + A1_LOJA</c>. The sample tenant's seller 7, carrier 3, condition 15
    /// and price table TB1 they point to are added to SA3, SA4, SE4 and DA0.
    /// </summary>
    public IReadOnlyList<string> SeedCustomers(int count, ProtheusOptions? options = null)
    {
        var adapter = new ProtheusAdapter(options ?? new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
        Locked(() => (_sa3.Add("7"), _sa4.Add(3), _se4.Add("15"), _da0.Add("TB1")));
        return SeedCustomers(count, account => SeededCode(Apply(adapter.Prepare(account))));
    }

    /// <summary>SA1 by <c>A1_FILIAL + A1_COD + A1_LOJA</c>.</summary>
    public IReadOnlyDictionary<string, Sa1Row> Sa1 => _sa1;

    /// <summary>The customer as <c>GET customerVendor</c> would answer (situation from <c>A1_MSBLQL</c>, credit from <see cref="SetCredit"/>).</summary>
    public ProtheusCustomer Read(string erpCode)
    {
        var row = _sa1.Values.Single(r => r.Cod + r.Loja == erpCode);
        return row.Customer with
        {
            RegisterSituation = Protheus.Sa1.RegisterSituation(row.Msblql),
            CreditInformation = _credit.TryGetValue(erpCode, out var credit)
                ? new ProtheusCreditInformation { CreditLimit = credit.Limit, CreditLimitCurrency = 1, CreditLimitDate = credit.Due }
                : null,
        };
    }

    /// <summary>
    /// Sets the customer's credit as Protheus keeps it: <c>A1_LC</c> (<paramref name="limit"/>), <c>A1_VENCLC</c>
    /// (<paramref name="due"/>), <c>A1_SALDUP</c>/<c>A1_SALDUPM</c> (<paramref name="openTitles"/>, in reais) and
    /// <c>A1_SALPEDL</c> (<paramref name="releasedOrders"/>).
    /// </summary>
    public void SetCredit(string erpCode, decimal limit, NodaTime.LocalDate? due, decimal openTitles, decimal releasedOrders) =>
        Locked(() => _credit[erpCode] = (limit, due is { } d ? Crm.Domain.Integration.Mapping.PayloadText.Iso(d) : null, openTitles, releasedOrders));

    /// <summary>
    /// The customer's credit as the credit-limit API (FATS900) answers it; a customer without a credit record has a limit of
    /// 0; null for an unknown customer.
    /// </summary>
    public ProtheusCreditLimit? CreditLimitOf(string erpCode)
    {
        if (_sa1.Values.SingleOrDefault(r => r.Cod + r.Loja == erpCode) is not { } row)
            return null;
        var (limit, due, open, released) = _credit.GetValueOrDefault(erpCode);
        return new ProtheusCreditLimit
        {
            CustomerInternalId = row.Filial + row.Cod + row.Loja,
            LimitDate = due,
            TotalCreditLimit = limit,
            CreditLimit = limit - open - released,
            CreditLimitUsedByBilling = open,
            CreditLimitUsedBySalesOrders = released,
        };
    }

    /// <summary>Blocks (<c>A1_MSBLQL = 1</c>) or frees the customer.</summary>
    public void Block(string erpCode, bool blocked = true)
    {
        var row = _sa1.Values.Single(r => r.Cod + r.Loja == erpCode);
        _sa1[row.Filial + row.Cod + row.Loja] = row with { Msblql = blocked ? '1' : '2' };
    }

    /// <inheritdoc />
    protected override TransportResult Apply(ErpMessage message)
    {
        if (message.Resource == OrderResource)
            return ApplyOrder(message);
        var c = PayloadJson.Deserialize<ProtheusCustomer>(message.Body);
        var problems = Check(c).ToList();
        var filial = c.BranchId ?? "";
        var loja = c.StoreId ?? "";
        Sa1Row? existing = null;
        if (message.Operation == ErpOperation.Update && (c.Code is null || !_sa1.TryGetValue(filial + c.Code + loja, out existing)))
            problems.Add(new Problem("code", "protheus.sa1.not_found", $"Cliente {c.Code}/{loja} não encontrado (ExistChav SA1)."));
        if (message.Operation == ErpOperation.Create && c.Code is not null)
            problems.Add(new Problem("code", "protheus.sa1.code_on_create", "A1_COD é numerado pelo Protheus."));
        if (loja.Length != 2)
            problems.Add(new Problem("storeId", "protheus.sa1.loja", "A1_LOJA tem 2 caracteres."));
        if (problems.Count > 0)
            return Reject(problems);

        var cod = existing?.Cod ?? (++_lastCod).ToString("D6", CultureInfo.InvariantCulture);
        var saved = c with { Code = cod, InternalId = $"{c.CompanyId}|{filial}|{cod}|{loja}|C" };
        _sa1[filial + cod + loja] = new Sa1Row(filial, cod, loja, c.EntityType == "1" ? 'F' : 'J', c.StrategicCustomerType![0],
            existing?.Msblql ?? Protheus.Sa1.MsblqlOf(c.RegisterSituation), saved);
        return new Delivered(cod + loja, PayloadJson.Serialize(saved));
    }

    private IEnumerable<Problem> Check(ProtheusCustomer c)
    {
        if (c.Name is not { Length: > 0 and <= 40 })
            yield return new Problem("name", "protheus.sa1.a1_nome", "A1_NOME é obrigatório e tem até 40 caracteres.");
        if (c.ShortName is not { Length: > 0 and <= 20 })
            yield return new Problem("shortName", "protheus.sa1.a1_nreduz", "A1_NREDUZ é obrigatório e tem até 20 caracteres.");
        if (c.EntityType is not ("1" or "2"))
            yield return new Problem("entityType", "protheus.sa1.a1_pessoa", "A1_PESSOA é F ou J.");
        if (!Protheus.Sa1.IsCustomerType(c.StrategicCustomerType))
            yield return new Problem("strategicCustomerType", "protheus.sa1.a1_tipo", "A1_TIPO é F, L, R, S ou X.");
        var cgc = c.GovernmentalInformation?.FirstOrDefault(d => d.Scope == "Federal")?.Id.FirstOrDefault();
        if (c.StrategicCustomerType != "X" && cgc is not { Length: 11 or 14 })
            yield return new Problem("governmentalInformation", "protheus.sa1.a1_cgc", "A1_CGC deve ser um CPF ou CNPJ (exceto exportação).");
        if (c.Address?.State?.StateId is not { Length: 2 } || c.Address.City?.CityCode is not { Length: 5 })
            yield return new Problem("address", "protheus.sa1.a1_cod_mun", "A1_EST e A1_COD_MUN são obrigatórios (CC2).");
        if (c.VendorInformation?.VendorTypeCode is { } seller && !_sa3.Contains(seller))
            yield return new Problem("vendorInformation", "protheus.sa1.a1_vend", $"Vendedor {seller} não existe (SA3).");
        if (c.CarrierCode is { } carrier && !_sa4.Contains(carrier))
            yield return new Problem("carrierCode", "protheus.sa1.a1_transp", $"Transportadora {carrier} não existe (SA4).");
        if (c.PaymentConditionCode is { } condition && !_se4.Contains(condition))
            yield return new Problem("paymentConditionCode", "protheus.sa1.a1_cond", $"Condição {condition} não existe (SE4).");
        if (c.PriceListHeaderItemCode is { } table && !_da0.Contains(table))
            yield return new Problem("priceListHeaderItemCode", "protheus.sa1.a1_tabela", $"Tabela {table} não existe (DA0).");
    }

    /// <summary>The resource of sales orders: the EAI <c>Order</c> message (MATA410 adapter).</summary>
    public const string OrderResource = ProtheusAdapter.OrderResource;

    /// <summary>The sales orders taken (SC5 with its SC6 items), by <c>C5_NUM</c>, as the message's content answered.</summary>
    public IReadOnlyDictionary<string, string> Sc5 => _sc5;

    /// <summary>
    /// Takes an EAI <c>Order</c> message (TOTVS standard message 4.009 in JSON, <c>{Header, Content}</c>; ERP.md §2.2 and §4) as
    /// MATA410 includes it: the header's <c>Transaction</c> is ORDER; the content is a sale (<c>OrderPurpose</c> 2) of the
    /// company (≤ 2) and branch (≤ 12), with its <c>InternalId</c> (≤ 50, required for PROTHEUS in the schema's x-totvs), dated
    /// (<c>RegisterDate</c>), with a price table (<c>pricetablenumber</c>, C5_TABELA ≤ 3) in DA0 when named, for a customer in SA1 that is not blocked
    /// (<c>CustomerCode</c> ≤ 6 and the store, the last part of <c>CustomerInternalId</c>), with a payment condition in SE4
    /// (<c>PaymentTermCode</c> ≤ 3), a carrier in SA4 when named, <c>FreightType</c> 1/2/3 and a freight not negative; each SC6
    /// item has its own <c>OrderItem</c> (C6_ITEM, ≤ 2), <c>ItemCode</c> (C6_PRODUTO, ≤ 15), <c>itemunitofmeasure</c> (C6_UM,
    /// ≤ 2), <c>Quantity</c> (up to 999,999.99), the net unit price <c>UnityPrice</c> (C6_PRCVEN, N 11,2: above zero, 2
    /// decimals), <c>TotalPrice</c> (C6_VALOR, the net item value in cents) = C6_QTDVEN × C6_PRCVEN up to C6_PRCVEN's rounding, a
    /// discount not negative, <c>TypeOperation</c> (C6_TES/C6_OPER, ≤ 3) and <c>LotNumber</c> ≤ 10. The totals add up to the
    /// cent: <c>OrderItemAmount</c> ("valor total líquido dos itens") = Σ C6_VALOR, <c>TotalDiscount</c> = Σ discount, and in
    /// <c>SUMMARY</c> the net and discount amounts the same. The items' taxes and expense shares, the header's insurance and
    /// expenses and the other <c>SUMMARY</c> totals follow <see cref="OrderTaxContract.Protheus(JsonNode?)"/>: the total
    /// (<c>ordertotalamount</c>) = net + freight + insurance (C5_SEGURO) + expenses (C5_DESPESA) + <c>valtottaxes</c>.
    /// Protheus numbers the order (<c>C5_NUM</c>, 6 digits) and answers a Response whose <c>ReturnContent.ListOfInternalId</c>
    /// pairs the origin's InternalId with its own, <c>FILIAL|C5_NUM</c>. The upsert of an InternalId already taken updates that
    /// order (the EAI de-para), whatever the idempotency key: one SC5 per InternalId.
    /// </summary>
    private TransportResult ApplyOrder(ErpMessage message)
    {
        var fields = new OrderFields("protheus.order");
        if (message.Operation != ErpOperation.Create)
            return Reject([new Problem("", "protheus.order.operation", "Só a inclusão de pedidos (MATA410 opção 3) é atendida aqui.")]);
        if (fields.Parse(message.Body) is not { } document)
            return Reject(fields.Problems);
        if (fields.Text(document["Header"], "Transaction", 40, "Header.Transaction") is { } transaction
            && !transaction.Equals("ORDER", StringComparison.OrdinalIgnoreCase))
            fields.Problems.Add(new Problem("Header.Transaction", "protheus.order.transaction", $"A transação {transaction} não é ORDER."));
        var content = document["Content"];
        if (fields.Text(content, "OrderPurpose", 1, "Content.OrderPurpose") is { } purpose && purpose != "2")
            fields.Problems.Add(new Problem("Content.OrderPurpose", "protheus.order.purpose", "Só pedidos de venda (OrderPurpose 2) geram SC5."));
        fields.Text(content, "CompanyId", 2, "Content.CompanyId");
        fields.Text(content, "BranchId", 12, "Content.BranchId");
        var internalId = fields.Text(content, "InternalId", 50, "Content.InternalId");
        fields.Date(content, "RegisterDate", "Content.RegisterDate");
        if (fields.Text(content, "pricetablenumber", 3, "Content.pricetablenumber", required: false) is { } table && !_da0.Contains(table))
            fields.Problems.Add(new Problem("Content.pricetablenumber", "protheus.order.c5_tabela", $"Tabela {table} não existe (DA0)."));
        if (fields.Text(content, "PaymentTermCode", 3, "Content.PaymentTermCode") is { } condition && !_se4.Contains(condition))
            fields.Problems.Add(new Problem("Content.PaymentTermCode", "protheus.order.c5_condpag", $"Condição {condition} não existe (SE4)."));
        if (fields.Text(content, "CarrierCode", 6, "Content.CarrierCode", required: false) is { } carrier
            && !(int.TryParse(carrier, NumberStyles.None, CultureInfo.InvariantCulture, out var carrierCode) && _sa4.Contains(carrierCode)))
            fields.Problems.Add(new Problem("Content.CarrierCode", "protheus.order.c5_transp", $"Transportadora {carrier} não existe (SA4)."));
        if (fields.Text(content, "FreightType", 1, "Content.FreightType", required: false) is { } freightType && freightType is not ("1" or "2" or "3"))
            fields.Problems.Add(new Problem("Content.FreightType", "protheus.order.freight_type", $"FreightType {freightType} não é 1 (CIF), 2 (FOB) ou 3 (SFT)."));
        fields.Number(content, "FreightValue", "Content.FreightValue", exclusive: false, required: false);
        var code = fields.Text(content, "CustomerCode", 6, "Content.CustomerCode");
        var store = fields.Text(content, "CustomerInternalId", 50, "Content.CustomerInternalId")?.Split('|')[^1];
        if (code is not null && store is not null)
        {
            if (_sa1.Values.FirstOrDefault(r => r.Cod == code && r.Loja == store) is not { } customer)
                fields.Problems.Add(new Problem("Content.CustomerCode", "protheus.order.unknown_customer", $"Cliente {code}/{store} não encontrado (SA1)."));
            else if (customer.Msblql == '1')
                fields.Problems.Add(new Problem("Content.CustomerCode", "protheus.order.customer_blocked", $"Cliente {code}/{store} bloqueado (A1_MSBLQL)."));
        }
        var items = fields.List(content?["SalesOrderItens"], "Item", "Content.SalesOrderItens.Item");
        var (net, discounts) = (0m, 0m);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"Content.SalesOrderItens.Item[{i}]";
            if (fields.Text(items[i], "OrderItem", 2, path + ".OrderItem") is { } number && !numbers.Add(number))
                fields.Problems.Add(new Problem(path + ".OrderItem", "protheus.order.c6_item", $"O item {number} se repete (C6_ITEM)."));
            fields.Text(items[i], "ItemCode", 15, path + ".ItemCode");
            fields.Text(items[i], "itemunitofmeasure", 2, path + ".itemunitofmeasure");
            fields.Text(items[i], "TypeOperation", 3, path + ".TypeOperation");
            fields.Text(items[i], "LotNumber", 10, path + ".LotNumber", required: false);
            var quantity = fields.Number(items[i], "Quantity", path + ".Quantity", max: 999_999.99m);
            var price = fields.Number(items[i], "UnityPrice", path + ".UnityPrice", max: 99_999_999.99m);
            if (price is { } p && decimal.Round(p, PrcvenDecimals) != p)
                fields.Problems.Add(new Problem(path + ".UnityPrice", "protheus.order.c6_prcven", $"C6_PRCVEN tem {PrcvenDecimals} casas decimais; {p} tem mais."));
            var total = fields.Number(items[i], "TotalPrice", path + ".TotalPrice");
            // C6_VALOR = C6_QTDVEN × C6_PRCVEN, to the cent and to the rounding of C6_PRCVEN (half its last decimal per unit).
            if (total is { } t && quantity is { } q && price is { } unit
                && (decimal.Round(t, 2) != t || Math.Abs(t - (q * unit)) > (q * PrcvenHalfStep) + 0.005m))
                fields.Problems.Add(new Problem(path + ".TotalPrice", "protheus.order.total",
                    $"{path}.TotalPrice {t} não é C6_QTDVEN × C6_PRCVEN ({q} × {unit}) em centavos (C6_VALOR)."));
            fields.Number(items[i], "PriceOfPriceTable", path + ".PriceOfPriceTable", exclusive: false, required: false);
            var discount = fields.Number(items[i], "DiscountTotalValue", path + ".DiscountTotalValue", exclusive: false, required: false) ?? 0m;
            (net, discounts) = (net + (total ?? 0m), discounts + discount);
        }
        fields.Cents(fields.Number(content, "OrderItemAmount", "Content.OrderItemAmount", exclusive: false, required: false), net,
            "Content.OrderItemAmount", "Σ C6_VALOR (valor líquido dos itens)");
        fields.Cents(fields.Number(content, "TotalDiscount", "Content.TotalDiscount", exclusive: false, required: false), discounts,
            "Content.TotalDiscount", "Σ desconto dos itens");
        if (content?["SUMMARY"] is { } summary)
        {
            fields.Cents(fields.Number(summary, "ordertotalnetamount", "Content.SUMMARY.ordertotalnetamount", exclusive: false), net,
                "Content.SUMMARY.ordertotalnetamount", "Σ C6_VALOR (valor líquido dos itens)");
            fields.Cents(fields.Number(summary, "discountamount", "Content.SUMMARY.discountamount", exclusive: false), discounts,
                "Content.SUMMARY.discountamount", "Σ desconto dos itens");
        }
        OrderTaxContract.Protheus(fields, content);
        if (fields.Problems.Count > 0)
            return Reject(fields.Problems);
        if (!_orderInternalIds.TryGetValue(internalId!, out var orderNumber))
            _orderInternalIds[internalId!] = orderNumber = (_sc5.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
        content!["OrderId"] = orderNumber;
        _sc5[orderNumber] = content.ToJsonString();
        var branch = (string?)content["BranchId"];
        var answer = new JsonObject
        {
            ["Header"] = new JsonObject { ["Type"] = "Response", ["Transaction"] = "ORDER", ["ProductName"] = "PROTHEUS" },
            ["Content"] = new JsonObject
            {
                ["ReturnContent"] = new JsonObject
                {
                    ["ListOfInternalId"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "Order",
                        ["origin"] = internalId,
                        ["destination"] = $"{branch}|{orderNumber}",
                    }),
                },
            },
        };
        return new Delivered(orderNumber, answer.ToJsonString());
    }

    /// <summary>C6_PRCVEN's decimals in the standard SX3 (N 11,2), and half a unit of its last decimal.</summary>
    private const int PrcvenDecimals = 2;
    private const decimal PrcvenHalfStep = 0.005m;
}
