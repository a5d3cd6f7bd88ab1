using Crm.Domain.Registry;

namespace Crm.Domain.Matrices;

/// <summary>
/// The values of the dimensions shared by a rule's key (<see cref="MatrixKey"/>) and a lookup
/// (<see cref="MatrixContext"/>). Codes are the ERP's codes, compared ordinally (case and spaces matter).
/// A null value means "not bound" in a key and "not known" in a context.
/// </summary>
public abstract record MatrixCoordinates
{
    /// <summary>The selling establishment (<see cref="Dimension.Establishment"/>).</summary>
    public string? Establishment { get; init; }

    /// <summary>The customer (<see cref="Dimension.Customer"/>).</summary>
    public string? Customer { get; init; }

    /// <summary>The customer group (<see cref="Dimension.CustomerGroup"/>).</summary>
    public string? CustomerGroup { get; init; }

    /// <summary>The client type (<see cref="Dimension.ClientType"/>).</summary>
    public string? ClientType { get; init; }

    /// <summary>The UF the goods leave from (<see cref="Dimension.OriginUf"/>).</summary>
    public Uf? OriginUf { get; init; }

    /// <summary>The UF the goods go to (<see cref="Dimension.DestinationUf"/>).</summary>
    public Uf? DestinationUf { get; init; }

    /// <summary>The product (<see cref="Dimension.Product"/>).</summary>
    public string? Product { get; init; }

    /// <summary>The product line (<see cref="Dimension.ProductLine"/>).</summary>
    public string? ProductLine { get; init; }

    /// <summary>The product's fiscal origin (<see cref="Dimension.ProductOrigin"/>).</summary>
    public ProductOrigin? ProductOrigin { get; init; }

    /// <summary>The product's CEST (<see cref="Dimension.Cest"/>).</summary>
    public Cest? Cest { get; init; }

    /// <summary>The unit of measure (<see cref="Dimension.Unit"/>).</summary>
    public string? Unit { get; init; }

    /// <summary>The payment condition (<see cref="Dimension.PaymentCondition"/>).</summary>
    public string? PaymentCondition { get; init; }

    /// <summary>The sales origin or channel (<see cref="Dimension.SalesChannel"/>).</summary>
    public string? SalesChannel { get; init; }

    /// <summary>The user's role (<see cref="Dimension.Role"/>).</summary>
    public string? Role { get; init; }

    /// <summary>
    /// The value of <paramref name="dimension"/> as the matrix index compares it: the ERP code or the CEST digits, or the
    /// UF or origin ordinal; null when absent, and for the NCM (a key binds a prefix, a context knows the NCM).
    /// </summary>
    internal KeyValue? ValueOf(Dimension dimension) => dimension switch
    {
        Dimension.Establishment => Code(Establishment),
        Dimension.Customer => Code(Customer),
        Dimension.CustomerGroup => Code(CustomerGroup),
        Dimension.ClientType => Code(ClientType),
        Dimension.Product => Code(Product),
        Dimension.ProductLine => Code(ProductLine),
        Dimension.Unit => Code(Unit),
        Dimension.PaymentCondition => Code(PaymentCondition),
        Dimension.SalesChannel => Code(SalesChannel),
        Dimension.Role => Code(Role),
        Dimension.OriginUf => Number((int?)OriginUf),
        Dimension.DestinationUf => Number((int?)DestinationUf),
        Dimension.ProductOrigin => Number((int?)ProductOrigin),
        Dimension.Cest => Code(Cest?.Value),
        _ => null,
    };

    private static KeyValue? Code(string? code) => code is null ? null : new KeyValue(code, 0);

    private static KeyValue? Number(int? number) => number is { } n ? new KeyValue(null, n) : null;
}

/// <summary>
/// The key of a matrix rule: the dimensions it binds (every other one is a wildcard), the NCM prefix, and
/// the validity and quantity ranges it covers.
/// </summary>
public sealed record MatrixKey : MatrixCoordinates
{
    /// <summary>A key that binds nothing: the matrix's default rule.</summary>
    public static MatrixKey Any { get; } = new();

    /// <summary>An NCM prefix of 1 to 8 digits, mask allowed (<c>8471</c>, <c>8471.30</c>); it matches every NCM that starts with it.</summary>
    public string? NcmPrefix { get; init; }

    /// <summary>The dates the rule is valid on; <see cref="Validity.Always"/> by default.</summary>
    public Validity Validity { get; init; }

    /// <summary>The quantities the rule covers; <see cref="QuantityRange.Any"/> by default.</summary>
    public QuantityRange Quantity { get; init; }
}

/// <summary>What a lookup knows about the line being priced or taxed.</summary>
public sealed record MatrixContext : MatrixCoordinates
{
    /// <summary>The document date; a rule matches only when its <see cref="MatrixKey.Validity"/> contains it.</summary>
    public required NodaTime.LocalDate Date { get; init; }

    /// <summary>The product's NCM.</summary>
    public Ncm? Ncm { get; init; }

    /// <summary>The quantity of the line; rules with a bounded <see cref="MatrixKey.Quantity"/> need it.</summary>
    public decimal? Quantity { get; init; }
}
