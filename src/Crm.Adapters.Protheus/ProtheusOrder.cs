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
    /// <summary><c>C5_CLIENTE</c> (6).</summary>
    [JsonPropertyName("CustomerCode")] public required string CustomerCode { get; init; }
    /// <summary><c>EMPRESA|A1_FILIAL|A1_COD|A1_LOJA</c>: the last part is <c>C5_LOJACLI</c>.</summary>
    [JsonPropertyName("CustomerInternalId")] public required string CustomerInternalId { get; init; }
    /// <summary><c>C5_TRANSP</c> (6).</summary>
    [JsonPropertyName("CarrierCode")] public string? CarrierCode { get; init; }
    /// <summary><c>C5_CONDPAG</c> (3).</summary>
    [JsonPropertyName("PaymentTermCode")] public required string PaymentTermCode { get; init; }
    /// <summary><c>EMPRESA|E4_FILIAL|E4_CODIGO</c>.</summary>
    [JsonPropertyName("PaymentConditionInternalId")] public required string PaymentConditionInternalId { get; init; }
    /// <summary>Σ of the items' values net of their discounts (Σ C6_VALOR − C6_VALDESC).</summary>
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
    /// <summary><c>C6_PRCVEN</c>: the sale unit price (vUnCom, every decimal the CRM priced with).</summary>
    [JsonPropertyName("UnityPrice")] public decimal UnityPrice { get; init; }
    /// <summary><c>C6_VALOR</c> (N 12,2): quantity × unit price, rounded to cents (vProd).</summary>
    [JsonPropertyName("TotalPrice")] public decimal TotalPrice { get; init; }
    /// <summary><c>C6_OPER</c> (2, TES inteligente) from <see cref="ProtheusOptions.SalesOperation"/>.</summary>
    [JsonPropertyName("TypeOperation")] public required string TypeOperation { get; init; }
    /// <summary><c>C6_VALDESC</c>: the item's discount value (vDesc).</summary>
    [JsonPropertyName("DiscountTotalValue")] public decimal DiscountTotalValue { get; init; }
    /// <summary><c>C6_PRUNIT</c>: the list price.</summary>
    [JsonPropertyName("PriceOfPriceTable")] public decimal PriceOfPriceTable { get; init; }
    /// <summary><c>EMPRESA|FILIAL|C6_LOCAL</c>: the warehouse.</summary>
    [JsonPropertyName("WarehouseInternalId")] public required string WarehouseInternalId { get; init; }
    /// <summary><c>C6_LOTECTL</c> (10).</summary>
    [JsonPropertyName("LotNumber")] public string? LotNumber { get; init; }
    /// <summary><c>C6_ENTREG</c>, ISO date.</summary>
    [JsonPropertyName("DeliveryDate")] public string? DeliveryDate { get; init; }
}

/// <summary>
/// The document totals (<c>tcSummary</c>): the merchandise net of discounts, the discounts, the taxes charged on top of the
/// prices (vNF − merchandise − freight: IPI, ICMS-ST, FCP-ST…) and the document total (vNF). They add up to the cent.
/// </summary>
public sealed record ProtheusOrderSummary
{
    /// <summary>Σ (C6_VALOR − C6_VALDESC).</summary>
    [JsonPropertyName("ordertotalnetamount")] public decimal NetAmount { get; init; }
    /// <summary>Σ C6_VALDESC.</summary>
    [JsonPropertyName("discountamount")] public decimal DiscountAmount { get; init; }
    /// <summary>The taxes on top of the prices: <see cref="TotalAmount"/> − <see cref="NetAmount"/> − <c>C5_FRETE</c>.</summary>
    [JsonPropertyName("valtottaxes")] public decimal Taxes { get; init; }
    /// <summary>vNF.</summary>
    [JsonPropertyName("ordertotalamount")] public decimal TotalAmount { get; init; }
}
