using System.Globalization;
using BenchmarkDotNet.Attributes;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using NodaTime;

namespace Crm.Benchmarks.Orders;

/// <summary>What the order benchmarks share: a catalog of N products in one warehouse with list prices in table T1, and an order header.</summary>
internal static class OrderBench
{
    public static readonly LocalDate Date = new(2026, 6, 1);
    public static readonly UserId Seller = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"));
    public static readonly Instant At = Instant.FromUtc(2026, 6, 1, 12, 0);

    public static string Ncm(int i) => (10_000_000 + i * 797).ToString("D8", CultureInfo.InvariantCulture);

    public static ProductCatalog Catalog(int products) => ProductCatalog.Build(new CatalogData
    {
        Products = Enumerable.Range(0, products).Select(i => new Product
        {
            Code = $"P{i}", Description = $"Produto {i}", BaseUnit = "UN", Fiscal = new FiscalData(Ncm(i)),
            Units = [new UnitFactor("CX", 12m)], Costs = [new ProductCost(5m)],
        }).ToArray(),
        Warehouses = [new Warehouse("A1", "Central")],
        Prices = Enumerable.Range(0, products).Select(i => new ListPrice("T1", $"P{i}", 10m + i % 997)).ToArray(),
        Stock = Enumerable.Range(0, products).Select(i => new StockEntry($"P{i}", "A1", 1_000_000m)).ToArray(),
    }).AsT0;

    public static OrderHeader Header(LocalDate date) => new()
    {
        Customer = new AccountId(Guid.Parse("00000000-0000-0000-0000-0000000000c7")),
        CustomerCode = "C7", IssueDate = date, Seller = Seller, SellerRole = "R5", Establishment = "01", PriceTable = "T1",
        Warehouse = "A1", PaymentCondition = "PG3", CustomerGroup = "G3", OriginUf = Uf.SP, DestinationUf = Uf.BA,
        RecipientIe = IeIndicator.NonContributor, FinalConsumer = true,
    };

    public static Matrix<T> Build<T>(IEnumerable<(string Id, MatrixKey Key, T Payload)> rules) where T : IMatrixPayload<T> =>
        Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))).AsT0;
}

/// <summary>
/// The domain part of placing an order (target ≤ 20 ms for 1,000 lines including persistence, which comes later): every sale
/// rule and the pricing of an order against a 10⁵-product catalog and 10⁵-rule IPI, ICMS and minimum value matrices
/// (<see cref="SalesOrder.Check"/>, the read-only twin of <see cref="SalesOrder.Recalculate"/>).
/// </summary>
[MemoryDiagnoser]
public class OrderCheckBenchmarks
{
    private const int Size = 100_000;
    private SalesOrder order = null!;
    private SaleContext context = null!;

    /// <summary>Lines in the order.</summary>
    [Params(100, 1_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = OrderBench.Catalog(Size);
        var ufs = Enum.GetValues<Uf>();
        var taxes = new TaxMatrices
        {
            Ipi = OrderBench.Build(Enumerable.Range(0, Size).Select(i => ($"ipi-{i}", new MatrixKey { NcmPrefix = OrderBench.Ncm(i) }, new IpiRule("50", i % 15)))),
            Icms = OrderBench.Build(Enumerable.Range(0, Size)
                .Select(i => ($"icms-{i}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = ufs[i % 27], NcmPrefix = OrderBench.Ncm(i / 27) }, new IcmsRule("00", FcpRate: i % 2)))),
            Difal = OrderBench.Build(ufs.Select(uf => ($"difal-{uf}", new MatrixKey { DestinationUf = uf }, new DifalRule(20m, DifalMethod.DoubleBase, 2m)))),
            PisCofins = OrderBench.Build([("pc", MatrixKey.Any, PisCofinsRule.NonCumulative(excludeIcmsFromBase: true))]),
            CbsIbs = OrderBench.Build([("rtc", MatrixKey.Any, CbsIbsRule.Test2026)]),
        };
        var commercial = new CommercialMatrices
        {
            MinimumValue = OrderBench.Build(Enumerable.Range(0, Size).Select(i => ($"min-{i}", new MatrixKey { Product = $"P{i}" }, new MinimumValueRule(MinimumUnitPrice: 1m)))),
            Approval = OrderBench.Build(Enumerable.Range(0, 10).Select(i => ($"alcada-{i}", new MatrixKey { Role = $"R{i}" }, new ApprovalRule(i * 2m)))),
        };
        context = new SaleContext
        {
            Catalog = catalog,
            Pricing = MatrixSources.Create(catalog.ListPrices("T1"), taxes, commercial, promotion: catalog.Promotions("T1")),
            Today = OrderBench.Date,
            Margins = new MarginRange(MinimumGross: 1m),
        };
        var random = new Random(42);
        order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), new TenantId(Guid.NewGuid()), OrderBench.Header(OrderBench.Date), OrderBench.Seller, OrderBench.At).AsT0;
        order.AddItems(Enumerable.Range(0, Lines).Select(_ => new ItemInput
        {
            Product = $"P{random.Next(Size)}", Quantity = random.Next(1, 50), Unit = random.Next(4) == 0 ? "CX" : null, Discount = random.Next(0, 12),
        }).ToArray(), catalog, OrderBench.Seller, OrderBench.At);
        order.ApportionFreight(1_234.56m, OrderBench.Seller, OrderBench.At);
        var check = order.Check(context);
        if (check.Pricing is null || check.Problems.Count > 0)
            throw new InvalidOperationException(string.Join("\n", check.Problems.Take(5)));
    }

    [Benchmark]
    public decimal CheckAndPrice() => order.Check(context).Pricing!.Totals.Total;
}

/// <summary>Release by customer (seed 002) over N approved open orders of 5 lines each: credit, stock and dates, oldest first.</summary>
[MemoryDiagnoser]
public class OrderReleaseBenchmarks
{
    private SalesOrder[] orders = null!;
    private ProductCatalog catalog = null!;
    private CreditPosition credit = null!;

    /// <summary>Open orders of the customer.</summary>
    [Params(1_000, 10_000)]
    public int Orders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        catalog = OrderBench.Catalog(1_000);
        var taxes = new TaxMatrices
        {
            Ipi = OrderBench.Build([("ipi", MatrixKey.Any, new IpiRule("50", 0m))]),
            Icms = OrderBench.Build([("icms", MatrixKey.Any, new IcmsRule("00", 12m))]),
            Difal = OrderBench.Build([("difal", MatrixKey.Any, new DifalRule(20m, DifalMethod.DoubleBase))]),
            PisCofins = OrderBench.Build([("pc", MatrixKey.Any, PisCofinsRule.NonCumulative(excludeIcmsFromBase: true))]),
            CbsIbs = OrderBench.Build([("rtc", MatrixKey.Any, CbsIbsRule.Test2026)]),
        };
        var context = new SaleContext { Catalog = catalog, Pricing = MatrixSources.Create(catalog.ListPrices("T1"), taxes), Today = OrderBench.Date };
        var random = new Random(7);
        var tenant = new TenantId(Guid.NewGuid());
        orders = Enumerable.Range(0, Orders).Select(i =>
        {
            var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), tenant, OrderBench.Header(OrderBench.Date.PlusDays(-(i % 60))), OrderBench.Seller, OrderBench.At).AsT0;
            order.AddItems(Enumerable.Range(0, 5).Select(_ => new ItemInput { Product = $"P{random.Next(1_000)}", Quantity = random.Next(1, 20) }).ToArray(),
                catalog, OrderBench.Seller, OrderBench.At);
            order.Recalculate(context, OrderBench.Seller, OrderBench.At);
            if (!order.Submit(context, OrderBench.Seller, OrderBench.At).IsValid)
                throw new InvalidOperationException("The set-up order was not approved.");
            return order;
        }).ToArray();
        // credit for about two thirds of them: the evaluation runs through released and blocked orders alike
        credit = new CreditPosition(orders.Sum(o => o.Totals!.Value.Total) * 2m / 3m, 0m);
    }

    [Benchmark]
    public int ReleaseByCustomer() => OrderRelease.ByCustomer(orders, credit, catalog, OrderBench.Date).Count(d => d.Released);
}
