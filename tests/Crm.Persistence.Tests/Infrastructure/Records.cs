using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Persistence.Tests.Infrastructure;

/// <summary>Valid leads and accounts to store, with every child collection filled.</summary>
internal static class Records
{
    public static readonly UserId Ana = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"));

    // Instants with a microsecond part: PostgreSQL timestamptz keeps microseconds, SQLite (nanoseconds) keeps more.
    public static FakeClock Clock() => new(Instant.FromUtc(2026, 11, 22, 12, 0) + Duration.FromTicks(1_234_560));

    /// <summary>A company whose CNPJ is derived from <paramref name="seed"/> (check digits found by the domain's validator).</summary>
    public static RegistrationForm Company(int seed, UserId? owner = null, CompanyId? company = null, BranchId? branch = null) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Comercial Exemplo {seed} Ltda",
        TradeName = $"Exemplo {seed}",
        ShortName = $"EXEMP{seed}",
        TaxId = WithCheckDigits($"{seed % 100_000_000:D8}0001", Cnpj.IsValid),
        // SP commerce IE from the SINTEGRA examples (http://www.sintegra.gov.br/Cad_Estados/cad_SP.html).
        StateRegistration = "110.042.490.114",
        Owner = owner,
        Company = company,
        Branch = branch,
        Addresses =
        [
            Address(AddressKind.Correspondence, "Av. Paulista"),
            Address(AddressKind.Billing, "Av. Paulista"),
            Address(AddressKind.Delivery, "Rua Augusta", isDefaultDelivery: true),
        ],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890"), new PhoneForm(PhoneType.Mobile, "(11) 98765-4321", "12")],
        Emails = [new EmailForm($"compras{seed}@exemplo.com.br"), new EmailForm($"nfe{seed}@exemplo.com.br", EmailPurpose.Nfe)],
        OtherContacts = [new ElectronicContact(ElectronicContactKind.Website, "https://exemplo.com.br")],
        Observations = [new Observation(ObservationType.Integration, "Entregar pela manhã"), new Observation(ObservationType.Commercial, "Cliente VIP")],
        ResponsiblePeople = [new ResponsiblePersonForm("João Souza", "Comprador", "111.444.777-35", "joao@exemplo.com.br", "(11) 3456-7000")],
        Marketing = [new MarketingConsent(MarketingChannel.Email, true, new LocalDate(2026, 1, 31), "site")],
        CustomFields = [new CustomField("segmento", "padaria"), new CustomField("senha_portal", "segredo", IsSecret: true)],
    };

    public static AddressForm Address(AddressKind kind, string street, bool isDefaultDelivery = false) =>
        new(kind, street, "1000", "sala 2", "Bela Vista", "São Paulo", "SP", "01310-100", "3550308", null, isDefaultDelivery);

    public static Account Account(TenantId tenant, int seed, UserId? owner = null, CompanyId? company = null, BranchId? branch = null) =>
        Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), tenant,
            Valid(Company(seed, owner, company, branch), RegistrationKind.Account), Ana, Clock());

    public static Lead Lead(TenantId tenant, int seed, UserId? owner = null, CompanyId? company = null, BranchId? branch = null) =>
        Crm.Domain.Accounts.Lead.Register(new LeadId(Guid.NewGuid()), tenant,
            Valid(Company(seed, owner, company, branch), RegistrationKind.Lead), Ana, Clock());

    public static ValidRegistration Valid(RegistrationForm form, RegistrationKind kind) =>
        RegistrationRules.Validate(form, new RegistrationContext(AccountSettings.Default, kind)).Match(
            valid => valid, invalid => throw new Xunit.Sdk.XunitException("Expected valid test data:\n" + invalid));

    public static string WithCheckDigits(string body, Func<string, bool> isValid) =>
        Enumerable.Range(0, 100).Select(dv => $"{body}{dv:D2}").First(isValid);
}
