using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// A lead's or account's registration as typed on the screen or read from an import row: raw text, nothing checked yet.
/// <see cref="RegistrationRules.Validate"/> turns it into <see cref="RegistrationData"/> or lists every problem.
/// </summary>
public sealed record RegistrationForm
{
    /// <summary>Física, jurídica or estrangeiro: always stated, never defaulted.</summary>
    public required PersonKind Kind { get; init; }
    /// <summary>Razão social / full name.</summary>
    public string? LegalName { get; init; }
    /// <summary>Nome fantasia.</summary>
    public string? TradeName { get; init; }
    /// <summary>Nome abreviado.</summary>
    public string? ShortName { get; init; }
    /// <summary>CPF (física) or CNPJ (jurídica), mask allowed.</summary>
    public string? TaxId { get; init; }
    /// <summary>A foreigner's document (passport, foreign tax id).</summary>
    public string? ForeignId { get; init; }
    /// <summary>Inscrição estadual: a number, <c>ISENTO</c>, or empty.</summary>
    public string? StateRegistration { get; init; }
    /// <summary>
    /// The ICMS situation: registered (parse <see cref="StateRegistration"/>), exempt (ISENTO) or non-taxpayer. When null,
    /// a typed number (or <c>ISENTO</c>) is parsed and a blank means no inscription was given.
    /// </summary>
    public InscricaoEstadualKind? StateRegistrationKind { get; init; }
    /// <summary>Inscrição municipal.</summary>
    public string? MunicipalRegistration { get; init; }
    /// <summary>Main CNAE.</summary>
    public string? Cnae { get; init; }
    /// <summary>Fiscal category code.</summary>
    public string? FiscalCategory { get; init; }
    /// <summary>Client type code.</summary>
    public string? ClientType { get; init; }
    /// <summary>Account type code.</summary>
    public string? AccountType { get; init; }
    /// <summary>Client group code.</summary>
    public string? ClientGroup { get; init; }
    /// <summary>Representative code.</summary>
    public string? Representative { get; init; }
    /// <summary>Carrier code.</summary>
    public string? Carrier { get; init; }
    /// <summary>Portador code.</summary>
    public string? Portador { get; init; }
    /// <summary>Payment condition code.</summary>
    public string? PaymentCondition { get; init; }
    /// <summary>Price table code.</summary>
    public string? PriceTable { get; init; }
    /// <summary>Portfolio (carteira) code.</summary>
    public string? Portfolio { get; init; }
    /// <summary>Owner user.</summary>
    public UserId? Owner { get; init; }
    /// <summary>Company.</summary>
    public CompanyId? Company { get; init; }
    /// <summary>Branch.</summary>
    public BranchId? Branch { get; init; }
    /// <summary>Addresses.</summary>
    public IReadOnlyList<AddressForm> Addresses { get; init; } = [];
    /// <summary>Phones.</summary>
    public IReadOnlyList<PhoneForm> Phones { get; init; } = [];
    /// <summary>E-mails.</summary>
    public IReadOnlyList<EmailForm> Emails { get; init; } = [];
    /// <summary>Other electronic contacts.</summary>
    public IReadOnlyList<ElectronicContact> OtherContacts { get; init; } = [];
    /// <summary>Observations.</summary>
    public IReadOnlyList<Observation> Observations { get; init; } = [];
    /// <summary>Responsible people.</summary>
    public IReadOnlyList<ResponsiblePersonForm> ResponsiblePeople { get; init; } = [];
    /// <summary>Marketing permissions.</summary>
    public IReadOnlyList<MarketingConsent> Marketing { get; init; } = [];
    /// <summary>Tenant-defined fields.</summary>
    public IReadOnlyList<CustomField> CustomFields { get; init; } = [];

    /// <summary>
    /// This form with the blanks filled from <paramref name="group"/>'s defaults (what the screen does when a client group is
    /// chosen). Values already typed win.
    /// </summary>
    public RegistrationForm WithDefaultsOf(ClientGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var d = group.Defaults;
        return this with
        {
            ClientGroup = ClientGroup ?? group.Code.Value,
            ClientType = ClientType ?? d.ClientType?.Value,
            AccountType = AccountType ?? d.AccountType?.Value,
            Representative = Representative ?? d.Representative?.Value,
            Carrier = Carrier ?? d.Carrier?.Value,
            Portador = Portador ?? d.Portador?.Value,
            PaymentCondition = PaymentCondition ?? d.PaymentCondition?.Value,
            PriceTable = PriceTable ?? d.PriceTable?.Value,
            Portfolio = Portfolio ?? d.Portfolio?.Value,
            FiscalCategory = FiscalCategory ?? d.FiscalCategory?.Value,
        };
    }
}

/// <summary>An address as typed.</summary>
/// <param name="Kind">Its use.</param>
/// <param name="Street">Street.</param>
/// <param name="Number">Number.</param>
/// <param name="Complement">Complement.</param>
/// <param name="District">District.</param>
/// <param name="City">City.</param>
/// <param name="Uf">State abbreviation.</param>
/// <param name="Cep">CEP.</param>
/// <param name="Municipality">IBGE municipality code.</param>
/// <param name="Country">Country; blank means Brasil.</param>
/// <param name="IsDefaultDelivery">Whether it is the default delivery address.</param>
/// <param name="DeliveryPlace">Delivery place code.</param>
public sealed record AddressForm(AddressKind Kind, string? Street, string? Number = null, string? Complement = null, string? District = null,
    string? City = null, string? Uf = null, string? Cep = null, string? Municipality = null, string? Country = null,
    bool IsDefaultDelivery = false, string? DeliveryPlace = null);

/// <summary>A phone as typed.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Number">The number.</param>
/// <param name="Extension">The extension.</param>
public sealed record PhoneForm(PhoneType Type, string? Number, string? Extension = null);

/// <summary>An e-mail as typed.</summary>
/// <param name="Address">The address.</param>
/// <param name="Purpose">What it is for.</param>
public sealed record EmailForm(string? Address, EmailPurpose Purpose = EmailPurpose.General);

/// <summary>A responsible person as typed.</summary>
/// <param name="Name">Name.</param>
/// <param name="Role">Role.</param>
/// <param name="Cpf">CPF.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Phone">Phone.</param>
public sealed record ResponsiblePersonForm(string? Name, string? Role = null, string? Cpf = null, string? Email = null, string? Phone = null);
