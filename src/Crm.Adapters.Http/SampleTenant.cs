using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Http;

/// <summary>
/// The sample tenant configuration the built-in adapters ship for the rules that read one (seed 000: client type × account
/// type, client groups integrated or not; the master data the ERP knows): start a trial tenant from it, or give it to the
/// conformance kit (<c>AdapterConformanceTests.SampleTenant</c>). Client type <c>REV</c> (Revenda) maps to the integrating
/// account type <c>CLI</c>, <c>CFX</c> (Consumidor sem documento, no CPF/CNPJ) to the non-integrating <c>PRO</c>; client groups
/// <c>10</c> (jurídica) and <c>30</c> (física) are integrated; the ERP knows representative <c>7</c>, carrier <c>3</c>,
/// portador <c>1</c>, receivable payment condition <c>15</c> and price table <c>TB1</c>.
/// </summary>
public static class SampleTenant
{
    /// <summary>The registration settings.</summary>
    public static AccountSettings Settings { get; } = new(
        clientTypes: new ClientTypeMapping(
            [new ClientType(MasterDataCode.Of("REV"), "Revenda"), new ClientType(MasterDataCode.Of("CFX"), "Consumidor sem documento", RequiresTaxId: false)],
            [new AccountType(MasterDataCode.Of("CLI"), "Cliente", IntegratesWithErp: true), new AccountType(MasterDataCode.Of("PRO"), "Prospect", IntegratesWithErp: false)],
            [(MasterDataCode.Of("REV"), MasterDataCode.Of("CLI")), (MasterDataCode.Of("CFX"), MasterDataCode.Of("PRO"))]),
        clientGroups:
        [
            new ClientGroup(MasterDataCode.Of("10"), "Revendas", PersonKind.Juridica, IntegratedWithErp: true, new RegistrationDefaults()),
            new ClientGroup(MasterDataCode.Of("30"), "Consumidores", PersonKind.Fisica, IntegratedWithErp: true, new RegistrationDefaults()),
        ]);

    /// <summary>The master data the ERP knows.</summary>
    public static IntegratedMasterData MasterData { get; } = new(
    [
        new(MasterDataKind.Representative, MasterDataCode.Of("7"), "Representante Sul"),
        new(MasterDataKind.Carrier, MasterDataCode.Of("3"), "Transportadora Rápida"),
        new(MasterDataKind.Portador, MasterDataCode.Of("1"), "Banco"),
        new(MasterDataKind.PaymentCondition, MasterDataCode.Of("15"), "30 dias"),
        new(MasterDataKind.PriceTable, MasterDataCode.Of("TB1"), "Tabela 2026"),
    ]);

    /// <summary>The eligibility context of the sample tenant, with <paramref name="shortNames"/> (none held by default).</summary>
    public static EligibilityContext Context(IShortNameDirectory? shortNames = null) => new(Settings, MasterData, shortNames ?? new ShortNameDirectory());
}
