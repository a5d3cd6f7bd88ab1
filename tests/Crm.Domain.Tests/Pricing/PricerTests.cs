using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Pricing.PricingFixture;

namespace Crm.Domain.Tests.Pricing;

public class PricerTests
{
    [Fact]
    public void The_step_buffer_has_one_slot_per_step_kind()
    {
        // A kind added to PriceStepKind after NewPrice would overflow the inline buffer; this fails first.
        Assert.Equal(Pricer.StepSlots, Enum.GetValues<PriceStepKind>().Length);
        Assert.Equal(PriceStepKind.NewPrice, Enum.GetValues<PriceStepKind>().Max());
    }

    [Fact]
    public void Every_price_step_and_tax_quotes_the_rule_that_decided_it()
    {
        var line = Assert.Single(Priced(Order(Header(customer: "C9", payment: "3X"), Line(quantity: 2m, sellerDiscount: 5m))).Lines);

        Assert.Equal(
            [
                new PriceStep(PriceStepKind.ListPrice, 100m, 0m, "list-P1"),
                new PriceStep(PriceStepKind.CustomerPrice, 90m, 0m, "table-C9-P1"),
                new PriceStep(PriceStepKind.DiscountSurcharge, 91.80m, 2m, "cond-3x"),
                new PriceStep(PriceStepKind.SellerDiscount, 87.21m, -5m, "seller"),
                new PriceStep(PriceStepKind.MinimumPrice, 80m, 0m, "min-P1"),
            ],
            line.Steps);
        Assert.Equal(90m, line.UnitPrice);
        Assert.Equal(87.21m, line.NetUnitPrice);
        Assert.Equal(("ipi-8471", "icms-sp-sp", "pc-real", "rtc-2026"), (line.Taxes.Ipi.Source, line.Taxes.Icms.Source, line.Taxes.Pis.Source, line.Taxes.Cbs.Source));
        Assert.False(line.NeedsApproval);
    }

    [Fact]
    public void Line_discounts_become_vDesc_and_surcharges_vOutro_exactly_to_the_cent()
    {
        var discounted = Priced(Order(Header(payment: "AVISTA"), Line(quantity: 3m))).Lines[0].Taxes;
        var surcharged = Priced(Order(Header(payment: "3X"), Line(quantity: 3m))).Lines[0].Taxes;

        // 3 × 100.00 = 300.00; à vista −3 % → 97.00 each → vDesc 9.00; 3X +2 % → 102.00 each → vOutro 6.00.
        Assert.Equal((300m, 9m, 0m), (discounted.Product, discounted.Discount, discounted.OtherExpenses));
        Assert.Equal((300m, 0m, 6m), (surcharged.Product, surcharged.Discount, surcharged.OtherExpenses));
        Assert.Equal(291m, discounted.OperationValue);
    }

    [Fact]
    public void A_promotion_changes_the_invoice_unit_price()
    {
        var line = Priced(Order(Header(), Line(productLine: "PROMO"))).Lines[0];

        Assert.Equal(new PriceStep(PriceStepKind.Promotion, 90m, -10m, "promo-line"), line.Steps[1]);
        Assert.Equal(90m, line.UnitPrice);
    }

    [Theory]
    [InlineData("seller", 5, false)]
    [InlineData("seller", 6, true)]
    [InlineData("manager", 12, false)]
    [InlineData("intern", 1, true)] // no alçada rule: any discount needs approval
    public void A_discount_above_the_roles_limit_needs_approval(string role, int discount, bool needsApproval)
    {
        var line = Priced(Order(Header(role: role), Line(sellerDiscount: discount))).Lines[0];

        Assert.Equal(needsApproval, line.NeedsApproval);
        if (needsApproval)
            Assert.Equal(Severity.Warning, Assert.Single(line.Warnings).Severity);
    }

    [Fact]
    public void A_price_below_the_minimum_value_is_rejected()
    {
        var result = Pricer.PriceOrder(Order(Header(customer: "C9", role: "manager"), Line(sellerDiscount: 14.99m)), Sources());

        // 90.00 × (1 − 14.99 %) = 76.51, within the manager's 15 % but below P1's 80.00.

        var problems = result.Problems.Select(p => (p.Field, p.Code, p.Severity)).ToArray();
        Assert.Contains(("lines[0].price", PricingCodes.BelowMinimum, Severity.Error), problems);
        Assert.DoesNotContain(problems, p => p.Code == PricingCodes.NeedsApproval);
    }

    [Fact]
    public void Every_problem_of_every_line_is_listed()
    {
        var order = Order(Header(destination: Uf.AM),
            Line() with { Ncm = "8471.30" },
            Line(product: "UNKNOWN"),
            Line(quantity: 0m, sellerDiscount: 50m));

        var result = Pricer.PriceOrder(order, Sources());

        Assert.Equal(
            [
                ("lines[0].ncm", PricingCodes.Ncm),
                ("lines[0].icms", PricingCodes.NoRule),
                ("lines[1].list_price", PricingCodes.NoRule),
                ("lines[1].icms", PricingCodes.NoRule),
                ("lines[2].quantity", PricingCodes.Input),
                ("lines[2].icms", PricingCodes.NoRule), // a line's taxes are resolved before its price (a gross-up needs the ICMS)
                ("lines[2].price", PricingCodes.BelowMinimum),
                ("lines[2].seller_discount", PricingCodes.NeedsApproval),
            ],
            result.Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Inconsistent_tax_rules_are_reported_with_the_line()
    {
        // The ST matrix has a rule for beer, but this ICMS rule says CST 00 (no ST): a configuration the NF-e would reject.
        var sources = Sources() with { Icms = new FixedResolver<IcmsParameters>(new IcmsParameters("00", 18m, "icms-wrong"), "icms-wrong") };

        var result = Pricer.PriceOrder(Order(Header(), Line(product: "BEER")), sources);

        Assert.Equal(("lines[0].icms_st", TaxCodes.StCstMismatch), result.Problems.Select(p => (p.Field, p.Code)).Single());
    }

    [Fact]
    public void St_products_take_the_st_rule_by_ncm()
    {
        var taxes = Priced(Order(Header(), Line(product: "BEER", quantity: 12m))).Lines[0].Taxes;

        // 12 × 10.00 = 120.00, ICMS 18 % 21.60; ST base 120 × 1.7 = 204.00 → 36.72 − 21.60 = 15.12.
        Assert.Equal("10", taxes.IcmsCst);
        Assert.Equal(new TaxLine(204m, 18m, 15.12m, "st-beer-sp"), taxes.IcmsSt);
        Assert.Equal(135.12m, taxes.ItemTotal);
    }

    [Fact]
    public void Difal_is_resolved_for_interstate_sales_to_non_contributor_consumers()
    {
        var order = Order(Header(destination: Uf.BA), Line()) with { RecipientIe = IeIndicator.NonContributor, FinalConsumer = true };

        var taxes = Priced(order).Lines[0].Taxes;

        // 100.00 + IPI 10.00 = 110.00 at 7 % → 7.70; base dupla (110 − 7.70) / 0.795 = 128.68 → 26.38 − 7.70 = 18.68; FCP 2.57.
        Assert.Equal(new TaxLine(128.68m, 20.5m, 18.68m, "difal-ba"), taxes.Difal);
        Assert.Equal(2.57m, taxes.FcpDestination.Value);
        Assert.Equal("lines[0].difal", Pricer.PriceOrder(order, Sources() with { Difal = null }).Problems.Single().Field);
    }

    [Fact]
    public void Document_amounts_are_apportioned_by_value_and_totals_add_up()
    {
        var order = Order(Header(), Line(quantity: 1m), Line(product: "P3", quantity: 1m), Line(product: "P3", quantity: 1m)) with
        {
            Freight = 10m,
            Discount = 1m,
        };

        var priced = Priced(order);
        var byRemainder = Priced(order, Sources() with { ApportionmentResidual = ApportionmentResidual.LargestRemainder });

        // vProd 100.00, 33.33, 33.33 (Σ 166.66): freight 10.00 → exact 6.0002, 1.9999, 1.9999 → cut 6.00, 1.99, 1.99 and the
        // two cents left to the last item (TAXES.md §1.1), or one each to the largest remainders; discount 1.00 likewise.
        Assert.Equal([6m, 1.99m, 2.01m], priced.Lines.Select(l => l.Taxes.Freight));
        Assert.Equal([0.60m, 0.19m, 0.21m], priced.Lines.Select(l => l.Taxes.Discount));
        Assert.Equal([6m, 2m, 2m], byRemainder.Lines.Select(l => l.Taxes.Freight));
        Assert.Equal([0.60m, 0.20m, 0.20m], byRemainder.Lines.Select(l => l.Taxes.Discount));
        Assert.Equal(10m, priced.Totals.Freight);
        Assert.Equal(priced.Lines.Sum(l => l.Total), priced.Totals.Total);
        Assert.Equal(priced.Lines.Sum(l => l.Taxes.Icms.Value), priced.Totals.Icms);
    }

    [Fact]
    public void Document_amounts_must_be_cents_and_not_negative()
    {
        var result = Pricer.PriceOrder(Order(Header(), Line()) with { Freight = -1m, Insurance = 0.001m, Discount = -0.5m }, Sources());

        Assert.Equal(
            [("freight", TaxCodes.Negative), ("insurance", TaxCodes.Precision), ("discount", TaxCodes.Negative)],
            result.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal(("lines", PricingCodes.Input), Pricer.PriceOrder(Order(Header()), Sources()).Problems.Select(p => (p.Field, p.Code)).Single());
    }

    [Fact]
    public void A_free_line_gets_no_share_and_a_discount_larger_than_the_order_is_reported()
    {
        var free = Sources() with { CustomerPrice = new FixedResolver<decimal>(0m, "bonificacao") };
        var priced = Priced(Order(Header(), Line(product: "P3"), Line(product: "BEER")) with { Freight = 5m }, Sources() with
        {
            CustomerPrice = new ProductResolver("BEER", 0m, "bonificacao"),
        });

        Assert.Equal([5m, 0m], priced.Lines.Select(l => l.Taxes.Freight));
        Assert.Equal(TaxCodes.DiscountExceedsValue,
            Pricer.PriceOrder(Order(Header(), Line(product: "P3")) with { Discount = 40m }, Sources()).Problems.Single().Code);
        Assert.Equal(TaxCodes.NoWeight,
            Pricer.PriceOrder(Order(Header(), Line(product: "P3")) with { Freight = 5m }, free).Problems.Single().Code);
    }

    [Fact]
    public void A_thousand_line_order_apportions_freight_and_discount_to_the_cent()
    {
        var lines = Enumerable.Range(0, 1_000).Select(i => Line(product: i % 3 == 0 ? "P1" : "P3", quantity: i % 7 + 1)).ToArray();
        var order = Order(Header(payment: "AVISTA"), lines) with { Freight = 1_234.57m, Insurance = 99.99m, Discount = 333.33m };

        var priced = Priced(order);

        Assert.Equal(1_000, priced.Lines.Count);
        Assert.Equal(1_234.57m, priced.Lines.Sum(l => l.Taxes.Freight));
        Assert.Equal(99.99m, priced.Totals.Insurance);
        Assert.Equal(333.33m + Priced(order with { Discount = 0m }).Totals.Discount, priced.Totals.Discount);
        Assert.Equal(priced.Lines.Sum(l => l.Total), priced.Totals.Total);
        Assert.All(priced.Lines, l => Assert.Equal(l.Taxes.Product - l.Taxes.Discount + l.Taxes.Freight + l.Taxes.Insurance + l.Taxes.OtherExpenses + l.Taxes.Ipi.Value + l.Taxes.IcmsSt.Value + l.Taxes.FcpSt.Value, l.Total));
    }

    [Property(MaxTest = 50)]
    public bool Order_totals_are_the_sums_of_the_lines_and_shares_add_up(NonEmptyArray<PositiveInt> quantities, NonNegativeInt freight, NonNegativeInt discount)
    {
        var lines = quantities.Get.Take(20).Select((q, i) => Line(product: i % 2 == 0 ? "P1" : "P3", quantity: q.Get % 50 + 1)).ToArray();
        var order = Order(Header(payment: "AVISTA"), lines) with { Freight = freight.Get % 100000 / 100m, Discount = discount.Get % 1000 / 100m };

        var t = Priced(order).Totals;

        return t.Freight == order.Freight
               && t.Discount == order.Discount + Priced(order with { Discount = 0m }).Totals.Discount
               && t.Total == t.Products - t.Discount + t.IcmsSt + t.FcpSt + t.Freight + t.Insurance + t.OtherExpenses + t.Ipi;
    }

    private sealed class ProductResolver(string product, decimal price, string id) : IResolver<decimal>
    {
        public Resolution<decimal> Resolve(Crm.Domain.Matrices.MatrixContext context) =>
            context.Product == product ? Resolution<decimal>.Of(price, id) : Resolution<decimal>.None;
    }

    private sealed class FixedResolver<T>(T value, string id) : IResolver<T>
    {
        public Resolution<T> Resolve(Crm.Domain.Matrices.MatrixContext context) => Resolution<T>.Of(value, id);
    }
}
