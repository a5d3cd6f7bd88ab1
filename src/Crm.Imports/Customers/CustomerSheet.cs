using Crm.Domain.Accounts.Registration;
using Crm.Imports.Reading;
using OneOf;

namespace Crm.Imports.Customers;

/// <summary>
/// Maps a customer sheet's rows to <see cref="CustomerRow"/>s, naming every cell problem. Only the file's own rules are checked
/// here (required identification, shapes, sections complete, a key once per file); the registration rules, duplicate checks
/// and permissions run in the engine on <see cref="CustomerRow.Form"/>, exactly as for a typed form.
/// </summary>
public sealed class CustomerSheet
{
    private readonly HeaderMap _map;
    // The keys already read, as 128-bit fingerprints: ~40 bytes a row instead of the key's strings (a collision between two
    // distinct keys has probability about n²/2¹²⁹, nil for any real file).
    private readonly HashSet<UInt128> _seen = [];

    private CustomerSheet(HeaderMap map) => _map = map;

    /// <summary>The mapper for a sheet with <paramref name="headers"/>, or the header's problems (required columns missing, duplicates).</summary>
    public static OneOf<CustomerSheet, IReadOnlyList<ImportProblem>> For(IReadOnlyList<string> headers) =>
        HeaderMap.Of(headers, CustomerColumns.All.Select(c => c.Header), CustomerColumns.Required)
            .Match<OneOf<CustomerSheet, IReadOnlyList<ImportProblem>>>(m => new CustomerSheet(m), p => p);

    /// <summary>The row as a customer, or every problem in it.</summary>
    public OneOf<CustomerRow, IReadOnlyList<ImportProblem>> Map(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string? Cell(string column) => _map[row, column];
        string? Required(string column)
        {
            var value = Cell(column);
            if (value is null) problems.Add(new ImportProblem(row.Number, column, ImportCodes.Required, $"'{column}' is required."));
            return value;
        }

        var taxId = Required(CustomerColumns.TaxId);
        var externalCode = Required(CustomerColumns.ExternalCode);
        var origin = Required(CustomerColumns.Origin);
        var foreignerText = Required(CustomerColumns.Foreigner);
        var clientType = Required(CustomerColumns.ClientType);
        var foreigner = foreignerText is null ? null
            : Cells.TryFlag(foreignerText) ?? Problem<bool?>(problems, row.Number, CustomerColumns.Foreigner, ImportCodes.NotAllowed, $"'{foreignerText}' is not S or N.");
        var kind = foreigner switch
        {
            true => PersonKind.Estrangeiro,
            false when taxId is not null => Digits(taxId) switch
            {
                11 => PersonKind.Fisica,
                14 => PersonKind.Juridica,
                _ => Problem<PersonKind?>(problems, row.Number, CustomerColumns.TaxId, ImportCodes.TaxIdShape,
                    $"'{taxId}' has neither 11 digits (CPF) nor 14 (CNPJ)."),
            },
            _ => (PersonKind?)null,
        };

        var uf = Cell(CustomerColumns.Uf)?.ToUpperInvariant();
        if (uf is not null && !CustomerColumns.All.First(c => c.Header == CustomerColumns.Uf).AllowedValues.Contains(uf))
            problems.Add(new ImportProblem(row.Number, CustomerColumns.Uf, ImportCodes.NotAllowed, $"'{uf}' is not a federative unit."));
        var addressCells = new[] { CustomerColumns.Number, CustomerColumns.District, CustomerColumns.City, CustomerColumns.Uf, CustomerColumns.Cep };
        var street = Cell(CustomerColumns.Street);
        if (street is null && addressCells.Any(c => Cell(c) is not null))
            problems.Add(new ImportProblem(row.Number, CustomerColumns.Street, ImportCodes.SectionIncomplete, "An address needs its street."));
        var responsible = Cell(CustomerColumns.ResponsibleName);
        if (responsible is null && (Cell(CustomerColumns.ResponsibleRole) ?? Cell(CustomerColumns.ResponsibleCpf)) is not null)
            problems.Add(new ImportProblem(row.Number, CustomerColumns.ResponsibleName, ImportCodes.SectionIncomplete, "A responsible person needs a name."));
        var sales = SalesTable(row, problems);

        if (externalCode is not null && origin is not null && problems.Count == 0
            && !_seen.Add(Fingerprint(externalCode, origin.ToUpperInvariant())))
            problems.Add(new ImportProblem(row.Number, CustomerColumns.ExternalCode, ImportCodes.DuplicateKey,
                $"'{externalCode}' from '{origin}' is already on an earlier row of this file."));
        if (problems.Count > 0) return problems;

        var form = new RegistrationForm
        {
            Kind = kind!.Value,
            TaxId = kind == PersonKind.Estrangeiro ? null : taxId,
            ForeignId = kind == PersonKind.Estrangeiro ? taxId : null,
            ClientType = clientType,
            LegalName = Cell(CustomerColumns.LegalName),
            TradeName = Cell(CustomerColumns.TradeName),
            ShortName = Cell(CustomerColumns.ShortName),
            StateRegistration = Cell(CustomerColumns.StateRegistration),
            Cnae = Cell(CustomerColumns.Cnae),
            ClientGroup = Cell(CustomerColumns.ClientGroup),
            FiscalCategory = Cell(CustomerColumns.FiscalCategory),
            PriceTable = sales?.SalesTable,
            Addresses = street is null ? [] :
                [new AddressForm(AddressKind.Correspondence, street, Cell(CustomerColumns.Number), null, Cell(CustomerColumns.District),
                    Cell(CustomerColumns.City), uf, Cell(CustomerColumns.Cep))],
            Phones = Cell(CustomerColumns.Phone) is { } phone ? [new PhoneForm(PhoneType.TelefoneErp1, phone)] : [],
            Emails = Cell(CustomerColumns.Email) is { } email ? [new EmailForm(email)] : [],
            ResponsiblePeople = responsible is null ? [] :
                [new ResponsiblePersonForm(responsible, Cell(CustomerColumns.ResponsibleRole), Cell(CustomerColumns.ResponsibleCpf))],
        };
        return new CustomerRow(row.Number, new CustomerKey(externalCode!, origin!.ToUpperInvariant()), form, sales);
    }

    private SalesTableBinding? SalesTable(SheetRow row, List<ImportProblem> problems)
    {
        string[] parts = [CustomerColumns.SalesTable, CustomerColumns.BillingLocation, CustomerColumns.Warehouse];
        var values = parts.Select(c => _map[row, c]).ToArray();
        if (values.All(v => v is null)) return null;
        if (values.All(v => v is not null)) return new SalesTableBinding(values[0]!, values[1]!, values[2]!);
        foreach (var (column, value) in parts.Zip(values))
            if (value is null)
                problems.Add(new ImportProblem(row.Number, column, ImportCodes.SalesTableIncomplete,
                    "A sales table is bound to a billing location and a warehouse: fill all three or none."));
        return null;
    }

    /// <summary>128-bit FNV-1a (offset basis and prime from the FNV reference, www.isthe.com/chongo/tech/comp/fnv) of code and origin.</summary>
    private static UInt128 Fingerprint(string externalCode, string origin)
    {
        var hash = new UInt128(0x6c62272e07bb0142, 0x62b821756295c58d);
        var prime = new UInt128(0x0000000001000000, 0x000000000000013B);
        foreach (var c in externalCode) hash = (hash ^ c) * prime;
        hash = (hash ^ 0xFFFF) * prime; // U+FFFF, a noncharacter, separates the two parts
        foreach (var c in origin) hash = (hash ^ c) * prime;
        return hash;
    }

    private static int Digits(string text) => text.Count(char.IsAsciiDigit) is var n && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '/' or ' ') ? n : -1;

    private static T Problem<T>(List<ImportProblem> problems, int row, string column, string code, string message)
    {
        problems.Add(new ImportProblem(row, column, code, message));
        return default!;
    }
}
