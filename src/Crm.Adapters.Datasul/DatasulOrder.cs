using System.Text.Json.Serialization;

namespace Crm.Adapters.Datasul;

/// <summary>
/// A sales order of the Datasul public REST API <c>/api/pdp/v1/ordersPublic</c> (TOTVS <c>OrdersPublic_1_000.json</c>; ERP.md
/// §1.2): the <c>ped-venda</c> header and its <c>ped-item</c> items. The CRM writes what the seller decided; EMS numbers the
/// order (<see cref="OrderId"/>, <c>nr-pedido</c>), evaluates credit and prices, and computes the taxes from its own rules.
/// </summary>
public sealed record DatasulOrder
{
    /// <summary><c>nr-pedido</c>: numbered by EMS, absent on inclusion.</summary>
    [JsonPropertyName("OrderId")] public int? OrderId { get; init; }
    /// <summary><c>nr-pedcli</c> (12, required): the CRM's number for the order.</summary>
    [JsonPropertyName("CustomerOrderId")] public required string CustomerOrderId { get; init; }
    /// <summary><c>nome-abrev</c> (12, required): the customer's short name.</summary>
    [JsonPropertyName("ShortName")] public string? ShortName { get; init; }
    /// <summary><c>cod-emitente</c>: the customer's code.</summary>
    [JsonPropertyName("CustomerCode")] public int? CustomerCode { get; init; }
    /// <summary><c>dt-emissao</c> (required), ISO date.</summary>
    [JsonPropertyName("EmissionDate")] public required string EmissionDate { get; init; }
    /// <summary><c>dt-implant</c> (required), ISO date.</summary>
    [JsonPropertyName("ImplantationDate")] public required string ImplantationDate { get; init; }
    /// <summary><c>cod-estabel</c> (5): the selling establishment.</summary>
    [JsonPropertyName("BranchId")] public required string BranchId { get; init; }
    /// <summary><c>cod-cond-pag</c>: the payment condition.</summary>
    [JsonPropertyName("PaymentTerms")] public int? PaymentTerms { get; init; }
    /// <summary><c>nr-tabpre</c> (8): the price table.</summary>
    [JsonPropertyName("PriceTableOrder")] public string? PriceTableOrder { get; init; }
    /// <summary><c>cod-transp</c>: the carrier.</summary>
    [JsonPropertyName("CodeCarrier")] public int? CodeCarrier { get; init; }
    /// <summary><c>esp-ped</c>: 1 Pedido Simples.</summary>
    [JsonPropertyName("OrderType")] public int OrderType { get; init; } = 1;
    /// <summary><c>tp-preco</c>: 1 Preço Informado (the CRM priced it).</summary>
    [JsonPropertyName("PriceOrderType")] public int PriceOrderType { get; init; } = 1;
    /// <summary><c>val-frete</c>: the freight.</summary>
    [JsonPropertyName("ValueFreight")] public decimal ValueFreight { get; init; }
    /// <summary><c>val-seguro</c>: the insurance, Σ the items' <see cref="DatasulOrderItem.InsurancePrice"/>.</summary>
    [JsonPropertyName("ValueInsurance")] public decimal ValueInsurance { get; init; }
    /// <summary><c>vl-tot-ped</c>, "valor total da mercadoria pedida adicionada do IPI": <see cref="OrderAmount"/> + Σ <c>val-ipi</c>; absent without taxes.</summary>
    [JsonPropertyName("TotalOrderAmount")] public decimal? TotalOrderAmount { get; init; }
    /// <summary><c>vl-liq-ped</c>: the merchandise net of discounts, Σ <c>vl-liq-it</c>.</summary>
    [JsonPropertyName("OrderAmount")] public decimal OrderAmount { get; init; }
    /// <summary><c>val-desconto-total</c>: Σ of the items' discounts.</summary>
    [JsonPropertyName("TotalDiscount")] public decimal TotalDiscount { get; init; }
    /// <summary><c>observacoes</c> (2000).</summary>
    [JsonPropertyName("Comments")] public string? Comments { get; init; }
    /// <summary><c>cod-sit-ped</c> (EMS-owned): 1 Aberto once taken.</summary>
    [JsonPropertyName("OrderSituation")] public int? OrderSituation { get; init; }
    /// <summary>The items (required, at least one).</summary>
    [JsonPropertyName("OrderItems")] public required IReadOnlyList<DatasulOrderItem> OrderItems { get; init; }
}

/// <summary>An item (<c>ped-item</c>) of a <see cref="DatasulOrder"/>.</summary>
public sealed record DatasulOrderItem
{
    /// <summary><c>nr-sequencia</c>: 10, 20, 30… as EMS numbers sequences.</summary>
    [JsonPropertyName("Sequence")] public int Sequence { get; init; }
    /// <summary><c>it-codigo</c> (16, required).</summary>
    [JsonPropertyName("ItemCode")] public required string ItemCode { get; init; }
    /// <summary><c>des-un-medida</c> (2): the unit sold.</summary>
    [JsonPropertyName("UnitMeasureBilling")] public required string UnitMeasureBilling { get; init; }
    /// <summary><c>qt-un-fat</c> (required): the quantity in the billing unit.</summary>
    [JsonPropertyName("QuantityBilling")] public decimal QuantityBilling { get; init; }
    /// <summary><c>vl-preori</c> (required): the price informed (vUnCom).</summary>
    [JsonPropertyName("OriginalPrice")] public decimal OriginalPrice { get; init; }
    /// <summary><c>vl-pretab</c>: the table price.</summary>
    [JsonPropertyName("PriceTableValue")] public decimal PriceTableValue { get; init; }
    /// <summary><c>val-desconto-total</c>: the item's discount value (vDesc).</summary>
    [JsonPropertyName("TotalValueDiscount")] public decimal TotalValueDiscount { get; init; }
    /// <summary><c>vl-liq-it</c>: quantity × price in cents (vProd) less the discount.</summary>
    [JsonPropertyName("LiquidMerchandise")] public decimal LiquidMerchandise { get; init; }
    /// <summary><c>nr-tabpre</c> (8).</summary>
    [JsonPropertyName("PriceTable")] public string? PriceTable { get; init; }
    /// <summary><c>dt-entrega</c>, ISO date.</summary>
    [JsonPropertyName("DeliveryDate")] public string? DeliveryDate { get; init; }
    /// <summary><c>val-seguro</c>: the item's share of the insurance (vSeg).</summary>
    [JsonPropertyName("InsurancePrice")] public decimal InsurancePrice { get; init; }
    /// <summary><c>aliquota-ipi</c>: the IPI rate in %; absent when the order carries no taxes.</summary>
    [JsonPropertyName("Aliquot")] public decimal? Aliquot { get; init; }
    /// <summary><c>val-ipi</c>: the item's IPI; absent when the order carries no taxes.</summary>
    [JsonPropertyName("IpiValue")] public decimal? IpiValue { get; init; }
}
