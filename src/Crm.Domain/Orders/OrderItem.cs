using System.Globalization;
using Crm.Domain.Integration.Mapping;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>One date of an item's delivery programming (programação de datas) and the quantity due on it, in the item's unit.</summary>
/// <param name="Date">The delivery date.</param>
/// <param name="Quantity">The quantity due on it.</param>
public sealed record Delivery(LocalDate Date, decimal Quantity)
{
    /// <summary>The delivery date.</summary>
    public LocalDate Date { get; init; } = Date;

    /// <summary>The quantity due on it.</summary>
    public decimal Quantity { get; init; } = Quantity;
}

/// <summary>What the seller enters for an item; also what an edit replaces (<see cref="SalesOrder.ChangeItem"/>).</summary>
public sealed record ItemInput
{
    /// <summary>The product code; a kit is added as its expanded components.</summary>
    public required string Product { get; init; }

    /// <summary>The quantity, in <see cref="Unit"/>; above zero.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The unit sold; null for the product's base unit.</summary>
    public string? Unit { get; init; }

    /// <summary>The seller's discount in %, in [0, 100).</summary>
    public decimal Discount { get; init; }

    /// <summary>A unit price typed by the seller (novo preço); null to price from the tables.</summary>
    public decimal? NewPrice { get; init; }

    /// <summary>The warehouse; null for the order's.</summary>
    public string? Warehouse { get; init; }

    /// <summary>The lot to sell from.</summary>
    public string? Lot { get; init; }

    /// <summary>The quota the item consumes.</summary>
    public string? Quota { get; init; }

    /// <summary>The date the item is to be billed (data de faturamento).</summary>
    public LocalDate? BillingDate { get; init; }

    /// <summary>The delivery date promised to the customer (data de promessa).</summary>
    public LocalDate? PromiseDate { get; init; }

    /// <summary>The delivery programming; empty for a single delivery.</summary>
    public IReadOnlyList<Delivery> Schedule { get; init; } = [];
}

/// <summary>An item's values from its last pricing: prices, its invoice values and its taxes that the margins need.</summary>
/// <param name="ListPrice">The list price per unit (first pricing step).</param>
/// <param name="TablePrice">The price from the tables before anything the seller did (list, customer price, promotion…).</param>
/// <param name="UnitPrice">vUnCom.</param>
/// <param name="NetUnitPrice">The unit price after every line discount and surcharge.</param>
/// <param name="Products">vProd.</param>
/// <param name="Discount">vDesc, the document discount's share included.</param>
/// <param name="Freight">vFrete, the item's share of the document freight.</param>
/// <param name="SalesTaxes">ICMS + PIS + COFINS of the item (the taxes the contribution margin deducts).</param>
/// <param name="Total">The item's total as it enters vNF.</param>
public sealed record ItemValues(
    decimal ListPrice, decimal TablePrice, decimal UnitPrice, decimal NetUnitPrice, decimal Products, decimal Discount, decimal Freight, decimal SalesTaxes, decimal Total)
{
    /// <summary>The list price per unit (first pricing step).</summary>
    public decimal ListPrice { get; init; } = ListPrice;

    /// <summary>The price from the tables before anything the seller did (list, customer price, promotion…).</summary>
    public decimal TablePrice { get; init; } = TablePrice;

    /// <summary>vUnCom.</summary>
    public decimal UnitPrice { get; init; } = UnitPrice;

    /// <summary>The unit price after every line discount and surcharge.</summary>
    public decimal NetUnitPrice { get; init; } = NetUnitPrice;

    /// <summary>vProd.</summary>
    public decimal Products { get; init; } = Products;

    /// <summary>vDesc, the document discount's share included.</summary>
    public decimal Discount { get; init; } = Discount;

    /// <summary>vFrete, the item's share of the document freight.</summary>
    public decimal Freight { get; init; } = Freight;

    /// <summary>ICMS + PIS + COFINS of the item (the taxes the contribution margin deducts).</summary>
    public decimal SalesTaxes { get; init; } = SalesTaxes;

    /// <summary>The item's total as it enters vNF.</summary>
    public decimal Total { get; init; } = Total;

    /// <summary>vSeg, the item's share of the document insurance.</summary>
    public decimal Insurance { get; init; }

    /// <summary>vOutro, the item's share of the document's other expenses.</summary>
    public decimal OtherExpenses { get; init; }

    /// <summary>The item's taxes; null for values stored before they were kept.</summary>
    public ItemTaxes? Taxes { get; init; }

    /// <summary>The seller's commission rate on the item, in % of vProd − vDesc + vOutro; 0 without a commission rule.</summary>
    public decimal CommissionRate { get; init; }

    /// <summary>The seller's commission on the item, in reais to the cent: its share of the order's commission (<see cref="Pricing.LineCommission"/>).</summary>
    public decimal Commission { get; init; }

    /// <summary>The merchandise value: vProd − vDesc.</summary>
    public decimal NetValue => Products - Discount;

    /// <summary>
    /// The discount the seller gave, in % of the table price: a new price below it and the seller's discount, compounded.
    /// What the alçada is judged on.
    /// </summary>
    internal decimal SellerDiscount(decimal discountRate) =>
        TablePrice <= 0m ? discountRate : decimal.Round((1m - UnitPrice / TablePrice * (1m - discountRate / 100m)) * 100m, 4);
}

/// <summary>
/// An item of a sales order (aba itens). Quantities are in <see cref="Unit"/>; <see cref="BaseQuantity"/> is the same in the
/// product's base unit (null when the catalog has no conversion factor). Immutable: the order replaces it on every change.
/// </summary>
public sealed record OrderItem
{
    /// <summary>The item's id.</summary>
    public required OrderItemId Id { get; init; }

    /// <summary>The item number, 1 upwards in the order of inclusion, never reused (Protheus <c>C6_ITEM</c>).</summary>
    public required int Number { get; init; }

    /// <summary>The product code.</summary>
    public required string Product { get; init; }

    /// <summary>The unit sold.</summary>
    public required string Unit { get; init; }

    /// <summary>The quantity, in <see cref="Unit"/>.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The quantity in the product's base unit; null when the unit has no conversion factor.</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>The warehouse it ships from.</summary>
    public required string Warehouse { get; init; }

    /// <summary>The seller's discount in %.</summary>
    public decimal Discount { get; init; }

    /// <summary>A unit price typed by the seller (novo preço); null when priced from the tables.</summary>
    public decimal? NewPrice { get; init; }

    /// <summary>The lot it sells from.</summary>
    public string? Lot { get; init; }

    /// <summary>The quota it consumes.</summary>
    public string? Quota { get; init; }

    /// <summary>The billing date (data de faturamento).</summary>
    public LocalDate? BillingDate { get; init; }

    /// <summary>The delivery date promised (data de promessa).</summary>
    public LocalDate? PromiseDate { get; init; }

    /// <summary>The delivery programming; empty for a single delivery.</summary>
    public IReadOnlyList<Delivery> Schedule { get; init; } = [];

    /// <summary>The kit it was expanded from; null for a product sold on its own.</summary>
    public string? Kit { get; init; }

    /// <summary>Open or cancelled (situação do item).</summary>
    public ItemStatus Status { get; init; }

    /// <summary>Why it is in its status (motivo da situação), e.g. the cancellation reason.</summary>
    public string? StatusReason { get; init; }

    /// <summary>The item of the original order it was copied from, for the copy comparison.</summary>
    public OrderItemId? CopiedFrom { get; init; }

    /// <summary>Its values from the last pricing; null until the order is recalculated after its last change.</summary>
    public ItemValues? Values { get; init; }

    /// <summary>True when open.</summary>
    public bool IsOpen => Status == ItemStatus.Open;

    /// <summary>The date the item groups under (agrupamento de datas): the billing date, else the promise date.</summary>
    public LocalDate? GroupDate => BillingDate ?? PromiseDate;

    /// <summary>The editable fields as text, in a fixed order: what history entries and the copy comparison name.</summary>
    internal IEnumerable<(string Field, string? Value)> Fields() =>
    [
        ("product", Product), ("unit", Unit), ("quantity", Text(Quantity)), ("warehouse", Warehouse), ("discount", Text(Discount)),
        ("new_price", NewPrice is { } p ? Text(p) : null), ("lot", Lot), ("quota", Quota), ("billing_date", Date(BillingDate)),
        ("promise_date", Date(PromiseDate)), ("schedule", Schedule.Count == 0 ? null : string.Join(";", Schedule.Select(d => $"{Date(d.Date)}={Text(d.Quantity)}"))),
        ("status", Status.ToString()), ("status_reason", StatusReason),
    ];

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string? Date(LocalDate? date) => date is { } d ? PayloadText.Iso(d) : null;
}
