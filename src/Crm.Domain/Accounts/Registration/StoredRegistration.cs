using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Registry;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// Rebuilds registration data the domain itself validated and stored (<see cref="RegistrationData.ToForm"/>), without
/// running <see cref="RegistrationRules"/> again: loading a record must not re-decide the tenant's settings, mandatory
/// fields or duplicates, which it passed when it was saved. What stays is a structural check: every document still parses
/// (CPF/CNPJ check digits, CEP, IBGE code, IE in its UF, phones, e-mails, codes) and every required part is present, so a
/// corrupt or hand-edited document fails loudly, naming its fields, instead of entering the domain.
/// </summary>
internal static class StoredRegistration
{
    /// <summary>The data <paramref name="form"/> was written from.</summary>
    /// <exception cref="InvalidOperationException">The form is not one the domain wrote; the message names every bad field (never a value).</exception>
    public static RegistrationData Restore(RegistrationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var corrupt = new List<string>();
        var addresses = new Address[form.Addresses.Count];
        for (var i = 0; i < addresses.Length; i++)
            addresses[i] = ReadAddress(form.Addresses[i], $"addresses[{i}]", corrupt)!;
        var mainUf = MainUf(addresses);
        var data = new RegistrationData
        {
            Kind = form.Kind,
            LegalName = Required(form.LegalName, "legal_name", corrupt) ?? "",
            TradeName = form.TradeName,
            ShortName = form.ShortName is null ? null : ShortName.From(form.ShortName) ?? Bad<ShortName>("short_name", corrupt),
            TaxId = ReadTaxId(form, corrupt),
            ForeignId = form.ForeignId,
            StateRegistration = ReadStateRegistration(form, mainUf, corrupt),
            MunicipalRegistration = form.MunicipalRegistration,
            Cnae = form.Cnae is null ? null : Cnae.Parse(form.Cnae).TryPickT0(out var cnae, out _) ? cnae : Bad<Cnae>("cnae", corrupt),
            FiscalCategory = Code(form.FiscalCategory, "fiscal_category", corrupt),
            ClientType = Code(form.ClientType, "client_type", corrupt),
            AccountType = Code(form.AccountType, "account_type", corrupt),
            ClientGroup = Code(form.ClientGroup, "client_group", corrupt),
            Representative = Code(form.Representative, "representative", corrupt),
            Carrier = Code(form.Carrier, "carrier", corrupt),
            Portador = Code(form.Portador, "portador", corrupt),
            PaymentCondition = Code(form.PaymentCondition, "payment_condition", corrupt),
            PriceTable = Code(form.PriceTable, "price_table", corrupt),
            Portfolio = Code(form.Portfolio, "portfolio", corrupt),
            Owner = form.Owner,
            Company = form.Company,
            Branch = form.Branch,
            Addresses = addresses,
            Phones = Each(form.Phones, "phones", corrupt, (p, path) =>
                Phone.TryParse(p.Number, out var phone) ? new PhoneEntry(p.Type, phone, p.Extension) : Bad<PhoneEntry>($"{path}.number", corrupt)),
            Emails = Each(form.Emails, "emails", corrupt, (e, path) =>
                Email.TryParse(e.Address, out var email) ? new EmailEntry(email, e.Purpose) : Bad<EmailEntry>($"{path}.address", corrupt)),
            OtherContacts = Each(form.OtherContacts, "other_contacts", corrupt, (c, path) => Present(c, c?.Value, $"{path}.value", corrupt)),
            Observations = Each(form.Observations, "observations", corrupt, (o, path) => Present(o, o?.Text, $"{path}.text", corrupt)),
            ResponsiblePeople = Each(form.ResponsiblePeople, "responsible_people", corrupt, (r, path) => ReadResponsible(r, path, corrupt)),
            Marketing = Each(form.Marketing, "marketing", corrupt, (m, path) => Present(m, m?.Source, $"{path}.source", corrupt)),
            CustomFields = Each(form.CustomFields, "custom_fields", corrupt, (f, path) => Present(f, f?.Key, $"{path}.key", corrupt)),
        };
        if (data.Emails.Count == 0)
            corrupt.Add("emails");
        return corrupt.Count == 0
            ? data.WithFacts()
            : throw new InvalidOperationException(
                $"Stored registration data is corrupt (not as the domain writes it): {string.Join(", ", corrupt.Distinct())}.");
    }

    private static Address? ReadAddress(AddressForm? form, string path, List<string> corrupt)
    {
        if (form is null)
            return Bad<Address>(path, corrupt);
        var uf = form.Uf is null ? null : ParseUf(form.Uf) ?? Bad<Uf?>($"{path}.uf", corrupt);
        var cep = form.Cep is null ? null : Cep.TryParse(form.Cep, out var c) ? c : Bad<Cep?>($"{path}.cep", corrupt);
        var municipality = form.Municipality is null ? null
            : CodigoMunicipio.TryParse(form.Municipality, out var m) ? m : Bad<CodigoMunicipio?>($"{path}.municipality", corrupt);
        var street = Required(form.Street, $"{path}.street", corrupt);
        var city = Required(form.City, $"{path}.city", corrupt);
        var country = Required(form.Country, $"{path}.country", corrupt);
        return street is null || city is null || country is null
            ? null
            : new Address(form.Kind, street, form.Number, form.Complement, form.District, city, uf, cep, municipality, country,
                form.IsDefaultDelivery, form.DeliveryPlace);
    }

    // As the rules read it: the correspondence address's UF, else the billing address's.
    private static Uf? MainUf(Address?[] addresses) =>
        Array.Find(addresses, a => a?.Kind == AddressKind.Correspondence)?.Uf ?? Array.Find(addresses, a => a?.Kind == AddressKind.Billing)?.Uf;

    private static Uf? ParseUf(string text) =>
        text.Length == 2 && !text.Any(char.IsDigit) && Enum.TryParse<Uf>(text, out var uf) ? uf : null;

    private static TaxId? ReadTaxId(RegistrationForm form, List<string> corrupt) => form.TaxId is null ? null : form.Kind switch
    {
        PersonKind.Fisica when Cpf.TryParse(form.TaxId, out var cpf) => cpf,
        PersonKind.Juridica when Cnpj.TryParse(form.TaxId, out var cnpj) => cnpj,
        _ => Bad<TaxId>("tax_id", corrupt),
    };

    private static InscricaoEstadual? ReadStateRegistration(RegistrationForm form, Uf? uf, List<string> corrupt)
    {
        var (text, kind) = (form.StateRegistration, form.StateRegistrationKind);
        if (text is null && kind is null or InscricaoEstadualKind.Registered)
            return null;
        if (uf is not { } state)
            return Bad<InscricaoEstadual>("state_registration", corrupt);
        return (kind, text) switch
        {
            (InscricaoEstadualKind.NonTaxpayer, null) => InscricaoEstadual.NonTaxpayer(state),
            (InscricaoEstadualKind.ExemptFromRegistration, null) => InscricaoEstadual.Exempt(state),
            _ when InscricaoEstadual.TryParse(text, state, out var ie) && (kind is null || ie.Kind == kind) => ie,
            _ => Bad<InscricaoEstadual>("state_registration", corrupt),
        };
    }

    private static ResponsiblePerson? ReadResponsible(ResponsiblePersonForm? form, string path, List<string> corrupt)
    {
        if (form is null)
            return Bad<ResponsiblePerson>(path, corrupt);
        var name = Required(form.Name, $"{path}.name", corrupt);
        var cpf = form.Cpf is null ? null : Cpf.TryParse(form.Cpf, out var c) ? c : Bad<Cpf?>($"{path}.cpf", corrupt);
        var email = form.Email is null ? null : Email.TryParse(form.Email, out var e) ? e : Bad<Email?>($"{path}.email", corrupt);
        var phone = form.Phone is null ? null : Phone.TryParse(form.Phone, out var p) ? p : Bad<Phone?>($"{path}.phone", corrupt);
        return name is null ? null : new ResponsiblePerson(name, form.Role, cpf, email, phone);
    }

    private static MasterDataCode? Code(string? text, string field, List<string> corrupt) =>
        text is null ? null : MasterDataCode.From(text) ?? Bad<MasterDataCode?>(field, corrupt);

    private static string? Required(string? text, string field, List<string> corrupt) =>
        string.IsNullOrWhiteSpace(text) ? Bad<string>(field, corrupt) : text;

    private static T? Present<T>(T? item, string? text, string field, List<string> corrupt) =>
        string.IsNullOrWhiteSpace(text) ? Bad<T>(field, corrupt) : item;

    private static T[] Each<TForm, T>(IReadOnlyList<TForm>? forms, string name, List<string> corrupt, Func<TForm, string, T?> read)
    {
        if (forms is null)
            return [];
        var items = new T[forms.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = read(forms[i], $"{name}[{i}]")!;
        return items;
    }

    private static T? Bad<T>(string field, List<string> corrupt)
    {
        corrupt.Add(field);
        return default;
    }
}
