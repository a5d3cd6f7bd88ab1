using BenchmarkDotNet.Attributes;
using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Domain.Integration.Messages;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// What an order costs the outbox before it is sent: the adapter's check of every ERP field limit, then its message (the
/// payload built, serialized canonically and its idempotency key hashed), for a released order of <see cref="Lines"/> items
/// (<see cref="TestOrders.Released"/>: quantity × price in cents per item, a discount on every third, freight, IPI on top).
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
        _protheusOrder = TestOrders.Released("00010101", Lines);
        _datasulOrder = TestOrders.Released("1001", Lines);
    }

    [Benchmark]
    public ErpMessage ProtheusOrderMessage() =>
        Protheus.CheckOrder(_protheusOrder).IsValid ? Protheus.PrepareOrder(_protheusOrder).AsT0 : throw new InvalidOperationException("refused");

    [Benchmark]
    public ErpMessage DatasulOrdersPublic() =>
        Datasul.CheckOrder(_datasulOrder).IsValid ? Datasul.PrepareOrder(_datasulOrder).AsT0 : throw new InvalidOperationException("refused");
}
