namespace Crm.Domain.Catalog;

/// <summary>Everything a company's catalog holds, as storage or an import gives it; <see cref="ProductCatalog.Build"/> checks and indexes it.</summary>
public sealed record CatalogData
{
    /// <summary>The products.</summary>
    public IReadOnlyList<Product> Products { get; init; } = [];

    /// <summary>The warehouses.</summary>
    public IReadOnlyList<Warehouse> Warehouses { get; init; } = [];

    /// <summary>The list prices of every price table.</summary>
    public IReadOnlyList<ListPrice> Prices { get; init; } = [];

    /// <summary>Stock on hand per product, warehouse and unit.</summary>
    public IReadOnlyList<StockEntry> Stock { get; init; } = [];

    /// <summary>Stock expected on future dates.</summary>
    public IReadOnlyList<ProgrammedStock> ProgrammedStock { get; init; } = [];

    /// <summary>The lots.</summary>
    public IReadOnlyList<Lot> Lots { get; init; } = [];

    /// <summary>The sales quotas.</summary>
    public IReadOnlyList<Quota> Quotas { get; init; } = [];

    /// <summary>The promotions.</summary>
    public IReadOnlyList<Promotion> Promotions { get; init; } = [];
}
