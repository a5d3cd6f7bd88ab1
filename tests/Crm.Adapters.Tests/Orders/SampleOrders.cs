using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// Released orders as <see cref="ErpOrder.From"/> hands them to an adapter: each item's value is quantity × unit price in cents
/// (vProd), its discount in cents, and the total the merchandise net of discounts plus freight plus the taxes charged on top
/// (here an IPI of 10 % of each item's net value).
/// </summary>
internal static class SampleOrders
{
    public static readonly LocalDate Issued = new(2026, 12, 1);

    public static ErpOrder For(string customerCode, int lines = 2, decimal freight = 68m, string paymentCondition = "15",
        string? carrier = "3", FreightType freightType = FreightType.Cif)
    {
        var items = Enumerable.Range(1, lines).Select(n => Item(n, $"ROT-AX{n:D4}", quantity: n % 7 + 1, unitPrice: 349.9m + n * 0.0125m,
            discount: n % 3 == 0 ? 5m : 0m)).ToArray();
        return Of(customerCode, items, freight, paymentCondition, carrier, freightType);
    }

    public static ErpOrderItem Item(int number, string product, decimal quantity, decimal unitPrice, decimal discount = 0m, string unit = "UN",
        string warehouse = "01", string? lot = null) =>
        new(number, product, unit, quantity, unitPrice, unitPrice + 10m, decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero),
            discount, warehouse, lot, Issued.PlusDays(10));

    public static ErpOrder Of(string customerCode, IReadOnlyList<ErpOrderItem> items, decimal freight = 68m, string paymentCondition = "15",
        string? carrier = "3", FreightType freightType = FreightType.Cif, string? observations = "Entregar pela manhã.")
    {
        var ipi = items.Sum(i => decimal.Round((i.Value - i.Discount) * 0.10m, 2, MidpointRounding.AwayFromZero));
        return new ErpOrder
        {
            Order = new SalesOrderId(Guid.Parse("5f0c2a4e-8d1b-4c7a-9e3f-1a2b3c4d5e6f")),
            Customer = new AccountId(Guid.Parse("0b5d3c1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d")),
            Header = new OrderHeader
            {
                Customer = new AccountId(Guid.Parse("0b5d3c1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d")),
                CustomerCode = customerCode,
                IssueDate = Issued,
                Seller = new UserId(Guid.Parse("7a7a7a7a-1111-4222-8333-444455556666")),
                SellerRole = "vendedor",
                Establishment = "101",
                PriceTable = "TB1",
                Warehouse = "01",
                PaymentCondition = paymentCondition,
                OriginUf = Uf.SP,
                DestinationUf = Uf.MG,
                Carrier = carrier,
                FreightType = freightType,
                Observations = observations,
            },
            Freight = freight,
            Discount = items.Sum(i => i.Discount),
            Total = items.Sum(i => i.Value - i.Discount) + freight + ipi,
            Items = items,
        };
    }
}
