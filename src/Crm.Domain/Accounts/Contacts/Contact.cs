using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Accounts.Contacts;

/// <summary>A contact as typed.</summary>
/// <param name="Name">Name (required).</param>
/// <param name="Role">Job title (cargo; Datasul <c>cont-emit.cargo</c>).</param>
/// <param name="Department">Department (area; Datasul <c>cont-emit.area</c>).</param>
/// <param name="Cpf">CPF, when known.</param>
/// <param name="Birthday">Birthday.</param>
/// <param name="Phones">Phones.</param>
/// <param name="Emails">E-mails.</param>
/// <param name="Marketing">Marketing permissions.</param>
public sealed record ContactForm(string? Name, string? Role = null, string? Department = null, string? Cpf = null,
    LocalDate? Birthday = null, IReadOnlyList<PhoneForm>? Phones = null, IReadOnlyList<EmailForm>? Emails = null,
    IReadOnlyList<MarketingConsent>? Marketing = null);

/// <summary>
/// A contact person of a lead or an account (its own aggregate, so it can follow a lead into its account or an account into
/// the one it is merged into). Changes are recorded like those of leads and accounts.
/// </summary>
public sealed class Contact
{
    /// <summary>The longest name stored.</summary>
    public const int MaxNameLength = TextLimits.ContactName;

    private Contact() { }

    /// <summary>Its id.</summary>
    public ContactId Id { get; private set; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private set; }

    /// <summary>The lead or account it belongs to.</summary>
    public RegistrationRef Owner { get; private set; } = null!;

    /// <summary>Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Job title.</summary>
    public string? Role { get; private set; }

    /// <summary>Department.</summary>
    public string? Department { get; private set; }

    /// <summary>CPF.</summary>
    public Cpf? Cpf { get; private set; }

    /// <summary>Birthday.</summary>
    public LocalDate? Birthday { get; private set; }

    /// <summary>Phones.</summary>
    public IReadOnlyList<PhoneEntry> Phones { get; private set; } = [];

    /// <summary>E-mails.</summary>
    public IReadOnlyList<EmailEntry> Emails { get; private set; } = [];

    /// <summary>Marketing permissions.</summary>
    public IReadOnlyList<MarketingConsent> Marketing { get; private set; } = [];

    /// <summary>Every change, oldest first.</summary>
    // Get-only: the history is only ever appended to, never replaced (persistence detects its changes by entry counts).
    public ChangeHistory History { get; } = new();

    /// <summary>Creates a contact of <paramref name="owner"/>, or lists every problem of the form.</summary>
    public static Outcome<Contact> Create(ContactId id, TenantId tenantId, RegistrationRef owner, ContactForm form, UserId by,
        IClock clock)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var contact = new Contact { Id = id, TenantId = tenantId, Owner = owner };
        return contact.Save(form, FieldSnapshot.Empty, by, clock).Match<Outcome<Contact>>(_ => contact, invalid => invalid);
    }

    /// <summary>Replaces the contact's data, or lists every problem of the form (nothing changes then).</summary>
    public Outcome<IReadOnlyList<HistoryEntry>> Update(ContactForm form, UserId by, IClock clock) =>
        Save(form, Snapshot(), by, clock);

    private Outcome<IReadOnlyList<HistoryEntry>> Save(ContactForm form, FieldSnapshot before, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new ProblemCollector("contact");
        var name = problems.Text(form.Name, "name");
        if (name is null)
            problems.Add("name", AccountCodes.NameRequired, "Informe o nome do contato.");
        else if (TextRule.IsLongerThan(name, MaxNameLength))
            problems.Add("name", AccountCodes.NameTooLong, $"No máximo {MaxNameLength} caracteres ({TextRule.Length(name)} informados).");
        var role = TextRule.Clean(form.Role);
        problems.Check(role, "role", TextLimits.ContactRole);
        var department = TextRule.Clean(form.Department);
        problems.Check(department, "department", TextLimits.ContactDepartment);
        var cpf = problems.ParseOptional(form.Cpf, Registry.Cpf.Parse, "cpf");
        var phones = RegistrationRules.ReadPhones(form.Phones ?? [], ref problems);
        var emails = (form.Emails ?? []).Select((e, i) => RegistrationRules.ReadEmail(e, $"emails[{i}]", ref problems)).OfType<EmailEntry>().ToList();
        var marketing = RegistrationRules.ReadMarketing(form.Marketing ?? [], ref problems);
        if (problems.HasErrors)
            return problems.ToInvalid();
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(Change(() =>
        {
            Name = name!;
            Role = role;
            Department = department;
            Cpf = cpf;
            Birthday = form.Birthday;
            Phones = phones;
            Emails = emails;
            Marketing = marketing;
        }, before, by, clock));
    }

    /// <summary>Moves the contact to another lead or account (conversion, merge), recording the move.</summary>
    public IReadOnlyList<HistoryEntry> MoveTo(RegistrationRef owner, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Change(() => Owner = owner, Snapshot(), by, clock);
    }

    /// <summary>The contact flattened to field paths.</summary>
    public FieldSnapshot Snapshot()
    {
        var s = FieldSnapshot.Empty
            .With("owner", Owner.ToString())
            .With("name", Name)
            .With("role", Role)
            .With("department", Department)
            .With("cpf", Cpf?.Value)
            .With("birthday", Birthday is { } day ? SnapshotParts.Iso(day) : null);
        return s.WithPhones("phones", Phones).WithEmails("emails", Emails).WithMarketing("marketing", Marketing);
    }

    private IReadOnlyList<HistoryEntry> Change(Action mutate, FieldSnapshot before, UserId by, IClock clock)
    {
        mutate();
        return History.Record(before, Snapshot(), by, clock);
    }
}
