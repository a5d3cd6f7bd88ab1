using System.Globalization;
using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using NodaTime;

namespace Crm.Benchmarks.Pricing;

/// <summary>A price payload for the catalog's price tables (list and customer prices are not matrices of the domain).</summary>
public sealed record Price(decimal Value) : IMatrixPayload<Price>
{
    /// <inheritdoc />
    public static string MatrixName => "price";

    /// <inheritdoc />
    public static DimensionSet Dimensions => DimensionSet.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) => [];
}

/// <summary>
/// Prices an order (target: 1,000 lines ≤ 5 ms) against 100,000-rule matrices — list price, customer price, minimum
/// value, IPI (by NCM) and ICMS (by NCM × destination UF) — plus small discount, approval, DIFAL, PIS/COFINS and CBS/IBS
/// matrices, wired through <see cref="MatrixSources"/>.
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
        var ncms = Enumerable.Range(0, Rules).Select(i => (10_000_000 + i * 797).ToString("D8", CultureInfo.InvariantCulture)).ToArray();
        var ufs = Enum.GetValues<Uf>();
        var taxes = new TaxMatrices
        {
            Ipi = Build(Enumerable.Range(0, Rules).Select(i => ($"ipi-{i}", new MatrixKey { NcmPrefix = ncms[i] }, new IpiRule("50", i % 15)))),
            Icms = Build(Enumerable.Range(0, Rules)
                .Select(i => ($"icms-{i}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = ufs[i % 27], NcmPrefix = ncms[i / 27] }, new IcmsRule("00", FcpRate: i % 2)))
                .Append(("icms-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m)))),
            Difal = Build(ufs.Select(uf => ($"difal-{uf}", new MatrixKey { DestinationUf = uf }, new DifalRule(20m, DifalMethod.DoubleBase, 2m)))),
            PisCofins = Build([("pc", MatrixKey.Any, PisCofinsRule.NonCumulative(excludeIcmsFromBase: true))]),
            CbsIbs = Build([("rtc", MatrixKey.Any, CbsIbsRule.Test2026)]),
        };
        var commercial = new CommercialMatrices
        {
            DiscountSurcharge = Build(Enumerable.Range(0, 1_000).Select(i => ($"cond-{i}", new MatrixKey { PaymentCondition = $"PG{i % 10}", CustomerGroup = $"G{i / 10}" }, new DiscountSurchargeRule(DiscountRate: 2m)))),
            MinimumValue = Build(Enumerable.Range(0, Rules).Select(i => ($"min-{i}", new MatrixKey { Product = $"P{i}" }, new MinimumValueRule(MinimumUnitPrice: 1m)))),
            Approval = Build(Enumerable.Range(0, 10).Select(i => ($"alcada-{i}", new MatrixKey { Role = $"R{i}" }, new ApprovalRule(i * 2m)))),
        };
        sources = MatrixSources.Create(
            Prices(Enumerable.Range(0, Rules).Select(i => ($"list-{i}", new MatrixKey { Product = $"P{i}" }, 10m + i % 997))),
            taxes, commercial,
            customerPrice: Prices(Enumerable.Range(0, Rules).Select(i => ($"table-{i}", new MatrixKey { Customer = $"C{i % 1_000}", Product = $"P{i}" }, 9m + i % 997))));

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
                    Product = $"P{product}", Ncm = ncms[product], Quantity = random.Next(1, 50), SellerDiscount = random.Next(0, 12),
                    Origin = ProductOrigin.National,
                };
            }).ToArray(),
        };
        var check = Pricer.PriceOrder(order, sources);
        if (!check.IsValid)
            throw new InvalidOperationException(string.Join("\n", check.Problems.Take(5)));
    }

    [Benchmark]
    public decimal PriceOrder() => Pricer.PriceOrder(order, sources).AsT0.Totals.Total;

    private static Matrix<T> Build<T>(IEnumerable<(string Id, MatrixKey Key, T Payload)> rules) where T : IMatrixPayload<T> =>
        Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))).AsT0;

    private static IResolver<decimal> Prices(IEnumerable<(string Id, MatrixKey Key, decimal Value)> rules) =>
        new MatrixResolver<Price, decimal>(Build(rules.Select(r => (r.Id, r.Key, new Price(r.Value)))), (p, _) => p.Value);
}
