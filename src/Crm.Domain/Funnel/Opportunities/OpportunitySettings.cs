namespace Crm.Domain.Funnel.Opportunities;

/// <summary>
/// A tenant's opportunity settings (seed 001, "Configurações gerais do CRM &gt; Oportunidades").
/// </summary>
/// <param name="MandatoryFields">Fields that must be filled on every save.</param>
/// <param name="QuantitativeGoals">Whether quantities are kept besides money ("Metas Quantitativas").</param>
/// <param name="ForeignCurrency">Whether values may be in a currency other than <paramref name="BaseCurrency"/>.</param>
/// <param name="BaseCurrency">The tenant's own currency (ISO 4217).</param>
public sealed record OpportunitySettings(
    IReadOnlySet<OpportunityField> MandatoryFields,
    bool QuantitativeGoals = false,
    bool ForeignCurrency = false,
    string BaseCurrency = "BRL")
{
    /// <summary>Nothing mandatory beyond title, account and owner; BRL only; no quantities.</summary>
    public static OpportunitySettings Default { get; } = new(new HashSet<OpportunityField>());
}
