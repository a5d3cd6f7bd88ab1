using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Protheus;

/// <summary>The Protheus adapter passes the conformance kit; the broken accounts cover every SA1 rule.</summary>
public sealed class ProtheusConformanceTests : AdapterConformanceTests
{
    // Over loopback HTTP, against the fake server seeded with 150 records of every kind served and 150 customers.
    protected override Task<ErpReaderUnderTest?> StartReaderAsync() =>
        Transport.SeededErp.ReaderAsync("protheus", Http.ErpStateFields.LastPurchase);

    protected override IErpAdapter Adapter { get; } = new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });
    protected override EligibilityContext Context => Samples.Context;
    protected override EligibilityContext SampleTenant => Http.SampleTenant.Context();
    protected override Account EligibleAccount() => Samples.Register(Samples.Company());
    protected override Account LongTextAccount() => Samples.Register(Samples.LongTexts());
    protected override string SampleErpCode => "00012301";
    protected override FakeErpEndpoint CreateEndpoint() => ProtheusFakes.Seeded();

    // The branch comes from the options; codes, documents, CEPs, UFs and phone parts have fixed sizes within the limits; no
    // municipality name (IBGE) has 60 characters.
    protected override IReadOnlyCollection<string> FixedSizePaths =>
    [
        "branchId", "code", "storeId", "strategicCustomerType", "governmentalInformation[].Id[]", "address.city.cityCode",
        "address.city.cityDescription", "address.state.stateId", "address.zipCode", "shippingAddress.state.stateId",
        "shippingAddress.zipCode", "billingInformation.address.state.stateId", "billingInformation.address.zipCode",
        "listOfCommunicationInformation[].InternationalDiallingCode", "listOfCommunicationInformation[].DiallingCode",
        "listOfCommunicationInformation[].PhoneNumber", "listOfCommunicationInformation[].FaxNumber", "carrierCode",
    ];

    protected override IEnumerable<(string Body, LocalDate Today, ErpSituation Expected)> StatusSamples()
    {
        var customer = new ProtheusCustomer { Code = "000123", StoreId = "01", Name = "Padaria São João Ltda" };
        yield return (PayloadJson.Serialize(customer with { RegisterSituation = "1" }), TestAccounts.Today, ErpSituation.Active);
        yield return (PayloadJson.Serialize(customer with { RegisterSituation = "2" }), TestAccounts.Today, ErpSituation.Inactive);
        yield return (PayloadJson.Serialize(customer with { RegisterSituation = "5" }), TestAccounts.Today, ErpSituation.Inactive);
    }

    protected override IEnumerable<EligibilityCase> BrokenAccounts()
    {
        var broken = Samples.Register(new RegistrationForm
        {
            Kind = PersonKind.Juridica,
            LegalName = "Comercial Importadora e Exportadora Paulista Ltda",
            ShortName = "IMPORTADORA PAULISTA LTDA",
            ClientType = "CFX",
            AccountType = "PRO",
            Representative = "1234567",
            Carrier = "ABC",
            PaymentCondition = "1234",
            PriceTable = "TB12",
            Addresses = [Samples.SaoPaulo(AddressKind.Billing)],
            Emails = [new EmailForm("departamento.compras@importadora.com.br")],
            CustomFields = [new CustomField("A1_TIPO", "Z")],
        });
        yield return new EligibilityCase("every SA1 size and domain", broken, Samples.StricterContext,
        [
            "protheus.client_type.not_integrating", "protheus.legal_name.too_long", "protheus.short_name.too_long",
            "protheus.tax_id.required", "protheus.customer_type.invalid", "protheus.addresses.correspondence.required",
            "protheus.emails.too_long", "protheus.representative.not_integrated", "protheus.representative.too_long",
            "protheus.carrier.not_integrated", "protheus.carrier.not_numeric", "protheus.payment_condition.not_integrated",
            "protheus.payment_condition.too_long", "protheus.price_table.not_integrated", "protheus.price_table.too_long",
        ]);

        var foreigner = Samples.Register(Samples.Company() with
        {
            Kind = PersonKind.Estrangeiro,
            TaxId = null,
            StateRegistration = null,
            ForeignId = "AR-30-71234567-9",
            ClientGroup = null,
            Addresses = [new AddressForm(AddressKind.Correspondence, "Avenida Corrientes", "1234", null, "San Nicolás", "Buenos Aires", null, null, null, "Argentina")],
            Emails = [new EmailForm("facturas@example.com.ar", EmailPurpose.Nfe)],
        });
        yield return new EligibilityCase("foreigner", foreigner, Samples.Context,
            ["protheus.customer_type.foreigner", "protheus.addresses.correspondence.municipality_required", "protheus.emails.required"]);
    }
}

/// <summary>The fake Protheus with the sample master data in SA3, SA4, SE4 and DA0.</summary>
internal static class ProtheusFakes
{
    public static FakeProtheus Seeded() => new(sellers: ["7"], carriers: [3], conditions: ["15"], priceTables: ["TB1"]);
}
