using Crm.Domain.Accounts.ErpLink;
using NodaTime;

namespace Crm.Domain.Integration;

/// <summary>What an ERP payload says of the customer: its code (none before the ERP accepted it) and its situation.</summary>
/// <param name="ErpCode">The customer's key in the ERP.</param>
/// <param name="Situation">Active, inactive, or not integrated when the payload has no code.</param>
/// <param name="LastPurchase">Its last purchase, when the ERP reports it (Datasul <c>dt-ult-venda</c>).</param>
public sealed record ErpCustomerState(string? ErpCode, ErpSituation Situation, LocalDate? LastPurchase = null)
{
    /// <summary>The state of a payload without an ERP code.</summary>
    public static ErpCustomerState NotIntegrated { get; } = new(null, ErpSituation.NotIntegrated);

    /// <summary>
    /// The account's <see cref="IntegrationState"/> this state implies, taking <paramref name="integratedOn"/> as the day the
    /// ERP accepted it.
    /// </summary>
    public IntegrationState ToIntegrationState(LocalDate integratedOn) =>
        ErpCode is { } code ? new IntegratedWithErp(code, integratedOn) : IntegrationState.None;
}
