using System.Globalization;
using Crm.Domain.Matrices;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using static Crm.Domain.Tests.Pricing.PricingFixture;

namespace Crm.Domain.Tests.Pricing;

/// <summary>
/// The pricer lets large matrices prefetch what a batch of lines will read before it resolves the lines one by one.
/// That is a hint only: with or without it, the sources get the same calls in the same order and the order prices the same.
/// </summary>
public sealed class PrefetchTests
{
    private const int Products = 10_000; // above the size under which a matrix does not prefetch

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Prefetching_changes_neither_the_calls_nor_the_answers(bool withProblems)
    {
        var order = LargeOrder(withProblems);
        var (prefetchedLog, plainLog) = (new List<string>(), new List<string>());
        var prefetched = Recorded(LargeSources(), prefetchedLog, prefetch: true);

        var withPrefetch = Pricer.PriceOrder(order, prefetched.Sources);
        var without = Pricer.PriceOrder(order, Recorded(LargeSources(), plainLog, prefetch: false).Sources);

        Assert.True(prefetched.Loaded() > 0, "the large matrices did not prefetch");
        Assert.Equal(plainLog, prefetchedLog);
        Assert.Equal(!withProblems, withPrefetch.IsValid);
        Assert.Equal(without.Problems, withPrefetch.Problems);
        if (withProblems)
            return;
        var (a, b) = (withPrefetch.AsT0, without.AsT0);
        Assert.Equal(b.Totals, a.Totals);
        Assert.Equal(b.Lines.Select(l => (l.Product, l.UnitPrice, l.NetUnitPrice, l.Total, l.Taxes.Icms, l.Taxes.Ipi, l.NeedsApproval)),
            a.Lines.Select(l => (l.Product, l.UnitPrice, l.NetUnitPrice, l.Total, l.Taxes.Icms, l.Taxes.Ipi, l.NeedsApproval)));
        Assert.Equal(b.Lines.SelectMany(l => l.Steps), a.Lines.SelectMany(l => l.Steps));
    }

    [Fact]
    public void A_small_matrix_does_not_prefetch()
    {
        var small = Recorded(Sources(), [], prefetch: true);

        Pricer.PriceOrder(Order(Header(), Line(), Line(product: "BEER")), small.Sources);

        Assert.Equal(0, small.Loaded());
    }

    /// <summary>
    /// 150 lines (two full batches of 64 and a partial one) over products with list, minimum, IPI (by NCM, with a default)
    /// and ICMS (by NCM × UF, with a UF rule) matrices of 10,000 rules; with problems, some lines have an unknown product,
    /// an invalid NCM or no quantity.
    /// </summary>
    private static OrderRequest LargeOrder(bool withProblems)
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 150).Select(i =>
        {
            var product = random.Next(Products + 100); // a few products beyond the matrices: IPI and ICMS by their defaults
            var line = new LineRequest
            {
                Product = $"P{product}", Ncm = NcmOf(product), Quantity = random.Next(1, 20), SellerDiscount = random.Next(0, 8),
                Origin = ProductOrigin.National,
            };
            return (withProblems, i % 37) switch
            {
                (true, 5) => line with { Product = "UNKNOWN" },
                (true, 11) => line with { Ncm = "1234" },
                (true, 23) => line with { Quantity = 0m },
                _ => line,
            };
        }).ToArray();
        return Order(Header(destination: Uf.BA), lines);
    }

    private static PricingSources LargeSources() => Sources() with
    {
        ListPrice = Resolver([.. Enumerable.Range(0, Products + 100).Select(i => ($"list-{i}", new MatrixKey { Product = $"P{i}" }, 10m + i % 97))]),
        MinimumPrice = Resolver([.. Enumerable.Range(0, Products).Select(i => ($"min-{i}", new MatrixKey { Product = $"P{i}" }, 1m))]),
        Ipi = Resolver([.. Enumerable.Range(0, Products).Select(i => ($"ipi-{i}", new MatrixKey { NcmPrefix = NcmOf(i) }, new IpiParameters(i % 15, $"ipi-{i}"))),
            ("ipi-default", MatrixKey.Any, new IpiParameters(0m, "ipi-default"))]),
        Icms = Resolver([.. Enumerable.Range(0, Products).Select(i => ($"icms-{i}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA, NcmPrefix = NcmOf(i) },
                new IcmsParameters("00", 7m, $"icms-{i}", FcpRate: i % 2))),
            ("icms-sp-ba", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA }, new IcmsParameters("00", 7m, "icms-sp-ba"))]),
    };

    private static string NcmOf(int product) => (10_000_000 + product * 797).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Every source of <paramref name="sources"/> wrapped so that its calls are logged; prefetching forwarded or not.</summary>
    private static Recording Recorded(PricingSources sources, List<string> log, bool prefetch)
    {
        var recording = new Recording(log, prefetch);
        recording.Sources = new PricingSources
        {
            ListPrice = recording.Wrap(sources.ListPrice, "list")!,
            CustomerPrice = recording.Wrap(sources.CustomerPrice, "customer"),
            Promotion = recording.Wrap(sources.Promotion, "promotion"),
            PisCofinsRepasse = recording.Wrap(sources.PisCofinsRepasse, "repasse"),
            PaymentCondition = recording.Wrap(sources.PaymentCondition, "payment"),
            UnitConversion = recording.Wrap(sources.UnitConversion, "unit"),
            DiscountSurcharge = recording.Wrap(sources.DiscountSurcharge, "discount"),
            MinimumPrice = recording.Wrap(sources.MinimumPrice, "minimum"),
            MinimumOrderValue = recording.Wrap(sources.MinimumOrderValue, "minimum_order"),
            Freight = recording.Wrap(sources.Freight, "freight"),
            MaximumDiscount = recording.Wrap(sources.MaximumDiscount, "maximum_discount"),
            Ipi = recording.Wrap(sources.Ipi, "ipi")!,
            Icms = recording.Wrap(sources.Icms, "icms")!,
            IcmsSt = recording.Wrap(sources.IcmsSt, "st"),
            Difal = recording.Wrap(sources.Difal, "difal"),
            PisCofins = recording.Wrap(sources.PisCofins, "pis_cofins")!,
            IbsCbs = recording.Wrap(sources.IbsCbs, "ibs_cbs")!,
            Rounding = sources.Rounding,
        };
        return recording;
    }

    private sealed class Recording(List<string> log, bool prefetch)
    {
        private readonly List<string> _log = log;
        private readonly bool _prefetch = prefetch;
        private int _loaded;

        public PricingSources Sources { get; set; } = null!;

        /// <summary>How many prefetches read something (a matrix below the size threshold reads nothing).</summary>
        public int Loaded() => _loaded;

        public IResolver<T>? Wrap<T>(IResolver<T>? inner, string name) => inner is null ? null : new Logged<T>(this, inner, name);

        private sealed class Logged<T>(Recording recording, IResolver<T> inner, string name) : IResolver<T>, IPrefetching
        {
            public Resolution<T> Resolve(MatrixContext context)
            {
                var resolution = inner.Resolve(context);
                recording._log.Add($"{name}({context.Product}, {context.Ncm}): {resolution.Found} {resolution.RuleId} {resolution.Value}");
                return resolution;
            }

            public int Prefetch(ReadOnlySpan<MatrixContext> contexts)
            {
                if (!recording._prefetch || inner is not IPrefetching prefetching)
                    return 0;
                var read = prefetching.Prefetch(contexts);
                if (read != 0)
                    recording._loaded++;
                return read;
            }
        }
    }
}
