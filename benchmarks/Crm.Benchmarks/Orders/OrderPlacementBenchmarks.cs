using BenchmarkDotNet.Attributes;
using Crm.Benchmarks.Engine;
using Crm.Domain.Access;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Persistence.Catalog;
using Crm.Persistence.Orders;
using Crm.Sdk;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.Orders;

/// <summary>
/// An order of <see cref="Lines"/> lines placed through the engine on a SQLite file (<c>session.Orders</c>): a 10⁵-product
/// catalog (list prices, stock, costs, a box unit) and 10⁵-rule IPI, ICMS and minimum value matrices saved through the
/// engine, plus approval, DIFAL, PIS/COFINS and CBS/IBS. Target of issue 14: ≤ 20 ms for 1,000 lines including persistence.
/// <list type="bullet">
/// <item><see cref="Place"/>: the whole use case: <c>CreateAsync</c>, then <c>AddItemsAsync</c> with every line — the order
/// read, the sale context loaded, the items added, checked and priced, the row and its <c>SalesOrderItems</c> written.</item>
/// <item><see cref="Recalculate"/>: <c>RecalculateAsync</c> of a stored order of the same lines (read, context, check and
/// price, one UPDATE; the items' projection does not move).</item>
/// <item>The phases, each as the engine runs it: <see cref="LoadContext"/> (the products the order names with their prices,
/// stock, lots, quotas and promotions read and built into a catalog, the matrices' versions checked),
/// <see cref="CheckAndPrice"/> (the domain's sale rules and pricing) and <see cref="SaveNew"/> (a priced order's row and its
/// item rows inserted in one save).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SeedingConfig))]
public class OrderPlacementBenchmarks
{
    private const int Size = 100_000;
    private static readonly UserId Diretor = new(Guid.Parse("be000000-0000-4000-8000-0000000000d2"));

    private CrmEngine _engine = null!;
    private IServiceProvider _services = null!;
    private IAsyncDisposable _lifetime = null!;
    private CrmSession _seller = null!;
    private ItemInput[] _items = null!;
    private OrderHeader _header = null!;
    private SalesOrderId _stored;
    private long _storedVersion;
    private SalesOrder _priced = null!;
    private SaleContext _context = null!;

    /// <summary>The database and the lines in the order: SQLite at 100 and 1,000 lines, PostgreSQL at 1,000.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "SQLite-100";

    /// <summary>The cases measured.</summary>
    public static IEnumerable<string> Cases => ["SQLite-100", "SQLite-1000", "PostgreSQL-1000"];

    private int Lines => int.Parse(Case[(Case.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public async Task Setup()
    {
        if (Case.StartsWith("PostgreSQL", StringComparison.Ordinal))
        {
            var host = await OrderPostgres.CopyAsync(Size, SeedAsync);
            (_engine, _services, _lifetime) = (host.Engine, host.Services, host);
        }
        else
        {
            var host = await EngineHost.CopyAsync(await TemplateAsync());
            (_engine, _services, _lifetime) = (host.Engine, host.Services, host);
        }
        _seller = _engine.Session(EngineHost.Tenant, EngineHost.Seller);
        var customer = EngineHost.Ok(await _seller.Accounts.ListAsync(0, 1))[0].Id;
        _header = OrderBench.Header(OrderBench.Date) with { Customer = customer, Seller = EngineHost.Seller, IssueDate = Today() };
        var random = new Random(42);
        _items = [.. Enumerable.Range(0, Lines).Select(_ => new ItemInput
        {
            Product = $"P{random.Next(Size)}", Quantity = random.Next(1, 50), Unit = random.Next(4) == 0 ? "CX" : null, Discount = random.Next(0, 5),
        })];
        var placed = await PlaceAsync();
        if (placed.Totals is null || placed.Problems.Count > 0)
            throw new InvalidOperationException(string.Join("\n", placed.Problems.Take(5)));
        (_stored, _storedVersion) = (placed.Id, placed.Version);
        _priced = EngineHost.Ok(await _seller.Orders.GetAsync(_stored)).Order;
        _context = await ContextAsync(_priced.Items.Select(i => i.Product));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _lifetime.DisposeAsync();

    /// <summary>The whole placement through the engine: create the draft, add every line (checked, priced, saved).</summary>
    [Benchmark]
    public async Task<OrderChecked> Place() => await PlaceAsync();

    /// <summary>A stored order recalculated through the engine.</summary>
    [Benchmark]
    public async Task<OrderChecked> Recalculate()
    {
        var recalculated = EngineHost.Ok(await _seller.Orders.RecalculateAsync(_stored, _storedVersion));
        _storedVersion = recalculated.Version;
        return recalculated;
    }

    /// <summary>Phase: the sale context of the order's products, as the engine loads it.</summary>
    [Benchmark]
    public async Task<SaleContext> LoadContext() => await ContextAsync(_items.Select(i => i.Product));

    /// <summary>Phase: the domain's sale rules and pricing of the order.</summary>
    [Benchmark]
    public decimal CheckAndPrice() => _priced.Check(_context).Pricing!.Totals.Total;

    /// <summary>Phase: the priced order inserted as a new row with its item rows, in one save.</summary>
    [Benchmark]
    public async Task<bool> SaveNew()
    {
        var row = SalesOrderRow.From(_priced, null, null);
        row.Id = new SalesOrderId(Guid.NewGuid()); // the same items under another order: new keys for the item rows too
        await using var db = _engine.Database.Open(EngineHost.Tenant);
        db.SalesOrders.Add(row);
        return (await db.SaveAsync()).IsSaved;
    }

    private async Task<OrderChecked> PlaceAsync()
    {
        var created = EngineHost.Ok(await _seller.Orders.CreateAsync(_header));
        return EngineHost.Ok(await _seller.Orders.AddItemsAsync(created.Id, created.Version, _items));
    }

    // What OrderWork.ContextAsync does, through the public pieces: the catalog of the products, the matrices' versions checked.
    private async Task<SaleContext> ContextAsync(IEnumerable<string> products)
    {
        await using var db = _engine.Database.Open(EngineHost.Tenant);
        var catalog = ProductCatalog.Build(await db.LoadAsync(products, _header.PriceTable, withRelations: false, default)).AsT0;
        var matrices = await _services.GetRequiredService<ISalesMatrices>().ForAsync(EngineHost.Tenant, default);
        return new SaleContext
        {
            Catalog = catalog,
            Pricing = MatrixSources.Create(catalog.ListPrices(_header.PriceTable), matrices.Taxes, matrices.Commercial, promotion: catalog.Promotions(_header.PriceTable)),
            Today = Today(),
            Margins = matrices.Margins,
        };
    }

    // The engine's business date (Brasília) of the real clock: list prices and costs are valid from 2026-01-01.
    private static NodaTime.LocalDate Today() =>
        NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).Date;

    /// <summary>
    /// The seeded database, made once per schema under <c>/tmp/crm-bench-orders</c> (seeding takes minutes): the catalog and
    /// matrices saved through the engine by a director, and the seller's customer.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        var file = Path.Combine("/tmp/crm-bench-orders", $"{EngineHost.Schema()}-{Size}.db");
        if (File.Exists(file))
            return file;
        await using var host = await EngineHost.CreateAsync();
        await SeedAsync(host.Engine, await host.SupportAndRolesAsync());
        await host.SaveCopyAsync(file);
        return file;
    }

    // The provisioned tenant's catalog, matrices and the seller's customer, saved through the engine by a director.
    private static async Task SeedAsync(CrmEngine engine, (UserId Support, Dictionary<string, RoleId> Roles) access)
    {
        EngineHost.Ok(await engine.Tenants.AddUserAsync(EngineHost.Tenant, Diretor, "diretor", "Diretor", "diretor@bench.com.br"));
        EngineHost.Ok(await engine.Tenants.AssignRolesAsync(EngineHost.Tenant, access.Support, Diretor, [access.Roles[StandardRoles.Diretor.Name]]));
        var diretor = engine.Session(EngineHost.Tenant, Diretor);
        // In batches of a use case each, as a company's catalog arrives.
        for (var first = 0; first < Size; first += 10_000)
            EngineHost.Ok(await diretor.Catalog.SaveAsync(CatalogData(first, Math.Min(10_000, Size - first))));
        await SaveMatricesAsync(diretor);
        EngineHost.Ok(await engine.Session(EngineHost.Tenant, EngineHost.Seller).Accounts.RegisterAsync(EngineForms.Company(1, EngineHost.Seller)));
    }

    private static CatalogData CatalogData(int first, int count) => new()
    {
        Products = [.. Enumerable.Range(first, count).Select(i => new Product
        {
            Code = $"P{i}", Description = $"Produto {i}", BaseUnit = "UN", Fiscal = new FiscalData(OrderBench.Ncm(i)),
            Units = [new UnitFactor("CX", 12m)], Costs = [new ProductCost(5m)],
        })],
        Warehouses = [new Warehouse("A1", "Central")],
        Prices = [.. Enumerable.Range(first, count).Select(i => new ListPrice("T1", $"P{i}", 10m + i % 997))],
        Stock = [.. Enumerable.Range(first, count).Select(i => new StockEntry($"P{i}", "A1", 1_000_000m))],
    };

    private static async Task SaveMatricesAsync(CrmSession diretor)
    {
        var ufs = Enum.GetValues<Uf>();
        async Task Save<T>(IEnumerable<(string Id, MatrixKey Key, T Payload)> rules) where T : IMatrixPayload<T> =>
            EngineHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<T>(0, [.. rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))])));
        await Save(Enumerable.Range(0, Size).Select(i => ($"ipi-{i}", new MatrixKey { NcmPrefix = OrderBench.Ncm(i) }, new IpiRule("50", i % 15))));
        await Save(Enumerable.Range(0, Size).Select(i =>
            ($"icms-{i}", new MatrixKey { OriginUf = Uf.SP, DestinationUf = ufs[i % 27], NcmPrefix = OrderBench.Ncm(i / 27) }, new IcmsRule("00", FcpRate: i % 2))));
        await Save(ufs.Select(uf => ($"difal-{uf}", new MatrixKey { DestinationUf = uf }, new DifalRule(20m, DifalMethod.DoubleBase, 2m))));
        await Save([("pc", MatrixKey.Any, PisCofinsRule.NonCumulative(excludeIcmsFromBase: true))]);
        await Save([("rtc", MatrixKey.Any, CbsIbsRule.Test2026)]);
        await Save(Enumerable.Range(0, Size).Select(i => ($"min-{i}", new MatrixKey { Product = $"P{i}" }, new MinimumValueRule(MinimumUnitPrice: 1m))));
        await Save([("alcada-usuario", new MatrixKey { Role = StandardRoles.Usuario.Name }, new ApprovalRule(5m))]);
    }
}
