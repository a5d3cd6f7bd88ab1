using Crm.Domain.Accounts.Registration;
using Crm.Imports.Writing;
using static Crm.Imports.Customers.CustomerColumns;

namespace Crm.Imports.Customers;

/// <summary>
/// The registration sections a customer and a lead sheet share (general data and CNAE, address, phone and e-mail,
/// complementary and fiscal data, one responsible person): their columns, their cell rules and the form they make.
/// </summary>
internal static class RegistrationCells
{
    /// <summary>The section columns, in template order.</summary>
    public static IReadOnlyList<SheetColumn> Columns { get; } =
    [
        new(LegalName), new(TradeName), new(CustomerColumns.ShortName), new(StateRegistration), new(CustomerColumns.Cnae), new(ClientGroup), new(FiscalCategory),
        new(Street), new(Number), new(District), new(City), new(Uf, Matrices.MatrixColumns.Ufs), new(Cep), new(Municipality), new(Phone), new(Email),
        new(ResponsibleName), new(ResponsibleRole), new(ResponsibleCpf),
    ];

    private static readonly string[] AddressCells = [Number, District, City, Uf, Cep, Municipality];

    /// <summary>The sections' own rules: a UF is one of the 27, an address has its street, a responsible person a name.</summary>
    public static void Check(Func<string, string?> cell, int row, List<ImportProblem> problems)
    {
        if (cell(Uf)?.ToUpperInvariant() is { } uf && !Matrices.MatrixColumns.Ufs.Contains(uf))
            problems.Add(new ImportProblem(row, Uf, ImportCodes.NotAllowed, $"'{uf}' is not a federative unit."));
        if (cell(Street) is null && AddressCells.Any(c => cell(c) is not null))
            problems.Add(new ImportProblem(row, Street, ImportCodes.SectionIncomplete, "An address needs its street."));
        if (cell(ResponsibleName) is null && (cell(ResponsibleRole) ?? cell(ResponsibleCpf)) is not null)
            problems.Add(new ImportProblem(row, ResponsibleName, ImportCodes.SectionIncomplete, "A responsible person needs a name."));
    }

    /// <summary>The form the section cells make, for a person of <paramref name="kind"/> (identification is the caller's).</summary>
    public static RegistrationForm Form(Func<string, string?> cell, PersonKind kind)
    {
        var street = cell(Street);
        var responsible = cell(ResponsibleName);
        return new RegistrationForm
        {
            Kind = kind,
            LegalName = cell(LegalName),
            TradeName = cell(TradeName),
            ShortName = cell(CustomerColumns.ShortName),
            StateRegistration = cell(StateRegistration),
            Cnae = cell(CustomerColumns.Cnae),
            ClientGroup = cell(ClientGroup),
            FiscalCategory = cell(FiscalCategory),
            Addresses = street is null ? [] :
                [new AddressForm(AddressKind.Correspondence, street, cell(Number), null, cell(District), cell(City), cell(Uf)?.ToUpperInvariant(), cell(Cep), cell(Municipality))],
            Phones = cell(Phone) is { } phone ? [new PhoneForm(PhoneType.TelefoneErp1, phone)] : [],
            Emails = cell(Email) is { } email ? [new EmailForm(email)] : [],
            ResponsiblePeople = responsible is null ? [] : [new ResponsiblePersonForm(responsible, cell(ResponsibleRole), cell(ResponsibleCpf))],
        };
    }

    /// <summary>The section cells of <paramref name="form"/> in <see cref="Columns"/>' order; only the first address, phone, e-mail and responsible person have columns.</summary>
    public static IEnumerable<string?> Cells(RegistrationForm form)
    {
        var address = form.Addresses.FirstOrDefault();
        var person = form.ResponsiblePeople.FirstOrDefault();
        return
        [
            // An exempt registration is stored without a number: the cell that imports it is ISENTO.
            form.LegalName, form.TradeName, form.ShortName,
            form.StateRegistration ?? (form.StateRegistrationKind == Crm.Domain.Registry.InscricaoEstadualKind.ExemptFromRegistration ? "ISENTO" : null),
            form.Cnae, form.ClientGroup, form.FiscalCategory,
            address?.Street, address?.Number, address?.District, address?.City, address?.Uf, address?.Cep, address?.Municipality,
            form.Phones.FirstOrDefault()?.Number, form.Emails.FirstOrDefault()?.Address,
            person?.Name, person?.Role, person?.Cpf,
        ];
    }

    /// <summary>The CPF/CNPJ cell of <paramref name="form"/>: the foreign document for a foreigner.</summary>
    public static string? TaxIdCell(RegistrationForm form) => form.Kind == PersonKind.Estrangeiro ? form.ForeignId : form.TaxId;

    /// <summary>
    /// The person kind of a CPF/CNPJ cell: 11 digits a CPF (física), 14 a CNPJ (jurídica), masks allowed; a problem otherwise.
    /// </summary>
    public static PersonKind? KindOf(string taxId, int row, List<ImportProblem> problems)
    {
        var digits = taxId.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '/' or ' ') ? taxId.Count(char.IsAsciiDigit) : -1;
        if (digits is 11 or 14)
            return digits == 11 ? PersonKind.Fisica : PersonKind.Juridica;
        problems.Add(new ImportProblem(row, CustomerColumns.TaxId, ImportCodes.TaxIdShape, $"'{taxId}' has neither 11 digits (CPF) nor 14 (CNPJ)."));
        return null;
    }
}
