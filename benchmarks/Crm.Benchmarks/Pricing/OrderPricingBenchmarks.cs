using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using NodaTime;

namespace Crm.Benchmarks.Pricing;

/// <summary>A payload that carries any value.</summary>
public sealed record Row<T>(T Value) : IMatrixPayload<Row<T>>
{
    /// <inheritdoc />
    public static string MatrixName => typeof(T).Name;

    /// <inheritdoc />
    public static DimensionSet Dimensions => DimensionSet.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) => [];
}

/// <summary>
/// Prices an order (target: 1,000 lines ≤ 5 ms) against matrices of 100,000 rules each for list price,
/// customer price, minimum price, IPI (by NCM) and ICMS (by NCM × destination UF), plus the small ones.
/// </summary>
[MemoryDiagnoser]
public class OrderPricingBenchmarks
{
    private const int Rules = 100_000;
    private PricingSources sources = null!;
    private OrderRequest order = null!;

    /// <summary>Lines in the order.</summary>
    [Params(100, 1_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ncms = Enumerable.Range(0, Rules).Select(i => (10_000_000 + i * 797).ToString("D8")).ToArray();
        var ufs = Enum.GetValues<Uf>();
        sources = new PricingSources
        {
            ListPrice = Resolver(Enumerable.Range(0, Rules).Select(i => ($"list-{i}", new MatrixKey { Product = $"P{i}" }, 10m + i % 997))),
            CustomerPrice = Resolver(Enumerable.Range(0, Rules).Select(i => ($"table-{i}", new MatrixKey { Customer = $"C{i % 1_000}", Product = $"P{i}" }, 9m + i % 997))),
            Promotion = Resolver(Enumerable.Range(0, 1_000).Select(i => ($"promo-{i}", new MatrixKey { ProductLine = $"L{i}" }, 5m))),
            DiscountSurcharge = Resolver(Enumerable.Range(0, 1_000).Select(i => ($"cond-{i}", new MatrixKey { PaymentCondition = $"PG{i % 10}", CustomerGroup = $"G{i / 10}" }, -2m))),
            MinimumPrice = Resolver(Enumerable.Range(0, Rules).Select(i => ($"min-{i}", new MatrixKey { Product = $"P{i}" }, 1m))),
            MaximumDiscount = Resolver(Enumerable.Range(0, 10).Select(i => ($"alcada-{i}", new MatrixKey { Role = $"R{i}" }, i * 2m))),
            Ipi = Resolver(Enumerable.Range(0, Rules).Select(i => ($"ipi-{i}", new MatrixKey { NcmPrefix = ncms[i] }, new IpiParameters(i % 15, "")))),
            Icms = Resolver(Enumerable.Range(0, Rules).Select(i => ($"icms-{i}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = ufs[i % 27], NcmPrefix = ncms[i / 27] }, new IcmsParameters("00", 7m + i % 3 * 5m, "", FcpRate: i % 2)))
                .Concat(ufs.Select(uf => ($"icms-SP-{uf}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = uf }, new IcmsParameters("00", 12m, ""))))),
            PisCofins = Resolver([("pc", MatrixKey.Any, PisCofinsParameters.NonCumulative("", excludeIcms: true))]),
            IbsCbs = Resolver([("rtc", MatrixKey.Any, IbsCbsParameters.Test2026(""))]),
            Difal = Resolver(ufs.Select(uf => ($"difal-{uf}", new MatrixKey { DestinationUf = uf }, new DifalParameters(20m, DifalMethod.DoubleBase, "", 2m)))),
        };
        var random = new Random(42);
        order = new OrderRequest
        {
            Header = new MatrixContext
            {
                Date = new LocalDate(2026, 6, 1), OriginUf = Uf.SP, DestinationUf = Uf.BA, Customer = "C7", CustomerGroup = "G3",
                PaymentCondition = "PG3", Role = "R5",
            },
            RecipientIe = IeIndicator.NonContributor,
            FinalConsumer = true,
            Freight = 1_234.56m,
            Discount = 100m,
            Lines = Enumerable.Range(0, Lines).Select(_ =>
            {
                var product = random.Next(Rules);
                return new LineRequest
                {
                    Product = $"P{product}", Ncm = ncms[product], Quantity = random.Next(1, 50),
                    SellerDiscount = random.Next(0, 12), ProductLine = $"L{product % 2_000}",
                };
            }).ToArray(),
        };
        if (!Pricer.PriceOrder(order, sources).IsValid)
            throw new InvalidOperationException(string.Join("\n", Pricer.PriceOrder(order, sources).Problems.Take(5)));
    }

    [Benchmark]
    public decimal PriceOrder() => Pricer.PriceOrder(order, sources).AsT0.Totals.Total;

    private static IResolver<T> Resolver<T>(IEnumerable<(string Id, MatrixKey Key, T Value)> rules) where T : struct =>
        new MatrixResolver<Row<T>, T>(
            Matrix<Row<T>>.Build(rules.Select(r => new MatrixRule<Row<T>>(r.Id, r.Key, new Row<T>(r.Value)))).AsT0,
            row => row.Value);
}
