using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Tests.Shared;

/// <summary>
/// A small catalog and the matrices to price it, sold from SP on <see cref="Today"/> (the test hosts' clock, 2026-11-22):
/// NB-14 (notebook, also sold in boxes of 5, IPI 10 %), MOUSE (sold by 2, promotion 10 % off, lot L1), CABO (no stock,
/// 50 arriving in 5 days, lead time 10 days), KIT-ESC (one NB-14 and two MOUSE), OLD (inactive). Sellers (CRM - Usuário)
/// may give 5 % discount, coordinators 15 %, directors 30 %.
/// </summary>
public static class SalesFixture
{
    public static readonly LocalDate Today = new(2026, 11, 22);

    public const string Table = "T1";
    public const string Warehouse = "A1";

    public static Product Product(string code, string description, string ncm) => new()
    {
        Code = code, Description = description, BaseUnit = "UN", Fiscal = new FiscalData(ncm, FiscalCategory: "01"), Brand = "Exemplo", Line = "INFO",
    };

    public static CatalogData Catalog() => new()
    {
        Products =
        [
            Product("NB-14", "Notebook 14\"", "8471.30.12") with
            {
                Units = [new UnitFactor("CX", 5m)], Costs = [new ProductCost(2_400m)], Similar = ["CABO"], Complementary = ["MOUSE"],
                Model = "N14", Type = "ACABADO", Classification = "A",
            },
            Product("MOUSE", "Mouse óptico", "8471.60.53") with { MinimumQuantity = 2m, MultipleQuantity = 2m, MaximumDiscountRate = 8m },
            Product("CABO", "Cabo HDMI 2 m", "8544.42.00") with { LeadTimeDays = 10 },
            Product("KIT-ESC", "Kit escritório", "8471.30.12") with { Components = [new KitComponent("NB-14", 1m), new KitComponent("MOUSE", 2m)] },
            Product("OLD", "Modelo antigo", "8471.30.12") with { Status = ProductStatus.Inactive },
        ],
        Warehouses = [new Warehouse(Warehouse, "Central"), new Warehouse("B2", "Filial")],
        Prices =
        [
            new ListPrice(Table, "NB-14", 3_500.00m),
            new ListPrice(Table, "MOUSE", 45.90m),
            new ListPrice(Table, "CABO", 19.90m, new Validity(Today.PlusDays(-30), Today.PlusDays(30))),
            new ListPrice(Table, "CABO", 21.90m, new Validity(Today.PlusDays(31))),
            new ListPrice(Table, "OLD", 10.00m),
            new ListPrice("T2", "NB-14", 3_300.00m),
        ],
        Stock = [new StockEntry("NB-14", Warehouse, 20m), new StockEntry("MOUSE", Warehouse, 50m), new StockEntry("MOUSE", Warehouse, 2m, "UN"), new StockEntry("OLD", Warehouse, 5m)],
        ProgrammedStock = [new ProgrammedStock("CABO", Warehouse, Today.PlusDays(5), 50m)],
        Lots = [new Lot("MOUSE", Warehouse, "L1", 30m, Today.PlusDays(90))],
        Quotas = [new Quota("Q-NB", "NB-14", 100m, new Validity(Today.PlusDays(-10), Today.PlusDays(50)))],
        Promotions = [new Promotion("BF-MOUSE", "MOUSE", new Validity(Today.PlusDays(-1), Today.PlusDays(7)), DiscountRate: 10m)],
    };

    public static TaxMatrices Taxes() => new()
    {
        Icms = Build(("icms-sp-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m)),
            ("icms-interstate", MatrixKey.Any, new IcmsRule("00"))),
        Ipi = Build(("ipi-any", MatrixKey.Any, new IpiRule("53")), ("ipi-8471", new MatrixKey { NcmPrefix = "8471" }, new IpiRule("50", 10m))),
        PisCofins = Build(("pc", MatrixKey.Any, PisCofinsRule.NonCumulative())),
        CbsIbs = Build(("rtc-2026", MatrixKey.Any, CbsIbsRule.Test2026)),
    };

    public static CommercialMatrices Commercial() => new()
    {
        Approval = Build(("alcada-usuario", new MatrixKey { Role = "CRM - Usuário" }, new ApprovalRule(5m)),
            ("alcada-coordenador", new MatrixKey { Role = "CRM - Coordenador" }, new ApprovalRule(15m)),
            ("alcada-diretor", new MatrixKey { Role = "CRM - Diretor" }, new ApprovalRule(30m))),
    };

    /// <summary>What an order of the fixture is checked and priced against: <paramref name="catalog"/> (built from <see cref="Catalog"/>), the fixture's matrices, <see cref="Today"/>.</summary>
    public static SaleContext Context(ProductCatalog catalog) => new()
    {
        Catalog = catalog,
        Pricing = MatrixSources.Create(catalog.ListPrices(Table), Taxes(), Commercial(), promotion: catalog.Promotions(Table)),
        Today = Today,
    };

    public static OrderHeader Header(AccountId customer, UserId seller) => new()
    {
        Customer = customer, CustomerCode = "C001", IssueDate = Today, Seller = seller, SellerRole = "", Establishment = "01",
        PriceTable = Table, Warehouse = Warehouse, PaymentCondition = "30D", OriginUf = Uf.SP, DestinationUf = Uf.SP,
        RecipientIe = Crm.Domain.Taxes.IeIndicator.Contributor, Observations = "Entregar <no> horário & comercial",
    };

    public static ItemInput Item(string product, decimal quantity, string? unit = null, decimal discount = 0m) =>
        new() { Product = product, Quantity = quantity, Unit = unit, Discount = discount };

    public static Matrix<T> Build<T>(params (string Id, MatrixKey Key, T Payload)[] rules) where T : IMatrixPayload<T> =>
        Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))).Match(m => m, invalid => throw new InvalidOperationException(string.Join("; ", invalid.Problems)));
}
