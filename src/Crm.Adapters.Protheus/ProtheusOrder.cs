using System.Text.Json.Serialization;

namespace Crm.Adapters.Protheus;

/// <summary>
/// A sales order as the TOTVS EAI <c>Order</c> message (standard message 4.009 in JSON, <c>{Header, Content}</c>; ERP.md §2.2,
/// §4; TOTVS <c>Order_4_009.json</c>), which Protheus' MATA410 adapter includes as SC5 with its SC6 items. The header names
/// the transaction; <see cref="Content"/> is <c>BusinessContentType</c>.
/// </summary>
public sealed record ProtheusOrderMessage
{
    /// <summary>The EAI header.</summary>
    [JsonPropertyName("Header")] public required ProtheusMessageHeader Header { get; init; }
    /// <summary>The order.</summary>
    [JsonPropertyName("Content")] public required ProtheusOrder Content { get; init; }
}

/// <summary>
/// The EAI header (ERP.md §4 "Envelope"): a business event of transaction ORDER, version 4.009. <see cref="Uuid"/> is the CRM
/// order's id, so the same order always gives the same message (and idempotency key).
/// </summary>
public sealed record ProtheusMessageHeader
{
    /// <summary>The message's UUID: the CRM order's id.</summary>
    [JsonPropertyName("UUID")] public required string Uuid { get; init; }
    /// <summary>BusinessMessage.</summary>
    [JsonPropertyName("Type")] public string Type { get; init; } = "BusinessMessage";
    /// <summary>event.</summary>
    [JsonPropertyName("SubType")] public string SubType { get; init; } = "event";
    /// <summary>upsert.</summary>
    [JsonPropertyName("Event")] public string Event { get; init; } = "upsert";
    /// <summary>ORDER.</summary>
    [JsonPropertyName("Transaction")] public string Transaction { get; init; } = "ORDER";
    /// <summary>The message's version, 4.009.</summary>
    [JsonPropertyName("Version")] public string Version { get; init; } = "4.009";
    /// <summary>Who sends it.</summary>
    [JsonPropertyName("SourceApplication")] public string SourceApplication { get; init; } = "CRM";
    /// <summary>The sending product.</summary>
    [JsonPropertyName("ProductName")] public string ProductName { get; init; } = "CRM";
    /// <summary>The company group.</summary>
    [JsonPropertyName("CompanyId")] public required string CompanyId { get; init; }
    /// <summary>The branch.</summary>
    [JsonPropertyName("BranchId")] public required string BranchId { get; init; }
    /// <summary>Async.</summary>
    [JsonPropertyName("DeliveryType")] public string DeliveryType { get; init; } = "Async";
}

/// <summary>The SC5 header of an <c>Order</c> message (<c>BusinessContentType</c>) with its SC6 items.</summary>
public sealed record ProtheusOrder
{
    /// <summary>The company group (2).</summary>
    [JsonPropertyName("CompanyId")] public required string CompanyId { get; init; }
    /// <summary><c>C5_FILIAL</c> (2 to 12).</summary>
    [JsonPropertyName("BranchId")] public required string BranchId { get; init; }
    /// <summary><c>EMPRESA|FILIAL</c>.</summary>
    [JsonPropertyName("CompanyInternalId")] public required string CompanyInternalId { get; init; }
    /// <summary>2, a sale.</summary>
    [JsonPropertyName("OrderPurpose")] public string OrderPurpose { get; init; } = "2";
    /// <summary>
    /// The order's <c>InternalId</c> at the origin, <c>EMPRESA|FILIAL|{CRM order id, 32 hex digits}</c> (≤ 50; Order_4_009's
    /// x-totvs marks it required for PROTHEUS): the EAI de-para key, so the same order sent again under the upsert event
    /// updates the one SC5 it made instead of including another.
    /// </summary>
    [JsonPropertyName("InternalId")] public required string InternalId { get; init; }
    /// <summary>The CRM order's id (the customer's order number, <c>C5_PEDCLI</c>-like).</summary>
    [JsonPropertyName("CustomerOrderId")] public required string CustomerOrderId { get; init; }
    /// <summary><c>C5_EMISSAO</c>, ISO date.</summary>
    [JsonPropertyName("RegisterDate")] public required string RegisterDate { get; init; }
    /// <summary><c>C5_NUM</c>: numbered by Protheus, absent on inclusion.</summary>
    [JsonPropertyName("OrderId")] public string? OrderId { get; init; }
    /// <summary>1 CIF, 2 FOB, 3 SFT (sem frete).</summary>
    [JsonPropertyName("FreightType")] public required string FreightType { get; init; }
    /// <summary><c>C5_FRETE</c> (N 14,2).</summary>
    [JsonPropertyName("FreightValue")] public decimal FreightValue { get; init; }
    /// <summary><c>C5_SEGURO</c> (N 14,2): Σ the items' <see cref="ProtheusOrderItem.InsuranceValue"/>; absent when none.</summary>
    [JsonPropertyName("InsuranceValue")] public decimal? InsuranceValue { get; init; }
    /// <summary><c>C5_DESPESA</c> (N 14,2), "despesa acessória": Σ the items' <see cref="ProtheusOrderItem.AccessoryCost"/>; absent when none.</summary>
    [JsonPropertyName("ExpenseValue")] public decimal? ExpenseValue { get; init; }
    /// <summary><c>C5_CLIENTE</c> (6).</summary>
    [JsonPropertyName("CustomerCode")] public required string CustomerCode { get; init; }
    /// <summary><c>EMPRESA|A1_FILIAL|A1_COD|A1_LOJA</c>: the last part is <c>C5_LOJACLI</c>.</summary>
    [JsonPropertyName("CustomerInternalId")] public required string CustomerInternalId { get; init; }
    /// <summary><c>C5_TRANSP</c> (6).</summary>
    [JsonPropertyName("CarrierCode")] public string? CarrierCode { get; init; }
    /// <summary>
    /// <c>C5_TABELA</c> (3): the schema's header <c>pricetablenumber</c> (string, 1 to 15); the schema names no Protheus
    /// field for it, so the C5_TABELA mapping is inferred.
    /// </summary>
    [JsonPropertyName("pricetablenumber")] public string? PriceTableNumber { get; init; }
    /// <summary><c>C5_CONDPAG</c> (3).</summary>
    [JsonPropertyName("PaymentTermCode")] public required string PaymentTermCode { get; init; }
    /// <summary><c>EMPRESA|E4_FILIAL|E4_CODIGO</c>.</summary>
    [JsonPropertyName("PaymentConditionInternalId")] public required string PaymentConditionInternalId { get; init; }
    /// <summary>"Valor total líquido dos itens": Σ <see cref="ProtheusOrderItem.TotalPrice"/>, the items' values net of their discounts.</summary>
    [JsonPropertyName("OrderItemAmount")] public decimal OrderItemAmount { get; init; }
    /// <summary>Σ C6_VALDESC.</summary>
    [JsonPropertyName("TotalDiscount")] public decimal TotalDiscount { get; init; }
    /// <summary>The seller's observations.</summary>
    [JsonPropertyName("Observation")] public string? Observation { get; init; }
    /// <summary>The items.</summary>
    [JsonPropertyName("SalesOrderItens")] public required ProtheusOrderItems SalesOrderItens { get; init; }
    /// <summary>The document totals and the taxes they add.</summary>
    [JsonPropertyName("SUMMARY")] public required ProtheusOrderSummary Summary { get; init; }
}

/// <summary>The SC6 items (<c>SalesOrderItensType</c>).</summary>
public sealed record ProtheusOrderItems
{
    /// <summary>The items, in item order.</summary>
    [JsonPropertyName("Item")] public required IReadOnlyList<ProtheusOrderItem> Item { get; init; }
}

/// <summary>An SC6 item (<c>tcOrderItem</c>).</summary>
public sealed record ProtheusOrderItem
{
    /// <summary><c>C6_ITEM</c> (2): 01…99, then 9A…ZZ as Protheus' <c>Soma1</c> counts.</summary>
    [JsonPropertyName("OrderItem")] public required string OrderItem { get; init; }
    /// <summary><c>C6_PRODUTO</c> (15 in release 27).</summary>
    [JsonPropertyName("ItemCode")] public required string ItemCode { get; init; }
    /// <summary><c>C6_UM</c> (2).</summary>
    [JsonPropertyName("itemunitofmeasure")] public required string UnitOfMeasure { get; init; }
    /// <summary><c>C6_QTDVEN</c> (N 9,2).</summary>
    [JsonPropertyName("Quantity")] public decimal Quantity { get; init; }
    /// <summary>
    /// <c>C6_PRCVEN</c>: the net unit price, the item's value less its discount over the quantity, rounded half away from
    /// zero to <see cref="ProtheusAdapter.UnitPriceDecimals"/> (C6_PRCVEN's decimals in the standard SX3).
    /// </summary>
    [JsonPropertyName("UnityPrice")] public decimal UnityPrice { get; init; }
    /// <summary>
    /// <c>C6_VALOR</c> (N 12,2): the item's net value, vProd − vDesc, kept exact to the cent; it differs from quantity ×
    /// <see cref="UnityPrice"/> by the unit price's rounding only (at most quantity × half a unit of its last decimal).
    /// </summary>
    [JsonPropertyName("TotalPrice")] public decimal TotalPrice { get; init; }
    /// <summary><c>C6_OPER</c> (2, TES inteligente) from <see cref="ProtheusOptions.SalesOperation"/>.</summary>
    [JsonPropertyName("TypeOperation")] public required string TypeOperation { get; init; }
    /// <summary><c>C6_VALDESC</c>: the item's discount value (vDesc), already out of <see cref="TotalPrice"/> and <see cref="UnityPrice"/>.</summary>
    [JsonPropertyName("DiscountTotalValue")] public decimal DiscountTotalValue { get; init; }
    /// <summary><c>C6_PRUNIT</c>: the list price.</summary>
    [JsonPropertyName("PriceOfPriceTable")] public decimal PriceOfPriceTable { get; init; }
    /// <summary><c>EMPRESA|FILIAL|C6_LOCAL</c>: the warehouse.</summary>
    [JsonPropertyName("WarehouseInternalId")] public required string WarehouseInternalId { get; init; }
    /// <summary>
    /// <c>C6_LOTECTL</c> (10). Inferred placement: Order_4_009 puts <c>LotNumber</c> in the header <c>BusinessContent</c>, not in
    /// <c>tcOrderItem</c>, yet maps it to the SC6 (item) column C6_LOTECTL; a lot belongs to an item, so it is sent per item.
    /// </summary>
    [JsonPropertyName("LotNumber")] public string? LotNumber { get; init; }
    /// <summary><c>C6_ENTREG</c>, ISO date.</summary>
    [JsonPropertyName("DeliveryDate")] public string? DeliveryDate { get; init; }
    /// <summary>
    /// The item's share of the freight (vFrete). The schema calls it "valor do frete unitário" but maps it to the item column
    /// C7_VALFRE, a line value: read as the item's share (our choice), so the items add up to <c>C5_FRETE</c>. Absent when
    /// the item has no share (an order whose freight is not apportioned to its items sends none).
    /// </summary>
    [JsonPropertyName("FreightValue")] public decimal? FreightValue { get; init; }
    /// <summary>The item's share of the insurance (vSeg), read as <see cref="FreightValue"/> is (C7_SEGURO, "unitário"); absent when none.</summary>
    [JsonPropertyName("InsuranceValue")] public decimal? InsuranceValue { get; init; }
    /// <summary>
    /// The item's share of other expenses (vOutro). The schema describes neither <c>unitvalacesscost</c> nor
    /// <c>unitvalnotacesscost</c>; "despesa acessória" is C5_DESPESA's name, so this one, read as a line value like
    /// <see cref="FreightValue"/> (our choice); the items add up to <c>ExpenseValue</c> and <c>SUMMARY.valtotaacesscost</c>.
    /// Absent when none.
    /// </summary>
    [JsonPropertyName("unitvalacesscost")] public decimal? AccessoryCost { get; init; }
    /// <summary>The item's IPI value (vIPI); absent when the order carries no taxes.</summary>
    [JsonPropertyName("valipi")] public decimal? IpiValue { get; init; }
    /// <summary>The IPI rate in % (pIPI, 3 decimals).</summary>
    [JsonPropertyName("industrializedproducttaxpercentage")] public decimal? IpiRate { get; init; }
    /// <summary>The own ICMS rate in % (pICMS, 3 decimals).</summary>
    [JsonPropertyName("servicesandproductscirculationtaxpercentage")] public decimal? IcmsRate { get; init; }
    /// <summary>The ICMS-ST rate in % (pICMSST, 3 decimals); absent without ICMS-ST.</summary>
    [JsonPropertyName("precenticmssubst")] public decimal? IcmsStRate { get; init; }
    /// <summary>The item's taxes (<see cref="ProtheusTaxes"/>); absent when the order carries no taxes.</summary>
    [JsonPropertyName("LISTOFTAXESITEM")] public IReadOnlyList<IReadOnlyList<ProtheusTaxList>>? ListOfTaxes { get; init; }
    /// <summary>The taxes' bases (<see cref="ProtheusTaxes.BaseField"/>), the only place the schema leaves for them.</summary>
    [JsonPropertyName("OTHER")] public ProtheusOther? Other { get; init; }
}

/// <summary>One <c>tcListoftaxesitem</c> element: its <c>VALUESANDTAXES</c>.</summary>
public sealed record ProtheusTaxList
{
    /// <summary>The item's taxes, one entry each.</summary>
    [JsonPropertyName("VALUESANDTAXES")] public required IReadOnlyList<ProtheusTaxValue> ValuesAndTaxes { get; init; }
}

/// <summary>A <c>tcValuesandtaxes</c> entry: a tax's code, rate and value.</summary>
public sealed record ProtheusTaxValue
{
    /// <summary><c>tpvalue</c> (1|2): <see cref="ProtheusTaxes.TaxKind"/>.</summary>
    [JsonPropertyName("tpvalue")] public string Kind { get; init; } = ProtheusTaxes.TaxKind;
    /// <summary><c>tpreasondescandtax</c> (01–13): the tax, <see cref="ProtheusTaxes.Codes"/>.</summary>
    [JsonPropertyName("tpreasondescandtax")] public required string Tax { get; init; }
    /// <summary><c>percdescandtaxes</c>: the rate in % (2 decimals, up to 9,999.99).</summary>
    [JsonPropertyName("percdescandtaxes")] public decimal Rate { get; init; }
    /// <summary><c>valuedescandtaxes</c>: the value.</summary>
    [JsonPropertyName("valuedescandtaxes")] public decimal Value { get; init; }
}

/// <summary>The schema's <c>OTHER</c> (<c>tcother</c>): up to 20 <c>ADDFIELDS</c>.</summary>
public sealed record ProtheusOther
{
    /// <summary>The added fields.</summary>
    [JsonPropertyName("ADDFIELDS")] public required IReadOnlyList<ProtheusAddFields> AddFields { get; init; }
}

/// <summary>One <c>ADDFIELDS</c> element.</summary>
public sealed record ProtheusAddFields
{
    /// <summary>The field.</summary>
    [JsonPropertyName("ADDFIELD")] public required ProtheusAddField AddField { get; init; }
}

/// <summary>A <c>tcAddField</c>: a name (≤ 12) and a text value (≤ 60).</summary>
public sealed record ProtheusAddField
{
    /// <summary>The name.</summary>
    [JsonPropertyName("field")] public required string Field { get; init; }
    /// <summary>The value, as text.</summary>
    [JsonPropertyName("value")] public required string Value { get; init; }
}

/// <summary>
/// The document totals (<c>tcSummary</c>): the merchandise net of discounts, the discounts, the IPI, the other expenses, the
/// taxes charged on top of the prices and the document total (vNF) = net + freight + insurance + other expenses + those
/// taxes. They add up to the cent with the items.
/// </summary>
public sealed record ProtheusOrderSummary
{
    /// <summary>Σ C6_VALOR, the items' net values.</summary>
    [JsonPropertyName("ordertotalnetamount")] public decimal NetAmount { get; init; }
    /// <summary>Σ C6_VALDESC.</summary>
    [JsonPropertyName("discountamount")] public decimal DiscountAmount { get; init; }
    /// <summary>Σ the items' <c>valipi</c>; absent when the order carries no taxes.</summary>
    [JsonPropertyName("valtotipimerchan")] public decimal? IpiAmount { get; init; }
    /// <summary>Σ the items' <c>unitvalacesscost</c> (C5_DESPESA); absent when none.</summary>
    [JsonPropertyName("valtotaacesscost")] public decimal? AccessoryCost { get; init; }
    /// <summary>
    /// <see cref="TotalAmount"/> − <see cref="NetAmount"/> − <c>C5_FRETE</c> − <c>C5_SEGURO</c> − <c>C5_DESPESA</c>: the taxes vNF
    /// adds on top of the prices (IPI, ICMS-ST, FCP-ST, and CBS/IBS where the document adds them), not the ones inside the
    /// price (ICMS, PIS, COFINS). Our reading: the schema does not describe <c>valtottaxes</c>.
    /// </summary>
    [JsonPropertyName("valtottaxes")] public decimal Taxes { get; init; }
    /// <summary>vNF.</summary>
    [JsonPropertyName("ordertotalamount")] public decimal TotalAmount { get; init; }
}

/// <summary>
/// What an EAI Response returns (Order_4_009 <c>ReturnContentType</c>): the de-para of the InternalIds the message made, each
/// <see cref="ProtheusInternalId"/> (TTALK <c>ListOfInternalId_1_000</c>).
/// </summary>
internal sealed record ProtheusReturnContent
{
    /// <summary>The InternalIds, one per entity the message made or changed.</summary>
    [JsonPropertyName("ListOfInternalId")] public IReadOnlyList<ProtheusInternalId>? ListOfInternalId { get; init; }
}

/// <summary>One de-para line: the entity (the transaction's name, e.g. <c>Order</c>), its InternalId at the origin and in Protheus.</summary>
internal sealed record ProtheusInternalId
{
    /// <summary>The entity, named as the transaction (<c>Order</c>).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>The sender's InternalId (<see cref="ProtheusOrder.InternalId"/>).</summary>
    [JsonPropertyName("origin")] public string? Origin { get; init; }
    /// <summary>Protheus' InternalId, <c>FILIAL|C5_NUM</c> for an order.</summary>
    [JsonPropertyName("destination")] public string? Destination { get; init; }
}
