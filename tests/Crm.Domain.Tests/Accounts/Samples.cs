using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Accounts;

/// <summary>Shared test data: a tenant, users, a clock and registrations that pass every rule.</summary>
internal static class Samples
{
    public static readonly TenantId Tenant = new(Guid.Parse("00000000-0000-0000-0000-00000000a001"));
    public static readonly UserId Ana = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"));
    public static readonly UserId Bruno = new(Guid.Parse("00000000-0000-0000-0000-0000000000b2"));

    // Classic published examples that pass the Receita Federal check digits (e.g. the worked examples in
    // https://www.macoratti.net/alg_cpf.htm and https://www.macoratti.net/alg_cnpj.htm).
    public const string Cnpj = "11.222.333/0001-81";
    public const string Cpf = "111.444.777-35";

    public static FakeClock Clock() => new(Instant.FromUtc(2026, 11, 22, 12, 0));

    public static AddressForm SaoPaulo(AddressKind kind, bool isDefaultDelivery = false, string street = "Av. Paulista") =>
        new(kind, street, "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308", null, isDefaultDelivery);

    /// <summary>A company (pessoa jurídica) that passes every account rule.</summary>
    public static RegistrationForm Company() => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = "Padaria São João Ltda",
        TradeName = "Padaria São João",
        ShortName = "PADSJOAO",
        TaxId = Cnpj,
        // SP commerce IE from the SINTEGRA/Stella examples used by the registry tests.
        StateRegistration = "110.042.490.114",
        Addresses =
        [
            SaoPaulo(AddressKind.Correspondence),
            SaoPaulo(AddressKind.Billing),
            SaoPaulo(AddressKind.Delivery, isDefaultDelivery: true, street: "Rua Augusta"),
        ],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890"), new PhoneForm(PhoneType.WhatsApp, "(11) 98765-4321")],
        Emails = [new EmailForm("compras@padariasaojoao.com.br")],
        Observations = [new Observation(ObservationType.Integration, "Entregar pela manhã")],
    };

    /// <summary>A person (pessoa física) with the minimum a lead needs.</summary>
    public static RegistrationForm PersonLead() => new()
    {
        Kind = PersonKind.Fisica,
        LegalName = "Maria da Silva",
        Emails = [new EmailForm("maria.silva@example.com")],
        Phones = [new PhoneForm(PhoneType.Mobile, "(21) 99876-5432")],
        Addresses = [new AddressForm(AddressKind.Correspondence, "Rua do Catete", "10", null, "Catete", "Rio de Janeiro", "RJ", "22220-000", "3304557")],
    };

    public static RegistrationContext AccountContext(AccountSettings? settings = null) =>
        new(settings ?? AccountSettings.Default, RegistrationKind.Account);

    public static RegistrationContext LeadContext(AccountSettings? settings = null) =>
        new(settings ?? AccountSettings.Default, RegistrationKind.Lead);

    public static ValidRegistration Valid(RegistrationForm form, RegistrationContext context) =>
        RegistrationRules.Validate(form, context).Match(valid => valid,
            invalid => throw new Xunit.Sdk.XunitException("Expected a valid registration:\n" + invalid));

    /// <summary>The valid CPF with these 9 base digits, found by asking the real validator for the check digits.</summary>
    public static string CpfFrom(long base9) => WithCheckDigits($"{base9 % 1_000_000_000:D9}", Domain.Registry.Cpf.IsValid);

    /// <summary>The valid numeric CNPJ with these 12 base digits.</summary>
    public static string CnpjFrom(long base12) => WithCheckDigits($"{base12 % 1_000_000_000_000:D12}", Domain.Registry.Cnpj.IsValid);

    private static string WithCheckDigits(string digits, Func<string, bool> isValid)
    {
        for (var dv = 0; dv < 100; dv++)
            if (isValid($"{digits}{dv:D2}"))
                return $"{digits}{dv:D2}";
        // Repeated-digit bases (000000000, 111111111...) have no valid CPF: shift to a neighbour.
        return WithCheckDigits(digits[..^1] + (char)('0' + (digits[^1] - '0' + 1) % 10), isValid);
    }
}
