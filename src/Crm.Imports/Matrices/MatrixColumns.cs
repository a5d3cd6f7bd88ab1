using Crm.Domain.Matrices;
using Crm.Domain.Registry;
using Crm.Imports.Writing;

namespace Crm.Imports.Matrices;

/// <summary>
/// The columns every matrix sheet shares: the rule id, one column per dimension (a blank cell is a wildcard: the rule does
/// not bind that dimension), the NCM prefix, the validity and the quantity range. The payload's columns follow (see
/// <see cref="MatrixSheets"/>).
/// </summary>
public static class MatrixColumns
{
    /// <summary>The rule's stable id (required, unique in the sheet), quoted by every result the rule produces.</summary>
    public const string Id = "Regra";

    /// <summary>The longest rule id, in UTF-16 units: what the engine stores (its <c>MatrixRules</c> column, 60).</summary>
    public const int IdLength = 60;
    /// <summary>The NCM prefix, 1 to 8 digits, mask allowed (<c>8471</c>, <c>8471.30</c>).</summary>
    public const string NcmPrefix = "NCM";
    /// <summary>The first day the rule is valid (dd/MM/yyyy, yyyy-MM-dd or an Excel date); blank: since always.</summary>
    public const string ValidFrom = "Vigência inicial";
    /// <summary>The last day the rule is valid, inclusive; blank: until further notice.</summary>
    public const string ValidTo = "Vigência final";
    /// <summary>The smallest quantity covered; blank: no lower bound.</summary>
    public const string MinQuantity = "Quantidade mínima";
    /// <summary>The first quantity no longer covered (exclusive); blank: no upper bound.</summary>
    public const string MaxQuantity = "Quantidade máxima";

    /// <summary>The header of a dimension's column.</summary>
    public static string Header(Dimension dimension) => dimension switch
    {
        Dimension.Customer => "Cliente",
        Dimension.Product => "Produto",
        Dimension.Cest => "CEST",
        Dimension.Ncm => NcmPrefix,
        Dimension.ProductLine => "Linha de produto",
        Dimension.CustomerGroup => "Grupo de cliente",
        Dimension.ClientType => "Tipo de cliente",
        Dimension.ProductOrigin => "Origem do produto",
        Dimension.Unit => "Unidade",
        Dimension.Role => "Papel",
        Dimension.PaymentCondition => "Condição de pagamento",
        Dimension.SalesChannel => "Canal de venda",
        Dimension.Establishment => "Estabelecimento",
        Dimension.DestinationUf => "UF de destino",
        Dimension.OriginUf => "UF de origem",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>Every dimension, in precedence order.</summary>
    internal static readonly Dimension[] Dimensions = Enum.GetValues<Dimension>();

    /// <summary>The 27 UFs, as the UF columns accept them.</summary>
    internal static readonly string[] Ufs = Enum.GetNames<Uf>();

    /// <summary>The product origins 0 to 8 (NF-e field orig).</summary>
    internal static readonly string[] ProductOrigins = [.. Enum.GetValues<ProductOrigin>().Select(o => ((int)o).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The key columns of a matrix accepting <paramref name="accepted"/>, in template order.</summary>
    internal static IEnumerable<SheetColumn> Key(DimensionSet accepted) =>
    [
        new(Id),
        .. Dimensions.Where(accepted.Contains).Select(d => new SheetColumn(Header(d), d switch
        {
            Dimension.DestinationUf or Dimension.OriginUf => Ufs,
            Dimension.ProductOrigin => ProductOrigins,
            _ => [],
        })),
        new(ValidFrom), new(ValidTo), new(MinQuantity), new(MaxQuantity),
    ];

    /// <summary>Every key header a sheet may carry, whatever the matrix accepts (a dimension it does not accept is reported, not ignored).</summary>
    internal static IEnumerable<string> AllKeyHeaders =>
        [Id, .. Dimensions.Select(Header), ValidFrom, ValidTo, MinQuantity, MaxQuantity];
}
