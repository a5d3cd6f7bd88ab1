using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Accounts.Configuration;

/// <summary>
/// A client group, parameterized for one person kind (PF or PJ), whose defaults pre-fill the registration of the
/// leads and accounts placed in it (seed 000: "as informações são padronizadas, agilizando o cadastro").
/// </summary>
/// <param name="Code">Its code (Datasul <c>cod-gr-cli</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">The person kind it is for; estrangeiro accounts may use either.</param>
/// <param name="IntegratedWithErp">Whether the group exists in the ERP (a Datasul integration rule).</param>
/// <param name="Defaults">The values it pre-fills.</param>
public sealed record ClientGroup(MasterDataCode Code, string Name, PersonKind Kind, bool IntegratedWithErp, RegistrationDefaults Defaults)
{
    /// <summary>True when an account of <paramref name="kind"/> may be placed in this group.</summary>
    public bool Accepts(PersonKind kind) => kind == Kind || kind == PersonKind.Estrangeiro;
}

/// <summary>The registration values a client group pre-fills; null leaves the field alone.</summary>
/// <param name="ClientType">Client type.</param>
/// <param name="AccountType">Account type.</param>
/// <param name="Representative">Representative.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="Portador">Portador.</param>
/// <param name="PaymentCondition">Payment condition.</param>
/// <param name="PriceTable">Price table.</param>
/// <param name="Portfolio">Portfolio.</param>
/// <param name="FiscalCategory">Fiscal category.</param>
public sealed record RegistrationDefaults(
    MasterDataCode? ClientType = null,
    MasterDataCode? AccountType = null,
    MasterDataCode? Representative = null,
    MasterDataCode? Carrier = null,
    MasterDataCode? Portador = null,
    MasterDataCode? PaymentCondition = null,
    MasterDataCode? PriceTable = null,
    MasterDataCode? Portfolio = null,
    MasterDataCode? FiscalCategory = null);
