using Crm.Domain.Catalog;
using Crm.Domain.Matrices;
using NodaTime;
using static Crm.Domain.Tests.Catalog.CatalogFixture;

namespace Crm.Domain.Tests.Catalog;

public class ProductCatalogTests
{
    [Fact]
    public void The_price_on_a_date_is_the_one_whose_validity_contains_it()
    {
        var catalog = Built();
        Assert.Equal(100m, catalog.PriceOn("T1", "P1", new LocalDate(2026, 3, 31))!.Amount);
        Assert.Equal(110m, catalog.PriceOn("T1", "P1", new LocalDate(2026, 4, 1))!.Amount);
        Assert.Null(catalog.PriceOn("T1", "P1", new LocalDate(2026, 2, 28)));
        Assert.Null(catalog.PriceOn("T2", "P1", Date));
    }

    [Fact]
    public void Units_convert_through_their_factor_and_an_unknown_unit_is_a_problem()
    {
        var catalog = Built();
        Assert.Equal(36m, catalog.ToBaseUnits("P1", 3m, "CX").AsT0);
        Assert.Equal(3m, catalog.ToBaseUnits("P1", 3m, "UN").AsT0);
        var missing = catalog.ToBaseUnits("P1", 3m, "PC");
        Assert.Equal(CatalogCodes.ConversionNotFound, Assert.Single(missing.Problems).Code);
    }

    [Fact]
    public void Stock_counted_in_another_unit_is_kept_in_base_units()
    {
        var data = Data() with { Stock = [new StockEntry("P1", "A1", 2m, "CX"), new StockEntry("P1", "A1", 5m)] };
        var catalog = ProductCatalog.Build(data).AsT0;
        Assert.Equal(29m, catalog.OnHand("P1", "A1"));
        Assert.Null(catalog.OnHand("P1", "A2"));
    }

    [Fact]
    public void Kits_expand_into_their_components_through_nested_kits()
    {
        var data = Data() with
        {
            Products = [.. Data().Products, Product("BIG") with { Components = [new KitComponent("KIT", 3m), new KitComponent("SLOW", 1m)] }],
        };
        var catalog = ProductCatalog.Build(data).AsT0;
        Assert.Equal([new KitComponent("P1", 12m), new KitComponent("BEER", 6m), new KitComponent("SLOW", 2m)], catalog.Expand("BIG", 2m));
        Assert.Equal([new KitComponent("P1", 4m)], catalog.Expand("P1", 4m));
    }

    [Fact]
    public void The_promise_date_comes_from_stock_then_programmed_stock_then_lead_time()
    {
        var catalog = Built();
        Assert.Equal(Date, catalog.Promise("P1", "A1", 100m, Date));
        Assert.Equal(new LocalDate(2026, 3, 20), catalog.Promise("P1", "A1", 150m, Date));
        Assert.Null(catalog.Promise("P1", "A1", 151m, Date));
        Assert.Equal(Date.PlusDays(10), catalog.Promise("SLOW", "A1", 1m, Date));
        // programmed stock that already arrived is on hand, not programmed
        Assert.Null(catalog.Promise("P1", "A1", 150m, new LocalDate(2026, 3, 20)));
    }

    [Fact]
    public void Lots_quotas_and_promotions_are_found_by_their_keys()
    {
        var catalog = Built();
        Assert.Equal(30m, catalog.FindLot("LOTTED", "A1", "L1")!.Quantity);
        Assert.False(catalog.FindLot("LOTTED", "A1", "L1")!.IsValidOn(new LocalDate(2026, 4, 1)));
        Assert.Null(catalog.FindLot("LOTTED", "A2", "L1"));
        Assert.Equal(5m, catalog.FindQuota("Q1")!.Remaining);
        Assert.Equal(10m, catalog.PromotionOn("BEER", Date)!.DiscountOn(10m));
        Assert.Null(catalog.PromotionOn("BEER", new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void The_catalog_feeds_the_pricer_with_list_prices_and_promotions()
    {
        var catalog = Built();
        var context = new MatrixContext { Date = Date, Product = "BEER" };
        var price = catalog.ListPrices("T1").Resolve(context);
        Assert.Equal((10m, "price:T1:BEER:…"), (price.Value, price.RuleId));
        var promotion = catalog.Promotions("T1").Resolve(context);
        Assert.Equal((10m, "promotion:PR1"), (promotion.Value, promotion.RuleId));
        Assert.False(catalog.ListPrices("T1").Resolve(context with { Product = "NOPE" }).Found);
    }

    [Fact]
    public void The_list_price_source_takes_the_price_valid_on_the_line_date_times_the_unit_factor()
    {
        var catalog = Built();
        var prices = catalog.ListPrices("T1");
        var march = new MatrixContext { Date = new LocalDate(2026, 3, 31), Product = "P1" };
        var april = march with { Date = new LocalDate(2026, 4, 1) };
        Assert.Equal((100m, catalog.PriceOn("T1", "P1", march.Date)!.RuleId), (prices.Resolve(march).Value, prices.Resolve(march).RuleId));
        Assert.Equal((1_320m, catalog.PriceOn("T1", "P1", april.Date)!.RuleId), (prices.Resolve(april with { Unit = "CX" }).Value, prices.Resolve(april with { Unit = "CX" }).RuleId));
        Assert.Equal(110m, prices.Resolve(april with { Unit = "UN" }).Value);
        Assert.False(prices.Resolve(march with { Date = new LocalDate(2026, 2, 28) }).Found);
        Assert.False(prices.Resolve(march with { Unit = "PC" }).Found);
        Assert.False(catalog.ListPrices("T2").Resolve(march).Found);
    }

    [Fact]
    public void Build_reports_every_configuration_problem_with_its_field()
    {
        var data = new CatalogData
        {
            Products =
            [
                Product("A") with { Fiscal = new FiscalData("1234", (ProductOrigin)9, Cest: "12") },
                Product("A") with { Units = [new UnitFactor("CX", 0m)], MultipleQuantity = 0m, LeadTimeDays = -1 },
                Product("K1") with { Components = [new KitComponent("K2", 1m)] },
                Product("K2") with { Components = [new KitComponent("K1", 1m), new KitComponent("GHOST", 0m)] },
                Product("") with { Description = " " },
            ],
            Warehouses = [new Warehouse("W", "W")],
            Prices = [new ListPrice("T", "A", 1m, new Validity(new(2026, 1, 1), new(2026, 6, 30))), new ListPrice("T", "A", -1m, new Validity(new(2026, 6, 1)))],
            Stock = [new StockEntry("A", "NOWHERE", 1m), new StockEntry("A", "W", 1m, "PC")],
            Lots = [new Lot("A", "W", "L", 1m), new Lot("A", "W", "L", -1m)],
            Quotas = [new Quota("Q", "A", 1m, Consumed: 2m)],
            Promotions = [new Promotion("PR", "A", default, Price: 1m, DiscountRate: 5m)],
        };
        var problems = ProductCatalog.Build(data).Problems.Select(p => (p.Field, p.Code)).ToHashSet();
        (string, string)[] expected =
        [
            ("products[0].fiscal.ncm", CatalogCodes.Ncm), ("products[0].fiscal.cest", CatalogCodes.Cest), ("products[0].fiscal.origin", CatalogCodes.Origin),
            ("products[1].code", CatalogCodes.CodeDuplicate), ("products[1].units[0]", CatalogCodes.UnitFactor),
            ("products[1].multiple_quantity", CatalogCodes.QuantityRule), ("products[1].lead_time_days", CatalogCodes.QuantityRule),
            ("products[2].components", CatalogCodes.KitCycle), ("products[3].components", CatalogCodes.KitCycle),
            ("products[3].components[1]", CatalogCodes.UnknownReference), ("products[3].components[1].quantity", CatalogCodes.KitQuantity),
            ("products[4].code", CatalogCodes.CodeRequired), ("products[4].description", CatalogCodes.DescriptionRequired),
            ("prices[1].amount", CatalogCodes.Negative), ("prices[1].validity", CatalogCodes.ValidityOverlap),
            ("stock[0]", CatalogCodes.UnknownReference), ("stock[1].unit", CatalogCodes.ConversionNotFound),
            ("lots[1].code", CatalogCodes.CodeDuplicate), ("lots[1].quantity", CatalogCodes.Negative),
            ("quotas[0].consumed", CatalogCodes.QuotaExceeded), ("promotions[0]", CatalogCodes.PromotionShape),
        ];
        Assert.Empty(expected.Except(problems));
    }
}

public class FiscalDataTests
{
    [Fact]
    public void The_taxable_unit_must_be_a_unit_of_the_product()
    {
        var data = new CatalogData
        {
            Products =
            [
                CatalogFixture.Product("A") with { Fiscal = new FiscalData("8471.30.12", TaxableUnit: "KG") },
                CatalogFixture.Product("B") with { Units = [new UnitFactor("CX", 12m)], Fiscal = new FiscalData("8471.30.12", TaxableUnit: "UN") },
            ],
        };
        var problem = Assert.Single(ProductCatalog.Build(data).Problems);
        Assert.Equal(("products[0].fiscal.taxable_unit", CatalogCodes.ConversionNotFound), (problem.Field, problem.Code));
    }
}
