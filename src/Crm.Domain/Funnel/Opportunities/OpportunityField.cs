namespace Crm.Domain.Funnel.Opportunities;

/// <summary>The opportunity fields a tenant may make mandatory (seed 001, "Campos Obrigatórios").</summary>
public enum OpportunityField
{
    /// <summary>The expected close date.</summary>
    ExpectedClose,

    /// <summary>The monetary value.</summary>
    Value,

    /// <summary>The quantity (only when quantitative goals are on).</summary>
    Quantity,

    /// <summary>The description.</summary>
    Description,

    /// <summary>Where the opportunity came from (campaign, referral, website...).</summary>
    Source,
}
