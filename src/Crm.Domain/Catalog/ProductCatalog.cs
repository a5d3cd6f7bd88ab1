using System.Collections.Frozen;
using Crm.Domain.Matrices;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Catalog;

/// <summary>
/// The read model of a company's catalog that order rules consume: products by code, prices per table on a date, stock,
/// programmed stock, lots, quotas and promotions, unit conversion, kit expansion and the promise date. Built once from
/// <see cref="CatalogData"/> (every configuration problem reported, as <see cref="Matrix{TPayload}.Build"/> does) and
/// immutable after that; its lookups are hash indexes.
/// </summary>
public sealed class ProductCatalog
{
    private readonly FrozenDictionary<string, Product> _products;
    private readonly FrozenDictionary<string, Warehouse> _warehouses;
    private readonly FrozenDictionary<string, FrozenDictionary<string, ProductPrices>> _prices; // by table, then product
    private readonly FrozenDictionary<(string Product, string Warehouse), decimal> _stock;
    private readonly FrozenDictionary<(string Product, string Warehouse), ProgrammedStock[]> _programmed;
    private readonly FrozenDictionary<(string Product, string Warehouse, string Lot), Lot> _lots;
    private readonly FrozenDictionary<string, Quota> _quotas;
    private readonly FrozenDictionary<string, Promotion[]> _promotions;

    private ProductCatalog(CatalogData data, Dictionary<(string, string), decimal> stock)
    {
        _products = data.Products.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _warehouses = data.Warehouses.ToFrozenDictionary(w => w.Code, StringComparer.Ordinal);
        _prices = data.Prices.GroupBy(p => p.Table, StringComparer.Ordinal).ToFrozenDictionary(
            table => table.Key,
            table => table.GroupBy(p => p.Product, StringComparer.Ordinal).ToFrozenDictionary(
                prices => prices.Key, prices => new ProductPrices(_products[prices.Key], prices.Select(p => new DatedPrice(p)).ToArray()), StringComparer.Ordinal),
            StringComparer.Ordinal);
        _stock = stock.ToFrozenDictionary();
        _programmed = data.ProgrammedStock.GroupBy(p => (p.Product, p.Warehouse)).ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.Date).ToArray());
        _lots = data.Lots.ToFrozenDictionary(l => (l.Product, l.Warehouse, l.Code));
        _quotas = data.Quotas.ToFrozenDictionary(q => q.Code, StringComparer.Ordinal);
        _promotions = data.Promotions.GroupBy(p => p.Product, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>How many products it holds.</summary>
    public int Count => _products.Count;

    /// <summary>An empty catalog.</summary>
    public static ProductCatalog Empty { get; } = new(new CatalogData(), []);

    /// <summary>Checks and indexes <paramref name="data"/>, or returns every problem found (fields like <c>products[3].fiscal.ncm</c>).</summary>
    public static Outcome<ProductCatalog> Build(CatalogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new ProblemCollector();
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        for (var i = 0; i < data.Products.Count; i++)
        {
            var product = data.Products[i];
            product.Validate(ref problems, $"products[{i}]");
            if (!string.IsNullOrWhiteSpace(product.Code) && !products.TryAdd(product.Code, product))
                problems.Add(Duplicate($"products[{i}].code", product.Code));
        }
        var warehouses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < data.Warehouses.Count; i++)
            if (string.IsNullOrWhiteSpace(data.Warehouses[i].Code))
                problems.Add(new($"warehouses[{i}].code", CatalogCodes.CodeRequired, "Informe o código do armazém."));
            else if (!warehouses.Add(data.Warehouses[i].Code))
                problems.Add(Duplicate($"warehouses[{i}].code", data.Warehouses[i].Code));

        void Known(string field, string product, string? warehouse = null)
        {
            if (!products.ContainsKey(product))
                problems.Add(new(field, CatalogCodes.UnknownReference, $"Produto {product} não cadastrado."));
            if (warehouse is not null && !warehouses.Contains(warehouse))
                problems.Add(new(field, CatalogCodes.UnknownReference, $"Armazém {warehouse} não cadastrado."));
        }

        for (var i = 0; i < data.Products.Count; i++)
        {
            var product = data.Products[i];
            for (var k = 0; k < product.Similar.Count; k++)
                Known($"products[{i}].similar[{k}]", product.Similar[k]);
            for (var k = 0; k < product.Complementary.Count; k++)
                Known($"products[{i}].complementary[{k}]", product.Complementary[k]);
            for (var k = 0; k < product.Components.Count; k++)
                Known($"products[{i}].components[{k}]", product.Components[k].Product);
            if (product.IsKit && InCycle(product.Code, products))
                problems.Add(new($"products[{i}].components", CatalogCodes.KitCycle, $"O kit {product.Code} contém a si mesmo."));
        }
        foreach (var group in data.Prices.Select((p, i) => (Price: p, Index: i)).GroupBy(x => (x.Price.Table, x.Price.Product)))
        {
            var entries = group.ToArray();
            var first = entries[0].Index;
            if (string.IsNullOrWhiteSpace(group.Key.Table))
                problems.Add(new($"prices[{first}].table", CatalogCodes.CodeRequired, "Informe a tabela de preço."));
            Known($"prices[{first}].product", group.Key.Product);
            var scoped = new ProblemCollector();
            Dated.Check(ref scoped, "prices", entries.Select(e => e.Price).ToArray(), p => p.Validity, p => p.Amount);
            // the check numbers within the group: put each problem back on the price's own index
            problems.AddRange(scoped.Items.Select(p => p with { Field = Reindex(p.Field, entries.Select(e => e.Index).ToArray()) }));
        }
        var stock = new Dictionary<(string, string), decimal>();
        for (var i = 0; i < data.Stock.Count; i++)
        {
            var entry = data.Stock[i];
            Known($"stock[{i}]", entry.Product, entry.Warehouse);
            if (entry.Quantity < 0m)
                problems.Add(Negative($"stock[{i}].quantity", entry.Quantity));
            if (!products.TryGetValue(entry.Product, out var product))
                continue;
            if (product.FactorOf(entry.Unit ?? product.BaseUnit) is not { } factor)
                problems.Add(ConversionNotFound($"stock[{i}].unit", entry.Product, entry.Unit!, product.BaseUnit));
            else
                stock[(entry.Product, entry.Warehouse)] = stock.GetValueOrDefault((entry.Product, entry.Warehouse)) + entry.Quantity * factor;
        }
        for (var i = 0; i < data.ProgrammedStock.Count; i++)
        {
            Known($"programmed_stock[{i}]", data.ProgrammedStock[i].Product, data.ProgrammedStock[i].Warehouse);
            if (data.ProgrammedStock[i].Quantity < 0m)
                problems.Add(Negative($"programmed_stock[{i}].quantity", data.ProgrammedStock[i].Quantity));
        }
        var lots = new HashSet<(string, string, string)>();
        for (var i = 0; i < data.Lots.Count; i++)
        {
            var lot = data.Lots[i];
            Known($"lots[{i}]", lot.Product, lot.Warehouse);
            if (string.IsNullOrWhiteSpace(lot.Code))
                problems.Add(new($"lots[{i}].code", CatalogCodes.CodeRequired, "Informe o número do lote."));
            else if (!lots.Add((lot.Product, lot.Warehouse, lot.Code)))
                problems.Add(Duplicate($"lots[{i}].code", lot.Code));
            if (lot.Quantity < 0m)
                problems.Add(Negative($"lots[{i}].quantity", lot.Quantity));
        }
        var quotas = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < data.Quotas.Count; i++)
        {
            var quota = data.Quotas[i];
            Known($"quotas[{i}]", quota.Product);
            if (string.IsNullOrWhiteSpace(quota.Code) || !quotas.Add(quota.Code))
                problems.Add(string.IsNullOrWhiteSpace(quota.Code)
                    ? new($"quotas[{i}].code", CatalogCodes.CodeRequired, "Informe o código da cota.")
                    : Duplicate($"quotas[{i}].code", quota.Code));
            if (quota.Quantity < 0m || quota.Consumed < 0m)
                problems.Add(Negative($"quotas[{i}].quantity", Math.Min(quota.Quantity, quota.Consumed)));
            if (quota.Consumed > quota.Quantity)
                problems.Add(new($"quotas[{i}].consumed", CatalogCodes.QuotaExceeded, $"Consumo {quota.Consumed} acima da cota {quota.Quantity}."));
            if (quota.Validity.IsReversed)
                problems.Add(Reversed($"quotas[{i}].validity", quota.Validity));
        }
        var promotions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < data.Promotions.Count; i++)
        {
            var promotion = data.Promotions[i];
            Known($"promotions[{i}]", promotion.Product);
            if (string.IsNullOrWhiteSpace(promotion.Code) || !promotions.Add(promotion.Code))
                problems.Add(string.IsNullOrWhiteSpace(promotion.Code)
                    ? new($"promotions[{i}].code", CatalogCodes.CodeRequired, "Informe o código da promoção.")
                    : Duplicate($"promotions[{i}].code", promotion.Code));
            if ((promotion.Price is null) == (promotion.DiscountRate is null) || promotion.Price < 0m || promotion.DiscountRate is <= 0m or >= 100m)
                problems.Add(new($"promotions[{i}]", CatalogCodes.PromotionShape, "A promoção dá um preço ou um desconto em (0, 100) %, um dos dois."));
            if (promotion.Validity.IsReversed)
                problems.Add(Reversed($"promotions[{i}].validity", promotion.Validity));
        }
        return problems.HasProblems ? problems.ToInvalid() : new ProductCatalog(data, stock);
    }

    /// <summary>The product of <paramref name="code"/>; null when there is none.</summary>
    public Product? Find(string code) => _products.GetValueOrDefault(code);

    /// <summary>The warehouse of <paramref name="code"/>; null when there is none.</summary>
    public Warehouse? FindWarehouse(string code) => _warehouses.GetValueOrDefault(code);

    /// <summary>The list price of <paramref name="product"/> in <paramref name="table"/> valid on <paramref name="date"/>; null when none is.</summary>
    public ListPrice? PriceOn(string table, string product, LocalDate date) =>
        _prices.TryGetValue(table, out var prices) && prices.TryGetValue(product, out var entries)
            ? entries.On(date.ToDateOnly().DayNumber)?.Price
            : null;

    /// <summary>The promotion on <paramref name="product"/> valid on <paramref name="date"/> (the first listed when several are); null when none is.</summary>
    public Promotion? PromotionOn(string product, LocalDate date)
    {
        if (_promotions.TryGetValue(product, out var entries))
            foreach (var entry in entries)
                if (entry.Validity.Contains(date))
                    return entry;
        return null;
    }

    /// <summary>The stock on hand of <paramref name="product"/> in <paramref name="warehouse"/>, in base units; null when the warehouse does not hold it at all.</summary>
    public decimal? OnHand(string product, string warehouse) =>
        _stock.TryGetValue((product, warehouse), out var quantity) ? quantity : null;

    /// <summary>The stock programmed to arrive in <paramref name="warehouse"/> after <paramref name="after"/> and up to <paramref name="until"/>, in base units.</summary>
    public decimal Programmed(string product, string warehouse, LocalDate after, LocalDate until)
    {
        var total = 0m;
        if (_programmed.TryGetValue((product, warehouse), out var entries))
            foreach (var entry in entries)
                if (entry.Date > after && entry.Date <= until)
                    total += entry.Quantity;
        return total;
    }

    /// <summary>The lot <paramref name="lot"/> of <paramref name="product"/> in <paramref name="warehouse"/>; null when there is none.</summary>
    public Lot? FindLot(string product, string warehouse, string lot) => _lots.GetValueOrDefault((product, warehouse, lot));

    /// <summary>The quota of <paramref name="code"/>; null when there is none.</summary>
    public Quota? FindQuota(string code) => _quotas.GetValueOrDefault(code);

    /// <summary>
    /// <paramref name="quantity"/> of <paramref name="product"/> in <paramref name="unit"/> converted to base units, or the
    /// "conversion factor not found" problem (also for an unknown product).
    /// </summary>
    public Outcome<decimal> ToBaseUnits(string product, decimal quantity, string unit)
    {
        if (Find(product) is { } found && found.FactorOf(unit) is { } factor)
            return quantity * factor;
        return new Invalid(ConversionNotFound("unit", product, unit, Find(product)?.BaseUnit ?? "?"));
    }

    /// <summary>
    /// The plain products a sale of <paramref name="quantity"/> base units of <paramref name="product"/> consists of: itself
    /// when it is not a kit, else its components multiplied through every nested kit, in listing order.
    /// </summary>
    public IReadOnlyList<KitComponent> Expand(string product, decimal quantity)
    {
        var leaves = new List<KitComponent>();
        void Walk(string code, decimal times)
        {
            if (Find(code) is not { IsKit: true } kit)
            {
                leaves.Add(new KitComponent(code, times));
                return;
            }
            foreach (var component in kit.Components)
                Walk(component.Product, times * component.Quantity);
        }
        Walk(product, quantity);
        return leaves;
    }

    /// <summary>
    /// The earliest date <paramref name="quantity"/> base units of <paramref name="product"/> can be delivered from
    /// <paramref name="warehouse"/> for an order placed on <paramref name="orderDate"/> (regra da data de promessa): the order
    /// date when the stock on hand covers it; else the first date programmed stock makes up the difference; else the order
    /// date plus the product's lead time when it has one; null when it cannot be promised.
    /// </summary>
    public LocalDate? Promise(string product, string warehouse, decimal quantity, LocalDate orderDate)
    {
        var available = OnHand(product, warehouse) ?? 0m;
        if (available >= quantity)
            return orderDate;
        if (_programmed.TryGetValue((product, warehouse), out var entries))
            foreach (var entry in entries)
                if (entry.Date > orderDate && (available += entry.Quantity) >= quantity)
                    return entry.Date;
        return Find(product) is { LeadTimeDays: > 0 } made ? orderDate.PlusDays(made.LeadTimeDays) : null;
    }

    /// <summary>
    /// The list price source of the pricing pipeline for <paramref name="table"/>: the line's product's price on the document
    /// date, per unit sold (the base-unit price times the unit's conversion factor; nothing when the unit has none).
    /// </summary>
    public IResolver<decimal> ListPrices(string table) => new PriceResolver(_prices.GetValueOrDefault(table) ?? FrozenDictionary<string, ProductPrices>.Empty);

    /// <summary>The promotion source of the pricing pipeline: the % off the <paramref name="table"/> price a promotion valid on the document date gives.</summary>
    public IResolver<decimal> Promotions(string table) => new PromotionResolver(this, table);

    /// <summary>
    /// One table's prices of a product, with the product, so that pricing a line is one lookup: a line of a large catalog
    /// otherwise waits on a chain of cache misses per lookup (issue 14).
    /// </summary>
    private sealed record ProductPrices(Product Product, DatedPrice[] Prices)
    {
        /// <summary>The first price valid on ISO day number <paramref name="day"/>; null when none is.</summary>
        public DatedPrice? On(int day)
        {
            foreach (var price in Prices)
                if (price.Covers(day))
                    return price;
            return null;
        }
    }

    /// <summary>A list price with its validity as ISO day numbers and its rule id made once, not per priced line.</summary>
    private sealed class DatedPrice(ListPrice price)
    {
        private readonly int _firstDay = price.Validity.From?.ToDateOnly().DayNumber ?? int.MinValue;
        private readonly int _lastDay = price.Validity.To?.ToDateOnly().DayNumber ?? int.MaxValue;

        public ListPrice Price { get; } = price;

        public string RuleId { get; } = price.RuleId;

        public bool Covers(int day) => day >= _firstDay && day <= _lastDay;
    }

    private sealed class PriceResolver(FrozenDictionary<string, ProductPrices> prices) : IResolver<decimal>
    {
        // prices are per base unit: a line sold in another unit (context.Unit) pays the price times its factor
        public Resolution<decimal> Resolve(MatrixContext context) =>
            context.Product is { } product && prices.TryGetValue(product, out var entries) && entries.On(context.Day) is { } price
            && (context.Unit is not { } unit ? 1m : entries.Product.FactorOf(unit)) is { } factor
                ? Resolution<decimal>.Of(price.Price.Amount * factor, price.RuleId)
                : Resolution<decimal>.None;
    }

    private sealed class PromotionResolver(ProductCatalog catalog, string table) : IResolver<decimal>
    {
        public Resolution<decimal> Resolve(MatrixContext context)
        {
            if (context.Product is not { } product || catalog.PromotionOn(product, context.Date) is not { } promotion)
                return Resolution<decimal>.None;
            var list = catalog.PriceOn(table, product, context.Date)?.Amount ?? 0m;
            var rate = decimal.Round(promotion.DiscountOn(list), 10);
            return rate > 0m ? Resolution<decimal>.Of(rate, $"promotion:{promotion.Code}") : Resolution<decimal>.None;
        }
    }

    internal static Problem ConversionNotFound(string field, string product, string unit, string baseUnit) =>
        new(field, CatalogCodes.ConversionNotFound, $"Fator de conversão de {unit} para {baseUnit} não encontrado para o produto {product}.");

    private static bool InCycle(string start, Dictionary<string, Product> products)
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        bool Reaches(string code)
        {
            if (!products.TryGetValue(code, out var product) || !visiting.Add(code))
                return false;
            foreach (var component in product.Components)
                if (string.Equals(component.Product, start, StringComparison.Ordinal) || Reaches(component.Product))
                    return true;
            return false;
        }
        return Reaches(start);
    }

    private static string Reindex(string field, int[] indexes)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var local = int.Parse(field.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture);
        return $"prices[{indexes[local]}]{field[(close + 1)..]}";
    }

    private static Problem Duplicate(string field, string code) => new(field, CatalogCodes.CodeDuplicate, $"Código {code} repetido.");

    private static Problem Negative(string field, decimal value) => new(field, CatalogCodes.Negative, $"Quantidade {value} não pode ser negativa.");

    private static Problem Reversed(string field, Validity validity) => new(field, CatalogCodes.ValidityReversed, $"Vigência {validity} termina antes de começar.");
}
