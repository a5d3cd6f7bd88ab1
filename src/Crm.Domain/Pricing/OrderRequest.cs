using Crm.Domain.Matrices;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>One line of an order to price.</summary>
public sealed record LineRequest
{
    /// <summary>The product code.</summary>
    public required string Product { get; init; }

    /// <summary>The product's NCM as registered (mask allowed); checked, since the tax matrices key on it.</summary>
    public required string Ncm { get; init; }

    /// <summary>The quantity; above zero.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The discount the seller asks for, in % of the price after the matrices; checked against the role's limit.</summary>
    public decimal SellerDiscount { get; init; }

    /// <summary>
    /// A unit price the seller typed (novo preço): it replaces the list, table and promotion prices as the invoice unit price;
    /// the discount matrices, the payment condition, the seller's discount and the minimum value still apply. Null to price from the tables.
    /// </summary>
    public decimal? NewPrice { get; init; }

    /// <summary>
    /// Taxable units (uTrib) in one unit sold (qTrib / qCom) when they differ, e.g. 12 for a box of 12 whose IPI pauta is per
    /// unit; null when the unit sold is the taxable unit.
    /// </summary>
    public decimal? TaxableUnitsPerUnit { get; init; }

    /// <summary>The product line.</summary>
    public string? ProductLine { get; init; }

    /// <summary>The product's CEST.</summary>
    public Cest? Cest { get; init; }

    /// <summary>The product's fiscal origin.</summary>
    public ProductOrigin? Origin { get; init; }

    /// <summary>The unit of measure sold.</summary>
    public string? Unit { get; init; }
}

/// <summary>An order to price: who sells to whom (the matrix context shared by every line), the lines, and the document-level amounts to apportion.</summary>
public sealed record OrderRequest
{
    /// <summary>
    /// The header's matrix context: document date, establishment, customer, group, client type, origin and destination UF,
    /// payment condition, channel and the seller's role. Product dimensions come from each line.
    /// </summary>
    public required MatrixContext Header { get; init; }

    /// <summary>indIEDest of the customer.</summary>
    public required IeIndicator RecipientIe { get; init; }

    /// <summary>indFinal: the customer buys for its own use, consumption or fixed assets.</summary>
    public bool FinalConsumer { get; init; }

    /// <summary>The lines, in order.</summary>
    public required IReadOnlyList<LineRequest> Lines { get; init; }

    /// <summary>Freight charged on the document, apportioned to the lines by value; null to take it from the freight matrix.</summary>
    public decimal? Freight { get; init; }

    /// <summary>Insurance charged on the document, apportioned to the lines by value.</summary>
    public decimal Insurance { get; init; }

    /// <summary>Other expenses charged on the document, apportioned to the lines by value.</summary>
    public decimal OtherExpenses { get; init; }

    /// <summary>An unconditional discount on the whole document, apportioned to the lines by value.</summary>
    public decimal Discount { get; init; }
}
