using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using NodaTime;
using static Crm.Domain.Integration.Mapping.PayloadText;

namespace Crm.Adapters.Datasul;

/// <summary>
/// TOTVS Datasul (EMS): the CRM's account integration rules (seed 000, "Novo Lead / Nova Conta"), the <c>customerPublic</c>
/// payload, and the <i>Gestão de Planos</i> rules under INTEGR_GP. The situation is read as CRM1003 does: inactive once
/// the months since the last sale exceed <c>nr-mesina</c>.
/// </summary>
public sealed partial class DatasulAdapter : ErpAdapter<DatasulCustomer>
{
    /// <summary>The ERP id, <c>datasul</c>.</summary>
    public static readonly ErpId Id = ErpId.Of("datasul");

    private const string Name = "TOTVS Datasul (EMS)";

    private static readonly FieldLimits DatasulLimits = new(
    [
        new("emitente.nome-abrev", "ShortName", 12, RegistrationField.ShortName),
        new("emitente.nome-emit", "CustomerName", 60, RegistrationField.LegalName),
        new("emitente.nom-fantasia", "TradeName", 60, RegistrationField.TradeName),
        new("emitente.cgc", "PersonalId", 19),
        new("emitente.ins-estadual", "StateRegistration", 19),
        new("emitente.endereco", "Address", 40),
        new("emitente.bairro", "Neighborhood", 30),
        new("emitente.cidade", "City", 50),
        new("emitente.estado", "State", 4),
        new("emitente.cep", "ZipCode", 12),
        new("emitente.pais", "Country", 20),
        new("emitente.endereco-cob", "BillingAddress", 40),
        new("emitente.bairro-cob", "BillingNeighborhood", 30),
        new("emitente.cidade-cob", "BillingCity", 50),
        new("emitente.estado-cob", "BillingState", 4),
        new("emitente.cep-cob", "BillingZipCode", 12),
        new("emitente.pais-cob", "BillingCountry", 20),
        new("emitente.cod-entrega", "DeliveryCode", 12),
        new("loc-entr.cod-entrega", "DeliveryPlaces[].DeliveryCode", 12),
        new("loc-entr.endereco", "DeliveryPlaces[].Address", 40),
        new("loc-entr.bairro", "DeliveryPlaces[].Neighborhood", 30),
        new("loc-entr.cidade", "DeliveryPlaces[].City", 50),
        new("loc-entr.estado", "DeliveryPlaces[].State", 4),
        new("loc-entr.cep", "DeliveryPlaces[].ZipCode", 12),
        new("loc-entr.pais", "DeliveryPlaces[].Country", 20),
        new("emitente.telefax", "Telefax", 15),
        new("emitente.telex", "Telex", 15),
        new("emitente.cod-email-nfe", "NFeEmail", 500),
        new("emitente.home-page", "HomePage", 40),
        new("emitente.nr-tabpre", "PriceTable", 8, RegistrationField.PriceTable),
        new("emitente.observacoes", "Comments", 2000),
    ]);

    // What EMS cannot do without (customerPublic required fields, seed 000 rules), for "consider the ERP's mandatory fields".
    private static readonly RegistrationField[] Required =
    [
        RegistrationField.ShortName, RegistrationField.LegalName, RegistrationField.Email, RegistrationField.CorrespondenceAddress,
        RegistrationField.BillingAddress, RegistrationField.DeliveryAddress, RegistrationField.ClientGroup,
        RegistrationField.Representative, RegistrationField.Carrier, RegistrationField.Portador, RegistrationField.PaymentCondition,
    ];

    private readonly DatasulOptions _options;
    private readonly EligibilityRules _erpRules;
    private readonly EligibilityRules _gpRules;

    /// <summary>The adapter with the default parameters (INTEGR_ERP_EMS on, INTEGR_GP off); used when it is discovered.</summary>
    public DatasulAdapter() : this(new DatasulOptions()) { }

    /// <summary>The adapter with <paramref name="options"/> (validated by <see cref="DatasulOptionsValidator"/>).</summary>
    public DatasulAdapter(DatasulOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var rules = new AccountRules(Id, "Datasul");
        var emsOn = options.IntegrErpEms;
        var gpOn = options.IntegrGp;
        _erpRules = new EligibilityRules(
        [
            new("datasul.integration.disabled", "", "O parâmetro INTEGR_ERP_EMS está desativado: o CRM não integra com o ERP Datasul.",
                (_, _) => emsOn),
            rules.ClientTypeIntegrates(),
            rules.AddressPresent(AddressKind.Correspondence),
            rules.AddressPresent(AddressKind.Billing),
            rules.AddressPresent(AddressKind.Delivery),
            rules.Informed(RegistrationField.ClientGroup),
            rules.ClientGroupIntegrated(),
            rules.Informed(RegistrationField.Representative),
            rules.Integrated(RegistrationField.Representative, MasterDataKind.Representative),
            rules.Informed(RegistrationField.Carrier),
            rules.Integrated(RegistrationField.Carrier, MasterDataKind.Carrier),
            rules.Informed(RegistrationField.Portador),
            rules.Integrated(RegistrationField.Portador, MasterDataKind.Portador),
            rules.Informed(RegistrationField.PaymentCondition),
            rules.Integrated(RegistrationField.PaymentCondition, MasterDataKind.PaymentCondition),
            rules.FitsIn(RegistrationField.ShortName, 12),
            rules.ShortNameUnique(),
            rules.FitsIn(RegistrationField.LegalName, 60),
            rules.GeneralEmailPresent(),
            rules.TaxIdAsClientTypeRequires(),
        ]);
        _gpRules = new EligibilityRules(
        [
            new("datasul.gp.disabled", "", "O parâmetro INTEGR_GP está desativado: o CRM não envia contas ao Gestão de Planos.",
                (_, _) => gpOn),
            new("datasul.gp.not_from_gp", "erp.state",
                "Só são enviadas ao Gestão de Planos as contas que vieram do Gestão de Planos (integração Gestão > CRM).",
                static (a, _) => a.Integration.IsT2),
            new("datasul.gp.active_term", "erp.active_term",
                "A conta possui termo ativo: alterações não são enviadas ao Gestão de Planos.",
                static (a, _) => !a.Integration.IsT2 || !a.Integration.AsT2.HasActiveTerm),
        ]);
        Rules = [.. _erpRules.All, .. _gpRules.All];
        Descriptor = new AdapterDescriptor(Id, Name,
            ErpCapabilities.ExportAccounts | ErpCapabilities.ImportAccounts | ErpCapabilities.AccountStatus | ErpCapabilities.GestaoDePlanos);
        FieldRequirements = DatasulLimits.Requirements("Datasul", Required);
    }

    /// <inheritdoc />
    public override AdapterDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EligibilityRule> Rules { get; }

    /// <inheritdoc />
    public override FieldLimits Limits => DatasulLimits;

    /// <inheritdoc />
    public override Domain.Accounts.Configuration.ErpFieldRequirements FieldRequirements { get; }

    /// <inheritdoc />
    public override string Resource => "customerPublic";

    /// <summary>The rules for EMS (<c>System = Erp</c>) or for <i>Gestão de Planos</i> (<c>System = Gp</c>).</summary>
    public override EligibilityResult Evaluate(Account account, EligibilityContext context) =>
        (ToGp(context) ? _gpRules : _erpRules).Evaluate(account, context);

    /// <inheritdoc />
    public override DatasulCustomer ToPayload(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var data = account.Data;
        var main = data.AddressOf(AddressKind.Correspondence);
        var billing = data.AddressOf(AddressKind.Billing);
        var places = data.DeliveryPlaces().Select((a, i) => Place(a, i)).ToList();
        PhoneEntry? Phone(PhoneType type) => data.PhoneOf(type);
        return new DatasulCustomer
        {
            CustomerCode = Number(ErpCodeOf(account)),
            ShortName = Fit(data.ShortName?.Value, 12),
            CustomerName = Fit(data.LegalName, 60),
            TradeName = Fit(data.TradeName, 60),
            EntityType = data.Kind switch { PersonKind.Fisica => 1, PersonKind.Juridica => 2, _ => 3 },
            PersonalId = Fit(data.TaxId?.Digits ?? data.ForeignId, 19),
            StateRegistration = Fit(data.StateRegistrationText(), 19),
            MunicipalRegistration = data.MunicipalRegistration,
            Address = main is null ? null : Fit(StreetLine(main.Street, main.Number), 40),
            Neighborhood = Fit(main?.District, 30),
            City = Fit(main?.City, 50),
            State = main?.Uf?.ToString(),
            ZipCode = main?.Cep?.Value,
            Country = Fit(main?.Country, 20),
            IbgeCode = Number(main?.Municipality?.Value),
            BillingAddress = billing is null ? null : Fit(StreetLine(billing.Street, billing.Number), 40),
            BillingNeighborhood = Fit(billing?.District, 30),
            BillingCity = Fit(billing?.City, 50),
            BillingState = billing?.Uf?.ToString(),
            BillingZipCode = billing?.Cep?.Value,
            BillingCountry = Fit(billing?.Country, 20),
            BillingIbgeCode = Number(billing?.Municipality?.Value),
            DeliveryCode = places.FirstOrDefault()?.DeliveryCode,
            DeliveryPlaces = places.Count == 0 ? null : places,
            Phone1 = Phone(PhoneType.TelefoneErp1)?.Number.NationalNumber,
            Extension1 = Phone(PhoneType.TelefoneErp1)?.Extension,
            Phone2 = Phone(PhoneType.TelefoneErp2)?.Number.NationalNumber,
            Extension2 = Phone(PhoneType.TelefoneErp2)?.Extension,
            Telefax = Phone(PhoneType.FaxErp1)?.Number.NationalNumber,
            Telex = Phone(PhoneType.FaxErp2)?.Number.NationalNumber,
            Email = data.GeneralEmail(),
            NFeEmail = JoinFitting(data.EmailsFor(EmailPurpose.Nfe), ";", 500),
            HomePage = Fit(data.Website(), 40),
            CustomerGroup = Number(data.ClientGroup?.Value),
            RepresentativeCode = Number(data.Representative?.Value),
            StandardCarrierCode = Number(data.Carrier?.Value),
            Holder = Number(data.Portador?.Value),
            Modality = _options.Modality,
            PaymentTerms = Number(data.PaymentCondition?.Value),
            PriceTable = Fit(data.PriceTable?.Value, 8),
            Comments = Fit(data.IntegrationNotes(), 2000),
        };
    }

    private static DatasulDeliveryPlace Place(Address address, int index) => new()
    {
        // A place without its own code gets its position, so the payload stays the same for the same account.
        DeliveryCode = Fit(address.DeliveryPlace, 12) ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Address = Fit(StreetLine(address.Street, address.Number), 40),
        Neighborhood = Fit(address.District, 30),
        City = Fit(address.City, 50),
        State = address.Uf?.ToString(),
        ZipCode = address.Cep?.Value,
        Country = Fit(address.Country, 20),
        IbgeCode = Number(address.Municipality?.Value),
    };

    /// <inheritdoc />
    public override RegistrationForm ToForm(DatasulCustomer payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var kind = payload.EntityType switch { 1 => PersonKind.Fisica, 2 => PersonKind.Juridica, _ => PersonKind.Estrangeiro };
        var addresses = new List<AddressForm>();
        if (payload.Address is { } main)
            addresses.Add(AddressOf(AddressKind.Correspondence, main, payload.Neighborhood, payload.City, payload.State, payload.ZipCode,
                payload.IbgeCode, payload.Country));
        if (payload.BillingAddress is { } billing)
            addresses.Add(AddressOf(AddressKind.Billing, billing, payload.BillingNeighborhood, payload.BillingCity, payload.BillingState,
                payload.BillingZipCode, payload.BillingIbgeCode, payload.BillingCountry));
        foreach (var place in payload.DeliveryPlaces ?? [])
            addresses.Add(AddressOf(AddressKind.Delivery, place.Address ?? "", place.Neighborhood, place.City, place.State, place.ZipCode,
                place.IbgeCode, place.Country) with
            {
                IsDefaultDelivery = place.DeliveryCode == payload.DeliveryCode,
                DeliveryPlace = place.DeliveryCode,
            });
        var phones = new List<PhoneForm>();
        AddPhone(phones, PhoneType.TelefoneErp1, payload.Phone1, payload.Extension1);
        AddPhone(phones, PhoneType.TelefoneErp2, payload.Phone2, payload.Extension2);
        AddPhone(phones, PhoneType.FaxErp1, payload.Telefax, null);
        AddPhone(phones, PhoneType.FaxErp2, payload.Telex, null);
        var emails = new List<EmailForm>();
        if (payload.Email is { } email)
            emails.Add(new EmailForm(email));
        emails.AddRange((payload.NFeEmail ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => new EmailForm(e, EmailPurpose.Nfe)));
        return new RegistrationForm
        {
            Kind = kind,
            LegalName = payload.CustomerName,
            TradeName = payload.TradeName,
            ShortName = payload.ShortName,
            TaxId = kind == PersonKind.Estrangeiro ? null : payload.PersonalId,
            ForeignId = kind == PersonKind.Estrangeiro ? payload.PersonalId : null,
            StateRegistration = payload.StateRegistration,
            MunicipalRegistration = payload.MunicipalRegistration,
            ClientGroup = payload.CustomerGroup?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Representative = payload.RepresentativeCode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Carrier = payload.StandardCarrierCode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Portador = payload.Holder?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PaymentCondition = payload.PaymentTerms?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PriceTable = payload.PriceTable,
            Addresses = addresses,
            Phones = phones,
            Emails = emails,
            OtherContacts = payload.HomePage is { } site ? [new ElectronicContact(ElectronicContactKind.Website, site)] : [],
            Observations = payload.Comments is { } notes ? [new Observation(ObservationType.Integration, notes)] : [],
        };
    }

    private static AddressForm AddressOf(AddressKind kind, string line, string? district, string? city, string? uf, string? cep, int? ibge,
        string? country)
    {
        var (street, number) = SplitStreetLine(line);
        return new AddressForm(kind, street, number, null, district, city, uf, cep,
            ibge?.ToString(System.Globalization.CultureInfo.InvariantCulture), country);
    }

    private static void AddPhone(List<PhoneForm> phones, PhoneType type, string? number, string? extension)
    {
        if (!string.IsNullOrWhiteSpace(number))
            phones.Add(new PhoneForm(type, number, extension));
    }

    /// <summary>
    /// The code and situation in a payload read from EMS: not integrated without <c>cod-emitente</c>; otherwise as
    /// <see cref="DatasulAccountState.Of"/> reads it (CRM1003's rule).
    /// </summary>
    public override ErpCustomerState ReadState(DatasulCustomer payload, LocalDate today) =>
        DatasulAccountState.Of(payload, today)?.ToCustomerState() ?? ErpCustomerState.NotIntegrated;
}
