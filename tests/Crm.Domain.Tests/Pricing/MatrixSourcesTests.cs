using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using static Crm.Domain.Tests.Pricing.PricingFixture;

namespace Crm.Domain.Tests.Pricing;

/// <summary>The pipeline on the company's real matrices (payloads of Crm.Domain.Matrices.Tax and .Commercial).</summary>
public class MatrixSourcesTests
{
    private static Matrix<T> Build<T>(params (string Id, MatrixKey Key, T Payload)[] rules) where T : IMatrixPayload<T>
    {
        var result = Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload)));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.AsT0;
    }

    private static PricingSources Sources(CommercialMatrices? commercial = null, Matrix<PisCofinsRepasseRule>? repasse = null) => MatrixSources.Create(
        Resolver(("list-P1", new MatrixKey { Product = "P1" }, 100m)),
        new TaxMatrices
        {
            // SP → SP at 18 %; interstate rows give only the CST, the rate comes from the interstate law.
            Icms = Build(
                ("icms-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m)),
                ("icms-cst", new MatrixKey { OriginUf = Uf.SP }, new IcmsRule("00"))),
            Ipi = Build(("ipi-8471", new MatrixKey { NcmPrefix = "8471" }, new IpiRule("50", 10m))),
            Difal = Build(("difal-ba", new MatrixKey { DestinationUf = Uf.BA }, new DifalRule(20.5m, DifalMethod.DoubleBase, 2m))),
            PisCofins = Build(("pc", MatrixKey.Any, PisCofinsRule.Cumulative())),
            CbsIbs = Build(("rtc", MatrixKey.Any, CbsIbsRule.Test2026)),
            PisCofinsRepasse = repasse,
        },
        commercial);

    [Theory]
    [InlineData(Uf.SP, ProductOrigin.National, 18, "icms-sp")]
    [InlineData(Uf.BA, ProductOrigin.National, 7, "icms-cst+law:res-sf-22-1989")]   // S/SE → NE
    [InlineData(Uf.PR, ProductOrigin.National, 12, "icms-cst+law:res-sf-22-1989")]  // S/SE → S
    [InlineData(Uf.BA, ProductOrigin.ForeignDirectImport, 4, "icms-cst+law:res-sf-13-2012")]
    public void Icms_comes_from_the_matrix_or_the_interstate_law_and_says_which(Uf destination, ProductOrigin origin, int rate, string source)
    {
        var taxes = Priced(Order(Header(destination: destination), Line() with { Origin = origin }), Sources()).Lines[0].Taxes;

        Assert.Equal(rate, taxes.Icms.Rate);
        Assert.Equal(source, taxes.Icms.Source);
        Assert.Equal(("ipi-8471", "pc", "rtc"), (taxes.Ipi.Source, taxes.Pis.Source, taxes.Cbs.Source));
        Assert.Equal(0.90m, taxes.Cbs.Rate);
        Assert.Equal(("00", "50", "01", "000", "000001"), (taxes.IcmsCst, taxes.IpiCst, taxes.PisCofinsCst, taxes.IbsCbsCst, taxes.IbsCbsClassTrib));
    }

    [Fact]
    public void An_interstate_line_without_the_product_origin_reports_the_matrix_problem()
    {
        var result = Pricer.PriceOrder(Order(Header(destination: Uf.BA), Line()), Sources());

        Assert.Equal(("lines[0].icms", MatrixCodes.IcmsProductOriginMissing), result.Problems.Select(p => (p.Field, p.Code)).Single());
    }

    [Fact]
    public void Commercial_matrices_set_discounts_approval_minimums_and_freight()
    {
        var commercial = new CommercialMatrices
        {
            DiscountSurcharge = Build(("avista", new MatrixKey { PaymentCondition = "AVISTA" }, new DiscountSurchargeRule(DiscountRate: 3m))),
            Approval = Build(("alcada", new MatrixKey { Role = "seller" }, new ApprovalRule(5m))),
            MinimumValue = Build(
                ("min-p1", new MatrixKey { Product = "P1" }, new MinimumValueRule(MinimumUnitPrice: 80m)),
                // keyed below Product in precedence: one matrix holds both minimums, and the most specific rule wins
                // whether or not it carries the minimum being asked for.
                ("min-order", new MatrixKey { DestinationUf = Uf.SP }, new MinimumValueRule(MinimumOrderValue: 500m))),
            Freight = Build(("frete-sp", new MatrixKey { DestinationUf = Uf.SP }, new FreightRule(FreightCharge.PercentOfValue, 2m, FreeFromOrderValue: 5_000m))),
        };

        var priced = Priced(Order(Header(payment: "AVISTA"), Line(quantity: 6m, sellerDiscount: 6m)), Sources(commercial));
        var line = priced.Lines[0];

        // 100 → −3 % = 97.00 → −6 % = 91.18; 6 × 91.18 = 547.08 ≥ 500; freight 2 % = 10.94.
        Assert.Equal([PriceStepKind.ListPrice, PriceStepKind.DiscountSurcharge, PriceStepKind.SellerDiscount, PriceStepKind.MinimumPrice], line.Steps.Select(s => s.Kind));
        Assert.Equal(91.18m, line.NetUnitPrice);
        Assert.True(line.NeedsApproval);
        Assert.Equal(10.94m, line.Taxes.Freight);
        Assert.Equal("frete-sp", priced.FreightRuleId);

        var small = Pricer.PriceOrder(Order(Header(payment: "AVISTA"), Line(quantity: 5m)), Sources(commercial));
        Assert.Equal(("minimum_order_value", PricingCodes.BelowMinimumOrder), small.Problems.Select(p => (p.Field, p.Code)).Single());
    }

    [Fact]
    public void Freight_is_free_above_the_rules_order_value_and_an_explicit_freight_wins()
    {
        var commercial = new CommercialMatrices
        {
            Freight = Build(("frete", MatrixKey.Any, new FreightRule(FreightCharge.PerUnit, 1.5m, FreeFromOrderValue: 1_000m))),
        };

        Assert.Equal(13.50m, Priced(Order(Header(), Line(quantity: 9m)), Sources(commercial)).Totals.Freight);
        Assert.Equal(0m, Priced(Order(Header(), Line(quantity: 10m)), Sources(commercial)).Totals.Freight);
        Assert.Equal(7m, Priced(Order(Header(), Line(quantity: 9m)) with { Freight = 7m }, Sources(commercial)).Totals.Freight);
    }

    // TAXES.md §1.6 "repasse": (a) gross-up price / (1 − (PIS + COFINS)) — 100 / (1 − 3.65 %) = 103.7882719253 as vUnCom
    // (10 places), vProd 103.79; (b) ZFM/ALC sale (Lei 10.996/2004): the waived 1.65 % + 7.60 % taken off the price — 100 × 0.9075 = 90.75.
    [Theory]
    [InlineData(RepasseKind.GrossUp, 0.65, 3.00, 103.7882719253, 3.65, 103.79)]
    [InlineData(RepasseKind.ZfmReduction, 1.65, 7.60, 90.75, -9.25, 90.75)]
    public void Pis_cofins_repasse_changes_the_invoice_price(RepasseKind kind, decimal pis, decimal cofins, decimal price, decimal percent, decimal product)
    {
        var repasse = Build(("repasse", new MatrixKey { Customer = "C1" }, new PisCofinsRepasseRule(kind, pis, cofins)));

        var line = Priced(Order(Header(), Line()), Sources(repasse: repasse)).Lines[0];

        Assert.Equal(new PriceStep(PriceStepKind.PisCofinsRepasse, price, percent, "repasse"), line.Steps[1]);
        Assert.Equal(price, line.UnitPrice);
        Assert.Equal(product, line.Taxes.Product);
    }

    [Fact]
    public void Payment_conditions_are_refused_or_surcharged_per_customer()
    {
        var commercial = new CommercialMatrices
        {
            PaymentCondition = Build(
                ("c1-90d", new MatrixKey { Customer = "C1", PaymentCondition = "90D" }, new CustomerPaymentConditionRule(false)),
                ("c1-3x", new MatrixKey { Customer = "C1", PaymentCondition = "3X" }, new CustomerPaymentConditionRule(true, 1.5m))),
        };

        var refused = Pricer.PriceOrder(Order(Header(payment: "90D"), Line()), Sources(commercial));
        var line = Priced(Order(Header(payment: "3X"), Line(quantity: 2m)), Sources(commercial)).Lines[0];

        Assert.Equal(("lines[0].payment_condition", PricingCodes.PaymentConditionNotAllowed), refused.Problems.Select(p => (p.Field, p.Code)).Single());
        Assert.Equal(new PriceStep(PriceStepKind.PaymentCondition, 101.50m, 1.5m, "c1-3x"), line.Steps[^1]);
        Assert.Equal(3m, line.Taxes.OtherExpenses); // the financial surcharge goes to vOutro
    }

    [Fact]
    public void Units_need_a_conversion_rule_and_quantities_its_multiple()
    {
        var commercial = new CommercialMatrices
        {
            UnitConversion = Build(("p1-cx", new MatrixKey { Product = "P1", Unit = "CX" }, new UnitConversionRule(12m, Multiple: 2m))),
        };

        var problems = Pricer.PriceOrder(
            Order(Header(), Line(quantity: 3m) with { Unit = "CX" }, Line() with { Unit = "PCT" }, Line(quantity: 4m) with { Unit = "CX" }),
            Sources(commercial)).Problems;

        Assert.Equal(
            [("lines[0].quantity", PricingCodes.QuantityMultiple), ("lines[1].unit", PricingCodes.UnitConversionMissing)],
            problems.Select(p => (p.Field, p.Code)));
    }
}
