using Crm.Domain.Catalog;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Tests.Catalog;
using Crm.Domain.Tests.Pricing;
using NodaTime;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

/// <summary>Every sale problem of seed 003 ("Itens com problema de venda"), each on its item with its reason.</summary>
public class SaleProblemTests
{
    private static IReadOnlyList<Problem> Check(SalesOrder order, SaleContext? context = null) => order.Check(context ?? Context()).Problems;

    [Fact]
    public void A_sale_the_catalog_and_matrices_allow_has_no_problem()
    {
        var check = Order(Item("P1", 10m), Item("BEER", 12m)).Check(Context());
        Assert.Empty(check.Problems);
        Assert.NotNull(check.Pricing);
    }

    [Fact]
    public void No_stock_and_not_in_the_warehouse()
    {
        // 100 on hand and 50 programmed: 151 cannot be promised at all; the A2 warehouse does not keep P1
        var problems = Codes(Check(Order(Item("P1", 151m), Item("P1", 1m) with { Warehouse = "A2" })));
        Assert.Contains(("items[1].quantity", OrderCodes.NoStock), problems);
        Assert.Contains(("items[2].warehouse", OrderCodes.NotInWarehouse), problems);

        // earlier items take the stock first: 60 + 60 of 100 leaves the second short only with programmed stock → promised, no problem
        Assert.DoesNotContain(Check(Order(Item("P1", 60m), Item("P1", 60m))), p => p.Code == OrderCodes.NoStock);
        Assert.Contains(("items[2].quantity", OrderCodes.NoStock), Codes(Check(Order(Item("P1", 100m), Item("P1", 51m)))));
    }

    [Fact]
    public void Blocked_and_inactive_products()
    {
        var problems = Codes(Check(Order(Item("HOLD", 1m), Item("OLD", 1m))));
        Assert.Contains(("items[1].product", OrderCodes.Blocked), problems);
        Assert.Contains(("items[2].product", OrderCodes.Inactive), problems);
    }

    [Fact]
    public void An_item_with_lead_time_is_a_warning_with_its_delivery_date()
    {
        var problem = Assert.Single(Check(Order(Item("SLOW", 1m))));
        Assert.Equal((OrderCodes.LeadTime, Severity.Warning), (problem.Code, problem.Severity));
        Assert.Contains("10 dias", problem.Message, StringComparison.Ordinal);
        Assert.Contains(CatalogFixture.Date.PlusDays(10).ToString(), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_programming_programming_without_stock_and_programming_that_does_not_add_up()
    {
        var expired = Item("P1", 10m) with { Schedule = [new Delivery(CatalogFixture.Date.PlusDays(-1), 10m)] };
        var early = Item("P1", 150m) with { Schedule = [new Delivery(new LocalDate(2026, 3, 12), 150m)] };
        var wrong = Item("BEER", 12m) with { Schedule = [new Delivery(new LocalDate(2026, 3, 20), 6m)] };
        var problems = Codes(Check(Order(expired), Context()).Concat(Check(Order(early))).Concat(Check(Order(wrong))));
        Assert.Contains(("items[1].schedule", OrderCodes.ProgrammingExpired), problems);
        Assert.Contains(("items[1].schedule", OrderCodes.ProgrammingNoStock), problems);
        Assert.Contains(("items[1].schedule", OrderCodes.ProgrammingQuantity), problems);

        // programmed stock arriving on the 20th covers a delivery on the 20th
        var later = Item("P1", 150m) with { Schedule = [new Delivery(new LocalDate(2026, 3, 20), 150m)] };
        Assert.Empty(Check(Order(later)));
    }

    [Fact]
    public void Gross_and_contribution_margins_out_of_range()
    {
        // P1: 100.00 against a cost of 60.00 → MB 40 %; ICMS 18 % + PIS/COFINS take MC below 40 %
        var order = Order(Item("P1", 1m));
        Assert.Contains(("items[1].margin", OrderCodes.MarginOutOfRange), Codes(Check(order, Context(margins: new MarginRange(MinimumGross: 41m)))));
        Assert.Contains(("items[1].margin", OrderCodes.MarginOutOfRange), Codes(Check(order, Context(margins: new MarginRange(MaximumGross: 39m)))));
        Assert.Contains(("items[1].margin", OrderCodes.MarginOutOfRange), Codes(Check(order, Context(margins: new MarginRange(MinimumContribution: 20m)))));
        Assert.Empty(Check(order, Context(margins: new MarginRange(MinimumGross: 40m, MaximumGross: 40m, MinimumContribution: 10m))));
    }

    [Fact]
    public void A_matrix_that_cannot_price_or_tax_the_item_is_a_matrix_problem_quoting_the_pricer()
    {
        // no ICMS rule from SP to RJ in the fixture's matrix
        var problem = Assert.Single(Check(Order(Header(Uf.RJ), Item("P1", 1m))));
        Assert.Equal(("items[1].icms", OrderCodes.MatrixProblem), (problem.Field, problem.Code));
        Assert.Contains("pricing.no_rule", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_product_matrix_refuses_a_unit_without_a_rule_and_a_quantity_off_its_multiple()
    {
        var catalog = CatalogFixture.Built();
        var pricing = Sources(catalog) with
        {
            UnitConversion = UnitMatrix(("cx", new MatrixKey { Product = "P1", Unit = "CX" }, new UnitConversionRule(12m, Multiple: 2m))),
        };
        var problems = Codes(Check(Order(Item("P1", 3m, "CX"), Item("P1", 1m)), Context(catalog, pricing: pricing)));
        Assert.Contains(("items[1].quantity", OrderCodes.UnitProductMatrix), problems);
        Assert.Contains(("items[2].unit", OrderCodes.UnitProductMatrix), problems);
    }

    [Fact]
    public void A_promise_date_the_stock_cannot_meet()
    {
        // 150 needs the 50 arriving on the 20th
        var problems = Codes(Check(Order(Item("P1", 150m) with { PromiseDate = new LocalDate(2026, 3, 15) }, Item("BEER", 12m) with { PromiseDate = CatalogFixture.Date.PlusDays(-1) })));
        Assert.Contains(("items[1].promise_date", OrderCodes.PromiseDate), problems);
        Assert.Contains(("items[2].promise_date", OrderCodes.PromiseDate), problems);
        Assert.Empty(Check(Order(Item("P1", 150m) with { PromiseDate = new LocalDate(2026, 3, 20) })));
    }

    [Fact]
    public void A_unit_without_a_conversion_factor()
    {
        var problems = Codes(Check(Order(Item("P1", 1m, "PC"))));
        Assert.Contains(("items[1].unit", OrderCodes.ConversionNotFound), problems);

        // the box converts: 8 boxes are 96 units, within the 100 on hand, and priced at 12 × 100.00 each
        var boxes = Order(Item("P1", 8m, "CX")).Check(Context());
        Assert.Empty(boxes.Problems);
        Assert.Equal(9_600m, boxes.Pricing!.Lines[0].Taxes.Product);
    }

    [Fact]
    public void A_lot_not_in_the_warehouse_without_stock_or_expired()
    {
        var problems = Codes(Check(Order(Item("LOTTED", 1m) with { Lot = "L9" }, Item("LOTTED", 20m) with { Lot = "L1" }, Item("LOTTED", 11m) with { Lot = "L1" })));
        Assert.Contains(("items[1].lot", OrderCodes.LotNotFound), problems);
        Assert.DoesNotContain(("items[2].lot", OrderCodes.LotNoStock), problems);
        Assert.Contains(("items[3].lot", OrderCodes.LotNoStock), problems);

        var expired = Order(Item("LOTTED", 1m) with { Lot = "L1" }).Check(Context() with { Today = new LocalDate(2026, 4, 1) });
        Assert.Contains(expired.Problems, p => p.Code == OrderCodes.LotNoStock && p.Message.Contains("vencido", StringComparison.Ordinal));
    }

    [Fact]
    public void Quantities_below_the_minimum_or_off_the_multiple()
    {
        var problems = Codes(Check(Order(Item("BEER", 6m), Item("BEER", 13m))));
        Assert.Contains(("items[1].quantity", OrderCodes.BelowMinimumQuantity), problems);
        Assert.DoesNotContain(("items[1].quantity", OrderCodes.NotMultiple), problems);
        Assert.Contains(("items[2].quantity", OrderCodes.NotMultiple), problems);
    }

    [Fact]
    public void Minimum_order_value_minimum_price_and_quota()
    {
        var catalog = CatalogFixture.Built();
        var pricing = Sources(catalog) with { MinimumOrderValue = PricingFixture.Resolver(("min-order", MatrixKey.Any, 1_000m)) };
        var small = Codes(Check(Order(Item("P1", 1m)), Context(catalog, pricing: pricing)));
        Assert.Contains(("minimum_order_value", OrderCodes.MinimumOrderValue), small);

        // P1 may not go below 80.00 (fixture's minimum value matrix)
        Assert.Contains(("items[1].price", OrderCodes.MinimumPrice), Codes(Check(Order(Item("P1", 1m) with { NewPrice = 79.99m }))));

        // quota Q1 has 5 left
        var quota = Codes(Check(Order(Item("P1", 3m) with { Quota = "Q1" }, Item("P1", 3m) with { Quota = "Q1" }, Item("BEER", 12m) with { Quota = "Q1" }, Item("P1", 1m) with { Quota = "Q9" })));
        Assert.DoesNotContain(("items[1].quota", OrderCodes.Quota), quota);
        Assert.Contains(("items[2].quota", OrderCodes.Quota), quota);
        Assert.Contains(("items[3].quota", OrderCodes.Quota), quota);
        Assert.Contains(("items[4].quota", OrderCodes.Quota), quota);
    }
}
