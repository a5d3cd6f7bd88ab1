using Crm.Domain.Access;
using Crm.Domain.Catalog;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using Crm.Persistence.Catalog;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Catalog;

/// <summary>
/// The product catalog (module <see cref="Module.Pricing"/>): products, warehouses, list prices, stock, programmed stock,
/// lots, quotas and promotions, saved in batches as the ERP or an import sends them — all or nothing, every problem of the
/// batch listed — and read by code or by page. The catalog is the company's, not a user's: no record visibility applies.
/// </summary>
public sealed class CatalogModule
{
    private readonly CrmSession _session;

    internal CatalogModule(CrmSession session) => _session = session;

    /// <summary>
    /// Saves <paramref name="batch"/> (permissions Include and Edit): each product, warehouse, lot, quota and promotion replaces the
    /// stored one of its code; the prices of each (table, product) it names, and the stock and programmed stock of each
    /// (product, warehouse), replace the stored ones. The batch is checked together with the stored products it refers to
    /// (<see cref="ProductCatalog.Build"/>): any problem and nothing is written.
    /// </summary>
    public Task<CrmResult<CatalogSaved>> SaveAsync(CatalogData batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _session.RunAsync("catalog.save", Module.Pricing, Permission.Include | Permission.Edit, async work =>
        {
            if (await CheckAsync(work, batch).ConfigureAwait(false) is { } invalid)
                return invalid;
            var db = work.Db;
            // A quota's Consumed is kept across the save (read, then written back): the releases that move it wait.
            await using var transaction = await Orders.SaleLocks.BeginAsync(work).ConfigureAwait(false);
            await Orders.SaleLocks.ProductsAsync(work, batch.Quotas.Select(q => q.Product)).ConfigureAwait(false);
            await db.StageAsync(batch, work.Clock.GetCurrentInstant(), work.Cancellation).ConfigureAwait(false);
            var saved = await work.SaveAsync(new CatalogSaved(batch.Products.Count, batch.Prices.Count, batch.Stock.Count + batch.ProgrammedStock.Count))
                .ConfigureAwait(false);
            if (saved.Succeeded)
                await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    /// <summary>Product <paramref name="code"/> with its prices in every table, stock, lots, quotas and promotions (permission View).</summary>
    public Task<CrmResult<CatalogData>> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _session.RunAsync("catalog.get", Module.Pricing, Permission.View, async work =>
        {
            var row = await work.Db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, work.Cancellation).ConfigureAwait(false);
            if (row is null)
                return new NotFound("product", Guid.Empty) { Key = code };
            var data = await work.Db.LoadAsync([code], null, withRelations: true, work.Cancellation).ConfigureAwait(false);
            // The product itself with its similar and complementary lists; its kit's components come along.
            return CrmResult<CatalogData>.Of(data with { Products = [row.ToProduct(), .. data.Products.Where(p => p.Code != code)] });
        }, cancellationToken);
    }

    /// <summary>A page of products by code (permission View); at most <see cref="Paging.MaxPageSize"/>.</summary>
    public Task<CrmResult<IReadOnlyList<ProductListRow>>> ListAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync("catalog.list", Module.Pricing, Permission.View, async work =>
            Paging.Check(skip, take) is { } invalid ? invalid
                : CrmResult<IReadOnlyList<ProductListRow>>.Of(await work.Db.Products.AsNoTracking().OrderBy(p => p.Code).Skip(skip).Take(take)
                    .Select(p => new ProductListRow(p.Code, p.Description, p.Status, p.Line, p.Ncm)).ToListAsync(work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// Every problem of <paramref name="batch"/>, checked with the stored products it refers to that it does not carry
    /// (their own stored references are not re-checked); null when it may be saved.
    /// </summary>
    private static async Task<Invalid?> CheckAsync(UnitOfWork work, CatalogData batch)
    {
        var inBatch = batch.Products.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var referenced = batch.Products.SelectMany(p => p.Similar.Concat(p.Complementary).Concat(p.Components.Select(c => c.Product)))
            .Concat(batch.Prices.Select(p => p.Product)).Concat(batch.Stock.Select(s => s.Product))
            .Concat(batch.ProgrammedStock.Select(s => s.Product)).Concat(batch.Lots.Select(l => l.Product))
            .Concat(batch.Quotas.Select(q => q.Product)).Concat(batch.Promotions.Select(p => p.Product))
            .Where(code => !inBatch.Contains(code));
        var stored = await work.Db.ProductsWithComponentsAsync(referenced, work.Cancellation).ConfigureAwait(false);
        var warehouses = batch.Warehouses.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        var storedWarehouses = await work.Db.Warehouses.AsNoTracking().Where(w => !warehouses.Contains(w.Code)).ToListAsync(work.Cancellation).ConfigureAwait(false);
        var built = ProductCatalog.Build(batch with
        {
            Products = [.. batch.Products, .. stored.Where(p => !inBatch.Contains(p.Code))],
            Warehouses = [.. batch.Warehouses, .. storedWarehouses.Select(w => w.ToWarehouse())],
        });
        var problems = new List<Problem>();
        if (!built.TryPickT0(out _, out var invalid))
            problems.AddRange(invalid.Problems.Where(p => !IsStoredProduct(p.Field, batch.Products.Count)));
        CheckCodes(batch, problems);
        return problems.Count > 0 ? new Invalid(problems) : null;
    }

    // The stored products come after the batch's: their problems (already accepted when they were saved) are not the batch's.
    private static bool IsStoredProduct(string field, int batchProducts) =>
        field.StartsWith("products[", StringComparison.Ordinal)
        && int.TryParse(field.AsSpan(9, field.IndexOf(']', StringComparison.Ordinal) - 9), System.Globalization.CultureInfo.InvariantCulture, out var index)
        && index >= batchProducts;

    // The domain's text rule is internal to it: here only the length, in code points as TextLimits counts.
    private static void Measure(List<Problem> problems, string? text, string field, int limit)
    {
        if (text is not null && text.EnumerateRunes().Count() > limit)
            problems.Add(new Problem(field, TextCodes.TooLong, $"No máximo {limit} caracteres."));
    }

    // The codes the catalog's build does not measure, against their columns.
    private static void CheckCodes(CatalogData batch, List<Problem> problems)
    {
        for (var i = 0; i < batch.Warehouses.Count; i++)
        {
            Measure(problems, batch.Warehouses[i].Code, $"warehouses[{i}].code", TextLimits.MasterDataCode);
            Measure(problems, batch.Warehouses[i].Name, $"warehouses[{i}].name", TextLimits.ProductDescription);
        }
        for (var i = 0; i < batch.Prices.Count; i++)
            Measure(problems, batch.Prices[i].Table, $"prices[{i}].table", TextLimits.MasterDataCode);
        for (var i = 0; i < batch.Lots.Count; i++)
            Measure(problems, batch.Lots[i].Code, $"lots[{i}].code", TextLimits.MasterDataCode);
        for (var i = 0; i < batch.Quotas.Count; i++)
        {
            Measure(problems, batch.Quotas[i].Code, $"quotas[{i}].code", TextLimits.MasterDataCode);
            Measure(problems, batch.Quotas[i].Customer, $"quotas[{i}].customer", TextLimits.MasterDataCode);
        }
        for (var i = 0; i < batch.Promotions.Count; i++)
            Measure(problems, batch.Promotions[i].Code, $"promotions[{i}].code", TextLimits.MasterDataCode);
        for (var i = 0; i < batch.Stock.Count; i++)
            Measure(problems, batch.Stock[i].Warehouse, $"stock[{i}].warehouse", TextLimits.MasterDataCode);
    }
}

/// <summary>A catalog batch was saved.</summary>
/// <param name="Products">Products written.</param>
/// <param name="Prices">List prices written.</param>
/// <param name="StockEntries">Stock and programmed stock entries written.</param>
public sealed record CatalogSaved(int Products, int Prices, int StockEntries);

/// <summary>A product as a list shows it.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Description">Its description.</param>
/// <param name="Status">Active, inactive or blocked.</param>
/// <param name="Line">Its line.</param>
/// <param name="Ncm">Its NCM.</param>
public sealed record ProductListRow(string Code, string Description, ProductStatus Status, string? Line, string Ncm);
