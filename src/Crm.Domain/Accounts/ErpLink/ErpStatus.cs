using NodaTime;

namespace Crm.Domain.Accounts.ErpLink;

/// <summary>The situation of an account in the back office. Informational only: it never blocks anything in the CRM (seed 000).</summary>
public enum ErpSituation
{
    /// <summary>Not (yet) a valid customer of the ERP/GP; shown yellow.</summary>
    NotIntegrated,

    /// <summary>Integrated and buying (ERP) or with an active term (GP); shown green.</summary>
    Active,

    /// <summary>Integrated but without purchases for more than the ERP's <i>Meses Inativo</i> (ERP), or without an active term (GP); shown red.</summary>
    Inactive,
}

/// <summary>The legend colour of each situation (seed 000: green, red, yellow).</summary>
public enum StatusColour
{
    /// <summary>Active.</summary>
    Green,

    /// <summary>Inactive.</summary>
    Red,

    /// <summary>Not integrated.</summary>
    Yellow,
}

/// <summary>The status shown on an account: <c>Ativo ERP</c>, <c>Inativo ERP</c>, <c>Não integrado ERP</c> or their GP equivalents.</summary>
/// <param name="System">The system the tenant integrates with.</param>
/// <param name="Situation">The account's situation in it.</param>
public readonly record struct ErpStatus(IntegrationSystem System, ErpSituation Situation)
{
    /// <summary>The system the tenant integrates with.</summary>
    public IntegrationSystem System { get; } = System;

    /// <summary>The account's situation in it.</summary>
    public ErpSituation Situation { get; } = Situation;

    /// <summary>The label the seed uses, e.g. <c>Inativo GP</c>.</summary>
    public string Label => $"{Situation switch
    {
        ErpSituation.Active => "Ativo",
        ErpSituation.Inactive => "Inativo",
        _ => "Não integrado",
    }} {(System == IntegrationSystem.Gp ? "GP" : "ERP")}";

    /// <summary>The legend colour.</summary>
    public StatusColour Colour => Situation switch
    {
        ErpSituation.Active => StatusColour.Green,
        ErpSituation.Inactive => StatusColour.Red,
        _ => StatusColour.Yellow,
    };

    /// <summary>
    /// The status of an account, as a pure function of its integration, its last purchase, the ERP's
    /// <i>Meses Inativo</i> (CM0102, <c>emitente.nr-mesina</c>: the most months accepted without a purchase) and today.
    /// An ERP customer is inactive once today is past its last purchase plus <paramref name="monthsInactive"/> months
    /// (or its integration date, when it never bought). A GP account follows its <i>Termo de Adesão</i>.
    /// </summary>
    public static ErpStatus Of(IntegrationSystem system, IntegrationState integration, LocalDate? lastPurchase, int monthsInactive,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(integration);
        ArgumentOutOfRangeException.ThrowIfNegative(monthsInactive);
        var situation = integration.Match(
            _ => ErpSituation.NotIntegrated,
            erp => today > (lastPurchase ?? erp.IntegratedOn).PlusMonths(monthsInactive) ? ErpSituation.Inactive : ErpSituation.Active,
            gp => gp.HasActiveTerm ? ErpSituation.Active : ErpSituation.Inactive);
        return new ErpStatus(system, situation);
    }

    /// <summary>The status of a lead: always not integrated until it is converted (seed 000).</summary>
    public static ErpStatus OfLead(IntegrationSystem system) => new(system, ErpSituation.NotIntegrated);
}
