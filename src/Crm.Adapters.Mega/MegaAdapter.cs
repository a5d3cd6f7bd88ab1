using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using NodaTime;

namespace Crm.Adapters.Mega;

/// <summary>
/// Senior Mega (through the Senior X platform): the customer is an <i>agente</i>. What syncs is what Mega's own sync takes
/// (Senior help, "Venda+"): active customers, payment conditions of type "A receber" that are active, active price tables.
/// So an account inactive in the ERP, or pointing at a condition or price table outside those, is not eligible. The initial
/// load (companies, branches, customers, payment conditions, price tables) is <see cref="MegaInitialLoad"/>.
/// No public Mega contract documents field sizes, so the adapter declares none. Sales orders: no public Mega contract
/// documents an order entity either (ERP.md §3), so <see cref="ErpAdapter{TPayload}.PrepareOrder"/> keeps the contract's
/// answer, <see cref="Domain.Integration.Messages.OrdersNotSupported"/> (<c>integration.orders_unsupported</c>).
/// </summary>
public sealed class MegaAdapter : ErpAdapter<MegaAgent>
{
    /// <summary>The ERP id, <c>mega</c>.</summary>
    public static readonly ErpId Id = ErpId.Of("mega");

    private static readonly FieldLimits NoLimits = new([]);

    private readonly EligibilityRules _rules;

    /// <summary>Creates the adapter.</summary>
    public MegaAdapter()
    {
        var rules = new AccountRules(Id, "Mega");
        _rules = new EligibilityRules(
        [
            new("mega.account.inactive", "erp.situation", "Só clientes ativos sincronizam com a Mega: a conta está inativa no ERP.",
                static (a, _) => a.ErpSituation != ErpSituation.Inactive),
            rules.ClientTypeIntegrates(),
            rules.TaxIdAsClientTypeRequires(),
            rules.AddressPresent(AddressKind.Correspondence),
            rules.Integrated(RegistrationField.Representative, MasterDataKind.Representative),
            rules.Integrated(RegistrationField.PaymentCondition, MasterDataKind.PaymentCondition, activeOnly: true),
            new("mega.payment_condition.not_receivable", "payment_condition",
                "Só condições de pagamento do tipo \"A receber\" sincronizam com a Mega.",
                static (a, c) => c.MasterData.Find(MasterDataKind.PaymentCondition, a.Data) is not { Receivable: false },
                static (a, _) => $"A condição de pagamento {a.Data.PaymentCondition} não é do tipo \"A receber\"."),
            rules.Integrated(RegistrationField.PriceTable, MasterDataKind.PriceTable, activeOnly: true),
        ]);
        Descriptor = new AdapterDescriptor(Id, "Senior Mega",
            ErpCapabilities.ExportAccounts | ErpCapabilities.ImportAccounts | ErpCapabilities.AccountStatus | ErpCapabilities.InitialLoad);
    }

    /// <inheritdoc />
    public override AdapterDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EligibilityRule> Rules => _rules.All;

    /// <inheritdoc />
    public override FieldLimits Limits => NoLimits;

    /// <summary>The main address its rules require; no sizes (Mega publishes none).</summary>
    public override Domain.Accounts.Configuration.ErpFieldRequirements FieldRequirements { get; } =
        NoLimits.Requirements("Mega", [RegistrationField.CorrespondenceAddress]);

    /// <inheritdoc />
    public override string Resource => "agent";

    /// <inheritdoc />
    public override MegaAgent ToPayload(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var data = account.Data;
        var phones = new List<MegaPhone>();
        foreach (var type in (ReadOnlySpan<PhoneType>)[PhoneType.TelefoneErp1, PhoneType.TelefoneErp2, PhoneType.FaxErp1, PhoneType.FaxErp2])
            if (data.PhoneOf(type) is { } phone)
                phones.Add(new MegaPhone
                {
                    Number = phone.Number.NationalNumber,
                    Type = type is PhoneType.FaxErp1 or PhoneType.FaxErp2 ? 3 : phone.Number.IsMobile ? 2 : 1,
                    Extension = phone.Extension,
                    Main = type == PhoneType.TelefoneErp1,
                });
        var addresses = data.Addresses.OrderBy(a => a.Kind).ThenByDescending(a => a.IsDefaultDelivery).Select(a => new MegaAddress
        {
            MainAddress = a.Kind == AddressKind.Correspondence,
            AddressType = a.Kind.ToString().ToUpperInvariant(),
            Address = a.Street,
            Number = a.Number,
            Complement = a.Complement,
            District = a.District,
            City = a.City,
            State = a.Uf?.ToString(),
            CityCode = a.Municipality?.Value,
            CepCode = a.Cep?.Value,
            Country = a.Country,
        }).ToList();
        var hasDefinition = data.Representative is not null || data.PaymentCondition is not null || data.PriceTable is not null || data.Carrier is not null;
        return new MegaAgent
        {
            IdErp = ErpCodeOf(account),
            Name = data.LegalName,
            ShortName = data.ShortName?.Value,
            FantasyName = data.TradeName,
            PersonType = data.Kind switch { PersonKind.Fisica => "F", PersonKind.Juridica => "J", _ => "E" },
            Cnpj = data.TaxId is { IsT1: true } cnpj ? cnpj.Digits : null,
            Cpf = data.TaxId is { IsT0: true } cpf ? cpf.Digits : null,
            ForeignId = data.ForeignId,
            StateRegistration = data.StateRegistrationText(),
            MunicipalRegistration = data.MunicipalRegistration,
            GeneralEmail = data.GeneralEmail(),
            FinancialEmail = data.EmailsFor(EmailPurpose.Billing).FirstOrDefault(),
            Active = account.ErpSituation != ErpSituation.Inactive,
            Phones = phones.Count == 0 ? null : phones,
            Addresses = addresses.Count == 0 ? null : addresses,
            Definition = hasDefinition
                ? new MegaDefinition
                {
                    Representative = data.Representative?.Value,
                    PaymentTerm = data.PaymentCondition?.Value,
                    PriceTable = data.PriceTable?.Value,
                    Carrier = data.Carrier?.Value,
                }
                : null,
        };
    }

    /// <inheritdoc />
    public override RegistrationForm ToForm(MegaAgent payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var erpPhoneTypes = new Queue<PhoneType>([PhoneType.TelefoneErp1, PhoneType.TelefoneErp2]);
        var faxTypes = new Queue<PhoneType>([PhoneType.FaxErp1, PhoneType.FaxErp2]);
        var phones = (payload.Phones ?? [])
            .Select(p => (Types: p.Type == 3 ? faxTypes : erpPhoneTypes, Phone: p))
            .Where(p => p.Types.Count > 0)
            .Select(p => new PhoneForm(p.Types.Dequeue(), p.Phone.Number, p.Phone.Extension))
            .ToList();
        var emails = new List<EmailForm>();
        if (payload.GeneralEmail is { } general)
            emails.Add(new EmailForm(general));
        if (payload.FinancialEmail is { } financial)
            emails.Add(new EmailForm(financial, EmailPurpose.Billing));
        var addresses = (payload.Addresses ?? []).Select((a, i) =>
        {
            var kind = Enum.TryParse<AddressKind>(a.AddressType, ignoreCase: true, out var k) ? k : AddressKind.Correspondence;
            var firstDelivery = kind == AddressKind.Delivery
                                && payload.Addresses!.Take(i).All(b => !string.Equals(b.AddressType, nameof(AddressKind.Delivery), StringComparison.OrdinalIgnoreCase));
            return new AddressForm(kind, a.Address, a.Number, a.Complement, a.District, a.City, a.State, a.CepCode, a.CityCode, a.Country,
                firstDelivery);
        }).ToList();
        var kind = payload.PersonType switch { "F" => PersonKind.Fisica, "J" => PersonKind.Juridica, _ => PersonKind.Estrangeiro };
        return new RegistrationForm
        {
            Kind = kind,
            LegalName = payload.Name,
            ShortName = payload.ShortName,
            TradeName = payload.FantasyName,
            TaxId = payload.Cnpj ?? payload.Cpf,
            ForeignId = payload.ForeignId,
            StateRegistration = payload.StateRegistration,
            MunicipalRegistration = payload.MunicipalRegistration,
            Representative = payload.Definition?.Representative,
            PaymentCondition = payload.Definition?.PaymentTerm,
            PriceTable = payload.Definition?.PriceTable,
            Carrier = payload.Definition?.Carrier,
            Addresses = addresses,
            Phones = phones,
            Emails = emails,
        };
    }

    /// <summary>The agent's code, and its situation: <c>active</c> true is Ativo ERP, false Inativo ERP.</summary>
    public override ErpCustomerState ReadState(MegaAgent payload, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.IdErp is { } code
            ? new ErpCustomerState(code, payload.Active ? ErpSituation.Active : ErpSituation.Inactive)
            : ErpCustomerState.NotIntegrated;
    }
}
