using Crm.Domain.Matrices;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using NodaTime;

namespace Crm.Domain.Tests.Pricing;

/// <summary>A payload that carries any value, so the pipeline can be tested on the real matrix mechanism.</summary>
public sealed record Row<T>(T Value) : IMatrixPayload<Row<T>>
{
    public static string MatrixName => typeof(T).Name;
    public static DimensionSet Dimensions => DimensionSet.All;
    public IEnumerable<Problem> Validate(string field) => [];
}

/// <summary>
/// A small catalog: products P1 (NCM 8471.30.12, list 100.00) and BEER (NCM 2203.00.00, under ST, list 10.00);
/// customer C9 has a table price of 90.00 for P1; line PROMO is 10 % off; payment "3X" adds 2 %, "AVISTA" takes 3 %;
/// P1 cannot go below 80.00; sellers may give 5 %, managers 15 %. Sales leave SP.
/// </summary>
internal static class PricingFixture
{
    public static readonly LocalDate Date = new(2026, 3, 10);

    public static PricingSources Sources(RoundingProfile rounding = default) => new()
    {
        ListPrice = Resolver(
            ("list-P1", new MatrixKey { Product = "P1" }, 100m),
            ("list-BEER", new MatrixKey { Product = "BEER" }, 10m),
            ("list-P3", new MatrixKey { Product = "P3" }, 33.33m)),
        CustomerPrice = Resolver(("table-C9-P1", new MatrixKey { Customer = "C9", Product = "P1" }, 90m)),
        Promotion = Resolver(("promo-line", new MatrixKey { ProductLine = "PROMO" }, 10m)),
        DiscountSurcharge = Resolver(
            ("cond-3x", new MatrixKey { PaymentCondition = "3X" }, 2m),
            ("cond-avista", new MatrixKey { PaymentCondition = "AVISTA" }, -3m)),
        MinimumPrice = Resolver(("min-P1", new MatrixKey { Product = "P1" }, 80m)),
        MaximumDiscount = Resolver(
            ("alcada-seller", new MatrixKey { Role = "seller" }, 5m),
            ("alcada-manager", new MatrixKey { Role = "manager" }, 15m)),
        Ipi = Resolver(
            ("ipi-default", MatrixKey.Any, new IpiParameters(0m, "ipi-default")),
            ("ipi-8471", new MatrixKey { NcmPrefix = "8471" }, new IpiParameters(10m, "ipi-8471"))),
        Icms = Resolver(
            ("icms-sp-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsParameters("00", 18m, "icms-sp-sp")),
            ("icms-sp-ba", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA }, new IcmsParameters("00", 7m, "icms-sp-ba")),
            ("icms-beer-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP, NcmPrefix = "2203" }, new IcmsParameters("10", 18m, "icms-beer-sp"))),
        IcmsSt = Resolver(("st-beer-sp", new MatrixKey { DestinationUf = Uf.SP, NcmPrefix = "2203" }, new IcmsStParameters(70m, 18m, "st-beer-sp"))),
        Difal = Resolver(("difal-ba", new MatrixKey { DestinationUf = Uf.BA }, new DifalParameters(20.5m, DifalMethod.DoubleBase, "difal-ba", 2m))),
        PisCofins = Resolver(("pc-real", MatrixKey.Any, PisCofinsParameters.NonCumulative("pc-real", excludeIcms: true))),
        IbsCbs = Resolver(("rtc-2026", MatrixKey.Any, IbsCbsParameters.Test2026("rtc-2026"))),
        Rounding = rounding,
    };

    public static MatrixContext Header(Uf destination = Uf.SP, string customer = "C1", string role = "seller", string? payment = null) => new()
    {
        Date = Date,
        OriginUf = Uf.SP,
        DestinationUf = destination,
        Customer = customer,
        Role = role,
        PaymentCondition = payment,
    };

    public static OrderRequest Order(MatrixContext header, params LineRequest[] lines) =>
        new() { Header = header, RecipientIe = IeIndicator.Contributor, Lines = lines };

    public static LineRequest Line(string product = "P1", decimal quantity = 1m, decimal sellerDiscount = 0m, string? productLine = null) => new()
    {
        Product = product,
        Ncm = product == "BEER" ? "2203.00.00" : "8471.30.12",
        Quantity = quantity,
        SellerDiscount = sellerDiscount,
        ProductLine = productLine,
    };

    public static OrderPricing Priced(OrderRequest order, PricingSources? sources = null)
    {
        var result = Pricer.PriceOrder(order, sources ?? Sources());
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.AsT0;
    }

    public static IResolver<T> Resolver<T>(params (string Id, MatrixKey Key, T Value)[] rules) where T : struct
    {
        var matrix = Matrix<Row<T>>.Build(rules.Select(r => new MatrixRule<Row<T>>(r.Id, r.Key, new Row<T>(r.Value))));
        Assert.True(matrix.IsValid, string.Join("\n", matrix.Problems));
        return new MatrixResolver<Row<T>, T>(matrix.AsT0, (row, _) => row.Value);
    }
}
