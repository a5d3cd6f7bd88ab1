using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Registry;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The registration data that leads and accounts share, validated: built only by <see cref="RegistrationRules.Validate"/>,
/// so holding one means every rule of its kind passed. Immutable; an edit produces a new instance.
/// </summary>
public sealed class RegistrationData
{
    // Computed in the constructor from the complete data and never written again: the data is immutable and the facts,
    // kept inline for the bulk checks, cannot drift from it. The validation builds a draft with an object initializer
    // (init accessors run after a constructor), then WithFacts copies it into the final instance.
    private readonly RegistrationFacts _facts;

    internal RegistrationData() { }

    private RegistrationData(RegistrationData draft)
    {
        Kind = draft.Kind;
        LegalName = draft.LegalName;
        TradeName = draft.TradeName;
        ShortName = draft.ShortName;
        TaxId = draft.TaxId;
        ForeignId = draft.ForeignId;
        StateRegistration = draft.StateRegistration;
        MunicipalRegistration = draft.MunicipalRegistration;
        Cnae = draft.Cnae;
        FiscalCategory = draft.FiscalCategory;
        ClientType = draft.ClientType;
        AccountType = draft.AccountType;
        ClientGroup = draft.ClientGroup;
        Representative = draft.Representative;
        Carrier = draft.Carrier;
        Portador = draft.Portador;
        PaymentCondition = draft.PaymentCondition;
        PriceTable = draft.PriceTable;
        Portfolio = draft.Portfolio;
        Owner = draft.Owner;
        Company = draft.Company;
        Branch = draft.Branch;
        Addresses = draft.Addresses;
        Phones = draft.Phones;
        Emails = draft.Emails;
        OtherContacts = draft.OtherContacts;
        Observations = draft.Observations;
        ResponsiblePeople = draft.ResponsiblePeople;
        Marketing = draft.Marketing;
        CustomFields = draft.CustomFields;
        _facts = new RegistrationFacts(this);
    }

    /// <summary>Física, jurídica or estrangeiro.</summary>
    public PersonKind Kind { get; internal init; }
    /// <summary>Razão social / full name (always present).</summary>
    public string LegalName { get; internal init; } = "";
    /// <summary>Nome fantasia.</summary>
    public string? TradeName { get; internal init; }
    /// <summary>Nome abreviado.</summary>
    public ShortName? ShortName { get; internal init; }
    /// <summary>CPF or CNPJ, matching <see cref="Kind"/>; never set for a foreigner.</summary>
    public TaxId? TaxId { get; internal init; }
    /// <summary>A foreigner's document.</summary>
    public string? ForeignId { get; internal init; }
    /// <summary>Inscrição estadual: a registered number, exempt (ISENTO) or non-taxpayer.</summary>
    public InscricaoEstadual? StateRegistration { get; internal init; }
    /// <summary>Inscrição municipal.</summary>
    public string? MunicipalRegistration { get; internal init; }
    /// <summary>Main CNAE.</summary>
    public Cnae? Cnae { get; internal init; }
    /// <summary>Fiscal category.</summary>
    public MasterDataCode? FiscalCategory { get; internal init; }
    /// <summary>Client type.</summary>
    public MasterDataCode? ClientType { get; internal init; }
    /// <summary>Account type.</summary>
    public MasterDataCode? AccountType { get; internal init; }
    /// <summary>Client group.</summary>
    public MasterDataCode? ClientGroup { get; internal init; }
    /// <summary>Representative.</summary>
    public MasterDataCode? Representative { get; internal init; }
    /// <summary>Carrier.</summary>
    public MasterDataCode? Carrier { get; internal init; }
    /// <summary>Portador.</summary>
    public MasterDataCode? Portador { get; internal init; }
    /// <summary>Payment condition.</summary>
    public MasterDataCode? PaymentCondition { get; internal init; }
    /// <summary>Price table.</summary>
    public MasterDataCode? PriceTable { get; internal init; }
    /// <summary>Portfolio (carteira).</summary>
    public MasterDataCode? Portfolio { get; internal init; }
    /// <summary>Owner user.</summary>
    public UserId? Owner { get; internal init; }
    /// <summary>Company.</summary>
    public CompanyId? Company { get; internal init; }
    /// <summary>Branch.</summary>
    public BranchId? Branch { get; internal init; }
    /// <summary>Addresses (at most one correspondence and one billing; exactly one default among delivery places).</summary>
    public IReadOnlyList<Address> Addresses { get; internal init; } = [];
    /// <summary>Phones.</summary>
    public IReadOnlyList<PhoneEntry> Phones { get; internal init; } = [];
    /// <summary>E-mails (at least one).</summary>
    public IReadOnlyList<EmailEntry> Emails { get; internal init; } = [];
    /// <summary>Other electronic contacts.</summary>
    public IReadOnlyList<ElectronicContact> OtherContacts { get; internal init; } = [];
    /// <summary>Observations.</summary>
    public IReadOnlyList<Observation> Observations { get; internal init; } = [];
    /// <summary>Responsible people.</summary>
    public IReadOnlyList<ResponsiblePerson> ResponsiblePeople { get; internal init; } = [];
    /// <summary>Marketing permissions, at most one per channel.</summary>
    public IReadOnlyList<MarketingConsent> Marketing { get; internal init; } = [];
    /// <summary>Tenant-defined fields, unique by key.</summary>
    public IReadOnlyList<CustomField> CustomFields { get; internal init; } = [];

    /// <summary>The facts bulk checks read instead of the object graph; computed when the data is validated.</summary>
    public ref readonly RegistrationFacts Facts => ref _facts;

    /// <summary>The complete data: a copy of this draft with its <see cref="Facts"/> (the draft itself is discarded).</summary>
    internal RegistrationData WithFacts() => new(this);

    /// <summary>The address of <paramref name="kind"/>; for delivery, the default one.</summary>
    public Address? AddressOf(AddressKind kind) =>
        Addresses.FirstOrDefault(a => a.Kind == kind && (kind != AddressKind.Delivery || a.IsDefaultDelivery));

    /// <summary>What the duplicate rules compare: tax id, e-mails, phones, legal and trade names.</summary>
    public DuplicateKeys DuplicateKeys() =>
        new(TaxId, Emails.Select(e => e.Address), Phones.Select(p => p.Number), [LegalName, TradeName]);

    /// <summary>The data flattened to field paths for the history (custom secret fields flagged secret).</summary>
    public FieldSnapshot Snapshot()
    {
        var s = FieldSnapshot.Empty
            .With("kind", Kind.ToString())
            .With("legal_name", LegalName)
            .With("trade_name", TradeName)
            .With("short_name", ShortName?.Value)
            .With("tax_id", TaxId?.Digits)
            .With("foreign_id", ForeignId)
            .With("state_registration.kind", StateRegistration?.Kind.ToString())
            .With("state_registration.uf", StateRegistration?.Uf.ToString())
            .With("state_registration", StateRegistration?.Value)
            .With("municipal_registration", MunicipalRegistration)
            .With("cnae", Cnae?.Value)
            .With("fiscal_category", FiscalCategory?.Value)
            .With("client_type", ClientType?.Value)
            .With("account_type", AccountType?.Value)
            .With("client_group", ClientGroup?.Value)
            .With("representative", Representative?.Value)
            .With("carrier", Carrier?.Value)
            .With("portador", Portador?.Value)
            .With("payment_condition", PaymentCondition?.Value)
            .With("price_table", PriceTable?.Value)
            .With("portfolio", Portfolio?.Value)
            .With("owner", Owner?.Value.ToString())
            .With("company", Company?.Value.ToString())
            .With("branch", Branch?.Value.ToString());
        s = s.Each("addresses", Addresses, (s, p, a) => s
            .With(p + ".kind", a.Kind.ToString()).With(p + ".street", a.Street).With(p + ".number", a.Number)
            .With(p + ".complement", a.Complement).With(p + ".district", a.District).With(p + ".city", a.City)
            .With(p + ".uf", a.Uf?.ToString()).With(p + ".cep", a.Cep?.Value).With(p + ".municipality", a.Municipality?.Value)
            .With(p + ".country", a.Country).With(p + ".default_delivery", a.IsDefaultDelivery ? "true" : null)
            .With(p + ".delivery_place", a.DeliveryPlace));
        s = s.WithPhones("phones", Phones).WithEmails("emails", Emails);
        s = s.Each("other_contacts", OtherContacts, (s, p, x) => s.With(p + ".kind", x.Kind.ToString()).With(p + ".value", x.Value));
        s = s.Each("observations", Observations, (s, p, x) => s.With(p + ".type", x.Type.ToString()).With(p + ".text", x.Text));
        s = s.Each("responsible_people", ResponsiblePeople, (s, p, x) => s
            .With(p + ".name", x.Name).With(p + ".role", x.Role).With(p + ".cpf", x.Cpf?.Value)
            .With(p + ".email", x.Email?.Value).With(p + ".phone", x.Phone?.Value));
        s = s.WithMarketing("marketing", Marketing);
        return CustomFields.Aggregate(s, (s, f) => s.With($"custom.{f.Key}", f.Value, f.IsSecret));
    }

    /// <summary>The form that validates back to this data (used to re-validate a lead as an account on conversion).</summary>
    public RegistrationForm ToForm() => new()
    {
        Kind = Kind,
        LegalName = LegalName,
        TradeName = TradeName,
        ShortName = ShortName?.Value,
        TaxId = TaxId?.Digits,
        ForeignId = ForeignId,
        StateRegistration = StateRegistration?.Value,
        StateRegistrationKind = StateRegistration?.Kind,
        MunicipalRegistration = MunicipalRegistration,
        Cnae = Cnae?.Value,
        FiscalCategory = FiscalCategory?.Value,
        ClientType = ClientType?.Value,
        AccountType = AccountType?.Value,
        ClientGroup = ClientGroup?.Value,
        Representative = Representative?.Value,
        Carrier = Carrier?.Value,
        Portador = Portador?.Value,
        PaymentCondition = PaymentCondition?.Value,
        PriceTable = PriceTable?.Value,
        Portfolio = Portfolio?.Value,
        Owner = Owner,
        Company = Company,
        Branch = Branch,
        Addresses = [.. Addresses.Select(a => new AddressForm(a.Kind, a.Street, a.Number, a.Complement, a.District, a.City,
            a.Uf?.ToString(), a.Cep?.Value, a.Municipality?.Value, a.Country, a.IsDefaultDelivery, a.DeliveryPlace))],
        Phones = [.. Phones.Select(p => new PhoneForm(p.Type, p.Number.Value, p.Extension))],
        Emails = [.. Emails.Select(e => new EmailForm(e.Address.Value, e.Purpose))],
        OtherContacts = OtherContacts,
        Observations = Observations,
        ResponsiblePeople = [.. ResponsiblePeople.Select(r => new ResponsiblePersonForm(r.Name, r.Role, r.Cpf?.Value, r.Email?.Value, r.Phone?.Value))],
        Marketing = Marketing,
        CustomFields = CustomFields,
    };
}
