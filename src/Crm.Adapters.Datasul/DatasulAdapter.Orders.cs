using Crm.Adapters.Http;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using static Crm.Domain.Integration.Mapping.PayloadText;

namespace Crm.Adapters.Datasul;

// Sales orders: ordersPublic of /api/pdp/v1 (ERP.md §1.2, TOTVS OrdersPublic_1_000.json).
public sealed partial class DatasulAdapter
{
    /// <summary>Where order messages go: <c>/api/pdp/v1/ordersPublic</c>.</summary>
    public const string OrderResource = "ordersPublic";

    /// <summary>
    /// Every problem that keeps <paramref name="order"/> from EMS, each naming the order's field, a code <c>datasul.order.*</c>
    /// and the <c>ped-venda</c>/<c>ped-item</c> field: the customer's account carried (<see cref="ErpOrder.CustomerAccount"/>)
    /// and integrated under the order's customer code (<c>customer_mismatch</c>); INTEGR_ERP_EMS on
    /// (<c>datasul.order.disabled</c>); <c>nome-abrev</c> (12, required: the account's short name); <c>cod-emitente</c> (the
    /// customer code, a number), <c>cod-estabel</c> (5), <c>cod-cond-pag</c> (a number), <c>nr-tabpre</c> (8),
    /// <c>cod-transp</c> (a number of 5 digits), <c>observacoes</c> (2000), freight not negative; at least one item; per item
    /// <c>it-codigo</c> (16), <c>des-un-medida</c> (2), <c>qt-un-fat</c> and <c>vl-preori</c> above zero, the value and
    /// discount in cents, the discount not above the value, the insurance share (<c>val-seguro</c>) in cents, no other
    /// expenses (<c>datasul.order.not_carried</c>: <c>ordersPublic</c> has no field for vOutro), and with taxes the IPI
    /// rate (<c>aliquota-ipi</c>, up to 999.99 at 2 decimals, our reading of a percentage) and value (<c>val-ipi</c>, in cents).
    /// Sizes from <c>OrdersPublic_1_000.json</c>. Nothing is cut to fit.
    /// </summary>
    public override Outcome<ErpOrder> CheckOrder(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var check = new OrderFieldCheck("datasul");
        var customer = check.Customer(order);
        var header = order.Header;
        if (!_options.IntegrErpEms)
            check.Add("", "disabled", "O parâmetro INTEGR_ERP_EMS está desativado: o CRM não envia pedidos ao ERP Datasul.");
        if (customer is not null)
            check.Text("customer_short_name", "nome-abrev", ShortNameOf(order), 12);
        check.NumericCode("customer_code", "cod-emitente", header.CustomerCode, 9);
        check.Text("establishment", "cod-estabel", header.Establishment, 5);
        check.NumericCode("payment_condition", "cod-cond-pag", header.PaymentCondition, 9);
        check.Text("price_table", "nr-tabpre", header.PriceTable, 8, required: false);
        check.NumericCode("carrier", "cod-transp", header.Carrier, 5, required: false);
        check.Text("observations", "observacoes", header.Observations, 2000, required: false);
        check.Amount("freight", "val-frete", order.Freight, decimal.MaxValue, 2);
        if (order.Items.Count == 0)
            check.Add("items", OrderFieldCheck.Required, "O pedido precisa de ao menos um item (ped-item).");
        for (var i = 0; i < order.Items.Count; i++)
        {
            var item = order.Items[i];
            var field = $"items[{i}]";
            check.Text($"{field}.product", "it-codigo", item.Product, 16);
            check.Text($"{field}.unit", "des-un-medida", item.Unit, 2);
            check.Amount($"{field}.quantity", "qt-un-fat", item.Quantity, decimal.MaxValue, 10, positive: true);
            check.Amount($"{field}.unit_price", "vl-preori", item.UnitPrice, decimal.MaxValue, 10, positive: true);
            check.Amount($"{field}.value", "valor bruto do item (qt-un-fat × vl-preori)", item.Value, decimal.MaxValue, 2, positive: true);
            check.Amount($"{field}.discount", "val-desconto-total", item.Discount, item.Value, 2);
            check.Amount($"{field}.insurance", "val-seguro do item", item.Insurance, decimal.MaxValue, 2);
            if (item.OtherExpenses != 0m)
                check.Add($"{field}.other_expenses", NotCarried,
                    $"O ordersPublic não tem campo para outras despesas do item (vOutro {item.OtherExpenses}); o pedido não pode ir ao EMS com elas.");
            if (item.Taxes is { } taxes)
            {
                check.IpiAsPercentage($"{field}.taxes.ipi", "aliquota-ipi", taxes.Ipi);
                check.Amount($"{field}.taxes.ipi.rate", "aliquota-ipi", taxes.Ipi.Rate, 999.99m, 2);
                check.Amount($"{field}.taxes.ipi.value", "val-ipi", taxes.Ipi.Value, decimal.MaxValue, 2);
            }
        }
        return check.Result(order);
    }

    /// <summary>
    /// The <c>ordersPublic</c> message of <paramref name="order"/>, meant for an order <see cref="CheckOrder"/> accepts (one it
    /// refuses is sent as it is, and EMS refuses it). EMS answers the order number <c>nr-pedido</c>, which the transport
    /// returns as the ERP code.
    /// </summary>
    public override OrderPreparation PrepareOrder(ErpOrder order) => OrderMessage(order, OrderResource, ToOrder(order));

    /// <summary>The reason of a value the order has and <c>ordersPublic</c> has no field for (<c>datasul.order.not_carried</c>).</summary>
    public const string NotCarried = OrderFieldCheck.NotCarried;

    /// <summary>The <c>ordersPublic</c> payload of <paramref name="order"/>: header, items, totals that add up to the cent.</summary>
    public static DatasulOrder ToOrder(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var header = order.Header;
        var number = CustomerOrderIdOf(order);
        var net = order.Items.Sum(i => i.Value - i.Discount);
        var taxed = order.Items.Any(i => i.Taxes is not null);
        return new DatasulOrder
        {
            CustomerOrderId = number,
            ShortName = ShortNameOf(order),
            CustomerCode = Number(header.CustomerCode?.Trim()),
            EmissionDate = Iso(header.IssueDate),
            ImplantationDate = Iso(header.IssueDate),
            BranchId = header.Establishment.Trim(),
            PaymentTerms = Number(header.PaymentCondition.Trim()),
            PriceTableOrder = header.PriceTable?.Trim() is { Length: > 0 } table ? table : null,
            CodeCarrier = Number(header.Carrier?.Trim()),
            ValueFreight = order.Freight,
            ValueInsurance = order.Items.Sum(i => i.Insurance),
            OrderAmount = net,
            TotalOrderAmount = taxed ? net + order.Items.Sum(i => i.Taxes?.Ipi.Value ?? 0m) : null,
            TotalDiscount = order.Items.Sum(i => i.Discount),
            Comments = header.Observations,
            OrderItems = [.. order.Items.Select((item, i) => new DatasulOrderItem
            {
                Sequence = (i + 1) * 10,
                ItemCode = item.Product.Trim(),
                UnitMeasureBilling = item.Unit.Trim(),
                QuantityBilling = item.Quantity,
                OriginalPrice = item.UnitPrice,
                PriceTableValue = item.ListPrice,
                TotalValueDiscount = item.Discount,
                LiquidMerchandise = item.Value - item.Discount,
                PriceTable = header.PriceTable?.Trim() is { Length: > 0 } itemTable ? itemTable : null,
                DeliveryDate = item.DeliveryDate is { } date ? Iso(date) : null,
                InsurancePrice = item.Insurance,
                Aliquot = item.Taxes?.Ipi.Rate,
                IpiValue = item.Taxes?.Ipi.Value,
            })],
        };
    }

    /// <summary><c>nome-abrev</c>: the short name of the order's customer account, when it carries one.</summary>
    private static string? ShortNameOf(ErpOrder order) =>
        order.CustomerAccount?.Data.ShortName?.Value.Trim() is { Length: > 0 } shortName ? shortName : null;

    /// <summary>
    /// <c>nr-pedcli</c> (12) of an order: the last 12 hex digits of the CRM order's id, upper case (inferred: the CRM order has
    /// no shorter number). The last ones, since the first 12 of a version 7 Guid are its millisecond timestamp, which two
    /// orders made in one millisecond share; the last 12 are random (two orders of one customer share them with odds of 2⁻⁴⁸).
    /// </summary>
    public static string CustomerOrderIdOf(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Order.Value.ToString("N")[^12..].ToUpperInvariant();
    }
}
