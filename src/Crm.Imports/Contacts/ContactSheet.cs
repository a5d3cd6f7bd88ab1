using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;

namespace Crm.Imports.Contacts;

/// <summary>One well-formed contact row, ready for the contact rules (<see cref="Contact.Create"/> / <see cref="Contact.Update"/>).</summary>
/// <param name="Row">The sheet row.</param>
/// <param name="Id">The contact to update (as an export writes it), or null for a new contact.</param>
/// <param name="Owner">The lead or account it belongs to.</param>
/// <param name="Form">The contact as typed.</param>
public sealed record ContactRow(int Row, ContactId? Id, RegistrationRef Owner, ContactForm Form);

/// <summary>
/// The contact sheet: the contact's CRM id (blank for a new one), the lead or the account it belongs to (their CRM ids, one
/// of the two), name, role, department, CPF, birthday, one phone and one e-mail.
/// </summary>
public sealed class ContactSheet : IRowMapper<ContactRow>
{
    /// <summary>The contact's CRM id; blank for a new contact.</summary>
    public const string Contact = "Contato";
    /// <summary>The CRM id of the lead it belongs to (this or <see cref="Account"/>).</summary>
    public const string Lead = "Lead";
    /// <summary>The CRM id of the account it belongs to (this or <see cref="Lead"/>).</summary>
    public const string Account = "Conta";
    /// <summary>Name (required by the contact rules).</summary>
    public const string Name = "Nome";
    /// <summary>Job title.</summary>
    public const string Role = "Cargo";
    /// <summary>Department.</summary>
    public const string Department = "Departamento";
    /// <summary>CPF.</summary>
    public const string Cpf = "CPF";
    /// <summary>Birthday, dd/MM/yyyy (or yyyy-MM-dd, or an Excel date).</summary>
    public const string Birthday = "Aniversário";
    /// <summary>A mobile phone.</summary>
    public const string Phone = "Celular";
    /// <summary>E-mail.</summary>
    public const string Email = "E-mail";

    /// <summary>Every column in template order.</summary>
    public static IReadOnlyList<SheetColumn> Columns { get; } =
        [new(Contact), new(Lead), new(Account), new(Name), new(Role), new(Department), new(Cpf), new(Birthday), new(Phone), new(Email)];

    private readonly HeaderMap _map;
    private readonly HashSet<Guid> _seen = [];

    private ContactSheet(HeaderMap map) => _map = map;

    /// <summary>The mapper for <paramref name="headers"/>, or the header's problems.</summary>
    public static OneOf<ContactSheet, IReadOnlyList<ImportProblem>> For(IReadOnlyList<string> headers) =>
        HeaderMap.Of(headers, Columns.Select(c => c.Header), [Name]).Match<OneOf<ContactSheet, IReadOnlyList<ImportProblem>>>(m => new ContactSheet(m), p => p);

    /// <summary>Writes <paramref name="contacts"/> (already filtered by what the user may see) in <paramref name="format"/>.</summary>
    /// <remarks>Only the first phone and e-mail have columns; a phone reads back as a mobile.</remarks>
    public static void Write(Stream output, ImportFormat format, IEnumerable<Contact> contacts) =>
        SheetWriter.Write(output, format, Columns, contacts.Select(Cells), "Contatos");

    /// <summary>A stored contact's cells in <see cref="Columns"/>' order (only its first phone and e-mail).</summary>
    public static IReadOnlyList<string?> Cells(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Cells(contact.Id, contact.Owner, new ContactForm(contact.Name, contact.Role, contact.Department, contact.Cpf?.Value, contact.Birthday,
            [.. contact.Phones.Select(p => new PhoneForm(p.Type, p.Number.Value, p.Extension))],
            [.. contact.Emails.Select(e => new EmailForm(e.Address.Value, e.Purpose))]));
    }

    /// <summary>A contact's cells in <see cref="Columns"/>' order.</summary>
    public static IReadOnlyList<string?> Cells(ContactId? id, RegistrationRef owner, ContactForm form)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(form);
        return
        [
            id?.Value.ToString(), owner.IsT0 ? owner.AsT0.Value.ToString() : null, owner.IsT1 ? owner.AsT1.Value.ToString() : null,
            form.Name, form.Role, form.Department, form.Cpf, Imports.Cells.Text(form.Birthday),
            form.Phones?.FirstOrDefault()?.Number, form.Emails?.FirstOrDefault()?.Address,
        ];
    }

    /// <summary>The row as a contact, or every problem in it. The contact rules (name, CPF, e-mail) run in the engine.</summary>
    public OneOf<ContactRow, IReadOnlyList<ImportProblem>> Map(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string? Cell(string column) => _map[row, column];
        var id = Imports.Cells.Id(Cell(Contact), row.Number, Contact, _seen, problems);
        var noneSeen = new HashSet<Guid>(); // an owner may hold many contacts: its id repeats on purpose
        var lead = Imports.Cells.Id(Cell(Lead), row.Number, Lead, noneSeen, problems);
        var account = Imports.Cells.Id(Cell(Account), row.Number, Account, noneSeen, problems);
        if ((Cell(Lead) is null) == (Cell(Account) is null))
            problems.Add(new ImportProblem(row.Number, Lead, ImportCodes.OwnerAmbiguous, $"Fill either '{Lead}' or '{Account}': a contact belongs to one lead or one account."));
        var birthday = Imports.Cells.Optional<NodaTime.LocalDate>(Cell(Birthday), row.Number, Birthday, problems, Imports.Cells.TryDate, "a date");
        if (problems.Count > 0)
            return problems;

        RegistrationRef owner = lead is { } l ? new LeadId(l) : new AccountId(account!.Value);
        var form = new ContactForm(Cell(Name), Cell(Role), Cell(Department), Cell(Cpf), birthday,
            Cell(Phone) is { } phone ? [new PhoneForm(PhoneType.Mobile, phone)] : [],
            Cell(Email) is { } email ? [new EmailForm(email)] : []);
        return new ContactRow(row.Number, id is { } guid ? new ContactId(guid) : null, owner, form);
    }

    /// <summary>The column of a contact problem's field (<c>name</c>, <c>cpf</c>, <c>emails[0].address</c>, the contact or its owner); null for none.</summary>
    internal static string? ColumnOf(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        return (end < 0 ? field : field[..end]) switch
        {
            "name" => Name,
            "role" => Role,
            "department" => Department,
            "cpf" => Cpf,
            "birthday" => Birthday,
            "phones" => Phone,
            "emails" => Email,
            "contact" => Contact,
            "owner" or "lead" => Lead,
            "account" => Account,
            _ => null,
        };
    }
}

/// <summary>
/// A contact import: the shared runner (<see cref="SheetImport"/>) with <see cref="ContactSheet"/>'s rows. A row with a CRM id
/// updates that contact; the engine's target says how a row without one finds its contact.
/// </summary>
public static class ContactImport
{
    /// <summary>Imports <paramref name="sheet"/> into <paramref name="target"/> as <see cref="SheetImport.RunAsync"/> does.</summary>
    public static Task<CustomerImportSummary> RunAsync(Sheet sheet, IImportTarget<ContactRow> target, CustomerImportOptions? options = null,
        Stream? errorSheet = null, ImportFormat errorFormat = ImportFormat.Xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return SheetImport.RunAsync(sheet, ContactSheet.For(sheet.Headers).Match(OneOf<IRowMapper<ContactRow>, IReadOnlyList<ImportProblem>>.FromT0, OneOf<IRowMapper<ContactRow>, IReadOnlyList<ImportProblem>>.FromT1),
            target, ContactSheet.ColumnOf, options, errorSheet, errorFormat, cancellationToken);
    }
}
