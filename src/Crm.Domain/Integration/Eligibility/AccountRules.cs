using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// The rules ERPs share, built for one ERP: codes read <c>{erp}.{field}.{rule}</c> (<c>datasul.carrier.not_integrated</c>)
/// and messages name the ERP. Each rule allocates only when it fails. There is no "legal name present" or "short name
/// present" rule: the registration rules give every account both, so such a rule could never fail. The rules read the
/// account's <see cref="RegistrationData.Facts"/> and the context's packed indexes, so an eligible account costs a few cache
/// lines; the messages of failures read the data itself.
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
        static (a, c) => c.Index.ClientTypeIntegrates(a.Data),
        (a, _) => a.Data.ClientType is { } type
            ? $"O tipo de cliente {type} não está relacionado a um tipo de conta que integra com o ERP {_erpName}."
            : $"Informe um tipo de cliente que integre com o ERP {_erpName}.");

    /// <summary>The address of <paramref name="kind"/> (for delivery, the default one) is registered.</summary>
    public EligibilityRule AddressPresent(AddressKind kind) => new(
        $"{_erp}.{Path(kind)}.required", Path(kind), $"{Label(kind)} é obrigatório para integração com o ERP {_erpName}.",
        kind switch
        {
            AddressKind.Correspondence => static (a, _) => a.Data.Facts.HasCorrespondenceAddress,
            AddressKind.Billing => static (a, _) => a.Data.Facts.HasBillingAddress,
            _ => static (a, _) => a.Data.Facts.HasDefaultDeliveryAddress,
        });

    /// <summary>The code of the master-data <paramref name="field"/> is informed.</summary>
    public EligibilityRule Informed(RegistrationField field)
    {
        MasterDataField(field);
        return new($"{_erp}.{field.Path()}.required", field.Path(), $"{field.Label()} é obrigatório para integração com o ERP {_erpName}.",
            (a, _) => a.Data.Facts.Code(field) != PackedText.Absent);
    }

    /// <summary>The code of the master-data <paramref name="field"/>, when informed, is a record of <paramref name="kind"/> the
    /// ERP knows (and, with <paramref name="activeOnly"/>, an active one).</summary>
    public EligibilityRule Integrated(RegistrationField field, MasterDataKind kind, bool activeOnly = false)
    {
        MasterDataField(field);
        return new($"{_erp}.{field.Path()}.not_integrated", field.Path(), $"{field.Label()} deve estar integrado com o ERP {_erpName}.",
            (a, c) => a.Data.Facts.Code(field) == PackedText.Absent
                      || c.MasterData.Find(kind, a.Data, field) is { } record && (!activeOnly || record.Active),
            (a, c) => c.MasterData.Find(kind, a.Data, field) is null
                ? $"{field.Label()} {IntegratedMasterData.CodeOf(a.Data, field)} não está integrado com o ERP {_erpName}."
                : $"{field.Label()} {IntegratedMasterData.CodeOf(a.Data, field)} está inativo no ERP {_erpName}.");
    }

    /// <summary>The client group is informed and integrated (<see cref="ClientGroup.IntegratedWithErp"/>).</summary>
    public EligibilityRule ClientGroupIntegrated() => new($"{_erp}.client_group.not_integrated", "client_group",
        $"O grupo de clientes deve estar integrado com o ERP {_erpName}.",
        static (a, c) => c.Index.ClientGroupIntegratedOrAbsent(a.Data),
        (a, _) => $"O grupo de clientes {a.Data.ClientGroup} não está integrado com o ERP {_erpName}.");

    /// <summary>
    /// The text of <paramref name="field"/> fits the ERP's <paramref name="max"/> characters. The fields are those whose length the
    /// facts hold: legal name, short name, e-mail (the general one) and the master-data codes.
    /// </summary>
    public EligibilityRule FitsIn(RegistrationField field, int max)
    {
        if (field is not (RegistrationField.LegalName or RegistrationField.ShortName or RegistrationField.Email))
            MasterDataField(field);
        return new($"{_erp}.{field.Path()}.too_long", field.Path(), $"{field.Label()} tem no máximo {max} caracteres no ERP {_erpName}.",
            (a, _) => LengthOf(a.Data, field) <= max,
            (a, _) => $"{field.Label()} tem {LengthOf(a.Data, field)} caracteres; o ERP {_erpName} aceita no máximo {max}.");
    }

    /// <summary>No other lead or account holds the short name.</summary>
    public EligibilityRule ShortNameUnique() => new($"{_erp}.short_name.duplicate", "short_name",
        $"O nome abreviado deve ser único: é a chave do cliente no ERP {_erpName}.",
        static (a, c) => a.Data.ShortName is not { } name || !c.ShortNames.IsHeldByAnother(name, a.Data.Facts.ShortNameKey, a.Id),
        static (a, _) => $"O nome abreviado {a.Data.ShortName} já é usado por outro cadastro.");

    /// <summary>An e-mail for general contact is informed (the ERP's customer e-mail; NF-e and billing addresses go elsewhere).</summary>
    public EligibilityRule GeneralEmailPresent() => new($"{_erp}.emails.required", "emails",
        $"O e-mail geral do cliente é obrigatório para integração com o ERP {_erpName}.",
        static (a, _) => a.Data.Facts.GeneralEmailLength > 0);

    /// <summary>A CPF (física) or CNPJ (jurídica) is informed when the client type requires one; foreigners have neither.</summary>
    public EligibilityRule TaxIdAsClientTypeRequires() => new($"{_erp}.tax_id.required", "tax_id",
        "O CPF/CNPJ é obrigatório para este tipo de cliente.",
        static (a, c) => a.Data.Facts.HasTaxId || a.Data.Facts.Kind == PersonKind.Estrangeiro || c.Index.ClientTypeWaivesTaxId(a.Data),
        static (a, _) => a.Data.Kind == PersonKind.Fisica ? "O CPF é obrigatório para este tipo de cliente." : "O CNPJ é obrigatório para este tipo de cliente.");

    // Refuses, when the rule is built, a field the facts do not hold (rather than at the first account).
    private static void MasterDataField(RegistrationField field)
    {
        if (!RegistrationFacts.HasCode(field))
            throw new ArgumentOutOfRangeException(nameof(field), field, "Not a master-data field.");
    }

    /// <summary>The length of <paramref name="field"/> as the facts hold it; a code that does not pack is measured as text.</summary>
    private static int LengthOf(RegistrationData data, RegistrationField field)
    {
        ref readonly var facts = ref data.Facts;
        return field switch
        {
            RegistrationField.LegalName => facts.LegalNameLength,
            RegistrationField.ShortName => facts.ShortNameLength,
            RegistrationField.Email => facts.GeneralEmailLength,
            _ => facts.Code(field) is var code && code == PackedText.Unpackable
                ? IntegratedMasterData.CodeOf(data, field)!.Value.Value.Length
                : PackedText.Length(code),
        };
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
