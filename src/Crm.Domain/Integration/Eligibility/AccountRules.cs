using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Mapping;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// The rules ERPs share, built for one ERP: codes read <c>{erp}.{field}.{rule}</c> (<c>datasul.carrier.not_integrated</c>)
/// and messages name the ERP. Each rule allocates only when it fails. There is no "legal name present" or "short name
/// present" rule: the registration rules give every account both, so such a rule could never fail.
/// </summary>
public sealed class AccountRules
{
    private readonly string _erp;
    private readonly string _erpName;

    /// <summary>Rules for the ERP with code prefix <paramref name="erp"/> and display name <paramref name="erpName"/>.</summary>
    public AccountRules(ErpId erp, string erpName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpName);
        _erp = erp.Value;
        _erpName = erpName;
    }

    /// <summary>The client type is mapped to an account type marked to integrate (seed 000, Tipo de Conta × Tipo de Cliente).</summary>
    public EligibilityRule ClientTypeIntegrates() => new($"{_erp}.client_type.not_integrating", "client_type",
        $"O tipo de cliente deve estar relacionado a um tipo de conta que integra com o ERP {_erpName}.",
        static (a, c) => a.Data.ClientType is { } type && c.Settings.ClientTypes.Integrates(type, a.Data.AccountType),
        (a, _) => a.Data.ClientType is { } type
            ? $"O tipo de cliente {type} não está relacionado a um tipo de conta que integra com o ERP {_erpName}."
            : $"Informe um tipo de cliente que integre com o ERP {_erpName}.");

    /// <summary>The address of <paramref name="kind"/> (for delivery, the default one) is registered.</summary>
    public EligibilityRule AddressPresent(AddressKind kind) => new(
        $"{_erp}.{Path(kind)}.required", Path(kind), $"{Label(kind)} é obrigatório para integração com o ERP {_erpName}.",
        kind switch
        {
            AddressKind.Correspondence => static (a, _) => Has(a.Data.Addresses, AddressKind.Correspondence),
            AddressKind.Billing => static (a, _) => Has(a.Data.Addresses, AddressKind.Billing),
            _ => static (a, _) => Has(a.Data.Addresses, AddressKind.Delivery),
        });

    /// <summary>The code of <paramref name="field"/> is informed.</summary>
    public EligibilityRule Informed(RegistrationField field, Func<Account, MasterDataCode?> code) => new(
        $"{_erp}.{field.Path()}.required", field.Path(), $"{field.Label()} é obrigatório para integração com o ERP {_erpName}.",
        (a, _) => code(a) is not null);

    /// <summary>The code of <paramref name="field"/>, when informed, is a record the ERP knows (and, with
    /// <paramref name="activeOnly"/>, an active one).</summary>
    public EligibilityRule Integrated(RegistrationField field, MasterDataKind kind, Func<Account, MasterDataCode?> code,
        bool activeOnly = false) => new(
        $"{_erp}.{field.Path()}.not_integrated", field.Path(), $"{field.Label()} deve estar integrado com o ERP {_erpName}.",
        (a, c) => code(a) is null || c.MasterData.Find(kind, code(a)) is { } record && (!activeOnly || record.Active),
        (a, c) => c.MasterData.Find(kind, code(a)) is null
            ? $"{field.Label()} {code(a)} não está integrado com o ERP {_erpName}."
            : $"{field.Label()} {code(a)} está inativo no ERP {_erpName}.");

    /// <summary>The client group is informed and integrated (<see cref="ClientGroup.IntegratedWithErp"/>).</summary>
    public EligibilityRule ClientGroupIntegrated() => new($"{_erp}.client_group.not_integrated", "client_group",
        $"O grupo de clientes deve estar integrado com o ERP {_erpName}.",
        static (a, c) => a.Data.ClientGroup is not { } code || c.Settings.ClientGroups.TryGetValue(code, out var group) && group.IntegratedWithErp,
        (a, _) => $"O grupo de clientes {a.Data.ClientGroup} não está integrado com o ERP {_erpName}.");

    /// <summary>The text of <paramref name="field"/> fits the ERP's <paramref name="max"/> characters.</summary>
    public EligibilityRule FitsIn(RegistrationField field, int max, Func<Account, string?> text) => new(
        $"{_erp}.{field.Path()}.too_long", field.Path(), $"{field.Label()} tem no máximo {max} caracteres no ERP {_erpName}.",
        (a, _) => text(a) is not { } value || value.Length <= max,
        (a, _) => $"{field.Label()} tem {text(a)!.Length} caracteres; o ERP {_erpName} aceita no máximo {max}.");

    /// <summary>No other lead or account holds the short name.</summary>
    public EligibilityRule ShortNameUnique() => new($"{_erp}.short_name.duplicate", "short_name",
        $"O nome abreviado deve ser único: é a chave do cliente no ERP {_erpName}.",
        static (a, c) => a.Data.ShortName is not { } name || !c.ShortNames.IsHeldByAnother(name, a.Id),
        static (a, _) => $"O nome abreviado {a.Data.ShortName} já é usado por outro cadastro.");

    /// <summary>An e-mail for general contact is informed (the ERP's customer e-mail; NF-e and billing addresses go elsewhere).</summary>
    public EligibilityRule GeneralEmailPresent() => new($"{_erp}.emails.required", "emails",
        $"O e-mail geral do cliente é obrigatório para integração com o ERP {_erpName}.",
        static (a, _) => a.Data.GeneralEmail() is not null);

    /// <summary>A CPF (física) or CNPJ (jurídica) is informed when the client type requires one; foreigners have neither.</summary>
    public EligibilityRule TaxIdAsClientTypeRequires() => new($"{_erp}.tax_id.required", "tax_id",
        "O CPF/CNPJ é obrigatório para este tipo de cliente.",
        static (a, c) => a.Data.TaxId is not null || a.Data.Kind == PersonKind.Estrangeiro
                         || a.Data.ClientType is { } type && c.Settings.ClientTypes.ClientType(type) is { RequiresTaxId: false },
        static (a, _) => a.Data.Kind == PersonKind.Fisica ? "O CPF é obrigatório para este tipo de cliente." : "O CNPJ é obrigatório para este tipo de cliente.");

    // A loop rather than RegistrationData.AddressOf: no closure, so no allocation on the hot path.
    private static bool Has(IReadOnlyList<Address> addresses, AddressKind kind)
    {
        for (var i = 0; i < addresses.Count; i++)
            if (addresses[i].Kind == kind && (kind != AddressKind.Delivery || addresses[i].IsDefaultDelivery))
                return true;
        return false;
    }

    private static string Path(AddressKind kind) => kind switch
    {
        AddressKind.Correspondence => RegistrationField.CorrespondenceAddress.Path(),
        AddressKind.Billing => RegistrationField.BillingAddress.Path(),
        _ => RegistrationField.DeliveryAddress.Path(),
    };

    private static string Label(AddressKind kind) => kind switch
    {
        AddressKind.Correspondence => RegistrationField.CorrespondenceAddress.Label(),
        AddressKind.Billing => RegistrationField.BillingAddress.Label(),
        _ => RegistrationField.DeliveryAddress.Label(),
    };
}
