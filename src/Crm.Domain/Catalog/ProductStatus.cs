namespace Crm.Domain.Catalog;

/// <summary>Whether a product may be sold (seed 003, "Bloqueado ou inativo").</summary>
public enum ProductStatus
{
    /// <summary>On sale.</summary>
    Active,

    /// <summary>Out of the line: kept for history, no longer sold.</summary>
    Inactive,

    /// <summary>Temporarily barred from sale (quality, fiscal or commercial hold).</summary>
    Blocked,
}
