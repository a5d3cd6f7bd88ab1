namespace Crm.Domain.Catalog;

/// <summary>A unit a product is sold in and how many base units one of it holds (fator de conversão: a box of 12 → 12).</summary>
/// <param name="Unit">The unit code, e.g. <c>CX</c>.</param>
/// <param name="Factor">Base units in one <paramref name="Unit"/>; above zero.</param>
public sealed record UnitFactor(string Unit, decimal Factor)
{
    /// <summary>The unit code, e.g. <c>CX</c>.</summary>
    public string Unit { get; init; } = Unit;

    /// <summary>Base units in one <see cref="Unit"/>; above zero.</summary>
    public decimal Factor { get; init; } = Factor;
}

/// <summary>One component of a kit and how many of it one kit holds.</summary>
/// <param name="Product">The component's product code (itself possibly a kit).</param>
/// <param name="Quantity">Base units of the component in one kit; above zero.</param>
public sealed record KitComponent(string Product, decimal Quantity)
{
    /// <summary>The component's product code (itself possibly a kit).</summary>
    public string Product { get; init; } = Product;

    /// <summary>Base units of the component in one kit; above zero.</summary>
    public decimal Quantity { get; init; } = Quantity;
}
