using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// What eligibility rules read besides the account: the tenant's settings (client type × account type mapping, client
/// groups and whether each is integrated), the master data the ERP knows, who holds each short name, and which system
/// (ERP or <i>Gestão de Planos</i>) the account would be sent to.
/// </summary>
/// <param name="Settings">The tenant's registration settings.</param>
/// <param name="MasterData">Representatives, carriers, portadores, payment conditions and price tables the ERP knows.</param>
/// <param name="ShortNames">Who holds each short name among the tenant's leads and accounts.</param>
/// <param name="System">The destination: the ERP, or GP.</param>
public sealed record EligibilityContext(
    AccountSettings Settings,
    IntegratedMasterData MasterData,
    IShortNameDirectory ShortNames,
    IntegrationSystem System = IntegrationSystem.Erp);
