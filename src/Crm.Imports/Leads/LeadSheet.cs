using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;

namespace Crm.Imports.Leads;

/// <summary>One well-formed lead row, ready for the lead registration rules (which the engine runs, as for a typed form).</summary>
/// <param name="Row">The sheet row.</param>
/// <param name="Id">The lead to update (as an export writes it), or null for a new lead.</param>
/// <param name="Form">The registration form the cells make.</param>
public sealed record LeadRow(int Row, LeadId? Id, RegistrationForm Form);

/// <summary>
/// The lead sheet: the lead's CRM id (blank for a new lead), the person kind, CPF/CNPJ (optional for a lead), client type,
/// then the registration sections of the customer sheet (<see cref="CustomerColumns"/>). A lead has no ERP key, so its CRM id
/// is what makes an export re-import onto the same leads.
/// </summary>
public sealed class LeadSheet : IRowMapper<LeadRow>
{
    /// <summary>The lead's CRM id; blank for a new lead.</summary>
    public const string Lead = "Lead";
    /// <summary>F (pessoa física), J (jurídica) or E (estrangeiro); required.</summary>
    public const string Kind = "Tipo de pessoa";

    private static readonly (string Code, PersonKind Kind)[] Kinds = [("F", PersonKind.Fisica), ("J", PersonKind.Juridica), ("E", PersonKind.Estrangeiro)];

    /// <summary>Every column in template order.</summary>
    public static IReadOnlyList<SheetColumn> Columns { get; } =
    [
        new(Lead), new(Kind, [.. Kinds.Select(k => k.Code)]), new(CustomerColumns.TaxId), new(CustomerColumns.ClientType), .. RegistrationCells.Columns,
    ];

    private readonly HeaderMap _map;
    private readonly HashSet<Guid> _seen = [];

    private LeadSheet(HeaderMap map) => _map = map;

    /// <summary>The mapper for <paramref name="headers"/>, or the header's problems.</summary>
    public static OneOf<LeadSheet, IReadOnlyList<ImportProblem>> For(IReadOnlyList<string> headers) =>
        HeaderMap.Of(headers, Columns.Select(c => c.Header), [Kind]).Match<OneOf<LeadSheet, IReadOnlyList<ImportProblem>>>(m => new LeadSheet(m), p => p);

    /// <summary>The xlsx template with an example row.</summary>
    public static void WriteTemplate(Stream output) =>
        SheetWriter.Write(output, ImportFormat.Xlsx, Columns,
            [[null, "F", "529.982.247-25", null, "Ana Lima", null, null, null, null, null, null, "Rua A", "10", "Centro", "Recife", "PE", "50000-000", "2611606", "(81) 99999-0000", "ana@exemplo.com.br"]],
            "Leads");

    /// <summary>Writes <paramref name="leads"/> (already filtered by what the user may see) in <paramref name="format"/>.</summary>
    public static void Write(Stream output, ImportFormat format, IEnumerable<Lead> leads) =>
        SheetWriter.Write(output, format, Columns, leads.Select(l => Cells(l.Id, l.Data.ToForm())), "Leads");

    /// <summary>A lead's cells in <see cref="Columns"/>' order; only the first address, phone, e-mail and responsible person have columns.</summary>
    public static IReadOnlyList<string?> Cells(LeadId? id, RegistrationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return
        [
            id?.Value.ToString(), Kinds.First(k => k.Kind == form.Kind).Code, RegistrationCells.TaxIdCell(form), form.ClientType,
            .. RegistrationCells.Cells(form),
        ];
    }

    /// <summary>The row as a lead, or every problem in it.</summary>
    public OneOf<LeadRow, IReadOnlyList<ImportProblem>> Map(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string? Cell(string column) => _map[row, column];
        var id = Imports.Cells.Id(Cell(Lead), row.Number, Lead, _seen, problems);
        var kindText = Cell(Kind);
        PersonKind? kind = Kinds.FirstOrDefault(k => string.Equals(k.Code, kindText, StringComparison.OrdinalIgnoreCase)) is { Code: not null } found
            ? found.Kind : null;
        if (kind is null)
            problems.Add(kindText is null
                ? new ImportProblem(row.Number, Kind, ImportCodes.Required, $"'{Kind}' is required.")
                : new ImportProblem(row.Number, Kind, ImportCodes.NotAllowed, $"'{kindText}' is not F, J or E."));
        var taxId = Cell(CustomerColumns.TaxId);
        if (taxId is not null && kind is PersonKind.Fisica or PersonKind.Juridica && RegistrationCells.KindOf(taxId, row.Number, problems) is { } byDigits && byDigits != kind)
            problems.Add(new ImportProblem(row.Number, CustomerColumns.TaxId, ImportCodes.TaxIdShape,
                $"'{taxId}' does not identify a pessoa {(kind == PersonKind.Fisica ? "física (CPF)" : "jurídica (CNPJ)")}."));
        RegistrationCells.Check(Cell, row.Number, problems);
        if (problems.Count > 0)
            return problems;

        var form = RegistrationCells.Form(Cell, kind!.Value) with
        {
            TaxId = kind == PersonKind.Estrangeiro ? null : taxId,
            ForeignId = kind == PersonKind.Estrangeiro ? taxId : null,
            ClientType = Cell(CustomerColumns.ClientType),
        };
        return new LeadRow(row.Number, id is { } guid ? new LeadId(guid) : null, form);
    }

    /// <summary>The column of a lead problem's field: the lead's id, the person kind's, or the customer sheet's sections' (null: none).</summary>
    internal static string? ColumnOf(string field) => field switch
    {
        "lead" => Lead,
        "kind" => Kind,
        _ => CustomerColumns.ColumnOf(field),
    };
}

/// <summary>
/// A lead import: the shared runner (<see cref="SheetImport"/>) with <see cref="LeadSheet"/>'s rows. A row with a CRM id
/// updates that lead; the engine's target says how a row without one finds its lead.
/// </summary>
public static class LeadImport
{
    /// <summary>Imports <paramref name="sheet"/> into <paramref name="target"/> as <see cref="SheetImport.RunAsync"/> does.</summary>
    public static Task<CustomerImportSummary> RunAsync(Sheet sheet, IImportTarget<LeadRow> target, CustomerImportOptions? options = null,
        Stream? errorSheet = null, ImportFormat errorFormat = ImportFormat.Xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return SheetImport.RunAsync(sheet, LeadSheet.For(sheet.Headers).Match(OneOf<IRowMapper<LeadRow>, IReadOnlyList<ImportProblem>>.FromT0, OneOf<IRowMapper<LeadRow>, IReadOnlyList<ImportProblem>>.FromT1),
            target, LeadSheet.ColumnOf, options, errorSheet, errorFormat, cancellationToken);
    }
}
