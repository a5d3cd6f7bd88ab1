using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Registry;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

public class CommercialMatrixTests
{
    [Fact]
    public void Approval_limits_the_discount_per_role_and_the_limit_itself_needs_no_approval()
    {
        var alcada = BuildOf(
            ("seller", new MatrixKey { Role = "seller" }, new ApprovalRule(5m)),
            ("supervisor", new MatrixKey { Role = "supervisor" }, new ApprovalRule(12m)),
            ("supervisor-tools", new MatrixKey { Role = "supervisor", ProductLine = "tools" }, new ApprovalRule(20m)));

        var seller = alcada.Find(Context() with { Role = "seller", ProductLine = "tools" })!.Payload;
        Assert.False(seller.NeedsApproval(5m));
        Assert.True(seller.NeedsApproval(5.01m));
        Assert.True(alcada.Find(Context() with { Role = "supervisor" })!.Payload.NeedsApproval(15m));
        Assert.False(alcada.Find(Context() with { Role = "supervisor", ProductLine = "tools" })!.Payload.NeedsApproval(15m));
        Assert.Null(alcada.Find(Context() with { Role = "intern" }));
        Assert.Equal(["matrix.payload.range approval[R].maximumDiscountRate"], Fields(new ApprovalRule(101m)));
    }

    [Fact]
    public void Only_the_approval_matrix_accepts_a_role() =>
        Assert.Equal(MatrixCodes.DimensionNotAllowed,
            Assert.Single(Matrix<CommissionRule>.Build([new("R", new MatrixKey { Role = "seller" }, new CommissionRule(3m))]).Problems).Code);

    [Fact]
    public void Discount_or_surcharge_never_both()
    {
        Assert.Equal(0.9m, new DiscountSurchargeRule(DiscountRate: 10m).Factor);
        Assert.Equal(1.035m, new DiscountSurchargeRule(SurchargeRate: 3.5m).Factor);
        Assert.Equal(1m, new DiscountSurchargeRule().Factor);
        Assert.Equal(["matrix.payload.range discount_surcharge[R].surchargeRate"], Fields(new DiscountSurchargeRule(5m, 5m)));
        Assert.Equal(["matrix.payload.range discount_surcharge[R].discountRate"], Fields(new DiscountSurchargeRule(100m)));
    }

    [Fact]
    public void Discount_tiers_by_quantity_and_payment_condition()
    {
        var matrix = BuildOf(
            ("base", new MatrixKey { ProductLine = "tools", Quantity = new(0, 100) }, new DiscountSurchargeRule()),
            ("volume", new MatrixKey { ProductLine = "tools", Quantity = new(100, null) }, new DiscountSurchargeRule(DiscountRate: 4m)),
            ("cash", new MatrixKey { ProductLine = "tools", PaymentCondition = "avista" }, new DiscountSurchargeRule(DiscountRate: 2m)),
            ("long-term", new MatrixKey { PaymentCondition = "120d" }, new DiscountSurchargeRule(SurchargeRate: 3m)));
        var line = Context() with { ProductLine = "tools", Quantity = 10 };

        Assert.Equal("cash", matrix.Find(line with { PaymentCondition = "avista", Quantity = 500 })!.Id);
        Assert.Equal("base", matrix.Find(line)!.Id);
        Assert.Equal("volume", matrix.Find(line with { Quantity = 100 })!.Id);
        Assert.Equal("long-term", matrix.Find(Context() with { PaymentCondition = "120d" })!.Id);
        Assert.Equal(MatrixCodes.Overlap, Assert.Single(Matrix<DiscountSurchargeRule>.Build([
            new("volume", new MatrixKey { ProductLine = "tools", Quantity = new(100, null) }, new DiscountSurchargeRule(DiscountRate: 4m)),
            new("any", new MatrixKey { ProductLine = "tools" }, new DiscountSurchargeRule())]).Problems).Code);
    }

    [Fact]
    public void Minimum_value_limits_price_and_order()
    {
        var rule = new MinimumValueRule(MinimumUnitPrice: 9.90m, MinimumOrderValue: 500m);
        Assert.True(rule.IsBelowMinimumPrice(9.89m));
        Assert.False(rule.IsBelowMinimumPrice(9.90m));
        Assert.True(rule.IsBelowMinimumOrder(499.99m));
        Assert.False(new MinimumValueRule(MinimumOrderValue: 500m).IsBelowMinimumPrice(0.01m));
        Assert.Equal(["matrix.payload.missing minimum_value[R].minimumUnitPrice"], Fields(new MinimumValueRule()));
        Assert.Equal(["matrix.payload.range minimum_value[R].minimumUnitPrice"], Fields(new MinimumValueRule(-1m)));
    }

    [Fact]
    public void Freight_by_destination_with_free_shipping_threshold()
    {
        var matrix = BuildOf(
            ("default", MatrixKey.Any, new FreightRule(FreightCharge.PercentOfValue, 5m)),
            ("north", new MatrixKey { DestinationUf = Uf.AM }, new FreightRule(FreightCharge.PerOrder, 350m, FreeFromOrderValue: 20_000m)));
        var north = matrix.Find(Context() with { DestinationUf = Uf.AM })!.Payload;

        Assert.True(north.IsFreeFor(20_000m));
        Assert.False(north.IsFreeFor(19_999.99m));
        Assert.False(matrix.Find(Context() with { DestinationUf = Uf.SP })!.Payload.IsFreeFor(1_000_000m));
        Assert.Equal(["matrix.payload.range freight[R].value"], Fields(new FreightRule(FreightCharge.PercentOfValue, 150m)));
        Assert.Empty(Fields(new FreightRule(FreightCharge.PerOrder, 150m)));
        Assert.Equal(["matrix.payload.range freight[R].value"], Fields(new FreightRule(FreightCharge.PerUnit, -1m)));
    }

    [Fact]
    public void Commission_is_a_percentage() =>
        Assert.Equal(["matrix.payload.range commission[R].rate"], Fields(new CommissionRule(-2m)));

    [Fact]
    public void Customer_payment_condition_allows_or_forbids_and_adds_a_financial_surcharge()
    {
        var matrix = BuildOf(
            ("everyone-30d", new MatrixKey { PaymentCondition = "30d" }, new CustomerPaymentConditionRule(true)),
            ("everyone-120d", new MatrixKey { PaymentCondition = "120d" }, new CustomerPaymentConditionRule(true, 4.5m)),
            ("bad-payer-120d", new MatrixKey { PaymentCondition = "120d", Customer = "C9" }, new CustomerPaymentConditionRule(false)));

        Assert.False(matrix.Find(Context() with { PaymentCondition = "120d", Customer = "C9" })!.Payload.Allowed);
        Assert.Equal(4.5m, matrix.Find(Context() with { PaymentCondition = "120d", Customer = "C1" })!.Payload.FinancialSurchargeRate);
        Assert.Null(matrix.Find(Context() with { PaymentCondition = "180d" }));
        Assert.Equal(["matrix.payload.range customer_payment_condition[R].financialSurchargeRate"], Fields(new CustomerPaymentConditionRule(true, -1m)));
    }

    [Fact]
    public void Unit_conversion_factor_and_multiple()
    {
        var matrix = BuildOf(("box", new MatrixKey { Product = "P", Unit = "CX" }, new UnitConversionRule(12m, Multiple: 2m)));
        var box = matrix.Find(Context() with { Product = "P", Unit = "CX" })!.Payload;

        Assert.Equal(36m, box.ToBaseUnits(3m));
        Assert.Equal(2.5m, box.FromBaseUnits(30m));
        Assert.True(box.IsAllowedQuantity(4m));
        Assert.False(box.IsAllowedQuantity(3m));
        Assert.True(new UnitConversionRule(1m).IsAllowedQuantity(3.7m));
        Assert.Null(matrix.Find(Context() with { Product = "P", Unit = "PC" }));
        Assert.Equal(["matrix.payload.range unit_product[R].factor", "matrix.payload.range unit_product[R].multiple"], Fields(new UnitConversionRule(0m, -2m)));
    }

    [Fact]
    public void Negotiation_scenarios_by_group_and_channel()
    {
        var matrix = BuildOf(
            ("retail", new MatrixKey { CustomerGroup = "retail" }, new NegotiationRule("STD", "T01", 5m)),
            ("retail-web", new MatrixKey { CustomerGroup = "retail", SalesChannel = "web" }, new NegotiationRule("WEB", "T02", 0m, 18m)));

        Assert.Equal("WEB", matrix.Find(Context() with { CustomerGroup = "retail", SalesChannel = "web" })!.Payload.Scenario);
        Assert.Equal("T01", matrix.Find(Context() with { CustomerGroup = "retail", SalesChannel = "rep" })!.Payload.PriceTable);
        Assert.Equal(
            ["matrix.payload.missing negotiation[R].scenario", "matrix.payload.missing negotiation[R].priceTable", "matrix.payload.range negotiation[R].minimumMarginRate"],
            Fields(new NegotiationRule(" ", "", 0m, 100m)));
    }
}
