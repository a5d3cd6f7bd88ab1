namespace Crm.Domain.Taxes;

/// <summary>
/// One tax of an item as it appears on the NF-e, with where it came from. For specific (per-unit) IPI,
/// <see cref="Base"/> is the quantity and <see cref="Rate"/> the amount per unit.
/// </summary>
/// <param name="Base">The calculation base (vBC…), rounded.</param>
/// <param name="Rate">The rate applied, in % (the effective rate when a rate reduction applies).</param>
/// <param name="Value">The tax value, rounded.</param>
/// <param name="Source">Id of the matrix rule that produced the parameters; empty when the tax does not apply.</param>
/// <param name="Reduction">The base or rate reduction applied, in %.</param>
public readonly record struct TaxLine(decimal Base, decimal Rate, decimal Value, string Source, decimal Reduction = 0m)
{
    /// <summary>The calculation base (vBC…), rounded.</summary>
    public decimal Base { get; } = Base;

    /// <summary>The rate applied, in % (the effective rate when a rate reduction applies).</summary>
    public decimal Rate { get; } = Rate;

    /// <summary>The tax value, rounded.</summary>
    public decimal Value { get; } = Value;

    /// <summary>Id of the matrix rule that produced the parameters; empty when the tax does not apply.</summary>
    public string Source { get; } = Source;

    /// <summary>The base or rate reduction applied, in %.</summary>
    public decimal Reduction { get; } = Reduction;

    /// <summary>A tax that does not apply to the item.</summary>
    public static TaxLine None { get; } = new(0m, 0m, 0m, "");
}
