namespace Crm.Domain.Boards;

/// <summary>How a tenant splits its boards (seed 004: "separadamente por Regiões, ou até mesmo por Tipos de Vendas").</summary>
public enum BoardScopeKind
{
    /// <summary>A board for a region (e.g. a city or neighbourhood the ISP covers).</summary>
    Region,

    /// <summary>A board for a sales type (e.g. corporate links, residential fibre).</summary>
    SalesType,
}

/// <summary>The region or sales type a board is for.</summary>
/// <param name="Kind">Region or sales type.</param>
/// <param name="Name">Which one, e.g. <c>Zona Sul</c> or <c>Empresarial</c>.</param>
public sealed record BoardScope(BoardScopeKind Kind, string Name);
