using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Tests.Catalog;
using Crm.Domain.Tests.Pricing;
using NodaTime;

namespace Crm.Domain.Tests.Orders;

/// <summary>
/// Orders of customer C1 sold from SP to SP on <see cref="CatalogFixture.Date"/> by <see cref="Seller"/> (role seller, alçada 5 %;
/// managers 15 %) from table T1 of <see cref="CatalogFixture"/>'s catalog, taxed by <see cref="PricingFixture"/>'s matrices.
/// </summary>
internal static class OrderFixture
{
    public static readonly UserId Seller = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"));
    public static readonly UserId Manager = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"));
    public static readonly AccountId Customer = new(Guid.Parse("00000000-0000-0000-0000-0000000000c1"));
    public static readonly TenantId Tenant = new(Guid.Parse("00000000-0000-0000-0000-0000000000f1"));
    public static readonly Instant At = Instant.FromUtc(2026, 3, 10, 12, 0);

    public static OrderHeader Header(Uf destination = Uf.SP) => new()
    {
        Customer = Customer,
        CustomerCode = "C1",
        IssueDate = CatalogFixture.Date,
        Seller = Seller,
        SellerRole = "seller",
        Establishment = "01",
        PriceTable = "T1",
        Warehouse = "A1",
        PaymentCondition = "30D",
        OriginUf = Uf.SP,
        DestinationUf = destination,
        RecipientIe = Domain.Taxes.IeIndicator.Contributor,
    };

    public static SaleContext Context(ProductCatalog? catalog = null, MarginRange? margins = null, PricingSources? pricing = null)
    {
        catalog ??= CatalogFixture.Built();
        return new SaleContext
        {
            Catalog = catalog,
            Pricing = pricing ?? Sources(catalog),
            Today = CatalogFixture.Date,
            Margins = margins,
        };
    }

    public static PricingSources Sources(ProductCatalog catalog) => PricingFixture.Sources() with
    {
        ListPrice = catalog.ListPrices("T1"),
        CustomerPrice = null,
        Promotion = catalog.Promotions("T1"),
    };

    public static SalesOrder Order(params ItemInput[] items) => Order(Header(), items);

    public static SalesOrder Order(OrderHeader header, params ItemInput[] items)
    {
        var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), Tenant, header, Seller, At).AsT0;
        if (items.Length > 0)
        {
            var added = order.AddItems(items, CatalogFixture.Built(), Seller, At);
            Assert.True(added.IsValid, string.Join("\n", added.Problems));
        }
        return order;
    }

    public static ItemInput Item(string product, decimal quantity, string? unit = null) => new() { Product = product, Quantity = quantity, Unit = unit };

    /// <summary>A recalculated order, asserting the recalculation priced it.</summary>
    public static SalesOrder Priced(SalesOrder order, SaleContext? context = null)
    {
        var check = order.Recalculate(context ?? Context(), Seller, At).AsT0;
        Assert.True(check.Pricing is not null, string.Join("\n", check.Problems));
        return order;
    }

    /// <summary>(field, code) of every problem.</summary>
    public static HashSet<(string Field, string Code)> Codes(IEnumerable<Domain.Problems.Problem> problems) => problems.Select(p => (p.Field, p.Code)).ToHashSet();

    /// <summary>A unit × product matrix as a source (its payload is a class, which the fixture's resolver does not take).</summary>
    public static IResolver<UnitConversionRule> UnitMatrix(params (string Id, MatrixKey Key, UnitConversionRule Rule)[] rules)
    {
        var matrix = Matrix<UnitConversionRule>.Build(rules.Select(r => new MatrixRule<UnitConversionRule>(r.Id, r.Key, r.Rule))).AsT0;
        return new UnitResolver(matrix);
    }

    private sealed class UnitResolver(Matrix<UnitConversionRule> matrix) : IResolver<UnitConversionRule>
    {
        public Resolution<UnitConversionRule> Resolve(MatrixContext context) =>
            matrix.TryFind(context, out var rule, out var id) ? Resolution<UnitConversionRule>.Of(rule, id) : Resolution<UnitConversionRule>.None;
    }
}
