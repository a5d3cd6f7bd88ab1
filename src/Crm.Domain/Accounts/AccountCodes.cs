namespace Crm.Domain.Accounts;

/// <summary>The stable problem codes of accounts (never change a shipped string: hosts and ERPs match on it).</summary>
public static class AccountCodes
{
    /// <summary><c>account_type.not_mapped</c>: account type not mapped.</summary>
    public const string AccountTypeNotMapped = "account_type.not_mapped";

    /// <summary><c>account_type.unknown</c>: account type unknown.</summary>
    public const string AccountTypeUnknown = "account_type.unknown";

    /// <summary><c>addresses.cep.required</c>: addresses cep required.</summary>
    public const string AddressesCepRequired = "addresses.cep.required";

    /// <summary><c>addresses.cep.uf_mismatch</c>: addresses cep uf mismatch.</summary>
    public const string AddressesCepUfMismatch = "addresses.cep.uf_mismatch";

    /// <summary><c>addresses.city.required</c>: addresses city required.</summary>
    public const string AddressesCityRequired = "addresses.city.required";

    /// <summary><c>addresses.default_delivery.not_delivery</c>: addresses default delivery not delivery.</summary>
    public const string AddressesDefaultDeliveryNotDelivery = "addresses.default_delivery.not_delivery";

    /// <summary><c>addresses.delivery.default</c>: addresses delivery default.</summary>
    public const string AddressesDeliveryDefault = "addresses.delivery.default";

    /// <summary><c>addresses.municipality.uf_mismatch</c>: addresses municipality uf mismatch.</summary>
    public const string AddressesMunicipalityUfMismatch = "addresses.municipality.uf_mismatch";

    /// <summary><c>addresses.street.required</c>: addresses street required.</summary>
    public const string AddressesStreetRequired = "addresses.street.required";

    /// <summary><c>addresses.uf.invalid</c>: addresses uf invalid.</summary>
    public const string AddressesUfInvalid = "addresses.uf.invalid";

    /// <summary><c>addresses.uf.required</c>: addresses uf required.</summary>
    public const string AddressesUfRequired = "addresses.uf.required";

    /// <summary><c>branch.company_required</c>: branch company required.</summary>
    public const string BranchCompanyRequired = "branch.company_required";

    /// <summary><c>client_group.person_kind</c>: client group person kind.</summary>
    public const string ClientGroupPersonKind = "client_group.person_kind";

    /// <summary><c>client_group.unknown</c>: client group unknown.</summary>
    public const string ClientGroupUnknown = "client_group.unknown";

    /// <summary><c>client_type.unknown</c>: client type unknown.</summary>
    public const string ClientTypeUnknown = "client_type.unknown";

    /// <summary><c>conversion.lead.converted</c>: conversion lead converted.</summary>
    public const string ConversionLeadConverted = "conversion.lead.converted";

    /// <summary><c>conversion.service.address_required</c>: conversion service address required.</summary>
    public const string ConversionServiceAddressRequired = "conversion.service.address_required";

    /// <summary><c>conversion.service.plan_required</c>: conversion service plan required.</summary>
    public const string ConversionServicePlanRequired = "conversion.service.plan_required";

    /// <summary><c>custom_fields.key.duplicate</c>: custom fields key duplicate.</summary>
    public const string CustomFieldsKeyDuplicate = "custom_fields.key.duplicate";

    /// <summary><c>custom_fields.key.required</c>: custom fields key required.</summary>
    public const string CustomFieldsKeyRequired = "custom_fields.key.required";

    /// <summary><c>emails.address.required</c>: emails address required.</summary>
    public const string EmailsAddressRequired = "emails.address.required";

    /// <summary><c>erp.code_mismatch</c>: the ERP state read is for another ERP code than the account's.</summary>
    public const string ErpCodeMismatch = "erp.code_mismatch";

    /// <summary><c>erp.not_integrated</c>: the account is not integrated with the ERP, so it has no ERP state to record.</summary>
    public const string ErpNotIntegrated = "erp.not_integrated";

    /// <summary><c>marketing.channel.duplicate</c>: marketing channel duplicate.</summary>
    public const string MarketingChannelDuplicate = "marketing.channel.duplicate";

    /// <summary><c>marketing.source.required</c>: marketing source required.</summary>
    public const string MarketingSourceRequired = "marketing.source.required";

    /// <summary><c>merge.already_merged</c>: merge already merged.</summary>
    public const string MergeAlreadyMerged = "merge.already_merged";

    /// <summary><c>merge.both_integrated</c>: merge both integrated.</summary>
    public const string MergeBothIntegrated = "merge.both_integrated";

    /// <summary><c>merge.same_account</c>: merge same account.</summary>
    public const string MergeSameAccount = "merge.same_account";

    /// <summary><c>merge.tax_id_conflict</c>: merge tax id conflict.</summary>
    public const string MergeTaxIdConflict = "merge.tax_id_conflict";

    /// <summary><c>merge.tenant_mismatch</c>: merge tenant mismatch.</summary>
    public const string MergeTenantMismatch = "merge.tenant_mismatch";

    /// <summary><c>name.required</c>: name required.</summary>
    public const string NameRequired = "name.required";

    /// <summary><c>name.too_long</c>: name too long.</summary>
    public const string NameTooLong = "name.too_long";

    /// <summary><c>phones.extension.invalid</c>: phones extension invalid.</summary>
    public const string PhonesExtensionInvalid = "phones.extension.invalid";

    /// <summary><c>phones.number.required</c>: phones number required.</summary>
    public const string PhonesNumberRequired = "phones.number.required";

    /// <summary><c>phones.type.duplicate</c>: phones type duplicate.</summary>
    public const string PhonesTypeDuplicate = "phones.type.duplicate";

    /// <summary><c>responsible_people.name.required</c>: responsible people name required.</summary>
    public const string ResponsiblePeopleNameRequired = "responsible_people.name.required";

    /// <summary><c>short_name.duplicate</c>: short name duplicate.</summary>
    public const string ShortNameDuplicate = "short_name.duplicate";

    /// <summary><c>short_name.too_long</c>: short name too long.</summary>
    public const string ShortNameTooLong = "short_name.too_long";

    /// <summary><c>state_registration.kind_mismatch</c>: state registration kind mismatch.</summary>
    public const string StateRegistrationKindMismatch = "state_registration.kind_mismatch";

    /// <summary><c>state_registration.uf_required</c>: state registration uf required.</summary>
    public const string StateRegistrationUfRequired = "state_registration.uf_required";

    /// <summary><c>tax_id.foreigner</c>: tax id foreigner.</summary>
    public const string TaxIdForeigner = "tax_id.foreigner";

    /// <summary><c>tax_id.kind_mismatch</c>: tax id kind mismatch.</summary>
    public const string TaxIdKindMismatch = "tax_id.kind_mismatch";
}
