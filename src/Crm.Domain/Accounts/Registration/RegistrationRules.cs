using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The registration rules of leads and accounts (seed 000 "Novo Lead / Nova Conta", DOMAIN.md §3). Every problem is
/// reported at once, each with its field path, a stable code <c>{lead|account}.{field}.{rule}</c> and a Portuguese message:
/// <list type="bullet">
/// <item>fixed: legal name and e-mail on both; short name (unique per tenant) on accounts; CPF for física and CNPJ for
/// jurídica on accounts, unless the client type waives it; foreigners have neither;</item>
/// <item>every document parses (CPF, CNPJ, IE against the main address's UF, CEP, IBGE code, phones, e-mails, CNAE);</item>
/// <item>addresses: at most one correspondence and one billing, exactly one default among delivery places; CEP and IBGE code
/// in the address's UF;</item>
/// <item>configuration: known client type, account type, client group; client type × account type mapped; group for the
/// person kind (its defaults fill the blanks first);</item>
/// <item>the tenant's mandatory fields, and — with "consider the ERP's mandatory fields" on and an integrating client type —
/// the ERP's required fields and lengths (accounts only: on save and on lead conversion);</item>
/// <item>duplicates, through <see cref="RegistrationContext.CheckDuplicates"/>.</item>
/// </list>
/// </summary>
public static class RegistrationRules
{
    /// <summary>The longest legal or trade name the CRM stores (<c>crm_pessoa.nom_razao_social</c>, ERP.md §1.1).</summary>
    public const int MaxNameLength = TextLimits.RegistrationName;

    /// <summary>Validates <paramref name="form"/> as a lead or account of <paramref name="context"/>.</summary>
    public static RegistrationResult Validate(RegistrationForm form, RegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var problems = new ProblemCollector(context.Subject);

        var group = MasterDataCode.From(form.ClientGroup) is { } groupCode ? settings.ClientGroups.GetValueOrDefault(groupCode) : null;
        if (group is not null)
            form = form.WithDefaultsOf(group);

        var addresses = form.Addresses.Select((a, i) => ReadAddress(a, $"addresses[{i}]", ref problems)).ToList();
        CheckAddressSet(form.Addresses, ref problems);
        // The IE is checked in the UF typed on the main address, even when another part of that address is wrong.
        var mainUf = UfOf(form.Addresses.FirstOrDefault(a => a.Kind == AddressKind.Correspondence))
                     ?? UfOf(form.Addresses.FirstOrDefault(a => a.Kind == AddressKind.Billing));
        var phones = ReadPhones(form.Phones, ref problems);
        var emails = form.Emails.Select((e, i) => ReadEmail(e, $"emails[{i}]", ref problems)).ToList();

        var data = new RegistrationData
        {
            Kind = form.Kind,
            LegalName = Name(form.LegalName, "legal_name", ref problems) ?? "",
            TradeName = Name(form.TradeName, "trade_name", ref problems),
            ShortName = ReadShortName(form.ShortName, context, ref problems),
            TaxId = ReadTaxId(form, ref problems),
            ForeignId = problems.Text(form.ForeignId, "foreign_id"),
            StateRegistration = ReadStateRegistration(form, mainUf, ref problems),
            MunicipalRegistration = problems.Text(form.MunicipalRegistration, "municipal_registration"),
            Cnae = problems.ParseOptional(form.Cnae, Cnae.Parse, "cnae"),
            FiscalCategory = Code(form.FiscalCategory, "fiscal_category", ref problems),
            ClientType = Code(form.ClientType, "client_type", ref problems),
            AccountType = Code(form.AccountType, "account_type", ref problems),
            ClientGroup = Code(form.ClientGroup, "client_group", ref problems),
            Representative = Code(form.Representative, "representative", ref problems),
            Carrier = Code(form.Carrier, "carrier", ref problems),
            Portador = Code(form.Portador, "portador", ref problems),
            PaymentCondition = Code(form.PaymentCondition, "payment_condition", ref problems),
            PriceTable = Code(form.PriceTable, "price_table", ref problems),
            Portfolio = Code(form.Portfolio, "portfolio", ref problems),
            Owner = form.Owner,
            Company = form.Company,
            Branch = form.Branch,
            Addresses = [.. addresses.OfType<Address>()],
            Phones = phones,
            Emails = [.. emails.OfType<EmailEntry>()],
            OtherContacts = ReadOtherContacts(form.OtherContacts, ref problems),
            Observations = ReadObservations(form.Observations, ref problems),
            ResponsiblePeople = [.. form.ResponsiblePeople.Select((r, i) => ReadResponsible(r, $"responsible_people[{i}]", ref problems)).OfType<ResponsiblePerson>()],
            Marketing = ReadMarketing(form.Marketing, ref problems),
            CustomFields = ReadCustomFields(form.CustomFields, ref problems),
        };

        if (form.Branch is not null && form.Company is null)
            problems.Add("branch", AccountCodes.BranchCompanyRequired, "Informe a empresa da filial.");
        CheckConfiguration(data, group, settings, ref problems);
        CheckMandatory(form, data, context, ref problems);
        if (context.CheckDuplicates is { } checkDuplicates)
            problems.AddRange(checkDuplicates(data.DuplicateKeys()));

        return problems.HasErrors
            ? problems.ToInvalid()
            : new ValidRegistration(context.Kind, data.WithFacts(), problems.Items);
    }

    /// <summary>The text of a scalar field on the form; null for the fields that are collections.</summary>
    private static string? TextOf(RegistrationForm form, RegistrationField field) => field switch
    {
        RegistrationField.LegalName => form.LegalName,
        RegistrationField.TradeName => form.TradeName,
        RegistrationField.ShortName => form.ShortName,
        RegistrationField.TaxId => form.TaxId,
        RegistrationField.StateRegistration => form.StateRegistrationKind is { } kind && kind != InscricaoEstadualKind.Registered
            ? kind.ToString()
            : form.StateRegistration,
        RegistrationField.MunicipalRegistration => form.MunicipalRegistration,
        RegistrationField.Cnae => form.Cnae,
        RegistrationField.FiscalCategory => form.FiscalCategory,
        RegistrationField.ClientType => form.ClientType,
        RegistrationField.AccountType => form.AccountType,
        RegistrationField.ClientGroup => form.ClientGroup,
        RegistrationField.Representative => form.Representative,
        RegistrationField.Carrier => form.Carrier,
        RegistrationField.Portador => form.Portador,
        RegistrationField.PaymentCondition => form.PaymentCondition,
        RegistrationField.PriceTable => form.PriceTable,
        RegistrationField.Portfolio => form.Portfolio,
        _ => null,
    };

    private static bool IsGiven(RegistrationForm form, RegistrationField field) => field switch
    {
        RegistrationField.Owner => form.Owner is not null,
        RegistrationField.Company => form.Company is not null,
        RegistrationField.Branch => form.Branch is not null,
        RegistrationField.Email => form.Emails.Any(e => !string.IsNullOrWhiteSpace(e.Address)),
        RegistrationField.Phone => form.Phones.Any(p => !string.IsNullOrWhiteSpace(p.Number)),
        RegistrationField.CorrespondenceAddress => form.Addresses.Any(a => a.Kind == AddressKind.Correspondence),
        RegistrationField.BillingAddress => form.Addresses.Any(a => a.Kind == AddressKind.Billing),
        RegistrationField.DeliveryAddress => form.Addresses.Any(a => a.Kind == AddressKind.Delivery && a.IsDefaultDelivery),
        RegistrationField.ResponsiblePerson => form.ResponsiblePeople.Count > 0,
        _ => !string.IsNullOrWhiteSpace(TextOf(form, field)),
    };

    private static void CheckMandatory(RegistrationForm form, RegistrationData data, RegistrationContext context, ref ProblemCollector problems)
    {
        var settings = context.Settings;
        var isAccount = context.Kind == RegistrationKind.Account;
        var required = new List<RegistrationField> { RegistrationField.LegalName, RegistrationField.Email };
        if (isAccount)
        {
            required.Add(RegistrationField.ShortName);
            var clientType = data.ClientType is { } code ? settings.ClientTypes.ClientType(code) : null;
            if (clientType?.RequiresTaxId ?? true)
                required.Add(RegistrationField.TaxId);
        }
        required.AddRange(settings.MandatoryFor(context.Kind));
        // A foreigner has no CPF/CNPJ whatever the configuration says.
        bool Applies(RegistrationField f) => !(f == RegistrationField.TaxId && form.Kind == PersonKind.Estrangeiro);

        foreach (var field in required.Distinct().Where(f => Applies(f) && !IsGiven(form, f)))
            problems.Add(field.Path(), $"{field.Path()}.required", $"{field.Label()} é obrigatório.");

        var erp = isAccount ? settings.ErpRequirementsFor(data.ClientType, data.AccountType) : null;
        if (erp is null)
            return;
        foreach (var field in erp.Required.Where(f => Applies(f) && !required.Contains(f) && !IsGiven(form, f)).Order())
            problems.Add(field.Path(), $"{field.Path()}.required_by_erp",
                $"{field.Label()} é obrigatório para integração com o ERP {erp.ErpName}.");
        foreach (var (field, max) in erp.MaxLengths.OrderBy(f => f.Key))
            if (TextOf(form, field)?.Trim() is { } text && text.Length > max)
                problems.Add(field.Path(), $"{field.Path()}.too_long_for_erp",
                    $"{field.Label()} tem {text.Length} caracteres; o ERP {erp.ErpName} aceita no máximo {max}.");
    }

    private static void CheckConfiguration(RegistrationData data, ClientGroup? group, AccountSettings settings, ref ProblemCollector problems)
    {
        var types = settings.ClientTypes;
        if (types.HasTypes)
        {
            if (data.ClientType is { } ct && types.ClientType(ct) is null)
                problems.Add("client_type", AccountCodes.ClientTypeUnknown, $"Tipo de cliente {ct} não cadastrado.");
            if (data.AccountType is { } at && types.AccountType(at) is null)
                problems.Add("account_type", AccountCodes.AccountTypeUnknown, $"Tipo de conta {at} não cadastrado.");
            if (data.ClientType is { } c && data.AccountType is { } a && types.ClientType(c) is not null
                && types.AccountType(a) is not null && !types.IsMapped(c, a))
                problems.Add("account_type", AccountCodes.AccountTypeNotMapped,
                    $"O tipo de cliente {c} não está relacionado ao tipo de conta {a}.");
        }
        if (data.ClientGroup is { } code && group is null && settings.ClientGroups.Count > 0)
            problems.Add("client_group", AccountCodes.ClientGroupUnknown, $"Grupo de clientes {code} não cadastrado.");
        if (group is not null && !group.Accepts(data.Kind))
            problems.Add("client_group", AccountCodes.ClientGroupPersonKind,
                $"O grupo de clientes {group.Code} é de {(group.Kind == PersonKind.Fisica ? "pessoa física" : "pessoa jurídica")}.");
    }

    private static string? Name(string? text, string field, ref ProblemCollector problems)
    {
        var name = problems.Text(text, field);
        if (name is not null && TextRule.IsLongerThan(name, MaxNameLength))
            problems.Add(field, $"{field}.too_long", $"No máximo {MaxNameLength} caracteres ({TextRule.Length(name)} informados).");
        return name;
    }

    private static MasterDataCode? Code(string? text, string field, ref ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        problems.CheckCharacters(text.Trim(), field);
        var code = MasterDataCode.From(text);
        if (code is null)
            problems.Add(field, $"{field}.invalid", $"Código com no máximo {MasterDataCode.MaxLength} caracteres.");
        return code;
    }

    private static ShortName? ReadShortName(string? text, RegistrationContext context, ref ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        problems.CheckCharacters(text.Trim(), "short_name");
        var shortName = ShortName.From(text);
        if (shortName is null)
            problems.Add("short_name", AccountCodes.ShortNameTooLong, $"Nome abreviado com no máximo {Registration.ShortName.MaxLength} caracteres.");
        else if (context.ShortNameOwner is { } owner && !owner.Equals(context.Self))
            problems.Add("short_name", AccountCodes.ShortNameDuplicate, $"O nome abreviado {shortName} já é usado por outro cadastro.");
        return shortName;
    }

    private static TaxId? ReadTaxId(RegistrationForm form, ref ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(form.TaxId))
            return null;
        switch (form.Kind)
        {
            case PersonKind.Fisica when Cnpj.IsValid(form.TaxId):
                problems.Add("tax_id", AccountCodes.TaxIdKindMismatch, "Pessoa física é identificada por CPF; foi informado um CNPJ.");
                return null;
            case PersonKind.Fisica:
                return problems.Parse(Cpf.Parse(form.TaxId), "tax_id") is { } cpf ? cpf : null;
            case PersonKind.Juridica when Cpf.IsValid(form.TaxId):
                problems.Add("tax_id", AccountCodes.TaxIdKindMismatch, "Pessoa jurídica é identificada por CNPJ; foi informado um CPF.");
                return null;
            case PersonKind.Juridica:
                return problems.Parse(Cnpj.Parse(form.TaxId), "tax_id") is { } cnpj ? cnpj : null;
            default:
                problems.Add("tax_id", AccountCodes.TaxIdForeigner, "Estrangeiro não tem CPF/CNPJ; informe o documento estrangeiro.");
                return null;
        }
    }

    private static InscricaoEstadual? ReadStateRegistration(RegistrationForm form, Uf? uf, ref ProblemCollector problems)
    {
        var text = TextRule.Clean(form.StateRegistration);
        var kind = form.StateRegistrationKind;
        if (text is null && kind is null or InscricaoEstadualKind.Registered)
            return null;
        if (uf is not { } state)
        {
            problems.Add("state_registration", AccountCodes.StateRegistrationUfRequired,
                "Informe o endereço de correspondência (ou de cobrança) para validar a inscrição estadual na UF.");
            return null;
        }
        switch (kind)
        {
            case InscricaoEstadualKind.NonTaxpayer when text is null:
                return InscricaoEstadual.NonTaxpayer(state);
            case InscricaoEstadualKind.ExemptFromRegistration when text is null:
                return InscricaoEstadual.Exempt(state);
        }
        if (!InscricaoEstadual.Parse(text, state).TryPickT0(out var ie, out var invalid))
        {
            problems.AddRange(invalid.Problems.Select(p => p with { Field = "state_registration" }));
            return null;
        }
        if (kind is { } expected && ie.Kind != expected)
        {
            problems.Add("state_registration", AccountCodes.StateRegistrationKindMismatch,
                expected switch
                {
                    InscricaoEstadualKind.NonTaxpayer => "Não contribuinte não tem inscrição estadual.",
                    InscricaoEstadualKind.ExemptFromRegistration => "Contribuinte isento não tem número de inscrição estadual.",
                    _ => "Informe o número da inscrição estadual: ISENTO não é um número.",
                });
            return null;
        }
        problems.AddRange(ie.Warnings.Select(p => p with { Field = "state_registration" }));
        return ie;
    }

    private static Address? ReadAddress(AddressForm form, string path, ref ProblemCollector problems)
    {
        var errors = problems.Items.Count;
        var street = problems.Text(form.Street, path, "street");
        var city = problems.Text(form.City, path, "city");
        var country = problems.Text(form.Country, path, "country") ?? "Brasil";
        var number = problems.Text(form.Number, path, "number");
        var complement = problems.Text(form.Complement, path, "complement");
        var district = problems.Text(form.District, path, "district");
        var deliveryPlace = problems.Text(form.DeliveryPlace, path, "delivery_place");
        var inBrazil = NameNormalizer.Normalize(country) is "BRASIL" or "BRAZIL";
        if (street is null)
            problems.Add($"{path}.street", AccountCodes.AddressesStreetRequired, "Informe o logradouro.");
        if (city is null)
            problems.Add($"{path}.city", AccountCodes.AddressesCityRequired, "Informe a cidade.");
        var uf = UfOf(form);
        if (TextRule.Clean(form.Uf) is { } ufText)
        {
            if (uf is null)
                problems.Add($"{path}.uf", AccountCodes.AddressesUfInvalid, $"UF {ufText} inexistente.");
        }
        else if (inBrazil)
            problems.Add($"{path}.uf", AccountCodes.AddressesUfRequired, "Informe a UF.");
        var cep = problems.ParseOptional(form.Cep, Cep.Parse, $"{path}.cep");
        if (cep is null && inBrazil && string.IsNullOrWhiteSpace(form.Cep))
            problems.Add($"{path}.cep", AccountCodes.AddressesCepRequired, "Informe o CEP.");
        if (cep?.Uf is { } cepUf && uf is { } u1 && cepUf != u1)
            problems.Add($"{path}.cep", AccountCodes.AddressesCepUfMismatch, $"O CEP {cep} é de {cepUf}, não de {u1}.");
        var municipality = problems.ParseOptional(form.Municipality, CodigoMunicipio.Parse, $"{path}.municipality");
        if (municipality?.Uf is { } cityUf && uf is { } u2 && cityUf != u2)
            problems.Add($"{path}.municipality", AccountCodes.AddressesMunicipalityUfMismatch, $"O município {municipality} é de {cityUf}, não de {u2}.");
        if (form.IsDefaultDelivery && form.Kind != AddressKind.Delivery)
            problems.Add($"{path}.default_delivery", AccountCodes.AddressesDefaultDeliveryNotDelivery,
                "Só um endereço de entrega pode ser o padrão de entrega.");
        return problems.Items.Count > errors
            ? null
            : new Address(form.Kind, street!, number, complement, district, city!, uf, cep, municipality, country, form.IsDefaultDelivery, deliveryPlace);
    }

    private static Uf? UfOf(AddressForm? address) =>
        TextRule.Clean(address?.Uf) is { Length: 2 } text && !text.Any(char.IsDigit) && Enum.TryParse<Uf>(text, ignoreCase: true, out var uf)
            ? uf
            : null;

    private static void CheckAddressSet(IReadOnlyList<AddressForm> addresses, ref ProblemCollector problems)
    {
        foreach (var (kind, label) in new[] { (AddressKind.Correspondence, "correspondência"), (AddressKind.Billing, "cobrança") })
            if (addresses.Count(a => a.Kind == kind) > 1)
                problems.Add($"addresses.{kind.ToString().ToLowerInvariant()}", $"addresses.{kind.ToString().ToLowerInvariant()}.multiple",
                    $"Informe um único endereço de {label}.");
        var deliveries = addresses.Where(a => a.Kind == AddressKind.Delivery).ToList();
        if (deliveries.Count > 0 && deliveries.Count(a => a.IsDefaultDelivery) != 1)
            problems.Add("addresses.delivery", AccountCodes.AddressesDeliveryDefault,
                "Marque exatamente um endereço de entrega como padrão de entrega.");
    }

    internal static List<PhoneEntry> ReadPhones(IReadOnlyList<PhoneForm> phones, ref ProblemCollector problems)
    {
        var read = new List<PhoneEntry>();
        var erpTypes = new HashSet<PhoneType>();
        for (var i = 0; i < phones.Count; i++)
        {
            var (type, number, extension) = phones[i];
            var path = $"phones[{i}]";
            if (type.IsSyncedToErp() && !erpTypes.Add(type))
                problems.Add($"{path}.type", AccountCodes.PhonesTypeDuplicate, $"Só pode haver um telefone do tipo {type}.");
            var ext = TextRule.Clean(extension);
            if (ext is not null && (ext.Length > 6 || !ext.All(char.IsAsciiDigit)))
                problems.Add($"{path}.extension", AccountCodes.PhonesExtensionInvalid, "O ramal tem no máximo 6 dígitos.");
            if (string.IsNullOrWhiteSpace(number))
                problems.Add($"{path}.number", AccountCodes.PhonesNumberRequired, "Informe o número do telefone.");
            else if (problems.Parse(Phone.Parse(number), $"{path}.number") is { } phone)
                read.Add(new PhoneEntry(type, phone, ext));
        }
        return read;
    }

    internal static EmailEntry? ReadEmail(EmailForm form, string path, ref ProblemCollector problems)
    {
        if (!string.IsNullOrWhiteSpace(form.Address))
            return problems.Parse(Email.Parse(form.Address), $"{path}.address") is { } email ? new EmailEntry(email, form.Purpose) : null;
        problems.Add($"{path}.address", AccountCodes.EmailsAddressRequired, "Informe o e-mail.");
        return null;
    }

    private static List<ElectronicContact> ReadOtherContacts(IReadOnlyList<ElectronicContact> contacts, ref ProblemCollector problems) =>
        RequireText(contacts, c => c.Value, "other_contacts", "value", "Informe o endereço do contato eletrônico.", ref problems, multiLine: false);

    private static List<Observation> ReadObservations(IReadOnlyList<Observation> observations, ref ProblemCollector problems) =>
        RequireText(observations, o => o.Text, "observations", "text", "Informe o texto da observação.", ref problems, multiLine: true);

    private static List<T> RequireText<T>(IReadOnlyList<T> items, Func<T, string?> text, string name, string field, string message,
        ref ProblemCollector problems, bool multiLine)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(text(items[i])))
                problems.Add($"{name}[{i}].{field}", $"{name}.{field}.required", message);
            problems.CheckCharacters(text(items[i]), name, i, field, multiLine);
        }
        return [.. items.Where(item => !string.IsNullOrWhiteSpace(text(item)))];
    }

    private static ResponsiblePerson? ReadResponsible(ResponsiblePersonForm form, string path, ref ProblemCollector problems)
    {
        var errors = problems.Items.Count;
        var name = problems.Text(form.Name, path, "name");
        var role = problems.Text(form.Role, path, "role");
        if (name is null)
            problems.Add($"{path}.name", AccountCodes.ResponsiblePeopleNameRequired, "Informe o nome do responsável.");
        var cpf = problems.ParseOptional(form.Cpf, Cpf.Parse, $"{path}.cpf");
        var email = problems.ParseOptional(form.Email, Email.Parse, $"{path}.email");
        var phone = problems.ParseOptional(form.Phone, Phone.Parse, $"{path}.phone");
        return problems.Items.Count > errors ? null : new ResponsiblePerson(name!, role, cpf, email, phone);
    }

    internal static List<MarketingConsent> ReadMarketing(IReadOnlyList<MarketingConsent> consents, ref ProblemCollector problems)
    {
        var channels = new HashSet<MarketingChannel>();
        for (var i = 0; i < consents.Count; i++)
        {
            if (!channels.Add(consents[i].Channel))
                problems.Add($"marketing[{i}].channel", AccountCodes.MarketingChannelDuplicate,
                    $"Já existe uma permissão para o canal {consents[i].Channel}.");
            if (string.IsNullOrWhiteSpace(consents[i].Source))
                problems.Add($"marketing[{i}].source", AccountCodes.MarketingSourceRequired, "Informe a origem da permissão (LGPD).");
            problems.CheckCharacters(consents[i].Source, "marketing", i, "source");
        }
        return [.. consents];
    }

    private static List<CustomField> ReadCustomFields(IReadOnlyList<CustomField> fields, ref ProblemCollector problems)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(fields[i].Key))
                problems.Add($"custom_fields[{i}].key", AccountCodes.CustomFieldsKeyRequired, "Informe a chave do campo.");
            else if (!keys.Add(fields[i].Key))
                problems.Add($"custom_fields[{i}].key", AccountCodes.CustomFieldsKeyDuplicate, $"O campo {fields[i].Key} aparece mais de uma vez.");
            problems.CheckCharacters(fields[i].Key, "custom_fields", i, "key");
            problems.CheckCharacters(fields[i].Value, "custom_fields", i, "value", multiLine: true);
        }
        return [.. fields];
    }
}
