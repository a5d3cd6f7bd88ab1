using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Integration.Messages;

/// <summary>
/// A released sales order as an adapter maps it to its ERP (Protheus SC5/SC6 or the EAI <c>Order</c> message, Datasul
/// <c>ordersPublic</c>): the header codes and every open item with its priced values. Built by <see cref="From(SalesOrder, Account)"/>.
/// </summary>
public sealed record ErpOrder
{
    /// <summary>The order.</summary>
    public required SalesOrderId Order { get; init; }

    /// <summary>The customer's account.</summary>
    public required AccountId Customer { get; init; }

    /// <summary>The header as the seller left it.</summary>
    public required OrderHeader Header { get; init; }

    /// <summary>The document freight (C5_FRETE).</summary>
    public required decimal Freight { get; init; }

    /// <summary>The document discount apportioned to the items.</summary>
    public required decimal Discount { get; init; }

    /// <summary>The order total (vNF of its items).</summary>
    public required decimal Total { get; init; }

    /// <summary>The open items, in item order.</summary>
    public required IReadOnlyList<ErpOrderItem> Items { get; init; }

    /// <summary>
    /// The customer's account as stored, whose ERP code, store and short name an ERP's order names (C5_CLIENTE/C5_LOJACLI,
    /// Datasul <c>nome-abrev</c>); set by <see cref="From(SalesOrder, Account)"/>. An adapter refuses an order without it.
    /// </summary>
    public Account? CustomerAccount { get; init; }

    /// <summary>
    /// The order's message with its customer's account, as an engine sends it: <see cref="From(SalesOrder)"/>'s rules, and
    /// <paramref name="customer"/> must be the order's customer (<see cref="OrderCodes.CustomerMismatch"/>).
    /// </summary>
    public static Outcome<ErpOrder> From(SalesOrder order, Account customer)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Id != order.Header.Customer)
            return new Invalid(new Problem("customer", OrderCodes.CustomerMismatch, "A conta informada não é o cliente do pedido."));
        return From(order).Map(erp => erp with { CustomerAccount = customer });
    }

    /// <summary>The order's message, or why it cannot be sent: only a released, priced order goes to the ERP.</summary>
    public static Outcome<ErpOrder> From(SalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != SalesOrderStatus.Released)
            return new Invalid(new Problem("status", OrderCodes.Transition, $"Só um pedido liberado vai ao ERP (situação {order.Status})."));
        if (order.Totals is not { } totals)
            return new Invalid(new Problem("order", OrderCodes.NotPriced, "O pedido liberado não tem valores calculados."));
        return new ErpOrder
        {
            Order = order.Id,
            Customer = order.Header.Customer,
            Header = order.Header,
            Freight = totals.Freight,
            Discount = order.Discount,
            Total = totals.Total,
            Items = order.Items.Where(i => i.IsOpen).Select(i => new ErpOrderItem(
                i.Number, i.Product, i.Unit, i.Quantity, i.Values!.UnitPrice, i.Values.ListPrice, i.Values.Products, i.Values.Discount,
                i.Warehouse, i.Lot, i.PromiseDate ?? i.BillingDate)
            {
                BaseQuantity = i.BaseQuantity,
                Freight = i.Values.Freight,
                Insurance = i.Values.Insurance,
                OtherExpenses = i.Values.OtherExpenses,
                Taxes = i.Values.Taxes,
                CommissionRate = i.Values.CommissionRate,
                Commission = i.Values.Commission,
            }).ToArray(),
        };
    }
}

/// <summary>An item of an <see cref="ErpOrder"/>.</summary>
/// <param name="Number">The item number (C6_ITEM).</param>
/// <param name="Product">The product code (C6_PRODUTO, <c>it-codigo</c>).</param>
/// <param name="Unit">The unit sold (C6_UM).</param>
/// <param name="Quantity">The quantity (C6_QTDVEN, <c>qt-un-fat</c>).</param>
/// <param name="UnitPrice">The sale unit price (C6_PRCVEN, vUnCom).</param>
/// <param name="ListPrice">The list price (C6_PRUNIT, <c>vl-preori</c>).</param>
/// <param name="Value">The item value (C6_VALOR, vProd).</param>
/// <param name="Discount">The item discount value (C6_VALDESC, vDesc).</param>
/// <param name="Warehouse">The warehouse (C6_LOCAL).</param>
/// <param name="Lot">The lot.</param>
/// <param name="DeliveryDate">The delivery date (C6_ENTREG).</param>
public sealed record ErpOrderItem(
    int Number, string Product, string Unit, decimal Quantity, decimal UnitPrice, decimal ListPrice, decimal Value, decimal Discount,
    string Warehouse, string? Lot, LocalDate? DeliveryDate)
{
    /// <summary>The item number (C6_ITEM).</summary>
    public int Number { get; init; } = Number;

    /// <summary>The product code (C6_PRODUTO, <c>it-codigo</c>).</summary>
    public string Product { get; init; } = Product;

    /// <summary>The unit sold (C6_UM).</summary>
    public string Unit { get; init; } = Unit;

    /// <summary>The quantity (C6_QTDVEN, <c>qt-un-fat</c>).</summary>
    public decimal Quantity { get; init; } = Quantity;

    /// <summary>The sale unit price (C6_PRCVEN, vUnCom).</summary>
    public decimal UnitPrice { get; init; } = UnitPrice;

    /// <summary>The list price (C6_PRUNIT, <c>vl-preori</c>).</summary>
    public decimal ListPrice { get; init; } = ListPrice;

    /// <summary>The item value (C6_VALOR, vProd).</summary>
    public decimal Value { get; init; } = Value;

    /// <summary>The item discount value (C6_VALDESC, vDesc).</summary>
    public decimal Discount { get; init; } = Discount;

    /// <summary>The warehouse (C6_LOCAL).</summary>
    public string Warehouse { get; init; } = Warehouse;

    /// <summary>The lot.</summary>
    public string? Lot { get; init; } = Lot;

    /// <summary>The delivery date (C6_ENTREG).</summary>
    public LocalDate? DeliveryDate { get; init; } = DeliveryDate;

    /// <summary>The quantity in the product's base unit; null when the catalog has no conversion factor.</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>vFrete, the item's share of the order freight.</summary>
    public decimal Freight { get; init; }

    /// <summary>vSeg, the item's share of the insurance.</summary>
    public decimal Insurance { get; init; }

    /// <summary>vOutro, the item's share of other expenses.</summary>
    public decimal OtherExpenses { get; init; }

    /// <summary>The item's taxes as priced (ICMS, ICMS-ST, IPI, PIS, COFINS, CBS, IBS); null for an order priced before they were kept.</summary>
    public ItemTaxes? Taxes { get; init; }

    /// <summary>
    /// The seller's commission rate on the item, in %. No adapter sends it yet: Datasul <c>OrdersPublic</c> has a rate per
    /// representative (<c>ped-repre.perc-comis</c>) the Datasul adapter does not map, and Protheus' EAI <c>Order</c> 4.009 has
    /// no commission field.
    /// </summary>
    public decimal CommissionRate { get; init; }

    /// <summary>The seller's commission on the item, in reais to the cent (not sent by any adapter yet).</summary>
    public decimal Commission { get; init; }
}

/// <summary>The adapter does not send sales orders (yet): the order stays released in the CRM.</summary>
/// <param name="Adapter">The adapter's name.</param>
public sealed record OrdersNotSupported(string Adapter)
{
    /// <summary>The adapter's name.</summary>
    public string Adapter { get; init; } = Adapter;

    /// <summary>The code of <see cref="Problem"/>.</summary>
    public const string Code = "integration.orders_unsupported";

    /// <summary>The problem to show: <see cref="Code"/>.</summary>
    public Problem Problem => new("", Code, $"O adaptador {Adapter} não envia pedidos de venda ao ERP.");
}

/// <summary>What an adapter answers for an order: the message that sends it, or that it does not send orders.</summary>
public sealed class OrderPreparation : OneOfBase<ErpMessage, OrdersNotSupported>
{
    private OrderPreparation(OneOf<ErpMessage, OrdersNotSupported> value) : base(value) { }

    /// <summary>The message.</summary>
    public static implicit operator OrderPreparation(ErpMessage value) => new(value);

    /// <summary>Not supported.</summary>
    public static implicit operator OrderPreparation(OrdersNotSupported value) => new(value);
}
