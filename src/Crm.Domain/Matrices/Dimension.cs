namespace Crm.Domain.Matrices;

/// <summary>
/// A key a matrix rule may bind. The declaration order is the <b>precedence</b> used to compare rules that
/// bind the same number of dimensions: the rule binding the earlier dimension wins (a customer-specific
/// rule beats a product-specific one, a product beats its CEST, a CEST beats its NCM, and so on down to the
/// UFs). See <see cref="Matrix{TPayload}"/> for the whole specificity order.
/// </summary>
public enum Dimension
{
    /// <summary>The customer (account code in the ERP).</summary>
    Customer,
    /// <summary>The product (item code in the ERP).</summary>
    Product,
    /// <summary>The CEST of the product (exact match).</summary>
    Cest,
    /// <summary>The NCM of the product, matched by prefix (1 to 8 digits; a longer prefix is more specific).</summary>
    Ncm,
    /// <summary>The product line (família / linha de produto).</summary>
    ProductLine,
    /// <summary>The customer group (grupo de clientes).</summary>
    CustomerGroup,
    /// <summary>The client type (tipo de cliente, e.g. revenda, consumidor final, as coded in the ERP).</summary>
    ClientType,
    /// <summary>The product's fiscal origin (0 to 8, NF-e field orig).</summary>
    ProductOrigin,
    /// <summary>The unit of measure being sold.</summary>
    Unit,
    /// <summary>The role of the user who sells or approves (for the approval matrix).</summary>
    Role,
    /// <summary>The payment condition (condição de pagamento).</summary>
    PaymentCondition,
    /// <summary>The sales origin or channel (origem do pedido).</summary>
    SalesChannel,
    /// <summary>The company establishment that sells (estabelecimento / filial).</summary>
    Establishment,
    /// <summary>The UF the goods go to.</summary>
    DestinationUf,
    /// <summary>The UF the goods leave from.</summary>
    OriginUf,
}

/// <summary>An immutable set of <see cref="Dimension"/>s, e.g. the dimensions a matrix accepts.</summary>
public readonly record struct DimensionSet
{
    /// <summary>How many dimensions exist.</summary>
    public const int Count = (int)Dimension.OriginUf + 1;

    private DimensionSet(int bits) => Bits = bits;

    /// <summary>One bit per dimension: bit <c>1 &lt;&lt; (int)dimension</c>.</summary>
    internal int Bits { get; }

    /// <summary>Every dimension.</summary>
    public static DimensionSet All { get; } = new((1 << Count) - 1);

    /// <summary>No dimension.</summary>
    public static DimensionSet None { get; } = new(0);

    /// <summary>The set of the given dimensions.</summary>
    public static DimensionSet Of(params ReadOnlySpan<Dimension> dimensions) => None.With(dimensions);

    /// <summary>This set plus the given dimensions.</summary>
    public DimensionSet With(params ReadOnlySpan<Dimension> dimensions)
    {
        var bits = Bits;
        foreach (var d in dimensions)
            bits |= Bit(d);
        return new(bits);
    }

    /// <summary>This set minus the given dimensions.</summary>
    public DimensionSet Without(params ReadOnlySpan<Dimension> dimensions) => new(Bits & ~Of(dimensions).Bits);

    /// <summary>True when <paramref name="dimension"/> is in the set.</summary>
    public bool Contains(Dimension dimension) => (Bits & Bit(dimension)) != 0;

    /// <summary>The dimensions in the set, in precedence order.</summary>
    public IEnumerable<Dimension> Members => InOrder.Where(Contains);

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Members);

    /// <summary>Every dimension, in precedence order.</summary>
    internal static readonly Dimension[] InOrder = Enum.GetValues<Dimension>();

    internal static int Bit(Dimension dimension) => 1 << (int)dimension;
}
