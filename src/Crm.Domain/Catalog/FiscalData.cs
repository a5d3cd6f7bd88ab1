using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;

namespace Crm.Domain.Catalog;

/// <summary>A product's fiscal data (seed 003 "Dados fiscais"), what the tax matrices key on.</summary>
/// <param name="Ncm">The NCM, 8 digits (mask allowed).</param>
/// <param name="Origin">The fiscal origin (NF-e <c>orig</c>, 0–8).</param>
/// <param name="Cest">The CEST, 7 digits, for goods under ICMS substitution; null otherwise.</param>
/// <param name="FiscalCategory">The product's fiscal category code (categoria fiscal).</param>
/// <param name="Species">The product's species code (espécie do produto).</param>
/// <param name="TaxableUnit">The taxable unit (uTrib) when it is not the unit sold, e.g. <c>UN</c> for a product sold in boxes whose IPI pauta is per unit; one of the product's units.</param>
public sealed record FiscalData(
    string Ncm, ProductOrigin Origin = ProductOrigin.National, string? Cest = null, string? FiscalCategory = null, string? Species = null, string? TaxableUnit = null)
{
    /// <summary>The NCM, 8 digits (mask allowed).</summary>
    public string Ncm { get; init; } = Ncm;

    /// <summary>The fiscal origin (NF-e <c>orig</c>, 0–8).</summary>
    public ProductOrigin Origin { get; init; } = Origin;

    /// <summary>The CEST, 7 digits, for goods under ICMS substitution; null otherwise.</summary>
    public string? Cest { get; init; } = Cest;

    /// <summary>The product's fiscal category code (categoria fiscal).</summary>
    public string? FiscalCategory { get; init; } = FiscalCategory;

    /// <summary>The product's species code (espécie do produto).</summary>
    public string? Species { get; init; } = Species;

    /// <summary>The taxable unit (uTrib) when it is not the unit sold; one of the product's units.</summary>
    public string? TaxableUnit { get; init; } = TaxableUnit;

    /// <summary>The parsed CEST; null when absent or malformed.</summary>
    public Cest? ParsedCest => Registry.Cest.TryParse(Cest, out var cest) ? cest : null;

    internal void Validate(ref ProblemCollector problems, string field)
    {
        if (!Registry.Ncm.IsValid(Ncm))
            problems.Add(new($"{field}.ncm", CatalogCodes.Ncm, $"NCM '{Ncm}' inválido: são 8 dígitos (NNNN.NN.NN)."));
        if (Cest is not null && !Registry.Cest.IsValid(Cest))
            problems.Add(new($"{field}.cest", CatalogCodes.Cest, $"CEST '{Cest}' inválido: são 7 dígitos (NN.NNN.NN)."));
        if (!Enum.IsDefined(Origin))
            problems.Add(new($"{field}.origin", CatalogCodes.Origin, $"Origem {(int)Origin} inválida: a NF-e aceita de 0 a 8."));
        problems.Check(FiscalCategory, $"{field}.fiscal_category", TextLimits.MasterDataCode);
        problems.Check(Species, $"{field}.species", TextLimits.MasterDataCode);
    }
}
