using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Texts;

namespace Crm.Domain.Catalog;

/// <summary>
/// A product of the catalog (seed 003, "Produto"): what it is, the units it is sold in, its fiscal data, the quantities it
/// is sold by, its lead time, the discount its own alçada allows, and its relations to other products. Quantities
/// (minimum, multiple, kit components, stock) are in the <see cref="BaseUnit"/>.
/// </summary>
public sealed record Product
{
    /// <summary>The product code, as the ERP knows it.</summary>
    public required string Code { get; init; }

    /// <summary>The description shown to the seller.</summary>
    public required string Description { get; init; }

    /// <summary>The unit stock and prices are kept in (e.g. <c>UN</c>).</summary>
    public required string BaseUnit { get; init; }

    /// <summary>The fiscal data.</summary>
    public required FiscalData Fiscal { get; init; }

    /// <summary>The brand (marca).</summary>
    public string? Brand { get; init; }

    /// <summary>The model (modelo).</summary>
    public string? Model { get; init; }

    /// <summary>The product type (tipo do produto).</summary>
    public string? Type { get; init; }

    /// <summary>The classification (classificação do produto).</summary>
    public string? Classification { get; init; }

    /// <summary>The product line (linha), a matrix dimension.</summary>
    public string? Line { get; init; }

    /// <summary>Active, inactive or blocked.</summary>
    public ProductStatus Status { get; init; }

    /// <summary>Other units it is sold in, with their conversion factors to the base unit.</summary>
    public IReadOnlyList<UnitFactor> Units { get; init; } = [];

    /// <summary>The smallest quantity sold in one line, in base units; null for any.</summary>
    public decimal? MinimumQuantity { get; init; }

    /// <summary>A line's quantity in base units must be a multiple of it; null for any.</summary>
    public decimal? MultipleQuantity { get; init; }

    /// <summary>Days to make or buy it when there is no stock (lead time); 0 when it is only sold from stock.</summary>
    public int LeadTimeDays { get; init; }

    /// <summary>
    /// The product's own alçada: the largest discount, in %, any seller may give on it without approval; null when only the
    /// role's limit counts. The lower of the two applies.
    /// </summary>
    public decimal? MaximumDiscountRate { get; init; }

    /// <summary>Unit costs in base units, each with its validity (for the gross and contribution margins).</summary>
    public IReadOnlyList<ProductCost> Costs { get; init; } = [];

    /// <summary>Products that can replace it (similares).</summary>
    public IReadOnlyList<string> Similar { get; init; } = [];

    /// <summary>Products sold with it (complementares).</summary>
    public IReadOnlyList<string> Complementary { get; init; } = [];

    /// <summary>For a kit, its components; empty for a plain product. A kit is sold as its expanded components.</summary>
    public IReadOnlyList<KitComponent> Components { get; init; } = [];

    /// <summary>True when the product is a kit.</summary>
    public bool IsKit => Components.Count > 0;

    /// <summary>True when it may be sold.</summary>
    public bool IsSellable => Status == ProductStatus.Active;

    /// <summary>The factor of <paramref name="unit"/> to the base unit (1 for the base unit); null when the product has no such unit.</summary>
    public decimal? FactorOf(string unit)
    {
        if (string.Equals(unit, BaseUnit, StringComparison.Ordinal))
            return 1m;
        foreach (var u in Units)
            if (string.Equals(u.Unit, unit, StringComparison.Ordinal))
                return u.Factor;
        return null;
    }

    /// <summary>The unit cost valid on <paramref name="date"/>; null when none is.</summary>
    public decimal? CostOn(NodaTime.LocalDate date)
    {
        foreach (var cost in Costs)
            if (cost.Validity.Contains(date))
                return cost.Amount;
        return null;
    }

    internal void Validate(ref ProblemCollector problems, string field)
    {
        if (string.IsNullOrWhiteSpace(Code))
            problems.Add(new($"{field}.code", CatalogCodes.CodeRequired, "Informe o código do produto."));
        problems.Check(Code, $"{field}.code", TextLimits.ProductCode);
        if (string.IsNullOrWhiteSpace(Description))
            problems.Add(new($"{field}.description", CatalogCodes.DescriptionRequired, "Informe a descrição do produto."));
        problems.Check(Description, $"{field}.description", TextLimits.ProductDescription);
        foreach (var (text, name) in new[] { (Brand, "brand"), (Model, "model"), (Type, "type"), (Classification, "classification"), (Line, "line") })
            problems.Check(text, $"{field}.{name}", TextLimits.MasterDataCode);
        if (!Enum.IsDefined(Status))
            problems.Add(new($"{field}.status", CatalogCodes.StatusUnknown, "Situação do produto desconhecida."));
        if (string.IsNullOrWhiteSpace(BaseUnit))
            problems.Add(new($"{field}.base_unit", CatalogCodes.UnitRequired, "Informe a unidade de medida do produto."));
        problems.Check(BaseUnit, $"{field}.base_unit", TextLimits.QuantityUnit);
        Fiscal.Validate(ref problems, $"{field}.fiscal");
        if (Fiscal.TaxableUnit is { } taxable && FactorOf(taxable) is null)
            problems.Add(new($"{field}.fiscal.taxable_unit", CatalogCodes.ConversionNotFound, $"A unidade tributável {taxable} não é uma unidade do produto."));
        var seen = new HashSet<string>(StringComparer.Ordinal) { BaseUnit };
        for (var i = 0; i < Units.Count; i++)
        {
            var unit = Units[i];
            if (unit.Factor <= 0m || !seen.Add(unit.Unit))
                problems.Add(new($"{field}.units[{i}]", CatalogCodes.UnitFactor,
                    unit.Factor <= 0m ? $"Fator de conversão {unit.Factor} da unidade {unit.Unit} deve ser maior que zero." : $"Unidade {unit.Unit} repetida."));
            problems.Check(unit.Unit, $"{field}.units[{i}].unit", TextLimits.QuantityUnit);
        }
        if (MinimumQuantity <= 0m)
            problems.Add(new($"{field}.minimum_quantity", CatalogCodes.QuantityRule, $"Quantidade mínima {MinimumQuantity} deve ser maior que zero."));
        if (MultipleQuantity <= 0m)
            problems.Add(new($"{field}.multiple_quantity", CatalogCodes.QuantityRule, $"Quantidade múltipla {MultipleQuantity} deve ser maior que zero."));
        if (LeadTimeDays < 0)
            problems.Add(new($"{field}.lead_time_days", CatalogCodes.QuantityRule, $"Lead time de {LeadTimeDays} dias não pode ser negativo."));
        if (MaximumDiscountRate is < 0m or > 100m)
            problems.Add(new($"{field}.maximum_discount_rate", CatalogCodes.QuantityRule, $"Alçada de {MaximumDiscountRate} % fora de [0, 100]."));
        for (var i = 0; i < Components.Count; i++)
            if (Components[i].Quantity <= 0m)
                problems.Add(new($"{field}.components[{i}].quantity", CatalogCodes.KitQuantity, $"Quantidade {Components[i].Quantity} do componente {Components[i].Product} deve ser maior que zero."));
        Dated.Check(ref problems, $"{field}.costs", Costs, c => c.Validity, c => c.Amount);
    }
}

/// <summary>A product's unit cost in base units over a validity (custo).</summary>
/// <param name="Amount">The cost per base unit.</param>
/// <param name="Validity">The dates it applies on.</param>
public sealed record ProductCost(decimal Amount, Validity Validity = default)
{
    /// <summary>The cost per base unit.</summary>
    public decimal Amount { get; init; } = Amount;

    /// <summary>The dates it applies on.</summary>
    public Validity Validity { get; init; } = Validity;
}

/// <summary>The shared checks of dated amounts (prices, costs): not negative, validity not reversed, no two valid on a same date.</summary>
internal static class Dated
{
    public static void Check<T>(ref ProblemCollector problems, string field, IReadOnlyList<T> items, Func<T, Validity> validity, Func<T, decimal> amount)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var v = validity(items[i]);
            if (amount(items[i]) < 0m)
                problems.Add(new($"{field}[{i}].amount", CatalogCodes.Negative, $"Valor {amount(items[i])} não pode ser negativo."));
            if (v.IsReversed)
                problems.Add(new($"{field}[{i}].validity", CatalogCodes.ValidityReversed, $"Vigência {v} termina antes de começar."));
            for (var j = 0; j < i; j++)
                if (validity(items[j]).Overlaps(v))
                    problems.Add(new($"{field}[{i}].validity", CatalogCodes.ValidityOverlap, $"Vigência {v} se sobrepõe à de {field}[{j}] ({validity(items[j])})."));
        }
    }
}
