using System.Globalization;
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
    public string? Establishment { get; init { field = value; Changed(Dimension.Establishment); } }

    /// <summary>The customer (<see cref="Dimension.Customer"/>).</summary>
    public string? Customer { get; init { field = value; Changed(Dimension.Customer); } }

    /// <summary>The customer group (<see cref="Dimension.CustomerGroup"/>).</summary>
    public string? CustomerGroup { get; init { field = value; Changed(Dimension.CustomerGroup); } }

    /// <summary>The client type (<see cref="Dimension.ClientType"/>).</summary>
    public string? ClientType { get; init { field = value; Changed(Dimension.ClientType); } }

    /// <summary>The UF the goods leave from (<see cref="Dimension.OriginUf"/>).</summary>
    public Uf? OriginUf { get; init { field = value; Changed(Dimension.OriginUf); } }

    /// <summary>The UF the goods go to (<see cref="Dimension.DestinationUf"/>).</summary>
    public Uf? DestinationUf { get; init { field = value; Changed(Dimension.DestinationUf); } }

    /// <summary>The product (<see cref="Dimension.Product"/>).</summary>
    public string? Product { get; init { field = value; Changed(Dimension.Product); } }

    /// <summary>The product line (<see cref="Dimension.ProductLine"/>).</summary>
    public string? ProductLine { get; init { field = value; Changed(Dimension.ProductLine); } }

    /// <summary>The product's fiscal origin (<see cref="Dimension.ProductOrigin"/>).</summary>
    public ProductOrigin? ProductOrigin { get; init { field = value; Changed(Dimension.ProductOrigin); } }

    /// <summary>The product's CEST (<see cref="Dimension.Cest"/>).</summary>
    public Cest? Cest { get; init { field = value; Changed(Dimension.Cest); } }

    /// <summary>The unit of measure (<see cref="Dimension.Unit"/>).</summary>
    public string? Unit { get; init { field = value; Changed(Dimension.Unit); } }

    /// <summary>The payment condition (<see cref="Dimension.PaymentCondition"/>).</summary>
    public string? PaymentCondition { get; init { field = value; Changed(Dimension.PaymentCondition); } }

    /// <summary>The sales origin or channel (<see cref="Dimension.SalesChannel"/>).</summary>
    public string? SalesChannel { get; init { field = value; Changed(Dimension.SalesChannel); } }

    /// <summary>The user's role (<see cref="Dimension.Role"/>).</summary>
    public string? Role { get; init { field = value; Changed(Dimension.Role); } }

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

    /// <summary>Called when the value of <paramref name="dimension"/> is set: a context rehashes it.</summary>
    private protected virtual void Changed(Dimension dimension)
    {
    }

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

/// <summary>
/// What a lookup knows about the line being priced or taxed. It keeps the index key of its values (a hash per
/// dimension) up to date as they are set, so every matrix a line is looked up in reuses the hashes, and a line made
/// <c>with</c> an order's header hashes only the values it changes.
/// </summary>
public sealed record MatrixContext : MatrixCoordinates
{
    private IndexKey _key;
    private int _day;

    /// <summary>The document date; a rule matches only when its <see cref="MatrixKey.Validity"/> contains it.</summary>
    public required NodaTime.LocalDate Date { get; init { field = value; _day = value.ToDateOnly().DayNumber; } }

    /// <summary>The product's NCM.</summary>
    public Ncm? Ncm
    {
        get;
        init
        {
            field = value;
            _key.SetNcm(value is { Value: { } digits } ? int.Parse(digits, CultureInfo.InvariantCulture) : -1);
        }
    }

    /// <summary>The quantity of the line; rules with a bounded <see cref="MatrixKey.Quantity"/> need it.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>The index key of the context's values.</summary>
    internal ref readonly IndexKey Key => ref _key;

    /// <summary><see cref="Date"/> as an ISO day number.</summary>
    internal int Day => _day;

    private protected override void Changed(Dimension dimension) => _key.Set(dimension, ValueOf(dimension));
}
