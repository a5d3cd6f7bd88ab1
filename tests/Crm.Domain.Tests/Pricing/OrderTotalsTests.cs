using Crm.Domain.Matrices.Tax;
using Crm.Domain.Pricing;
using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Pricing.PricingFixture;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Pricing;

/// <summary>Document totals from item breakdowns alone (NT 2013.005: each total is exactly the sum of the items' rounded fields).</summary>
public class OrderTotalsTests
{
    [Fact]
    public void Totals_of_items_computed_without_the_pricer_are_the_sums_of_their_fields()
    {
        // OCA test_compute_taxes_01 item (11 × 3.143539, IPI 15 %, ICMS 7 %) twice, and a second item of 1 × 100.00
        var oca = Parameters(InterstateConsumer, ipiRate: 15m, icmsRate: 7m, pisCofins: PisCofinsParameters.Cumulative("pc"), ibsCbs: IbsCbsParameters.Test2026("rtc"));
        var items = new[] { Calculate(Item(11m, 3.143539m), oca), Calculate(Item(11m, 3.143539m), oca), Calculate(Item(1m, 100m), oca) };

        var totals = OrderTotals.Sum(items);

        Assert.Equal(34.58m + 34.58m + 100m, totals.Products);
        Assert.Equal(5.19m + 5.19m + 15m, totals.Ipi);
        Assert.Equal(2.78m + 2.78m + 8.05m, totals.Icms);
        Assert.Equal(items.Sum(i => i.Ibs), totals.Ibs);
        Assert.Equal(items.Sum(i => i.ItemTotal), totals.Total);
        Assert.Equal(default, OrderTotals.Sum([]));
    }

    [Fact]
    public void The_pricer_totals_are_the_totals_of_its_lines()
    {
        var priced = Priced(Order(Header(), Line(quantity: 3m), Line(product: "BEER", quantity: 12m)) with { Freight = 10m, Discount = 1m });

        Assert.Equal(priced.Totals, OrderTotals.Sum(priced.Lines.Select(l => l.Taxes)));
    }

    [Property]
    public bool Totals_equal_the_sum_of_the_items(NonEmptyArray<PositiveInt> prices, byte rateSeed, bool consumer)
    {
        var parameters = Parameters(consumer ? InterstateConsumer : InterstateContributor, ipiRate: rateSeed % 20, icmsRate: 4m + rateSeed % 9,
            fcpRate: rateSeed % 3, pisCofins: PisCofinsParameters.NonCumulative("pc"), ibsCbs: IbsCbsParameters.Test2026("rtc"),
            difal: consumer ? new DifalParameters(18m, DifalMethod.DoubleBase, "difal", 1m) : null);
        var items = prices.Get.Select((p, i) => Calculate(Item(i % 7 + 1, p.Get % 1_000_000 / 1000m, freight: i % 3), parameters)).ToArray();

        var t = OrderTotals.Sum(items);

        return t.Products == items.Sum(i => i.Product) && t.Discount == items.Sum(i => i.Discount) && t.Freight == items.Sum(i => i.Freight)
               && t.Insurance == items.Sum(i => i.Insurance) && t.OtherExpenses == items.Sum(i => i.OtherExpenses) && t.Ipi == items.Sum(i => i.Ipi.Value)
               && t.IcmsBase == items.Sum(i => i.Icms.Base) && t.Icms == items.Sum(i => i.Icms.Value) && t.Fcp == items.Sum(i => i.Fcp.Value)
               && t.IcmsStBase == items.Sum(i => i.IcmsSt.Base) && t.IcmsSt == items.Sum(i => i.IcmsSt.Value) && t.FcpSt == items.Sum(i => i.FcpSt.Value)
               && t.Difal == items.Sum(i => i.Difal.Value) && t.FcpDestination == items.Sum(i => i.FcpDestination.Value)
               && t.Pis == items.Sum(i => i.Pis.Value) && t.Cofins == items.Sum(i => i.Cofins.Value) && t.IbsCbsBase == items.Sum(i => i.Cbs.Base)
               && t.Cbs == items.Sum(i => i.Cbs.Value) && t.Ibs == items.Sum(i => i.Ibs) && t.Total == items.Sum(i => i.ItemTotal);
    }
}
