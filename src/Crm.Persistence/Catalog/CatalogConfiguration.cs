using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Catalog;

// The catalog's tables: one per thing that is queried or changes on its own (prices, stock, lots, quotas, promotions
// change daily, apart from the product), each keyed by the tenant (a shadow column filled from the session) and its
// natural key, so a batch replaces rows by key.

internal sealed class ProductConfiguration(CrmDbContext context) : IEntityTypeConfiguration<ProductRow>
{
    public void Configure(EntityTypeBuilder<ProductRow> builder)
    {
        builder.IsCatalogRows("Products", p => p.Code, context);
        builder.Property(p => p.Code).HasMaxLength(TextLimits.ProductCode);
        builder.Property(p => p.Description).HasMaxLength(TextLimits.ProductDescription);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Line).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(p => p.Ncm).HasMaxLength(10);
        builder.Property(p => p.Document).HasAnnotation(AggregateMapping.JsonDocument, true);
        builder.HasTenantIndex(nameof(ProductRow.Description));
    }
}

internal sealed class WarehouseConfiguration(CrmDbContext context) : IEntityTypeConfiguration<WarehouseRow>
{
    public void Configure(EntityTypeBuilder<WarehouseRow> builder)
    {
        builder.IsCatalogRows("Warehouses", w => w.Code, context);
        builder.Property(w => w.Code).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(w => w.Name).HasMaxLength(TextLimits.ProductDescription);
    }
}

internal sealed class ListPriceConfiguration(CrmDbContext context) : IEntityTypeConfiguration<ListPriceRow>
{
    public void Configure(EntityTypeBuilder<ListPriceRow> builder)
    {
        builder.IsCatalogRows("ListPrices", p => p.Id, context);
        builder.Property(p => p.Table).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(p => p.Product).HasMaxLength(TextLimits.ProductCode);
        builder.HasTenantIndex(nameof(ListPriceRow.Table), nameof(ListPriceRow.Product));
    }
}

internal sealed class StockConfiguration(CrmDbContext context) : IEntityTypeConfiguration<StockRow>
{
    public void Configure(EntityTypeBuilder<StockRow> builder)
    {
        builder.IsCatalogRows("Stock", s => new { s.Product, s.Warehouse, s.Unit }, context);
        builder.Property(s => s.Product).HasMaxLength(TextLimits.ProductCode);
        builder.Property(s => s.Warehouse).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(s => s.Unit).HasMaxLength(TextLimits.QuantityUnit);
    }
}

internal sealed class ProgrammedStockConfiguration(CrmDbContext context) : IEntityTypeConfiguration<ProgrammedStockRow>
{
    public void Configure(EntityTypeBuilder<ProgrammedStockRow> builder)
    {
        builder.IsCatalogRows("ProgrammedStock", s => new { s.Product, s.Warehouse, s.Date }, context);
        builder.Property(s => s.Product).HasMaxLength(TextLimits.ProductCode);
        builder.Property(s => s.Warehouse).HasMaxLength(TextLimits.MasterDataCode);
    }
}

internal sealed class LotConfiguration(CrmDbContext context) : IEntityTypeConfiguration<LotRow>
{
    public void Configure(EntityTypeBuilder<LotRow> builder)
    {
        builder.IsCatalogRows("Lots", l => new { l.Product, l.Warehouse, l.Code }, context);
        builder.Property(l => l.Product).HasMaxLength(TextLimits.ProductCode);
        builder.Property(l => l.Warehouse).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(l => l.Code).HasMaxLength(TextLimits.MasterDataCode);
    }
}

internal sealed class QuotaConfiguration(CrmDbContext context) : IEntityTypeConfiguration<QuotaRow>
{
    public void Configure(EntityTypeBuilder<QuotaRow> builder)
    {
        builder.IsCatalogRows("Quotas", q => q.Code, context);
        builder.Property(q => q.Code).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(q => q.Product).HasMaxLength(TextLimits.ProductCode);
        builder.Property(q => q.Customer).HasMaxLength(TextLimits.MasterDataCode);
        builder.HasTenantIndex(nameof(QuotaRow.Product));
    }
}

internal sealed class PromotionConfiguration(CrmDbContext context) : IEntityTypeConfiguration<PromotionRow>
{
    public void Configure(EntityTypeBuilder<PromotionRow> builder)
    {
        builder.IsCatalogRows("Promotions", p => p.Code, context);
        builder.Property(p => p.Code).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(p => p.Product).HasMaxLength(TextLimits.ProductCode);
        builder.HasTenantIndex(nameof(PromotionRow.Product));
    }
}
