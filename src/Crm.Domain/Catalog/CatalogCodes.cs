namespace Crm.Domain.Catalog;

/// <summary>Stable problem codes of the product catalog: configuration errors found when it is built, and conversion misses.</summary>
public static class CatalogCodes
{
    /// <summary>A product, warehouse, price table or lot without a code.</summary>
    public const string CodeRequired = "catalog.code.required";

    /// <summary>Two products (or warehouses, lots, quotas, promotions) with the same code.</summary>
    public const string CodeDuplicate = "catalog.code.duplicate";

    /// <summary>A product without a description.</summary>
    public const string DescriptionRequired = "catalog.product.description.required";

    /// <summary>A status that is not one of <see cref="ProductStatus"/>.</summary>
    public const string StatusUnknown = "catalog.product.status.unknown";

    /// <summary>A product without its base unit of measure.</summary>
    public const string UnitRequired = "catalog.product.unit.required";

    /// <summary>A conversion factor of zero or below, or a unit listed twice.</summary>
    public const string UnitFactor = "catalog.product.unit.factor";

    /// <summary>No conversion factor between the unit asked and the product's base unit (fator de conversão não encontrado).</summary>
    public const string ConversionNotFound = "catalog.unit.conversion_not_found";

    /// <summary>A minimum or multiple quantity of zero or below, a negative lead time or a discount limit outside [0, 100].</summary>
    public const string QuantityRule = "catalog.product.quantity_rule";

    /// <summary>The NCM is not 8 digits.</summary>
    public const string Ncm = "catalog.product.ncm";

    /// <summary>The CEST is not 7 digits.</summary>
    public const string Cest = "catalog.product.cest";

    /// <summary>The fiscal origin is not one of the NF-e's 0–8.</summary>
    public const string Origin = "catalog.product.origin";

    /// <summary>A reference (similar, complementary, kit component, price, stock, lot, quota, promotion) to a product or warehouse that does not exist.</summary>
    public const string UnknownReference = "catalog.reference.unknown";

    /// <summary>A kit that contains itself, directly or through another kit.</summary>
    public const string KitCycle = "catalog.kit.cycle";

    /// <summary>A kit component with a quantity of zero or below.</summary>
    public const string KitQuantity = "catalog.kit.quantity";

    /// <summary>A price, cost, stock, lot or quota amount below zero.</summary>
    public const string Negative = "catalog.amount.negative";

    /// <summary>A validity that ends before it starts.</summary>
    public const string ValidityReversed = "catalog.validity.reversed";

    /// <summary>Two prices (or costs) of the same product and table valid on a same date: the price of that date would be ambiguous.</summary>
    public const string ValidityOverlap = "catalog.validity.overlap";

    /// <summary>A promotion that gives neither a price nor a discount, or both, or a discount outside (0, 100).</summary>
    public const string PromotionShape = "catalog.promotion.shape";

    /// <summary>A quota whose consumption exceeds its quantity.</summary>
    public const string QuotaExceeded = "catalog.quota.exceeded";
}
