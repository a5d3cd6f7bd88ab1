using System.Text.Json.Serialization;

namespace Crm.Adapters.Datasul;

/// <summary>
/// A customer of the Datasul public REST API <c>/api/cdp/v1/customerPublic</c> (TOTVS <c>CustomerPublic_1_000.json</c>,
/// definition <c>CustomersInfo</c>; ERP.md §1.2 source B). The CRM writes the registration fields; the ERP owns
/// <see cref="CustomerCode"/>, <see cref="ImplementationDate"/>, <see cref="LastSale"/>, <see cref="MonthsInactive"/> and the
/// credit fields (<see cref="Credit"/>, <see cref="CreditLimit"/>, <see cref="CreditLimitDate"/>).
/// </summary>
public sealed record DatasulCustomer
{
    /// <summary><c>emitente.cod-emitente</c>: the ERP's key, absent before the ERP accepted the customer.</summary>
    [JsonPropertyName("CustomerCode")] public int? CustomerCode { get; init; }
    /// <summary><c>emitente.nome-abrev</c> (12, required, the CRM's key in EMS).</summary>
    [JsonPropertyName("ShortName")] public string? ShortName { get; init; }
    /// <summary><c>emitente.nome-emit</c> (60 in the EAI mapping, required).</summary>
    [JsonPropertyName("CustomerName")] public string? CustomerName { get; init; }
    /// <summary><c>emitente.nom-fantasia</c> (60).</summary>
    [JsonPropertyName("TradeName")] public string? TradeName { get; init; }
    /// <summary><c>emitente.identific</c>: 1 Cliente, 2 Fornecedor, 3 Ambos; the CRM sends customers.</summary>
    [JsonPropertyName("Type")] public int Type { get; init; } = 1;
    /// <summary><c>emitente.natureza</c>: 1 PF, 2 PJ, 3 Estrangeiro, 4 Trading.</summary>
    [JsonPropertyName("EntityType")] public int EntityType { get; init; }
    /// <summary><c>emitente.cgc</c> (19): CPF/CNPJ digits, or a foreigner's document.</summary>
    [JsonPropertyName("PersonalId")] public string? PersonalId { get; init; }
    /// <summary><c>emitente.ins-estadual</c>: the number or <c>ISENTO</c>.</summary>
    [JsonPropertyName("StateRegistration")] public string? StateRegistration { get; init; }
    /// <summary><c>emitente.ins-municipal</c>.</summary>
    [JsonPropertyName("MunicipalRegistration")] public string? MunicipalRegistration { get; init; }
    /// <summary><c>emitente.endereco</c> (40, required): <c>street, number</c>.</summary>
    [JsonPropertyName("Address")] public string? Address { get; init; }
    /// <summary><c>emitente.bairro</c> (30).</summary>
    [JsonPropertyName("Neighborhood")] public string? Neighborhood { get; init; }
    /// <summary><c>emitente.cidade</c> (50).</summary>
    [JsonPropertyName("City")] public string? City { get; init; }
    /// <summary><c>emitente.estado</c> (4).</summary>
    [JsonPropertyName("State")] public string? State { get; init; }
    /// <summary><c>emitente.cep</c> (12).</summary>
    [JsonPropertyName("ZipCode")] public string? ZipCode { get; init; }
    /// <summary><c>emitente.pais</c> (20, required).</summary>
    [JsonPropertyName("Country")] public string? Country { get; init; }
    /// <summary><c>mgdis.cidade.cdn-munpio-ibge</c>.</summary>
    [JsonPropertyName("IbgeCode")] public int? IbgeCode { get; init; }
    /// <summary><c>emitente.endereco-cob</c> (40).</summary>
    [JsonPropertyName("BillingAddress")] public string? BillingAddress { get; init; }
    /// <summary><c>emitente.bairro-cob</c> (30).</summary>
    [JsonPropertyName("BillingNeighborhood")] public string? BillingNeighborhood { get; init; }
    /// <summary><c>emitente.cidade-cob</c> (50).</summary>
    [JsonPropertyName("BillingCity")] public string? BillingCity { get; init; }
    /// <summary><c>emitente.estado-cob</c> (4).</summary>
    [JsonPropertyName("BillingState")] public string? BillingState { get; init; }
    /// <summary><c>emitente.cep-cob</c> (12).</summary>
    [JsonPropertyName("BillingZipCode")] public string? BillingZipCode { get; init; }
    /// <summary><c>emitente.pais-cob</c> (20).</summary>
    [JsonPropertyName("BillingCountry")] public string? BillingCountry { get; init; }
    /// <summary>The billing city's IBGE code.</summary>
    [JsonPropertyName("BillingIbgeCode")] public int? BillingIbgeCode { get; init; }
    /// <summary><c>emitente.cod-entrega</c> (12): the default delivery place.</summary>
    [JsonPropertyName("DeliveryCode")] public string? DeliveryCode { get; init; }
    /// <summary><c>loc-entr</c>: the delivery places.</summary>
    [JsonPropertyName("DeliveryPlaces")] public IReadOnlyList<DatasulDeliveryPlace>? DeliveryPlaces { get; init; }
    /// <summary><c>emitente.telefone[1]</c>: TELEFONE_ERP1.</summary>
    [JsonPropertyName("Phone1")] public string? Phone1 { get; init; }
    /// <summary><c>emitente.ramal[1]</c>.</summary>
    [JsonPropertyName("Extension1")] public string? Extension1 { get; init; }
    /// <summary><c>emitente.telefone[2]</c>: TELEFONE_ERP2.</summary>
    [JsonPropertyName("Phone2")] public string? Phone2 { get; init; }
    /// <summary><c>emitente.ramal[2]</c>.</summary>
    [JsonPropertyName("Extension2")] public string? Extension2 { get; init; }
    /// <summary><c>emitente.telefax</c> (15): FAX_ERP1.</summary>
    [JsonPropertyName("Telefax")] public string? Telefax { get; init; }
    /// <summary><c>emitente.telex</c> (15): FAX_ERP2.</summary>
    [JsonPropertyName("Telex")] public string? Telex { get; init; }
    /// <summary><c>emitente.e-mail</c>: the general e-mail.</summary>
    [JsonPropertyName("Email")] public string? Email { get; init; }
    /// <summary><c>emitente.cod-email-nfe</c> (500): the NF-e e-mails, separated by <c>;</c>.</summary>
    [JsonPropertyName("NFeEmail")] public string? NFeEmail { get; init; }
    /// <summary><c>emitente.home-page</c> (40).</summary>
    [JsonPropertyName("HomePage")] public string? HomePage { get; init; }
    /// <summary><c>emitente.cod-gr-cli</c> (required): the client group.</summary>
    [JsonPropertyName("CustomerGroup")] public int? CustomerGroup { get; init; }
    /// <summary><c>emitente.cod-rep</c> (required): the representative.</summary>
    [JsonPropertyName("RepresentativeCode")] public int? RepresentativeCode { get; init; }
    /// <summary><c>emitente.cod-transp</c>: the carrier.</summary>
    [JsonPropertyName("StandardCarrierCode")] public int? StandardCarrierCode { get; init; }
    /// <summary><c>emitente.portador</c>: the portador.</summary>
    [JsonPropertyName("Holder")] public int? Holder { get; init; }
    /// <summary><c>emitente.modalidade</c> (required): 1 Cb Simples … 9 Nota Promissória.</summary>
    [JsonPropertyName("Modality")] public int Modality { get; init; }
    /// <summary><c>emitente.cod-cond-pag</c>: the payment condition.</summary>
    [JsonPropertyName("PaymentTerms")] public int? PaymentTerms { get; init; }
    /// <summary><c>emitente.nr-tabpre</c> (8): the price table.</summary>
    [JsonPropertyName("PriceTable")] public string? PriceTable { get; init; }
    /// <summary><c>emitente.observacoes</c> (2000): the <i>Integração</i> observations.</summary>
    [JsonPropertyName("Comments")] public string? Comments { get; init; }
    /// <summary><c>emitente.data-implant</c> (ERP-owned), ISO date.</summary>
    [JsonPropertyName("ImplementationDate")] public string? ImplementationDate { get; init; }
    /// <summary><c>emitente.dt-ult-venda</c> (ERP-owned), ISO date.</summary>
    [JsonPropertyName("LastSale")] public string? LastSale { get; init; }
    /// <summary><c>emitente.nr-mesina</c> (ERP-owned): months without purchases before the customer counts as inactive.</summary>
    [JsonPropertyName("MonthsInactive")] public int? MonthsInactive { get; init; }
    /// <summary>
    /// <c>emitente.ind-cre-cli</c> (ERP-owned), the credit indicator: 1 Normal, 2 Automático, 3 Só Impede Pedido, 4 Suspenso,
    /// 5 Pagamento à Vista.
    /// </summary>
    [JsonPropertyName("Credit")] public int? Credit { get; init; }
    /// <summary><c>emitente.lim-credito</c> (ERP-owned): the credit limit.</summary>
    [JsonPropertyName("CreditLimit")] public decimal? CreditLimit { get; init; }
    /// <summary><c>emitente.dt-lim-cred</c> (ERP-owned): when the credit limit expires, ISO date.</summary>
    [JsonPropertyName("CreditLimitDate")] public string? CreditLimitDate { get; init; }
    /// <summary>
    /// <c>calc-cr-clien.val-sdo-atual</c> (ERP-owned, <c>CustomerBalance</c> "Saldo do cliente"): what the customer owes on
    /// open receivables. The schema types it integer; it is read as a decimal so cents are not lost when EMS sends them.
    /// </summary>
    [JsonPropertyName("CustomerBalance")] public decimal? CustomerBalance { get; init; }
}

/// <summary>A delivery place (<c>loc-entr</c>) of a <see cref="DatasulCustomer"/>.</summary>
public sealed record DatasulDeliveryPlace
{
    /// <summary><c>loc-entr.cod-entrega</c> (12).</summary>
    [JsonPropertyName("DeliveryCode")] public string? DeliveryCode { get; init; }
    /// <summary><c>loc-entr.endereco</c> (40).</summary>
    [JsonPropertyName("Address")] public string? Address { get; init; }
    /// <summary><c>loc-entr.bairro</c> (30).</summary>
    [JsonPropertyName("Neighborhood")] public string? Neighborhood { get; init; }
    /// <summary><c>loc-entr.cidade</c> (50).</summary>
    [JsonPropertyName("City")] public string? City { get; init; }
    /// <summary><c>loc-entr.estado</c> (4).</summary>
    [JsonPropertyName("State")] public string? State { get; init; }
    /// <summary><c>loc-entr.cep</c> (12).</summary>
    [JsonPropertyName("ZipCode")] public string? ZipCode { get; init; }
    /// <summary><c>loc-entr.pais</c> (20).</summary>
    [JsonPropertyName("Country")] public string? Country { get; init; }
    /// <summary>The city's IBGE code.</summary>
    [JsonPropertyName("IbgeCode")] public int? IbgeCode { get; init; }
}
