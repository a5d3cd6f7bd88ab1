using System.Globalization;
using Crm.Adapters.Http;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using static Crm.Domain.Integration.Mapping.PayloadText;

namespace Crm.Adapters.Protheus;

// Sales orders: the EAI Order message MATA410 includes as SC5/SC6 (ERP.md §2.2, §4).
public sealed partial class ProtheusAdapter
{
    /// <summary>Where order messages go: the EAI standard message <c>Order</c> (transaction ORDER).</summary>
    public const string OrderResource = "Order";

    /// <summary>
    /// Every problem that keeps <paramref name="order"/> from Protheus, each naming the order's field, a code
    /// <c>protheus.order.*</c> and the SC5/SC6 field: the customer's account carried (<see cref="ErpOrder.CustomerAccount"/>)
    /// and integrated under the order's customer code (<c>customer_mismatch</c>); the company (<see cref="ProtheusOptions.CompanyId"/>, 2 in the message) and the branch
    /// (<see cref="ProtheusOptions.BranchId"/>, required for an order though a customer may go without it); the customer code <c>A1_COD</c> (6) + <c>A1_LOJA</c> (2); <c>C5_CONDPAG</c>
    /// (3) required; <c>C5_TABELA</c> (3), <c>C5_TRANSP</c> (6); a freight type the message carries (CIF, FOB or none);
    /// <c>C5_FRETE</c> (N 14,2); at least one item and at most as many as <c>C6_ITEM</c> (2) numbers; per item
    /// <c>C6_PRODUTO</c> (15, release 27), <c>C6_UM</c> (2), <c>C6_QTDVEN</c> above zero (N 9,2: up to 999,999.99),
    /// the net unit price <c>C6_PRCVEN</c> (see <see cref="NetUnitPrice"/>) above zero up to 99,999,999.99, the value
    /// <c>C6_VALOR</c> up to 999,999,999.99 in cents, <c>C6_VALDESC</c> in cents and not above the value, <c>C6_PRUNIT</c>,
    /// <c>C6_LOTECTL</c> (10), the item's freight, insurance and other-expense shares (N 14,2), and with taxes each listed tax's
    /// rate (<c>percdescandtaxes</c> N 6,2), value (<c>valuedescandtaxes</c> N 17,6) and base, named
    /// <c>items[i].taxes.{icms|fcp|icms_st|fcp_st|difal|ipi|pis|cofins|cbs|ibs_uf|ibs_mun}.{rate|value|base}</c>; the items'
    /// freight shares adding up to <c>C5_FRETE</c> when the order apportions it; <c>C5_SEGURO</c>, <c>C5_DESPESA</c> (N 14,2).
    /// Sizes from the SC5/SC6 dictionary, <c>Order_4_009.json</c> and TOTVS
    /// <c>SalesTaxes_1_000.json</c>. Call it before <see cref="PrepareOrder(ErpOrder)"/>: nothing is cut to fit.
    /// </summary>
    public override Outcome<ErpOrder> CheckOrder(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var check = new OrderFieldCheck("protheus");
        check.Customer(order);
        var header = order.Header;
        check.Text("company", "CompanyId (empresa)", _options.CompanyId, 2);
        check.Text("branch", "BranchId (filial, C5_FILIAL)", _options.BranchId, 12);
        if (header.CustomerCode?.Trim() is not { Length: 8 })
            check.Add("customer_code", OrderFieldCheck.OutOfRange,
                $"O código do cliente no Protheus é A1_COD (6) + A1_LOJA (2); '{header.CustomerCode}' não tem 8 caracteres.");
        check.Text("payment_condition", "C5_CONDPAG", header.PaymentCondition, 3);
        check.Text("price_table", "C5_TABELA", header.PriceTable, 3, required: false);
        check.Text("carrier", "C5_TRANSP", header.Carrier, 6, required: false);
        if (FreightTypeOf(header.FreightType) is null)
            check.Add("freight_type", OrderFieldCheck.OutOfRange,
                $"A mensagem Order só leva frete CIF, FOB ou sem frete (1, 2, 3); {header.FreightType} não tem equivalente.");
        check.Amount("freight", "C5_FRETE", order.Freight, MaxValue, 2);
        if (order.Items.Count == 0)
            check.Add("items", OrderFieldCheck.Required, "O pedido precisa de ao menos um item (SC6).");
        for (var i = 0; i < order.Items.Count; i++)
        {
            var item = order.Items[i];
            var field = $"items[{i}]";
            if (Sc6Item(i + 1) is null)
                check.Add(field, OrderFieldCheck.OutOfRange, $"C6_ITEM (2) numera até {MaxItems} itens; o pedido tem {order.Items.Count}.");
            check.Text($"{field}.product", "C6_PRODUTO", item.Product, 15);
            check.Text($"{field}.unit", "C6_UM", item.Unit, 2);
            check.Amount($"{field}.quantity", "C6_QTDVEN", item.Quantity, 999_999.99m, 2, positive: true);
            if (item.Quantity > 0m && item.Discount <= item.Value) // otherwise the quantity or the discount is already named
                check.Amount($"{field}.unit_price", "C6_PRCVEN (preço líquido)", NetUnitPrice(item), 99_999_999.99m, UnitPriceDecimals, positive: true);
            check.Amount($"{field}.value", "C6_VALOR", item.Value, MaxValue, 2, positive: true);
            check.Amount($"{field}.discount", "C6_VALDESC", item.Discount, item.Value, 2);
            check.Amount($"{field}.list_price", "C6_PRUNIT", item.ListPrice, 99_999_999.99m, 10);
            check.Text($"{field}.warehouse", "C6_LOCAL", item.Warehouse, 2);
            check.Text($"{field}.lot", "C6_LOTECTL", item.Lot, 10, required: false);
            check.Amount($"{field}.freight", "FreightValue do item (C7_VALFRE)", item.Freight, MaxValue, 2);
            check.Amount($"{field}.insurance", "InsuranceValue do item (C7_SEGURO)", item.Insurance, MaxValue, 2);
            check.Amount($"{field}.other_expenses", "unitvalacesscost", item.OtherExpenses, MaxValue, 2);
            if (item.Taxes is { } taxes)
                CheckTaxes(check, field, taxes);
        }
        if (order.Items.Any(i => i.Freight != 0m) && order.Items.Sum(i => i.Freight) is var shares && shares != order.Freight)
            check.Add("freight", OrderFieldCheck.OutOfRange,
                $"As parcelas de frete dos itens (FreightValue) somam {shares}; o frete do pedido (C5_FRETE) é {order.Freight}.");
        check.Amount("insurance", "C5_SEGURO", order.Items.Sum(i => i.Insurance), MaxValue, 2);
        check.Amount("other_expenses", "C5_DESPESA", order.Items.Sum(i => i.OtherExpenses), MaxValue, 2);
        return check.Result(order);
    }

    // Each listed tax fits tcValuesandtaxes: percdescandtaxes N 6,2 (up to 9,999.99), valuedescandtaxes N 17,6; its base is
    // an ADDFIELD text. The ICMS, ICMS-ST and IPI rates also go in tstam06dec3 fields (up to 999.999): their 2 decimals fit,
    // their size is held to 999.99.
    private static void CheckTaxes(OrderFieldCheck check, string field, ItemTaxes taxes)
    {
        check.IpiAsPercentage($"{field}.taxes.ipi", "industrializedproducttaxpercentage", taxes.Ipi);
        foreach (var (code, name, line) in ProtheusTaxes.Applying(taxes))
        {
            var tax = $"{field}.taxes.{name}";
            var maxRate = code is ProtheusTaxes.Icms or ProtheusTaxes.IcmsSt or ProtheusTaxes.Ipi ? 999.99m : 9_999.99m;
            check.Amount($"{tax}.rate", $"percdescandtaxes ({code})", line.Rate, maxRate, 2);
            check.Amount($"{tax}.value", $"valuedescandtaxes ({code})", line.Value, 999_999_999.999999m, 6);
            check.Amount($"{tax}.base", $"{ProtheusTaxes.BaseField(code)} (base)", line.Base, MaxValue, 6);
        }
    }

    /// <summary>
    /// The EAI <c>Order</c> message of <paramref name="order"/> (<see cref="ProtheusOrderMessage"/>) for
    /// <see cref="OrderResource"/>, meant for an order <see cref="CheckOrder"/> accepts (one it refuses is sent as it is, and
    /// Protheus refuses it). Protheus answers the order's <c>ListOfInternalId</c>, whose destination (<c>FILIAL|C5_NUM</c>) gives
    /// the order number the transport returns as the ERP code (see <see cref="ProtheusTransport"/>).
    /// </summary>
    public override OrderPreparation PrepareOrder(ErpOrder order) => OrderMessage(order, OrderResource, ToOrderMessage(order));

    /// <summary>The <c>Order</c> message of <paramref name="order"/>: SC5 header, SC6 items, totals that add up to the cent.</summary>
    public ProtheusOrderMessage ToOrderMessage(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var header = order.Header;
        var (company, branch) = (_options.CompanyId, _options.BranchId);
        var customer = header.CustomerCode.Trim();
        var (code, store) = customer.Length == 8 ? (customer[..6], customer[6..]) : (customer, _options.StoreId);
        var discount = order.Items.Sum(i => i.Discount);
        var net = order.Items.Sum(i => i.Value - i.Discount);
        var (insurance, expenses) = (order.Items.Sum(i => i.Insurance), order.Items.Sum(i => i.OtherExpenses));
        var items = order.Items.Select((item, i) => ItemOf(item, i)).ToArray();
        return new ProtheusOrderMessage
        {
            Header = new ProtheusMessageHeader { Uuid = order.Order.Value.ToString(), CompanyId = company, BranchId = branch },
            Content = new ProtheusOrder
            {
                CompanyId = company,
                BranchId = branch,
                CompanyInternalId = $"{company}|{branch}",
                InternalId = $"{company}|{branch}|{order.Order.Value:N}",
                CustomerOrderId = order.Order.Value.ToString("N"),
                RegisterDate = Iso(header.IssueDate),
                FreightType = FreightTypeOf(header.FreightType) ?? "",
                FreightValue = order.Freight,
                InsuranceValue = Sent(insurance),
                ExpenseValue = Sent(expenses),
                CustomerCode = code,
                CustomerInternalId = $"{company}|{branch}|{code}|{store}",
                CarrierCode = header.Carrier?.Trim() is { Length: > 0 } carrier ? carrier : null,
                PriceTableNumber = header.PriceTable?.Trim() is { Length: > 0 } table ? table : null,
                PaymentTermCode = header.PaymentCondition.Trim(),
                PaymentConditionInternalId = $"{company}|{branch}|{header.PaymentCondition.Trim()}",
                OrderItemAmount = net,
                TotalDiscount = discount,
                Observation = header.Observations,
                SalesOrderItens = new ProtheusOrderItems { Item = items },
                Summary = new ProtheusOrderSummary
                {
                    NetAmount = net,
                    DiscountAmount = discount,
                    IpiAmount = items.Any(i => i.IpiValue is not null) ? items.Sum(i => i.IpiValue ?? 0m) : null,
                    AccessoryCost = Sent(expenses),
                    Taxes = order.Total - net - order.Freight - insurance - expenses,
                    TotalAmount = order.Total,
                },
            },
        };
    }

    private ProtheusOrderItem ItemOf(ErpOrderItem item, int index) => new()
    {
        OrderItem = Sc6Item(index + 1) ?? "",
        ItemCode = item.Product.Trim(),
        UnitOfMeasure = item.Unit.Trim(),
        Quantity = item.Quantity,
        UnityPrice = NetUnitPrice(item),
        TotalPrice = item.Value - item.Discount,
        TypeOperation = _options.SalesOperation,
        DiscountTotalValue = item.Discount,
        PriceOfPriceTable = item.ListPrice,
        WarehouseInternalId = $"{_options.CompanyId}|{_options.BranchId}|{item.Warehouse.Trim()}",
        LotNumber = item.Lot?.Trim() is { Length: > 0 } lot ? lot : null,
        DeliveryDate = item.DeliveryDate is { } date ? Iso(date) : null,
        FreightValue = Sent(item.Freight),
        InsuranceValue = Sent(item.Insurance),
        AccessoryCost = Sent(item.OtherExpenses),
        IpiValue = item.Taxes?.Ipi.Value,
        IpiRate = item.Taxes?.Ipi.Rate,
        IcmsRate = item.Taxes?.Icms.Rate,
        IcmsStRate = item.Taxes is { } st && ProtheusTaxes.Applies(st.IcmsSt) ? st.IcmsSt.Rate : null,
        ListOfTaxes = item.Taxes is { } taxes ? [[new ProtheusTaxList { ValuesAndTaxes = TaxValuesOf(taxes) }]] : null,
        Other = item.Taxes is { } bases ? new ProtheusOther { AddFields = BasesOf(bases) } : null,
    };

    // An expense the order does not have is left out, not sent as zero: an order whose freight is not apportioned to its
    // items (C5_FRETE only) says nothing of the items' shares.
    private static decimal? Sent(decimal value) => value == 0m ? null : value;

    // LISTOFTAXESITEM's items are tcListoftaxesitem, itself an array of {VALUESANDTAXES}: one list in one list (the schema's
    // $ref wins over the "object" beside it, as JSON Schema reads a $ref).
    private static ProtheusTaxValue[] TaxValuesOf(ItemTaxes taxes) =>
        [.. ProtheusTaxes.Applying(taxes).Select(t => new ProtheusTaxValue { Tax = t.Code, Rate = t.Line.Rate, Value = t.Line.Value })];

    private static ProtheusAddFields[] BasesOf(ItemTaxes taxes) =>
        [.. ProtheusTaxes.Applying(taxes).Select(t => new ProtheusAddFields
        {
            AddField = new ProtheusAddField { Field = ProtheusTaxes.BaseField(t.Code), Value = ProtheusTaxes.Text(t.Line.Base) },
        })];

    /// <summary><c>C6_PRCVEN</c>'s decimals in the standard SX3 dictionary (N 11,2).</summary>
    public const int UnitPriceDecimals = 2;

    /// <summary>
    /// <c>C6_PRCVEN</c> of <paramref name="item"/>: its net value (value less discount) over its quantity, rounded half away from
    /// zero to <see cref="UnitPriceDecimals"/>. The net value itself (<c>C6_VALOR</c>) is sent exact, so the order's cents add
    /// up; the unit price carries the rounding (inferred, as Protheus' <c>A410Arred</c> keeps each field to its own decimals).
    /// </summary>
    public static decimal NetUnitPrice(ErpOrderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Quantity == 0m ? 0m : decimal.Round((item.Value - item.Discount) / item.Quantity, UnitPriceDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The largest <c>C6_VALOR</c> / <c>C5_FRETE</c> (TOTVS <c>SalesTaxes_1_000.json</c>).</summary>
    private const decimal MaxValue = 999_999_999.99m;

    /// <summary>How many items two <c>C6_ITEM</c> characters number: 01–99, 9A–9Z, A0–ZZ.</summary>
    public const int MaxItems = 99 + 26 + (26 * 36);

    /// <summary>
    /// <c>C6_ITEM</c> of the <paramref name="position"/>-th item (from 1): <c>01</c>…<c>99</c>, then <c>9A</c>…<c>9Z</c>,
    /// <c>A0</c>…<c>ZZ</c>, the way ADVPL's <c>Soma1</c> counts past 99 in two characters (inferred: the dictionary gives
    /// C6_ITEM 2 characters, and MATA410 numbers items with Soma1); null beyond <see cref="MaxItems"/>.
    /// </summary>
    public static string? Sc6Item(int position)
    {
        const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        if (position is < 1 or > MaxItems)
            return null;
        if (position <= 99)
            return position.ToString("D2", CultureInfo.InvariantCulture);
        var after = position - 100;
        return after < 26 ? $"9{Digits[10 + after]}" : $"{Digits[10 + ((after - 26) / 36)]}{Digits[(after - 26) % 36]}";
    }

    /// <summary>The message's <c>FreightType</c>: 1 CIF, 2 FOB, 3 SFT (sem frete); null for the kinds it has no code for.</summary>
    private static string? FreightTypeOf(FreightType type) => type switch
    {
        FreightType.Cif => "1",
        FreightType.Fob => "2",
        FreightType.None => "3",
        _ => null,
    };
}
