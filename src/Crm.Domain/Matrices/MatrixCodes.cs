namespace Crm.Domain.Matrices;

/// <summary>The stable problem codes of the matrices: configuration errors found when a matrix is built, and lookup misses.</summary>
public static class MatrixCodes
{
    /// <summary>A rule without an id.</summary>
    public const string IdEmpty = "matrix.rule.id_empty";

    /// <summary>Two rules with the same id.</summary>
    public const string IdDuplicate = "matrix.rule.id_duplicate";

    /// <summary>Two rules with identical keys whose validity and quantity ranges overlap: neither is more specific.</summary>
    public const string Overlap = "matrix.rule.overlap";

    /// <summary>A rule to remove from a matrix (<see cref="Matrix{TPayload}.With"/>) that the matrix does not hold.</summary>
    public const string RuleNotFound = "matrix.rule.not_found";

    /// <summary>A validity that ends before it starts.</summary>
    public const string ValidityReversed = "matrix.rule.validity_reversed";

    /// <summary>A quantity range that is empty or starts below zero.</summary>
    public const string QuantityRange = "matrix.rule.quantity_range";

    /// <summary>An NCM prefix that is not 1 to 8 digits.</summary>
    public const string NcmPrefix = "matrix.rule.ncm_prefix";

    /// <summary>A code dimension bound to an empty or blank code.</summary>
    public const string BlankCode = "matrix.rule.blank_code";

    /// <summary>A rule binding a dimension the matrix does not accept (e.g. a role on the ICMS matrix).</summary>
    public const string DimensionNotAllowed = "matrix.rule.dimension_not_allowed";

    /// <summary>A payload value outside its range (e.g. a negative rate, a base reduction above 100 %).</summary>
    public const string PayloadRange = "matrix.payload.range";

    /// <summary>A payload code that is not in its table (e.g. an unknown CST).</summary>
    public const string PayloadCode = "matrix.payload.code";

    /// <summary>A payload value that is required by the payload's other choices (e.g. a pauta for a pauta-based ST).</summary>
    public const string PayloadMissing = "matrix.payload.missing";

    /// <summary>A payload rate, reduction or MVA with more places than the NF-e carries (4), as <c>tax.rate_precision</c> is for a single item.</summary>
    public const string PayloadPrecision = "matrix.payload.precision";

    /// <summary>The ICMS of a line needs its origin and destination UFs.</summary>
    public const string IcmsUfMissing = "matrix.icms.uf_missing";

    /// <summary>An interstate ICMS rate needs the product's fiscal origin (4 % for imported goods).</summary>
    public const string IcmsProductOriginMissing = "matrix.icms.product_origin_missing";

    /// <summary>An operation inside one UF matched a rule that leaves the rate to the interstate law.</summary>
    public const string IcmsInternalRateMissing = "matrix.icms.internal_rate_missing";

    /// <summary>No rule of the matrix applies to the context.</summary>
    public const string NoRule = "matrix.no_rule";
}
