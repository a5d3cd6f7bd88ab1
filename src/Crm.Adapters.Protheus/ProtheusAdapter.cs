using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using Crm.Domain.Registry;
using NodaTime;
using static Crm.Domain.Integration.Mapping.PayloadText;

namespace Crm.Adapters.Protheus;

/// <summary>
/// TOTVS Protheus: accounts become SA1 customers through the <c>customerVendor</c> message (CustomerVendor 2.008). The
/// rules are SA1's sizes and domains (ERP.md §2.1): <c>A1_NOME</c> 40, <c>A1_NREDUZ</c> 20, <c>A1_TIPO</c> F/L/R/S/X (from
/// the <c>A1_TIPO</c> custom field or <see cref="ProtheusOptions.DefaultCustomerType"/>), <c>A1_PESSOA</c> F/J, the
/// municipality that <c>A1_COD_MUN</c> needs, and seller, carrier, condition and price table known to Protheus.
/// The customer's ERP code is <c>A1_COD</c> (6) followed by <c>A1_LOJA</c> (2).
/// </summary>
public sealed partial class ProtheusAdapter : ErpAdapter<ProtheusCustomer>
{
    /// <summary>The ERP id, <c>protheus</c>.</summary>
    public static readonly ErpId Id = ErpId.Of("protheus");

    private static readonly FieldLimits ProtheusLimits = new(
    [
        new("SA1.A1_FILIAL", "branchId", 12),
        new("SA1.A1_COD", "code", 6),
        new("SA1.A1_LOJA", "storeId", 2),
        new("SA1.A1_NOME", "name", 40, RegistrationField.LegalName),
        new("SA1.A1_NREDUZ", "shortName", 20, RegistrationField.ShortName),
        new("SA1.A1_TIPO", "strategicCustomerType", 1),
        new("SA1.A1_CGC", "governmentalInformation[].Id[]", 18), // CNPJ 14, IE A1_INSCR 18, IM A1_INSCRM 18
        new("SA1.A1_END", "address.address", 80),
        new("SA1.A1_COMPLEM", "address.complement", 50),
        new("SA1.A1_BAIRRO", "address.district", 40),
        new("SA1.A1_COD_MUN", "address.city.cityCode", 5),
        new("SA1.A1_MUN", "address.city.cityDescription", 60),
        new("SA1.A1_EST", "address.state.stateId", 2),
        new("SA1.A1_CEP", "address.zipCode", 8),
        new("SA1.A1_ENDENT", "shippingAddress.address", 40),
        new("SA1.A1_BAIRROE", "shippingAddress.district", 20),
        new("SA1.A1_MUNE", "shippingAddress.city.cityDescription", 15),
        new("SA1.A1_ESTE", "shippingAddress.state.stateId", 2),
        new("SA1.A1_CEPE", "shippingAddress.zipCode", 8),
        new("SA1.A1_ENDCOB", "billingInformation.address.address", 40),
        new("SA1.A1_BAIRROC", "billingInformation.address.district", 30),
        new("SA1.A1_MUNC", "billingInformation.address.city.cityDescription", 15),
        new("SA1.A1_ESTC", "billingInformation.address.state.stateId", 2),
        new("SA1.A1_CEPC", "billingInformation.address.zipCode", 8),
        new("SA1.A1_DDI", "listOfCommunicationInformation[].InternationalDiallingCode", 6),
        new("SA1.A1_DDD", "listOfCommunicationInformation[].DiallingCode", 3),
        new("SA1.A1_TEL", "listOfCommunicationInformation[].PhoneNumber", 15),
        new("SA1.A1_FAX", "listOfCommunicationInformation[].FaxNumber", 15),
        new("SA1.A1_EMAIL", "listOfCommunicationInformation[].Email", 30, RegistrationField.Email),
        new("SA1.A1_VEND", "vendorInformation.vendorTypeCode", 6, RegistrationField.Representative),
        new("SA1.A1_COND", "paymentConditionCode", 3, RegistrationField.PaymentCondition),
        new("SA1.A1_TABELA", "priceListHeaderItemCode", 3, RegistrationField.PriceTable),
        new("SA1.A1_TRANSP", "carrierCode", 6, RegistrationField.Carrier),
    ]);

    private readonly ProtheusOptions _options;
    private readonly EligibilityRules _rules;

    /// <summary>The adapter with the default options; used when it is discovered.</summary>
    public ProtheusAdapter() : this(new ProtheusOptions()) { }

    /// <summary>The adapter with <paramref name="options"/> (validated by <see cref="ProtheusOptionsValidator"/>).</summary>
    public ProtheusAdapter(ProtheusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var rules = new AccountRules(Id, "Protheus");
        var defaultType = options.DefaultCustomerType;
        _rules = new EligibilityRules(
        [
            rules.ClientTypeIntegrates(),
            rules.FitsIn(RegistrationField.LegalName, 40),
            rules.FitsIn(RegistrationField.ShortName, 20),
            rules.TaxIdAsClientTypeRequires(),
            new("protheus.customer_type.invalid", $"custom_fields.{Sa1.CustomerTypeField}",
                "O tipo do cliente no Protheus (A1_TIPO) deve ser F, L, R, S ou X.",
                (a, _) => Sa1.IsCustomerType(CustomerType(a, defaultType)),
                (a, _) => $"O tipo do cliente no Protheus (A1_TIPO) '{CustomerType(a, defaultType)}' não é F, L, R, S ou X."),
            new("protheus.customer_type.foreigner", $"custom_fields.{Sa1.CustomerTypeField}",
                "Um cliente estrangeiro é de exportação no Protheus: A1_TIPO deve ser X.",
                (a, _) => a.Data.Kind != PersonKind.Estrangeiro || CustomerType(a, defaultType) == "X"),
            rules.AddressPresent(AddressKind.Correspondence),
            new("protheus.addresses.correspondence.municipality_required", "addresses.correspondence.municipality",
                "O código IBGE do município do endereço principal é obrigatório no Protheus (A1_COD_MUN).",
                // A missing address is its own rule.
                static (a, _) => a.Data.AddressOf(AddressKind.Correspondence) is not { Municipality: null }),
            rules.GeneralEmailPresent(),
            rules.FitsIn(RegistrationField.Email, 30),
            rules.Integrated(RegistrationField.Representative, MasterDataKind.Representative),
            rules.FitsIn(RegistrationField.Representative, 6),
            rules.Integrated(RegistrationField.Carrier, MasterDataKind.Carrier),
            rules.Digits(RegistrationField.Carrier, 6),
            rules.Integrated(RegistrationField.PaymentCondition, MasterDataKind.PaymentCondition),
            rules.FitsIn(RegistrationField.PaymentCondition, 3),
            rules.Integrated(RegistrationField.PriceTable, MasterDataKind.PriceTable),
            rules.FitsIn(RegistrationField.PriceTable, 3),
        ]);
        Descriptor = new AdapterDescriptor(Id, "TOTVS Protheus",
            ErpCapabilities.ExportAccounts | ErpCapabilities.ImportAccounts | ErpCapabilities.AccountStatus);
        FieldRequirements = ProtheusLimits.Requirements("Protheus",
            [RegistrationField.LegalName, RegistrationField.ShortName, RegistrationField.CorrespondenceAddress, RegistrationField.Email]);
    }

    /// <inheritdoc />
    public override AdapterDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EligibilityRule> Rules => _rules.All;

    /// <inheritdoc />
    public override FieldLimits Limits => ProtheusLimits;

    /// <inheritdoc />
    public override Domain.Accounts.Configuration.ErpFieldRequirements FieldRequirements { get; }

    /// <inheritdoc />
    public override string Resource => "customerVendor";

    /// <summary>The account's <c>A1_TIPO</c>: its custom field, else the configured default.</summary>
    private static string CustomerType(Account account, string defaultType)
    {
        if (account.Data.CustomFields.Count == 0)
            return defaultType;
        var fields = account.Data.CustomFields;
        for (var i = 0; i < fields.Count; i++)
            if (string.Equals(fields[i].Key, Sa1.CustomerTypeField, StringComparison.OrdinalIgnoreCase))
                return fields[i].Value;
        return defaultType;
    }

    /// <inheritdoc />
    public override ProtheusCustomer ToPayload(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var data = account.Data;
        var erpCode = ErpCodeOf(account);
        var code = erpCode is { Length: 8 } ? erpCode[..6] : null;
        var store = erpCode is { Length: 8 } ? erpCode[6..] : _options.StoreId;
        var type = CustomerType(account, _options.DefaultCustomerType);
        var phone = data.PhoneOf(PhoneType.TelefoneErp1)?.Number;
        var fax = data.PhoneOf(PhoneType.FaxErp1)?.Number;
        var email = data.GeneralEmail();
        var site = Fit(data.Website(), 60);
        var delivery = data.AddressOf(AddressKind.Delivery);
        var billing = data.AddressOf(AddressKind.Billing);
        return new ProtheusCustomer
        {
            CompanyId = _options.CompanyId,
            BranchId = _options.BranchId,
            Code = code,
            StoreId = store,
            InternalId = code is null ? null : $"{_options.CompanyId}|{_options.BranchId}|{code}|{store}|C",
            ShortName = Fit(data.ShortName?.Value, 20),
            Name = Fit(data.LegalName, 40),
            EntityType = Sa1.Pessoa(data.Kind) == 'F' ? "1" : "2",
            RegisterSituation = Sa1.RegisterSituation(Sa1.Msblql(account.ErpSituation)),
            StrategicCustomerType = Fit(type, 1),
            GovernmentalInformation = Documents(data),
            Address = data.AddressOf(AddressKind.Correspondence) is { } main ? AddressOf(main, 80, 40, 60, includeCityCode: true) : null,
            ShippingAddress = delivery is null ? null : AddressOf(delivery, 40, 20, 15, includeCityCode: false),
            BillingInformation = billing is null ? null : new ProtheusBillingInformation { Address = AddressOf(billing, 40, 30, 15, includeCityCode: false) },
            Communication = phone is null && fax is null && email is null && site is null ? null :
            [
                new ProtheusCommunicationInformation
                {
                    PhoneNumber = phone is { } p ? (p.Ddd is null ? p.NationalNumber : p.NationalNumber[2..]) : null,
                    DiallingCode = phone?.Ddd,
                    InternationalDiallingCode = phone is null ? null : "55",
                    FaxNumber = fax?.NationalNumber,
                    Email = Fit(email, 30),
                    HomePage = site,
                },
            ],
            VendorInformation = data.Representative is { } seller
                ? new ProtheusVendorInformation { VendorTypeCode = Fit(seller.Value, 6)!, VendorTypeInternalId = $"{_options.CompanyId}|{_options.BranchId}|{Fit(seller.Value, 6)}" }
                : null,
            PaymentConditionCode = Fit(data.PaymentCondition?.Value, 3),
            PriceListHeaderItemCode = Fit(data.PriceTable?.Value, 3),
            CarrierCode = Number(data.Carrier?.Value),
        };
    }

    private static List<ProtheusGovernmentalInformation>? Documents(RegistrationData data)
    {
        var documents = new List<ProtheusGovernmentalInformation>();
        if (data.TaxId is { } taxId)
            documents.Add(new() { Id = [taxId.Digits], Scope = "Federal", Name = taxId.Kind == PersonKind.Fisica ? "CPF" : "CNPJ" });
        if (Fit(data.StateRegistrationText(), 18) is { } ie)
            documents.Add(new() { Id = [ie], Scope = "State", Name = "INSCRICAO ESTADUAL" });
        if (Fit(data.MunicipalRegistration, 18) is { } im)
            documents.Add(new() { Id = [im], Scope = "Municipal", Name = "INSCRICAO MUNICIPAL" });
        return documents.Count == 0 ? null : documents;
    }

    private static ProtheusAddress AddressOf(Address address, int lineMax, int districtMax, int cityMax, bool includeCityCode) => new()
    {
        Address = Fit(StreetLine(address.Street, address.Number), lineMax),
        Complement = includeCityCode ? Fit(address.Complement, 50) : null,
        District = Fit(address.District, districtMax),
        City = new ProtheusCity
        {
            CityCode = includeCityCode ? address.Municipality?.Value[2..] : null,
            CityDescription = Fit(address.City, cityMax),
        },
        State = address.Uf is { } uf ? new ProtheusState { StateId = uf.ToString() } : null,
        ZipCode = address.Cep?.Value,
    };

    /// <inheritdoc />
    public override RegistrationForm ToForm(ProtheusCustomer payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string? Document(string name) =>
            payload.GovernmentalInformation?.FirstOrDefault(d => d.Name == name)?.Id.FirstOrDefault();
        var taxId = Document("CNPJ") ?? Document("CPF");
        var kind = payload.EntityType == "1" ? PersonKind.Fisica
            : taxId is null && payload.StrategicCustomerType == "X" ? PersonKind.Estrangeiro
            : PersonKind.Juridica;
        var addresses = new List<AddressForm>();
        if (payload.Address is { } main)
            addresses.Add(FormOf(AddressKind.Correspondence, main));
        if (payload.BillingInformation?.Address is { } billing)
            addresses.Add(FormOf(AddressKind.Billing, billing));
        if (payload.ShippingAddress is { } shipping)
            addresses.Add(FormOf(AddressKind.Delivery, shipping) with { IsDefaultDelivery = true });
        var communication = payload.Communication?.FirstOrDefault();
        var phones = new List<PhoneForm>();
        if (communication?.PhoneNumber is { } number)
            phones.Add(new PhoneForm(PhoneType.TelefoneErp1, (communication.DiallingCode ?? "") + number));
        if (communication?.FaxNumber is { } faxNumber)
            phones.Add(new PhoneForm(PhoneType.FaxErp1, faxNumber));
        return new RegistrationForm
        {
            Kind = kind,
            LegalName = payload.Name,
            ShortName = payload.ShortName,
            TaxId = taxId,
            StateRegistration = Document("INSCRICAO ESTADUAL"),
            MunicipalRegistration = Document("INSCRICAO MUNICIPAL"),
            Representative = payload.VendorInformation?.VendorTypeCode,
            Carrier = payload.CarrierCode?.ToString("D6", CultureInfo.InvariantCulture),
            PaymentCondition = payload.PaymentConditionCode,
            PriceTable = payload.PriceListHeaderItemCode,
            Addresses = addresses,
            Phones = phones,
            Emails = communication?.Email is { } email ? [new EmailForm(email)] : [],
            OtherContacts = communication?.HomePage is { } site ? [new ElectronicContact(ElectronicContactKind.Website, site)] : [],
            CustomFields = payload.StrategicCustomerType is { } type ? [new CustomField(Sa1.CustomerTypeField, type)] : [],
        };
    }

    private static AddressForm FormOf(AddressKind kind, ProtheusAddress address)
    {
        var (street, number) = SplitStreetLine(address.Address ?? "");
        var uf = address.State?.StateId;
        return new AddressForm(kind, street, number, address.Complement, address.District, address.City?.CityDescription, uf,
            address.ZipCode, IbgeCode(uf, address.City?.CityCode));
    }

    /// <summary>The 7-digit IBGE code of <c>A1_COD_MUN</c> (the code without its state's two digits) in <paramref name="uf"/>.</summary>
    public static string? IbgeCode(string? uf, string? cityCode)
    {
        if (cityCode is not { Length: 5 } || !Enum.TryParse<Uf>(uf, ignoreCase: false, out var state))
            return null;
        for (var prefix = 11; prefix <= 53; prefix++)
            if (CodigoMunicipio.TryParse($"{prefix}{cityCode}", out var code) && code.Uf == state)
                return code.Value;
        return null;
    }

    /// <summary>The code (<c>A1_COD</c> + <c>A1_LOJA</c>) and the situation (<c>registerSituation</c> ↔ <c>A1_MSBLQL</c>).</summary>
    public override ErpCustomerState ReadState(ProtheusCustomer payload, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Code is { } code
            ? new ErpCustomerState(code + (payload.StoreId ?? _options.StoreId), Sa1.SituationOf(Sa1.MsblqlOf(payload.RegisterSituation)))
            : ErpCustomerState.NotIntegrated;
    }

    /// <summary>The customer's credit as Protheus reports it, or null without a limit.</summary>
    public static CustomerCredit? CreditOf(ProtheusCustomer payload) => CustomerCredit.Of(payload?.CreditInformation);
}
