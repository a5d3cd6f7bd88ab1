using BenchmarkDotNet.Attributes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// What an order costs the outbox before it is sent: the adapter's check of every ERP field limit, then its message (the
/// payload built, serialized canonically and its idempotency key hashed), for a released order of <see cref="Lines"/> items.
/// Protheus builds the EAI <c>Order</c> message, Datasul <c>ordersPublic</c>; Mega sends no orders.
/// </summary>
[MemoryDiagnoser]
public class OrderMessageBenchmarks
{
    private static readonly ProtheusAdapter Protheus = new(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
    private static readonly DatasulAdapter Datasul = new();

    private ErpOrder _protheusOrder = null!;
    private ErpOrder _datasulOrder = null!;

    /// <summary>Items in the order.</summary>
    [Params(10, 1_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _protheusOrder = Order("00010101", Lines);
        _datasulOrder = Order("1001", Lines);
    }

    [Benchmark]
    public ErpMessage ProtheusOrderMessage() =>
        Protheus.CheckOrder(_protheusOrder).IsValid ? Protheus.PrepareOrder(_protheusOrder).AsT0 : throw new InvalidOperationException("refused");

    [Benchmark]
    public ErpMessage DatasulOrdersPublic() =>
        Datasul.CheckOrder(_datasulOrder, "ACME SA").IsValid ? Datasul.PrepareOrder(_datasulOrder, "ACME SA").AsT0 : throw new InvalidOperationException("refused");

    /// <summary>A released order: quantity × price in cents per item, a discount on every third, freight and a 10 % IPI on top.</summary>
    private static ErpOrder Order(string customerCode, int lines)
    {
        var delivery = new LocalDate(2026, 12, 11);
        var items = Enumerable.Range(1, lines).Select(n =>
        {
            var (quantity, price) = (n % 7 + 1m, 349.9m + n * 0.0125m);
            return new ErpOrderItem(n, $"ROT-AX{n:D4}", "UN", quantity, price, price + 10m, decimal.Round(quantity * price, 2), n % 3 == 0 ? 5m : 0m,
                "01", null, delivery);
        }).ToArray();
        var net = items.Sum(i => i.Value - i.Discount);
        var customer = new AccountId(Guid.Parse("0b5d3c1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d"));
        return new ErpOrder
        {
            Order = new SalesOrderId(Guid.Parse("5f0c2a4e-8d1b-4c7a-9e3f-1a2b3c4d5e6f")),
            Customer = customer,
            Header = new OrderHeader
            {
                Customer = customer, CustomerCode = customerCode, IssueDate = new LocalDate(2026, 12, 1),
                Seller = new UserId(Guid.Parse("7a7a7a7a-1111-4222-8333-444455556666")), SellerRole = "vendedor", Establishment = "101",
                PriceTable = "TB1", Warehouse = "01", PaymentCondition = "15", OriginUf = Uf.SP, DestinationUf = Uf.MG, Carrier = "3",
            },
            Freight = 68m,
            Discount = items.Sum(i => i.Discount),
            Total = net + 68m + decimal.Round(net * 0.10m, 2),
            Items = items,
        };
    }
}
