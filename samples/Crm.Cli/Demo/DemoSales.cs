using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using Crm.Sdk;
using Crm.Sdk.Matrices;

namespace Crm.Cli.Demo;

/// <summary>
/// The demo company's small catalog (a food distributor: coffee, sugar, a breakfast kit) and the matrices its orders are
/// priced with, saved through the engine: ICMS 18 % inside SP and the interstate rate by law elsewhere, IPI 0 %, PIS/COFINS non-cumulative, CBS/IBS of
/// the 2026 test year; a Usuário may give up to 5 % discount, a Coordenador 15 %, a Diretor 30 %.
/// </summary>
internal static class DemoSales
{
    // Protheus codes: the price table is a DA0 code (C5_TABELA, 3) and the payment condition an SE4 code (C5_CONDPAG, 3).
    public const string Table = "001";
    public const string PaymentCondition = "028";
    public const string Warehouse = "01";

    public static CatalogData Catalog() => new()
    {
        Products =
        [
            Product("CAFE-500", "Café torrado e moído 500 g", "0901.21.00") with { Units = [new UnitFactor("FD", 10m)], Costs = [new ProductCost(11.20m)] },
            Product("ACUCAR-1K", "Açúcar refinado 1 kg", "1701.99.00") with { MinimumQuantity = 10m, MultipleQuantity = 10m },
            Product("FILTRO-103", "Filtro de papel 103 (30 un)", "4823.20.00") with { LeadTimeDays = 7 },
            Product("KIT-CAFE", "Kit café da manhã", "0901.21.00") with { Components = [new KitComponent("CAFE-500", 2m), new KitComponent("FILTRO-103", 1m)] },
        ],
        Warehouses = [new Warehouse(Warehouse, "Centro de distribuição")],
        Prices = [new ListPrice(Table, "CAFE-500", 18.90m), new ListPrice(Table, "ACUCAR-1K", 4.59m), new ListPrice(Table, "FILTRO-103", 5.49m)],
        Stock = [new StockEntry("CAFE-500", Warehouse, 40m, "FD"), new StockEntry("ACUCAR-1K", Warehouse, 1_000m), new StockEntry("FILTRO-103", Warehouse, 300m)],
    };

    /// <summary>
    /// Saves the demo company's matrices through <paramref name="session"/> (ICMS, IPI, PIS/COFINS, CBS/IBS, alçadas, commission), each
    /// only when it was never saved (a rerun keeps what is stored); the number of rules written.
    /// </summary>
    public static async Task<CrmResult<int>> SaveMatricesAsync(CrmSession session, CancellationToken cancellationToken)
    {
        Func<Task<CrmResult<int>>>[] saves =
        [
            () => SaveAsync(session, cancellationToken, ("icms-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m)),
                ("icms-interestadual", MatrixKey.Any, new IcmsRule("00"))),
            () => SaveAsync(session, cancellationToken, ("ipi-nt", MatrixKey.Any, new IpiRule("53"))),
            () => SaveAsync(session, cancellationToken, ("pis-cofins", MatrixKey.Any, PisCofinsRule.NonCumulative())),
            () => SaveAsync(session, cancellationToken, ("cbs-ibs-2026", MatrixKey.Any, CbsIbsRule.Test2026)),
            () => SaveAsync(session, cancellationToken, ("alcada-usuario", new MatrixKey { Role = "CRM - Usuário" }, new ApprovalRule(5m)),
                ("alcada-coordenador", new MatrixKey { Role = "CRM - Coordenador" }, new ApprovalRule(15m)),
                ("alcada-diretor", new MatrixKey { Role = "CRM - Diretor" }, new ApprovalRule(30m))),
            () => SaveAsync(session, cancellationToken, ("comissao-padrao", MatrixKey.Any, new CommissionRule(3m)),
                ("comissao-cafe", new MatrixKey { Product = "CAFE-500" }, new CommissionRule(5m))),
        ];
        var written = 0;
        foreach (var save in saves)
        {
            var saved = await save();
            if (!saved.TryPickT0(out var rules, out _))
                return saved;
            written += rules;
        }
        return written;
    }

    private static async Task<CrmResult<int>> SaveAsync<T>(CrmSession session, CancellationToken cancellationToken, params (string Id, MatrixKey Key, T Payload)[] rules)
        where T : IMatrixPayload<T>
    {
        var stored = await session.Matrices.GetAsync<T>(0, 1, cancellationToken);
        if (!stored.TryPickT0(out var matrix, out _))
            return stored.Match<CrmResult<int>>(_ => 0, i => i, d => d, d => d, n => n, c => c);
        if (matrix.Summary.Version > 0)
            return 0;
        var saved = await session.Matrices.SaveAsync(new MatrixChange<T>(0, [.. rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))]), cancellationToken);
        return saved.Match<CrmResult<int>>(s => s.Added, i => i, d => d, d => d, n => n, c => c);
    }

    public static OrderHeader Header(AccountId customer, string customerCode, UserId seller, NodaTime.LocalDate today) => new()
    {
        Customer = customer, CustomerCode = customerCode, IssueDate = today, Seller = seller, SellerRole = "", Establishment = "01",
        PriceTable = Table, Warehouse = Warehouse, PaymentCondition = PaymentCondition, OriginUf = Uf.SP, DestinationUf = Uf.SP,
        RecipientIe = Crm.Domain.Taxes.IeIndicator.Contributor, Observations = "Entrega em horário comercial.",
    };

    private static Product Product(string code, string description, string ncm) => new()
    {
        Code = code, Description = description, BaseUnit = "UN", Fiscal = new FiscalData(ncm), Brand = "Exemplo", Line = "MERCEARIA",
    };
}
