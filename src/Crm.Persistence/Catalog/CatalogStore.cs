using Crm.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Catalog;

/// <summary>
/// Reads and writes the catalog by pieces: what an order needs of it (its products, their kits' components, their prices
/// in one table, stock, lots, quotas and promotions), and a batch replacing rows by key. Never the whole catalog at once: a
/// company's catalog holds 10⁵ products and an order names a few hundred.
/// </summary>
public static class CatalogStore
{
    /// <summary>
    /// The catalog data <paramref name="products"/> need, with every kit component (through nested kits) and, for
    /// <paramref name="table"/> (null: every table), their prices; <paramref name="withRelations"/> false leaves out the
    /// similar/complementary lists, whose products are not loaded.
    /// </summary>
    public static async Task<CatalogData> LoadAsync(this CrmDbContext db, IEnumerable<string> products, string? table,
        bool withRelations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loaded = await ProductsWithComponentsAsync(db, products, cancellationToken).ConfigureAwait(false);
        var codes = loaded.Select(p => p.Code).ToList();
        var prices = db.ListPrices.AsNoTracking().Where(p => EF.Parameter(codes).Contains(p.Product));
        if (table is not null)
            prices = prices.Where(p => p.Table == table);
        return new CatalogData
        {
            Products = withRelations ? loaded : [.. loaded.Select(p => p with { Similar = [], Complementary = [] })],
            Warehouses = [.. (await db.Warehouses.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).Select(w => w.ToWarehouse())],
            Prices = [.. (await prices.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.ToPrice())],
            Stock = [.. (await db.Stock.AsNoTracking().Where(s => EF.Parameter(codes).Contains(s.Product)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.ToEntry())],
            ProgrammedStock = [.. (await db.ProgrammedStock.AsNoTracking().Where(s => EF.Parameter(codes).Contains(s.Product)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.ToEntry())],
            Lots = [.. (await db.Lots.AsNoTracking().Where(l => EF.Parameter(codes).Contains(l.Product)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(l => l.ToLot())],
            Quotas = [.. (await db.Quotas.AsNoTracking().Where(q => EF.Parameter(codes).Contains(q.Product)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(q => q.ToQuota())],
            Promotions = [.. (await db.Promotions.AsNoTracking().Where(p => EF.Parameter(codes).Contains(p.Product)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.ToPromotion())],
        };
    }

    /// <summary>
    /// The stored products <paramref name="codes"/> name, with their kits' components through nested kits (similar and
    /// complementary lists cleared: their products are not loaded).
    /// </summary>
    public static async Task<List<Product>> ProductsWithComponentsAsync(this CrmDbContext db, IEnumerable<string> codes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new Dictionary<string, Product>(StringComparer.Ordinal);
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        while (wanted.Count > 0)
        {
            var rows = await db.Products.AsNoTracking().Where(p => EF.Parameter(wanted).Contains(p.Code)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var product in rows.Select(r => r.ToProduct()))
                found[product.Code] = product with { Similar = [], Complementary = [] };
            wanted = [.. rows.SelectMany(r => found[r.Code].Components).Select(c => c.Product).Distinct(StringComparer.Ordinal).Where(c => !found.ContainsKey(c))];
        }
        return [.. found.Values];
    }

    /// <summary>
    /// Stages <paramref name="batch"/>: rows with the same key are deleted now (run it inside the unit of work's
    /// transaction), the batch's rows added for the next save. Each product, warehouse, lot, quota and promotion replaces
    /// the one of its code; the prices of a (table, product), the stock and the programmed stock of a (product, warehouse)
    /// are replaced by the batch's whole set for that pair. The stock rows record <paramref name="importedAt"/> as when
    /// they were counted (<see cref="StockRow.ImportedAt"/>; null when unknown).
    /// </summary>
    public static async Task StageAsync(this CrmDbContext db, CatalogData batch, Instant? importedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var products = Codes(batch.Products.Select(p => p.Code));
        if (products.Count > 0)
            await db.Products.Where(p => EF.Parameter(products).Contains(p.Code)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var warehouses = Codes(batch.Warehouses.Select(w => w.Code));
        if (warehouses.Count > 0)
            await db.Warehouses.Where(w => EF.Parameter(warehouses).Contains(w.Code)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in batch.Prices.GroupBy(p => p.Table))
        {
            var priced = Codes(table.Select(p => p.Product));
            await db.ListPrices.Where(p => p.Table == table.Key && EF.Parameter(priced).Contains(p.Product)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var warehouse in batch.Stock.GroupBy(s => s.Warehouse))
        {
            var stocked = Codes(warehouse.Select(s => s.Product));
            await db.Stock.Where(s => s.Warehouse == warehouse.Key && EF.Parameter(stocked).Contains(s.Product)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var warehouse in batch.ProgrammedStock.GroupBy(s => s.Warehouse))
        {
            var programmed = Codes(warehouse.Select(s => s.Product));
            await db.ProgrammedStock.Where(s => s.Warehouse == warehouse.Key && EF.Parameter(programmed).Contains(s.Product))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var lots in batch.Lots.GroupBy(l => (l.Product, l.Warehouse)))
        {
            var numbers = lots.Select(l => l.Code).ToList();
            await db.Lots.Where(l => l.Product == lots.Key.Product && l.Warehouse == lots.Key.Warehouse && numbers.Contains(l.Code))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        // What released orders consumed is the engine's record, not the batch's: a saved quota keeps it.
        var consumed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var quotas = Codes(batch.Quotas.Select(q => q.Code));
        if (quotas.Count > 0)
        {
            foreach (var quota in await db.Quotas.AsNoTracking().Where(q => EF.Parameter(quotas).Contains(q.Code)).Select(q => new { q.Code, q.Consumed })
                         .ToListAsync(cancellationToken).ConfigureAwait(false))
                consumed[quota.Code] = quota.Consumed;
            await db.Quotas.Where(q => EF.Parameter(quotas).Contains(q.Code)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        var promotions = Codes(batch.Promotions.Select(p => p.Code));
        if (promotions.Count > 0)
            await db.Promotions.Where(p => EF.Parameter(promotions).Contains(p.Code)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        db.Products.AddRange(batch.Products.Select(ProductRow.From));
        db.Warehouses.AddRange(batch.Warehouses.Select(w => new WarehouseRow { Code = w.Code, Name = w.Name }));
        db.ListPrices.AddRange(batch.Prices.Select(ListPriceRow.From));
        // Counts of the same product, warehouse and unit add up, as ProductCatalog.Build adds them.
        db.Stock.AddRange(batch.Stock.GroupBy(s => (s.Product, s.Warehouse, Unit: s.Unit ?? ""))
            .Select(g => StockRow.From(g.First() with { Quantity = g.Sum(s => s.Quantity) }, importedAt)));
        db.ProgrammedStock.AddRange(batch.ProgrammedStock.GroupBy(s => (s.Product, s.Warehouse, s.Date))
            .Select(g => ProgrammedStockRow.From(g.First() with { Quantity = g.Sum(s => s.Quantity) })));
        db.Lots.AddRange(batch.Lots.Select(LotRow.From));
        db.Quotas.AddRange(batch.Quotas.Select(QuotaRow.From).Select(row =>
        {
            row.Consumed = consumed.GetValueOrDefault(row.Code, row.Consumed);
            return row;
        }));
        db.Promotions.AddRange(batch.Promotions.Select(PromotionRow.From));
    }

    // The codes go as one parameter (EF.Parameter: SQLite's json_each(@codes), PostgreSQL's = ANY(@codes)), not one
    // parameter per code as EF writes a Contains by default: one statement per table whatever the batch's size (SQLite
    // takes at most 32,766 parameters), and one cached plan.
    private static List<string> Codes(IEnumerable<string> codes) => [.. codes.Distinct(StringComparer.Ordinal)];
}
