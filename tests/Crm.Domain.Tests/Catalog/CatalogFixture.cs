using Crm.Domain.Catalog;
using Crm.Domain.Matrices;
using NodaTime;

namespace Crm.Domain.Tests.Catalog;

/// <summary>
/// A small catalog: P1 (UN, box CX of 12, stock 100 UN in A1, 50 more arriving on 20/03), BEER (multiple of 6, minimum 12),
/// SLOW (no stock, lead time 10 days), OLD (inactive), HOLD (blocked), LOTTED (lot L1 of 30 expiring 31/03 in A1),
/// KIT (2 × P1 + 1 × BEER) and table T1 prices valid in March and from April.
/// </summary>
internal static class CatalogFixture
{
    public static readonly LocalDate Date = new(2026, 3, 10);

    public static Product Product(string code, string ncm = "8471.30.12", ProductStatus status = ProductStatus.Active) => new()
    {
        Code = code,
        Description = $"Produto {code}",
        BaseUnit = "UN",
        Fiscal = new FiscalData(ncm),
        Status = status,
    };

    public static CatalogData Data() => new()
    {
        Products =
        [
            Product("P1") with { Units = [new UnitFactor("CX", 12m)], Costs = [new ProductCost(60m)], Similar = ["BEER"], Line = "INFO" },
            Product("BEER", "2203.00.00") with { MultipleQuantity = 6m, MinimumQuantity = 12m, Costs = [new ProductCost(6m)], Fiscal = new FiscalData("2203.00.00", Cest: "03.021.00") },
            Product("SLOW") with { LeadTimeDays = 10 },
            Product("OLD", status: ProductStatus.Inactive),
            Product("HOLD", status: ProductStatus.Blocked),
            Product("LOTTED"),
            Product("KIT") with { Components = [new KitComponent("P1", 2m), new KitComponent("BEER", 1m)] },
        ],
        Warehouses = [new Warehouse("A1", "Central"), new Warehouse("A2", "Filial")],
        Prices =
        [
            new ListPrice("T1", "P1", 100m, new Validity(new(2026, 3, 1), new(2026, 3, 31))),
            new ListPrice("T1", "P1", 110m, new Validity(new(2026, 4, 1))),
            new ListPrice("T1", "BEER", 10m),
            new ListPrice("T1", "SLOW", 50m),
            new ListPrice("T1", "OLD", 5m),
            new ListPrice("T1", "HOLD", 5m),
            new ListPrice("T1", "LOTTED", 20m),
        ],
        Stock =
        [
            new StockEntry("P1", "A1", 100m),
            new StockEntry("BEER", "A1", 10m, "UN"),
            new StockEntry("BEER", "A1", 0m),
            new StockEntry("OLD", "A1", 100m),
            new StockEntry("HOLD", "A1", 100m),
            new StockEntry("LOTTED", "A1", 30m),
        ],
        ProgrammedStock = [new ProgrammedStock("P1", "A1", new(2026, 3, 20), 50m), new ProgrammedStock("BEER", "A1", new(2026, 3, 15), 500m)],
        Lots = [new Lot("LOTTED", "A1", "L1", 30m, new(2026, 3, 31))],
        Quotas = [new Quota("Q1", "P1", 20m, Consumed: 15m)],
        Promotions = [new Promotion("PR1", "BEER", new Validity(new(2026, 3, 1), new(2026, 3, 31)), Price: 9m)],
    };

    public static ProductCatalog Built()
    {
        var built = ProductCatalog.Build(Data());
        Assert.True(built.IsValid, string.Join("\n", built.Problems));
        return built.AsT0;
    }
}
