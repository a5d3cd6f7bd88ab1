namespace Crm.Domain.Service.Occurrences;

/// <summary>
/// The occurrence fields a tenant may make mandatory (seed 001, "Configurações gerais do CRM &gt; Ocorrências &gt; Campos
/// Obrigatórios"). Account, channel, reason and description are always required.
/// </summary>
public enum OccurrenceField
{
    /// <summary>The contact person of the account.</summary>
    Contact,

    /// <summary>The product or service the occurrence is about.</summary>
    Product,

    /// <summary>The attendant responsible for it.</summary>
    Attendant,

    /// <summary>The priority (otherwise <see cref="OccurrencePriority.Normal"/>).</summary>
    Priority,
}
