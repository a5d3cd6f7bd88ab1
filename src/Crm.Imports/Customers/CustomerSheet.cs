using Crm.Domain.Accounts.Registration;
using Crm.Imports.Reading;
using OneOf;

namespace Crm.Imports.Customers;

/// <summary>
/// Maps a customer sheet's rows to <see cref="CustomerRow"/>s, naming every cell problem. Only the file's own rules are checked
/// here (required identification, shapes, sections complete, a key once per file); the registration rules, duplicate checks
/// and permissions run in the engine on <see cref="CustomerRow.Form"/>, exactly as for a typed form.
/// </summary>
public sealed class CustomerSheet : IRowMapper<CustomerRow>
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
            false when taxId is not null => RegistrationCells.KindOf(taxId, row.Number, problems),
            _ => (PersonKind?)null,
        };
        RegistrationCells.Check(Cell, row.Number, problems);
        var sales = SalesTable(row, problems);

        if (externalCode is not null && origin is not null && problems.Count == 0
            && !_seen.Add(Fingerprint(externalCode, origin.ToUpperInvariant())))
            problems.Add(new ImportProblem(row.Number, CustomerColumns.ExternalCode, ImportCodes.DuplicateKey,
                $"'{externalCode}' from '{origin}' is already on an earlier row of this file."));
        if (problems.Count > 0) return problems;

        var form = RegistrationCells.Form(Cell, kind!.Value) with
        {
            TaxId = kind == PersonKind.Estrangeiro ? null : taxId,
            ForeignId = kind == PersonKind.Estrangeiro ? taxId : null,
            ClientType = clientType,
            PriceTable = sales?.SalesTable,
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

    private static T Problem<T>(List<ImportProblem> problems, int row, string column, string code, string message)
    {
        problems.Add(new ImportProblem(row, column, code, message));
        return default!;
    }
}
