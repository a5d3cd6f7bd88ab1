using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Tests.Catalog;
using Crm.Domain.Tests.Pricing;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

/// <summary>
/// The commission matrix gives each priced item its commission (TAXES.md §4: on vProd − vDesc + vOutro, never on IPI or ST),
/// the lines adding up to the order's commission rounded once; the negotiation matrix decides the scenario an item is sold in.
/// </summary>
public class CommissionAndNegotiationTests
{
    [Fact]
    public void Each_item_gets_its_rate_of_the_net_merchandise_value_and_the_cents_add_up_to_the_order_s_commission()
    {
        var catalog = CatalogFixture.Built();
        var commission = Commercial(new CommercialMatrices
        {
            Commission = Build(("comissao", MatrixKey.Any, new CommissionRule(3.333m)), ("comissao-p1", new MatrixKey { Product = "P1" }, new CommissionRule(5m))),
        });
        var context = Context(catalog, pricing: Sources(catalog) with { Commission = commission.Commission });
        var order = Order(Item("P1", 1m) with { Discount = 2m }, Item("BEER", 12m) with { NewPrice = 3.37m }, Item("BEER", 18m) with { NewPrice = 3.37m });
        order.ApportionDiscount(1.01m, Seller, At);

        var pricing = order.Recalculate(context, Seller, At).AsT0.Pricing!;

        var p1 = pricing.Lines[0].Commission;
        Assert.Equal((5m, "comissao-p1"), (p1.Rate, p1.RuleId));
        var values = pricing.Lines[0].Taxes.Values;
        Assert.Equal(values.Product - values.Discount + values.OtherExpenses, p1.Base);
        Assert.True(pricing.Lines[0].Total > p1.Base); // the 10 % IPI is not commissioned
        var exact = pricing.Lines.Sum(l => l.Commission.Base * l.Commission.Rate / 100m);
        Assert.Equal(decimal.Round(exact, 2, MidpointRounding.AwayFromZero), pricing.Commission);
        Assert.All(pricing.Lines, l => Assert.True(Math.Abs(l.Commission.Amount - l.Commission.Base * l.Commission.Rate / 100m) < 0.01m));
        Assert.Equal([5m, 3.333m, 3.333m], order.Items.Select(i => i.Values!.CommissionRate));
        Assert.Equal(pricing.Commission, order.Items.Sum(i => i.Values!.Commission));
    }

    // Whatever the prices, quantities and rates, the items' commissions add up to the order's exact commission rounded once,
    // and each is within a cent of its own exact amount.
    [Property(MaxTest = 60)]
    public bool The_items_commissions_always_add_up_to_the_order_s(NonEmptyArray<PositiveInt> prices, PositiveInt rate)
    {
        var catalog = CatalogFixture.Built();
        var percent = rate.Get % 2_000 / 100m;
        var sources = Sources(catalog) with { Commission = Commercial(new CommercialMatrices { Commission = Build(("c", MatrixKey.Any, new CommissionRule(percent))) }).Commission };
        var order = Order([.. prices.Get.Take(12).Select(p => Item("P1", 1m + p.Get % 7) with { NewPrice = 80m + p.Get % 100_000 / 1_000m })]);
        var pricing = order.Recalculate(Context(catalog, pricing: sources), Seller, At).AsT0.Pricing!;
        var exact = pricing.Lines.Sum(l => l.Commission.Base * percent / 100m);
        return pricing.Lines.Sum(l => l.Commission.Amount) == decimal.Round(exact, 2, MidpointRounding.AwayFromZero)
               && pricing.Lines.All(l => Math.Abs(l.Commission.Amount - l.Commission.Base * percent / 100m) < 0.01m);
    }

    [Fact]
    public void Without_a_commission_matrix_an_item_has_none()
    {
        var order = Priced(Order(Item("P1", 1m)));
        Assert.Equal((0m, 0m), (order.Items[0].Values!.CommissionRate, order.Items[0].Values!.Commission));
    }

    [Fact]
    public void The_negotiation_scenario_decides_the_price_table_the_largest_discount_and_the_minimum_contribution_margin()
    {
        var catalog = CatalogFixture.Built();
        var negotiation = Commercial(new CommercialMatrices
        {
            Negotiation = Build(
                ("cenario-padrao", MatrixKey.Any, new NegotiationRule("PADRAO", "T1", MaximumDiscountRate: 8m, MinimumMarginRate: 50m)),
                ("cenario-cerveja", new MatrixKey { Product = "BEER" }, new NegotiationRule("BEBIDAS", "T2", MaximumDiscountRate: 20m))),
        }).Negotiation;
        var context = Context(catalog, pricing: Sources(catalog) with { Negotiation = negotiation });
        var order = Order(Item("P1", 1m) with { Discount = 10m }, Item("BEER", 12m) with { Discount = 10m });

        var problems = order.Check(context).Problems;

        Assert.Contains(problems, p => (p.Field, p.Code) == ("items[1].discount", OrderCodes.NegotiationDiscount));
        Assert.Contains(problems, p => (p.Field, p.Code) == ("items[1].margin", OrderCodes.MarginOutOfRange) && p.Message.Contains("MC mínima 50", StringComparison.Ordinal));
        Assert.Contains(problems, p => (p.Field, p.Code) == ("items[2].price_table", OrderCodes.NegotiationPriceTable) && p.Message.Contains("BEBIDAS", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Field.StartsWith("items[2].discount", StringComparison.Ordinal) || p.Field.StartsWith("items[1].price_table", StringComparison.Ordinal));
        Assert.DoesNotContain(order.Check(Context(catalog)).Problems, p => p.Code is OrderCodes.NegotiationDiscount or OrderCodes.NegotiationPriceTable);
    }

    private static Matrix<T> Build<T>(params (string Id, MatrixKey Key, T Payload)[] rules) where T : IMatrixPayload<T> =>
        Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))).AsT0;

    // The commercial sources of the matrices, through the same wiring as the engine's.
    private static PricingSources Commercial(CommercialMatrices commercial) => MatrixSources.Create(
        PricingFixture.Resolver<decimal>(), new TaxMatrices
        {
            Icms = Build<IcmsRule>(), Ipi = Build<IpiRule>(), PisCofins = Build<PisCofinsRule>(), CbsIbs = Build<CbsIbsRule>(),
        }, commercial);
}
