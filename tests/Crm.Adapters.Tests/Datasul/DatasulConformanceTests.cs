using Crm.Adapters.Datasul;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Datasul;

/// <summary>The Datasul adapter passes the conformance kit; the broken accounts cover every rule of seed 000 and of INTEGR_GP.</summary>
public sealed class DatasulConformanceTests : AdapterConformanceTests
{
    // Over loopback HTTP, against the fake server seeded with 150 records of every kind served and 150 customers.
    protected override Task<ErpReaderUnderTest?> StartReaderAsync() =>
        Transport.SeededErp.ReaderAsync("datasul", Http.ErpStateFields.AvailableCredit);

    protected override IErpAdapter Adapter { get; } = new DatasulAdapter(new DatasulOptions { IntegrGp = true });
    protected override EligibilityContext Context => Samples.Context;
    protected override EligibilityContext SampleTenant => Http.SampleTenant.Context();
    protected override Account EligibleAccount() => Samples.Register(Samples.Company());
    protected override Account LongTextAccount() => Samples.Register(Samples.LongTexts());
    protected override string SampleErpCode => "1234";
    protected override FakeErpEndpoint CreateEndpoint() => new FakeDatasulEms();

    // Documents, CEPs, UFs, phone numbers and codes have fixed sizes within the limits; no municipality name (IBGE) has 50 characters.
    protected override IReadOnlyCollection<string> FixedSizePaths =>
    [
        "PersonalId", "StateRegistration", "ZipCode", "BillingZipCode", "DeliveryPlaces[].ZipCode", "State", "BillingState",
        "DeliveryPlaces[].State", "Telefax", "Telex", "PriceTable", "City", "BillingCity", "DeliveryPlaces[].City",
    ];

    protected override IEnumerable<(string Body, LocalDate Today, ErpSituation Expected)> StatusSamples()
    {
        var customer = new DatasulCustomer { CustomerCode = 1234, ShortName = "PADSJOAO", ImplementationDate = "2020-01-10" };
        var today = new LocalDate(2026, 11, 22);
        // nr-mesina 6: a sale on 2026-06-01 is 5 months 21 days ago (active); one on 2026-05-01 is more than 6 months ago.
        yield return (PayloadJson.Serialize(customer with { LastSale = "2026-06-01", MonthsInactive = 6 }), today, ErpSituation.Active);
        yield return (PayloadJson.Serialize(customer with { LastSale = "2026-05-01", MonthsInactive = 6 }), today, ErpSituation.Inactive);
        yield return (PayloadJson.Serialize(customer with { LastSale = "2026-05-22", MonthsInactive = 6 }), today, ErpSituation.Active);
        // Never bought: counted from the implantation.
        yield return (PayloadJson.Serialize(customer with { MonthsInactive = 12 }), today, ErpSituation.Inactive);
        // No nr-mesina: EMS never turns the customer inactive.
        yield return (PayloadJson.Serialize(customer), today, ErpSituation.Active);
    }

    protected override IEnumerable<EligibilityCase> BrokenAccounts()
    {
        // A person registered as a non-integrating "consumer without document" whose type now requires one.
        var bare = Samples.Register(new RegistrationForm
        {
            Kind = PersonKind.Fisica,
            LegalName = "Maria Aparecida dos Santos Oliveira Pereira de Albuquerque Lins",
            ShortName = "MARIAAPARECIDA",
            ClientType = "CFX",
            AccountType = "PRO",
            ClientGroup = "40",
            Representative = "8",
            Portador = "9",
            Emails = [new EmailForm("maria@example.com", EmailPurpose.Nfe)],
        });
        yield return new EligibilityCase("bare account", bare, Samples.StricterContext,
        [
            "datasul.client_type.not_integrating", "datasul.addresses.correspondence.required", "datasul.addresses.billing.required",
            "datasul.addresses.delivery.required", "datasul.client_group.not_integrated", "datasul.representative.not_integrated",
            "datasul.carrier.required", "datasul.portador.not_integrated", "datasul.payment_condition.required",
            "datasul.short_name.too_long", "datasul.legal_name.too_long", "datasul.emails.required", "datasul.tax_id.required",
        ]);

        var taken = Samples.Register(Samples.Company() with
        {
            ShortName = "tomado", ClientGroup = null, Representative = null, Portador = null, Carrier = "4", PaymentCondition = "16",
        });
        yield return new EligibilityCase("short name of a lead, codes unknown to EMS", taken, Samples.Context,
        [
            "datasul.short_name.duplicate", "datasul.client_group.required", "datasul.representative.required",
            "datasul.portador.required", "datasul.carrier.not_integrated", "datasul.payment_condition.not_integrated",
        ]);

        yield return new EligibilityCase("INTEGR_ERP_EMS off", EligibleAccount(), Context, ["datasul.integration.disabled"],
            new DatasulAdapter(new DatasulOptions { IntegrErpEms = false, IntegrGp = true }));

        var gp = Samples.Context with { System = IntegrationSystem.Gp };
        yield return new EligibilityCase("GP: an account that did not come from GP", EligibleAccount(), gp, ["datasul.gp.not_from_gp"]);
        var withTerm = EligibleAccount();
        withTerm.RecordErpState(new IntegratedWithGp("GP-77", HasActiveTerm: true), null, TestAccounts.User, TestAccounts.Clock());
        yield return new EligibilityCase("GP: active term", withTerm, gp, ["datasul.gp.active_term"]);
        yield return new EligibilityCase("INTEGR_GP off", EligibleAccount(), gp, ["datasul.gp.disabled", "datasul.gp.not_from_gp"],
            new DatasulAdapter(new DatasulOptions()));
    }
}
