using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Adapters.Testing;

/// <summary>Builds accounts for adapter tests through the real registration rules, so every account a test uses is one the CRM can hold.</summary>
public static class TestAccounts
{
    /// <summary>The tenant of test accounts.</summary>
    public static TenantId Tenant { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000e7900"));

    /// <summary>The user who registers them.</summary>
    public static UserId User { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000e7901"));

    /// <summary>Today, for tests: 2026-11-22.</summary>
    public static LocalDate Today { get; } = new(2026, 11, 22);

    /// <summary>A clock at noon UTC of <see cref="Today"/>.</summary>
    public static IClock Clock() => new FakeClock(Instant.FromUtc(2026, 11, 22, 12, 0));

    /// <summary>
    /// The account <paramref name="form"/> registers under <paramref name="settings"/>; a form the rules refuse fails the test
    /// with every problem listed.
    /// </summary>
    public static Account Register(RegistrationForm form, AccountSettings? settings = null, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = RegistrationRules.Validate(form, new RegistrationContext(settings ?? AccountSettings.Default, RegistrationKind.Account));
        var valid = result.Match(v => v, invalid => throw new Xunit.Sdk.XunitException("The test account is not a valid registration:\n" + invalid));
        return Account.Register(new AccountId(id ?? DeterministicId(form)), Tenant, valid, User, Clock());
    }

    /// <summary><paramref name="account"/> accepted by the ERP under <paramref name="erpCode"/>, in <paramref name="situation"/>.</summary>
    public static Account Integrated(this Account account, string erpCode, ErpSituation situation = ErpSituation.Active)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.RecordErpState(new IntegratedWithErp(erpCode, Today.PlusYears(-1)), null, User, Clock());
        return account.InSituation(situation);
    }

    /// <summary><paramref name="account"/> with its ERP situation set as CRM1003 would.</summary>
    public static Account InSituation(this Account account, ErpSituation situation)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Apply(new ErpStatusChange(account.Id, new ErpStatus(IntegrationSystem.Erp, account.ErpSituation),
            new ErpStatus(IntegrationSystem.Erp, situation)));
        return account;
    }

    /// <summary>
    /// Customer number <paramref name="number"/> as a fake ERP seeds it (<c>FakeDatasulEms.SeedCustomers</c>, ...): a company
    /// <c>Cliente 00001 Ltda</c>, short name <c>CLI00001</c>, a CNPJ with valid check digits unique to the number, an address in
    /// São Paulo, an e-mail, and the sample tenant's client group, representative, carrier, portador, payment condition and price table
    /// (<see cref="Http.SampleTenant"/>); registered under the sample tenant's settings.
    /// </summary>
    public static Account Customer(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99_999);
        var address = new AddressForm(AddressKind.Correspondence, "Av. Paulista", $"{number}", null, "Bela Vista", "São Paulo", "SP", "01310-100",
            "3550308", null, false, null);
        return Register(new RegistrationForm
        {
            Kind = PersonKind.Juridica,
            LegalName = $"Cliente {number:D5} Ltda",
            TradeName = $"Cliente {number:D5}",
            ShortName = $"CLI{number:D5}",
            TaxId = Cnpj(number),
            ClientType = "REV",
            AccountType = "CLI",
            ClientGroup = "10",
            Representative = "7",
            Carrier = "3",
            Portador = "1",
            PaymentCondition = "15",
            PriceTable = "TB1",
            Addresses = [address, address with { Kind = AddressKind.Billing }, address with { Kind = AddressKind.Delivery, IsDefaultDelivery = true }],
            Emails = [new EmailForm($"compras@cliente{number:D5}.com.br")],
        }, Http.SampleTenant.Settings);
    }

    // Root 2xxxxxxx + the number, branch 0001, and the check digits the domain's rule accepts.
    private static string Cnpj(int number) =>
        Enumerable.Range(0, 100).Select(dv => $"{20_000_000 + number:D8}0001{dv:D2}").First(Domain.Registry.Cnpj.IsValid);

    // The same form always gets the same id, so payloads and idempotency keys are reproducible between runs.
    private static Guid DeterministicId(RegistrationForm form)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{form.LegalName}|{form.ShortName}|{form.TaxId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
