using System.Text.Json.Serialization;

namespace Crm.Adapters.Mega;

/// <summary>
/// A Mega customer: an <i>agente</i> of type Cliente in the Global cadastro (Mega help, "Operações - Portal de Clientes"),
/// sent through the Senior X platform. No public Mega REST contract exists (ERP.md §3); the field names follow Senior's own
/// CRM account entity (GitHub <c>dev-senior-com-br/crm-http-camel-api</c>, <c>entities/**</c>): <c>idErp</c>, <c>name</c>,
/// <c>fantasyName</c>, <c>cnpj</c>, <c>cpf</c>, <c>stateRegistration</c>, <c>generalEmail</c>, <c>active</c>, phones,
/// addresses and the per-company definition (representative, payment term, price table, carrier).
/// </summary>
public sealed record MegaAgent
{
    /// <summary>The agent's code in Mega: absent until Mega accepted it.</summary>
    [JsonPropertyName("idErp")] public string? IdErp { get; init; }
    /// <summary>Agent type; the CRM sends and receives <c>Cliente</c>.</summary>
    [JsonPropertyName("agentType")] public string AgentType { get; init; } = MegaAgentTypes.Customer;
    /// <summary>Legal name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>Short name (the CRM's <i>nome abreviado</i>, the agent's <i>apelido</i>).</summary>
    [JsonPropertyName("shortName")] public string? ShortName { get; init; }
    /// <summary>Trade name.</summary>
    [JsonPropertyName("fantasyName")] public string? FantasyName { get; init; }
    /// <summary>F física, J jurídica, E estrangeiro.</summary>
    [JsonPropertyName("personType")] public string? PersonType { get; init; }
    /// <summary>CNPJ digits.</summary>
    [JsonPropertyName("cnpj")] public string? Cnpj { get; init; }
    /// <summary>CPF digits.</summary>
    [JsonPropertyName("cpf")] public string? Cpf { get; init; }
    /// <summary>A foreigner's document.</summary>
    [JsonPropertyName("foreignId")] public string? ForeignId { get; init; }
    /// <summary>IE number or ISENTO.</summary>
    [JsonPropertyName("stateRegistration")] public string? StateRegistration { get; init; }
    /// <summary>Inscrição municipal.</summary>
    [JsonPropertyName("municipalRegistration")] public string? MunicipalRegistration { get; init; }
    /// <summary>General e-mail.</summary>
    [JsonPropertyName("generalEmail")] public string? GeneralEmail { get; init; }
    /// <summary>Billing e-mail.</summary>
    [JsonPropertyName("financialEmail")] public string? FinancialEmail { get; init; }
    /// <summary>Status Ativo (true) or Inativo: only active customers sync.</summary>
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
    /// <summary>Phones.</summary>
    [JsonPropertyName("phones")] public IReadOnlyList<MegaPhone>? Phones { get; init; }
    /// <summary>Addresses.</summary>
    [JsonPropertyName("addresses")] public IReadOnlyList<MegaAddress>? Addresses { get; init; }
    /// <summary>Commercial definition.</summary>
    [JsonPropertyName("definition")] public MegaDefinition? Definition { get; init; }
}

/// <summary>The agent types the CRM deals with.</summary>
public static class MegaAgentTypes
{
    /// <summary>A customer, the only type the sync reads (Senior help, "Venda+": "agentes do tipo Cliente").</summary>
    public const string Customer = "Cliente";
}

/// <summary>A phone (Senior <c>AccountPhone</c>): type 1 fixo, 2 celular, 3 fax.</summary>
public sealed record MegaPhone
{
    /// <summary>National number, digits.</summary>
    [JsonPropertyName("number")] public string Number { get; init; } = "";
    /// <summary>1 fixo, 2 celular, 3 fax.</summary>
    [JsonPropertyName("type")] public int Type { get; init; }
    /// <summary>Extension.</summary>
    [JsonPropertyName("extension")] public string? Extension { get; init; }
    /// <summary>The main phone.</summary>
    [JsonPropertyName("main")] public bool Main { get; init; }
}

/// <summary>An address (Senior <c>AccountAddress</c>).</summary>
public sealed record MegaAddress
{
    /// <summary>The main (correspondence) address.</summary>
    [JsonPropertyName("mainAddress")] public bool MainAddress { get; init; }
    /// <summary>CORRESPONDENCE, BILLING or DELIVERY.</summary>
    [JsonPropertyName("addressType")] public string AddressType { get; init; } = "";
    /// <summary>Street.</summary>
    [JsonPropertyName("address")] public string? Address { get; init; }
    /// <summary>Number.</summary>
    [JsonPropertyName("number")] public string? Number { get; init; }
    /// <summary>Complement.</summary>
    [JsonPropertyName("complement")] public string? Complement { get; init; }
    /// <summary>District.</summary>
    [JsonPropertyName("district")] public string? District { get; init; }
    /// <summary>City.</summary>
    [JsonPropertyName("city")] public string? City { get; init; }
    /// <summary>UF.</summary>
    [JsonPropertyName("state")] public string? State { get; init; }
    /// <summary>IBGE municipality code.</summary>
    [JsonPropertyName("cityCode")] public string? CityCode { get; init; }
    /// <summary>CEP.</summary>
    [JsonPropertyName("cepCode")] public string? CepCode { get; init; }
    /// <summary>Country.</summary>
    [JsonPropertyName("country")] public string? Country { get; init; }
}

/// <summary>The commercial definition of the customer (Senior <c>AccountDefinition</c>).</summary>
public sealed record MegaDefinition
{
    /// <summary>Representative.</summary>
    [JsonPropertyName("representative")] public string? Representative { get; init; }
    /// <summary>Payment term ("A receber" condition).</summary>
    [JsonPropertyName("paymentTerm")] public string? PaymentTerm { get; init; }
    /// <summary>Price table.</summary>
    [JsonPropertyName("priceTable")] public string? PriceTable { get; init; }
    /// <summary>Carrier.</summary>
    [JsonPropertyName("carrier")] public string? Carrier { get; init; }
}
