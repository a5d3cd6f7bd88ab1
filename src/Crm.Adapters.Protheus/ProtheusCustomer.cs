using System.Text.Json.Serialization;

namespace Crm.Adapters.Protheus;

/// <summary>
/// A customer in TOTVS' <c>customerVendor</c> message, the part of <c>CustomerVendor_2_008.json</c>
/// (<c>customerVendorInfo</c>) that Protheus maps to SA1 (ERP.md §2.1, §4). The CRM writes the registration fields; the ERP
/// owns <see cref="Code"/> (A1_COD), <see cref="InternalId"/> and <see cref="CreditInformation"/>.
/// </summary>
public sealed record ProtheusCustomer
{
    /// <summary>The company group (<i>grupo de empresas</i>).</summary>
    [JsonPropertyName("companyId")] public string? CompanyId { get; init; }
    /// <summary><c>A1_FILIAL</c>.</summary>
    [JsonPropertyName("branchId")] public string? BranchId { get; init; }
    /// <summary><c>A1_COD</c> (6): absent until Protheus numbers the customer.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }
    /// <summary><c>A1_LOJA</c> (2).</summary>
    [JsonPropertyName("storeId")] public string? StoreId { get; init; }
    /// <summary><c>EMPRESA|A1_FILIAL|A1_COD|A1_LOJA|C</c>.</summary>
    [JsonPropertyName("internalId")] public string? InternalId { get; init; }
    /// <summary><c>A1_NREDUZ</c> (20, required).</summary>
    [JsonPropertyName("shortName")] public string? ShortName { get; init; }
    /// <summary><c>A1_NOME</c> (40, required).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>1 Customer, 2 Vendor, 3 Both; the CRM sends customers.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "1";
    /// <summary><c>A1_PESSOA</c> as the message codes it: 1 física (F), 2 jurídica (J).</summary>
    [JsonPropertyName("entityType")] public string? EntityType { get; init; }
    /// <summary><c>A1_MSBLQL</c> as the message codes it: 1 Ativo (A1_MSBLQL 2), 2 Inativo (A1_MSBLQL 1).</summary>
    [JsonPropertyName("registerSituation")] public string? RegisterSituation { get; init; }
    /// <summary><c>A1_TIPO</c>: F Cons. Final, L Produtor Rural, R Revendedor, S Solidário, X Exportação.</summary>
    [JsonPropertyName("strategicCustomerType")] public string? StrategicCustomerType { get; init; }
    /// <summary><c>A1_CGC</c>, <c>A1_INSCR</c>, <c>A1_INSCRM</c>.</summary>
    [JsonPropertyName("governmentalInformation")] public IReadOnlyList<ProtheusGovernmentalInformation>? GovernmentalInformation { get; init; }
    /// <summary>The main address (<c>A1_END</c>...).</summary>
    [JsonPropertyName("address")] public ProtheusAddress? Address { get; init; }
    /// <summary>The delivery address (<c>A1_ENDENT</c>...).</summary>
    [JsonPropertyName("shippingAddress")] public ProtheusAddress? ShippingAddress { get; init; }
    /// <summary>The billing address (<c>A1_ENDCOB</c>...).</summary>
    [JsonPropertyName("billingInformation")] public ProtheusBillingInformation? BillingInformation { get; init; }
    /// <summary>Phone, fax, e-mail and site (<c>A1_DDI</c>, <c>A1_DDD</c>, <c>A1_TEL</c>, <c>A1_FAX</c>, <c>A1_EMAIL</c>).</summary>
    [JsonPropertyName("listOfCommunicationInformation")] public IReadOnlyList<ProtheusCommunicationInformation>? Communication { get; init; }
    /// <summary><c>A1_VEND</c>.</summary>
    [JsonPropertyName("vendorInformation")] public ProtheusVendorInformation? VendorInformation { get; init; }
    /// <summary><c>A1_COND</c> (3).</summary>
    [JsonPropertyName("paymentConditionCode")] public string? PaymentConditionCode { get; init; }
    /// <summary><c>A1_TABELA</c> (3).</summary>
    [JsonPropertyName("priceListHeaderItemCode")] public string? PriceListHeaderItemCode { get; init; }
    /// <summary><c>A1_TRANSP</c>, a number in the message.</summary>
    [JsonPropertyName("carrierCode")] public int? CarrierCode { get; init; }
    /// <summary><c>A1_LC</c>, <c>A1_MOEDALC</c>, <c>A1_VENCLC</c> (ERP-owned).</summary>
    [JsonPropertyName("creditInformation")] public ProtheusCreditInformation? CreditInformation { get; init; }
}

/// <summary>A document (<c>GovernmentalInformation_1_000</c>): CNPJ/CPF (Federal), IE (State), IM (Municipal).</summary>
public sealed record ProtheusGovernmentalInformation
{
    /// <summary>The number.</summary>
    [JsonPropertyName("Id")] public IReadOnlyList<string> Id { get; init; } = [];
    /// <summary>Federal, State or Municipal.</summary>
    [JsonPropertyName("scope")] public string Scope { get; init; } = "";
    /// <summary>CNPJ, CPF, INSCRICAO ESTADUAL, INSCRICAO MUNICIPAL.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";
}

/// <summary>An address (<c>Address_2_000</c>).</summary>
public sealed record ProtheusAddress
{
    /// <summary>The street line, <c>street, number</c>.</summary>
    [JsonPropertyName("address")] public string? Address { get; init; }
    /// <summary>Complement (<c>A1_COMPLEM</c>, 50).</summary>
    [JsonPropertyName("complement")] public string? Complement { get; init; }
    /// <summary>The city.</summary>
    [JsonPropertyName("city")] public ProtheusCity? City { get; init; }
    /// <summary>District.</summary>
    [JsonPropertyName("district")] public string? District { get; init; }
    /// <summary>The state.</summary>
    [JsonPropertyName("state")] public ProtheusState? State { get; init; }
    /// <summary>CEP, 8 digits.</summary>
    [JsonPropertyName("zipCode")] public string? ZipCode { get; init; }
}

/// <summary>A city: <c>A1_COD_MUN</c> (the IBGE code without the state's two digits) and <c>A1_MUN</c>.</summary>
public sealed record ProtheusCity
{
    /// <summary><c>A1_COD_MUN</c> (5).</summary>
    [JsonPropertyName("cityCode")] public string? CityCode { get; init; }
    /// <summary><c>A1_MUN</c> (60).</summary>
    [JsonPropertyName("cityDescription")] public string? CityDescription { get; init; }
}

/// <summary>A state: <c>A1_EST</c>.</summary>
public sealed record ProtheusState
{
    /// <summary>The UF.</summary>
    [JsonPropertyName("stateId")] public string? StateId { get; init; }
}

/// <summary>The billing part of the message.</summary>
public sealed record ProtheusBillingInformation
{
    /// <summary>The billing address (<c>A1_ENDCOB</c>...).</summary>
    [JsonPropertyName("address")] public ProtheusAddress? Address { get; init; }
}

/// <summary>Communication (<c>CommunicationInformation_1_002</c>), type 1 Comercial.</summary>
public sealed record ProtheusCommunicationInformation
{
    /// <summary>1 Comercial.</summary>
    [JsonPropertyName("Type")] public string Type { get; init; } = "1";
    /// <summary><c>A1_TEL</c> (15).</summary>
    [JsonPropertyName("PhoneNumber")] public string? PhoneNumber { get; init; }
    /// <summary><c>A1_FAX</c> (15).</summary>
    [JsonPropertyName("FaxNumber")] public string? FaxNumber { get; init; }
    /// <summary>Site.</summary>
    [JsonPropertyName("HomePage")] public string? HomePage { get; init; }
    /// <summary><c>A1_EMAIL</c> (30 in release 27).</summary>
    [JsonPropertyName("Email")] public string? Email { get; init; }
    /// <summary><c>A1_DDD</c> (3).</summary>
    [JsonPropertyName("DiallingCode")] public string? DiallingCode { get; init; }
    /// <summary><c>A1_DDI</c> (6).</summary>
    [JsonPropertyName("InternationalDiallingCode")] public string? InternationalDiallingCode { get; init; }
}

/// <summary>The customer's seller (<c>A1_VEND</c>).</summary>
public sealed record ProtheusVendorInformation
{
    /// <summary><c>A1_VEND</c> (6).</summary>
    [JsonPropertyName("vendorTypeCode")] public string VendorTypeCode { get; init; } = "";
    /// <summary>Its InternalId.</summary>
    [JsonPropertyName("vendorTypeInternalId")] public string VendorTypeInternalId { get; init; } = "";
}

/// <summary>Credit data (ERP-owned): <c>A1_LC</c>, <c>A1_MOEDALC</c>, <c>A1_VENCLC</c>.</summary>
public sealed record ProtheusCreditInformation
{
    /// <summary><c>A1_LC</c> (N 14,2).</summary>
    [JsonPropertyName("creditLimit")] public decimal? CreditLimit { get; init; }
    /// <summary><c>A1_MOEDALC</c> (N 2).</summary>
    [JsonPropertyName("creditLimitCurrency")] public int? CreditLimitCurrency { get; init; }
    /// <summary><c>A1_VENCLC</c>, ISO date.</summary>
    [JsonPropertyName("creditLimitDate")] public string? CreditLimitDate { get; init; }
}
