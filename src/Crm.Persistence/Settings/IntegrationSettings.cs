using Crm.Domain.Accounts.ErpLink;

namespace Crm.Persistence.Settings;

/// <summary>
/// Where the tenant's account changes go (seed 000, parameters <c>INTEGR_ERP_EMS</c> / <c>INTEGR_GP</c>): to the ERP of the
/// tenant's <c>DefaultIntegration</c>, or to <i>Gestão de Planos</i>, which takes only accounts that came from it and have
/// no active term (<see cref="IntegrationState.SendsChangesToGp"/>).
/// </summary>
/// <param name="System">The ERP or GP.</param>
public sealed record IntegrationSettings(IntegrationSystem System)
{
    /// <summary>To the ERP.</summary>
    public static IntegrationSettings Default { get; } = new(IntegrationSystem.Erp);
}
