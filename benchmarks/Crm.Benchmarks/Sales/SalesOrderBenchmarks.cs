using System.Globalization;
using BenchmarkDotNet.Attributes;
using Crm.Domain.Access;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Sdk;
using Crm.Sdk.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.Sales;

/// <summary>
/// Placing an order through the engine against a 10⁵-product catalog on a SQLite file: <c>Orders.CreateAsync</c> then one
/// <c>Orders.AddItemsAsync</c> with <see cref="Lines"/> lines — permission and visibility checks, the order's products, prices,
/// stock, lots, quotas and promotions read from the catalog's tables, the catalog index built, the domain's sale rules, the
/// pricing of every line (ICMS, IPI, PIS/COFINS, CBS/IBS from the matrices), the order's document written — two use cases,
/// two transactions (target: ≤ 20 ms for 1,000 lines). The catalog is seeded once through <c>Catalog.SaveAsync</c> in
/// batches of 10⁴ and cached under <c>/tmp/crm-bench-sales</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Engine.SeedingConfig))]
public class SalesOrderBenchmarks
{
    private const int Products = 100_000;
    private const string Table = "T1";
    private static readonly TenantId Tenant = new(Guid.Parse("5a1e0000-0000-4000-8000-0000000000e1"));
    private static readonly UserId Seller = new(Guid.Parse("5a1e0000-0000-4000-8000-0000000000e2"));

    private ServiceProvider _provider = null!;
    private CrmSession _session = null!;
    private AccountId _customer;
    private ItemInput[] _items = [];

    /// <summary>Lines of the order.</summary>
    [Params(100, 1_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var file = Path.Combine(Directory.CreateDirectory("/tmp/crm-bench-sales").FullName, "catalog-100k.db");
        var seeded = File.Exists(file);
        _provider = new ServiceCollection().AddCrm(crm => crm.UseSqlite(file))
            .AddSingleton<ISalesMatrices>(new Matrices()).BuildServiceProvider();
        var engine = _provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync();
        if (!seeded)
            await SeedAsync(engine);
        _session = engine.Session(Tenant, Seller);
        _customer = Ok(await _session.Accounts.ListAsync(0, 1))[0].Id;
        // Spread over the catalog: every line a different product, 97 apart.
        _items = [.. Enumerable.Range(0, Lines).Select(i => new ItemInput { Product = Code(i * 97 % Products), Quantity = 1 + i % 5 })];
        var placed = await Place();
        Console.WriteLine($"// {Lines} lines: total {placed.Totals?.Total:N2}, {placed.Problems.Count} problems ({file})");
        if (placed.Totals is null || placed.Problems.Count > 0)
            throw new InvalidOperationException(string.Join("; ", placed.Problems.Take(5)));
    }

    [GlobalCleanup]
    public Task Cleanup() => _provider.DisposeAsync().AsTask();

    /// <summary>Create, add every line (priced and checked), save.</summary>
    [Benchmark]
    public async Task<OrderChecked> Place()
    {
        var created = Ok(await _session.Orders.CreateAsync(Header()));
        return Ok(await _session.Orders.AddItemsAsync(created.Id, created.Version, _items));
    }

    private OrderHeader Header() => new()
    {
        Customer = _customer, CustomerCode = "C1", IssueDate = new NodaTime.LocalDate(2026, 12, 7), Seller = Seller, SellerRole = "",
        Establishment = "01", PriceTable = Table, Warehouse = "A1", PaymentCondition = "30D", OriginUf = Uf.SP, DestinationUf = Uf.SP,
        RecipientIe = Crm.Domain.Taxes.IeIndicator.Contributor,
    };

    private static string Code(int i) => $"P{i:000000}";

    private static async Task SeedAsync(CrmEngine engine)
    {
        Ok(await engine.Tenants.ProvisionAsync(Tenant, "Benchmark", Package.Freemium));
        var support = Ok(await engine.Tenants.SupportUserAsync(Tenant));
        var roles = Ok(await engine.Tenants.RolesAsync(Tenant, support));
        Ok(await engine.Tenants.AddUserAsync(Tenant, Seller, "diretor", "Diretor", "diretor@bench.com.br"));
        Ok(await engine.Tenants.AssignRolesAsync(Tenant, support, Seller, [roles.Single(r => r.Name == StandardRoles.Diretor.Name).Id]));
        var session = engine.Session(Tenant, Seller);
        Ok(await session.Accounts.RegisterAsync(Engine.EngineForms.Company(1, Seller)));
        Ok(await session.Catalog.SaveAsync(new CatalogData { Warehouses = [new Warehouse("A1", "Central")] }));
        for (var start = 0; start < Products; start += 10_000)
        {
            var range = Enumerable.Range(start, 10_000).ToList();
            Ok(await session.Catalog.SaveAsync(new CatalogData
            {
                Products = [.. range.Select(i => new Product
                {
                    Code = Code(i), Description = $"Produto {i}", BaseUnit = "UN", Line = "L" + (i % 50).ToString(CultureInfo.InvariantCulture),
                    Fiscal = new FiscalData(i % 2 == 0 ? "8471.30.12" : "2106.90.90"), Units = [new UnitFactor("CX", 12m)],
                })],
                Prices = [.. range.Select(i => new ListPrice(Table, Code(i), 10m + i % 1000 / 10m))],
                Stock = [.. range.Select(i => new StockEntry(Code(i), "A1", 1_000m))],
            }));
        }
    }

    private static T Ok<T>(CrmResult<T> result) =>
        result.TryPickT0(out var value, out _) ? value : throw new InvalidOperationException($"{result.Outcome}: {string.Join("; ", result.Problems)}");

    private sealed class Matrices : ISalesMatrices
    {
        private static readonly SalesMatrices Value = new(new TaxMatrices
        {
            Icms = Build(("icms-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m))),
            Ipi = Build(("ipi", MatrixKey.Any, new IpiRule("53")), ("ipi-8471", new MatrixKey { NcmPrefix = "8471" }, new IpiRule("50", 10m))),
            PisCofins = Build(("pc", MatrixKey.Any, PisCofinsRule.NonCumulative())),
            CbsIbs = Build(("rtc", MatrixKey.Any, CbsIbsRule.Test2026)),
        }, new CommercialMatrices { Approval = Build(("alcada", new MatrixKey { Role = StandardRoles.Diretor.Name }, new ApprovalRule(30m))) });

        public ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken) => ValueTask.FromResult(Value);

        private static Matrix<T> Build<T>(params (string Id, MatrixKey Key, T Payload)[] rules) where T : IMatrixPayload<T> =>
            Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload))).AsT0;
    }
}
