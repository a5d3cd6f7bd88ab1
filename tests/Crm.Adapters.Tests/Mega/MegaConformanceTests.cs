using Crm.Adapters.Mega;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Mega;

/// <summary>The Mega adapter passes the conformance kit; the broken accounts cover every sync filter.</summary>
public sealed class MegaConformanceTests : AdapterConformanceTests
{
    // Over loopback HTTP, against the fake server seeded with 150 records of every kind served and 150 customers.
    protected override Task<ErpReaderUnderTest?> StartReaderAsync() =>
        Transport.SeededErp.ReaderAsync("mega", Http.ErpStateFields.Blocked | Http.ErpStateFields.LastPurchase | Http.ErpStateFields.CreditLimit
            | Http.ErpStateFields.OpenBalance | Http.ErpStateFields.AvailableCredit);

    protected override IErpAdapter Adapter { get; } = new MegaAdapter();
    protected override EligibilityContext Context => Samples.Context;
    protected override EligibilityContext SampleTenant => Http.SampleTenant.Context();
    protected override Account EligibleAccount() => Samples.Register(Samples.Company());
    protected override Account LongTextAccount() => Samples.Register(Samples.LongTexts());
    protected override string SampleErpCode => "5123";
    protected override FakeErpEndpoint CreateEndpoint() => SeniorXFakes.Platform();

    protected override IEnumerable<(string Body, LocalDate Today, ErpSituation Expected)> StatusSamples()
    {
        var agent = new MegaAgent { IdErp = "5123", Name = "Padaria São João Ltda" };
        yield return (PayloadJson.Serialize(agent), TestAccounts.Today, ErpSituation.Active);
        yield return (PayloadJson.Serialize(agent with { Active = false }), TestAccounts.Today, ErpSituation.Inactive);
    }

    protected override IEnumerable<EligibilityCase> BrokenAccounts()
    {
        var broken = Samples.Register(new RegistrationForm
        {
            Kind = PersonKind.Fisica,
            LegalName = "José Pereira",
            ShortName = "JPEREIRA",
            ClientType = "CFX",
            AccountType = "PRO",
            Representative = "8",
            PaymentCondition = "98",
            PriceTable = "TB9",
            Emails = [new EmailForm("jose@example.com")],
        }).Integrated("5999", ErpSituation.Inactive);
        yield return new EligibilityCase("inactive customer, inactive condition and table", broken, Samples.StricterContext,
        [
            "mega.account.inactive", "mega.client_type.not_integrating", "mega.tax_id.required", "mega.addresses.correspondence.required",
            "mega.representative.not_integrated", "mega.payment_condition.not_integrated", "mega.price_table.not_integrated",
        ]);
        yield return new EligibilityCase("a payable condition", Samples.Register(Samples.Company() with { PaymentCondition = "99" }),
            Samples.Context, ["mega.payment_condition.not_receivable"]);
    }
}

/// <summary>A fake Senior X platform that knows the sample tenant's key.</summary>
internal static class SeniorXFakes
{
    public static MegaOptions Options(string secret = "segredo-do-tenant") => new()
    {
        ApiUrl = new Uri("https://mega.padariasj.com.br:8443/"),
        TenantName = "padariasj",
        AccessKey = "chave-de-aplicacao",
        Secret = secret,
    };

    public static FakeSeniorX Platform(MegaOptions? options = null) =>
        new(options ?? Options(), "padariasj", "chave-de-aplicacao", "segredo-do-tenant");
}
