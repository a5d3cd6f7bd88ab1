using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Imports.Privacy;
using Crm.Imports.Reading;
using NodaTime;

namespace Crm.Imports.Tests;

public sealed class ExportTests
{
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private static readonly IClock Clock = new FixedClock(Instant.FromUtc(2026, 12, 1, 13, 0));
    private static readonly TenantId Tenant = new(Guid.Parse("00000000-0000-0000-0000-00000000a001"));
    private static readonly UserId Ana = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"));
    private const string PersonCpf = "529.982.247-25";

    private static ValidRegistration Valid(RegistrationForm form, RegistrationKind kind) =>
        RegistrationRules.Validate(form, new RegistrationContext(AccountSettings.Default, kind))
            .Match(v => v, invalid => throw new Xunit.Sdk.XunitException(invalid.ToString()));

    private static Sheet Read(Action<Stream> write, ImportFormat format, string? sheet = null)
    {
        var output = new MemoryStream();
        write(output);
        return ImportFile.Open(new MemoryStream(output.ToArray()), format, sheet).Match(s => s, p => throw new Xunit.Sdk.XunitException(p.Message));
    }

    private static readonly IReadOnlyList<string> LeadHeaders = [.. LeadSheet.Columns.Select(c => c.Header)];

    private static OneOf.OneOf<LeadRow, IReadOnlyList<ImportProblem>> MapLead(params (string Column, string? Value)[] cells)
    {
        var row = new string?[LeadHeaders.Count];
        foreach (var (column, value) in cells) row[LeadHeaders.ToList().IndexOf(column)] = value;
        return LeadSheet.For(LeadHeaders).AsT0.Map(new SheetRow(2, row));
    }

    private static Lead PersonLead() => Lead.Register(new LeadId(Guid.NewGuid()), Tenant, Valid(MapLead(
        (LeadSheet.Kind, "f"), (CustomerColumns.TaxId, PersonCpf), (CustomerColumns.LegalName, "Ana Lima"), (CustomerColumns.Street, "Rua A"),
        (CustomerColumns.City, "Recife"), (CustomerColumns.Uf, "pe"), (CustomerColumns.Cep, "50000-000"), (CustomerColumns.Phone, "(81) 99999-0000"),
        (CustomerColumns.Email, "ana@exemplo.com.br")).AsT0.Form, RegistrationKind.Lead), Ana, Clock);

    [Theory]
    [InlineData(ImportFormat.Csv)]
    [InlineData(ImportFormat.Xlsx)]
    public void A_lead_export_re_imports_onto_the_same_lead_with_the_same_data(ImportFormat format)
    {
        var lead = PersonLead();
        using var sheet = Read(o => LeadSheet.Write(o, format, [lead]), format);
        var row = LeadSheet.For(sheet.Headers).AsT0.Map(Assert.Single(sheet.ReadRows())).AsT0;

        Assert.Equal(lead.Id, row.Id);
        var again = Lead.Register(lead.Id, Tenant, Valid(row.Form, RegistrationKind.Lead), Ana, Clock);
        Assert.Equal(lead.Snapshot(), again.Snapshot());
        Assert.Contains("52998224725", lead.Snapshot().Fields.Values.Select(v => v.Text));
    }

    [Fact]
    public void The_lead_template_is_a_real_xlsx_whose_example_is_a_valid_lead()
    {
        using var sheet = Read(LeadSheet.WriteTemplate, ImportFormat.Xlsx, "Leads");
        var row = LeadSheet.For(sheet.Headers).AsT0.Map(Assert.Single(sheet.ReadRows())).AsT0;
        Assert.Null(row.Id);
        Assert.Equal(PersonKind.Fisica, Valid(row.Form, RegistrationKind.Lead).Data.Kind);
    }

    [Fact]
    public void A_lead_row_needs_its_person_kind_and_a_tax_id_of_that_kind()
    {
        Assert.Equal((LeadSheet.Kind, ImportCodes.Required), Single(MapLead((CustomerColumns.LegalName, "X"))));
        Assert.Equal((LeadSheet.Kind, ImportCodes.NotAllowed), Single(MapLead((LeadSheet.Kind, "PF"))));
        Assert.Equal((CustomerColumns.TaxId, ImportCodes.TaxIdShape), Single(MapLead((LeadSheet.Kind, "J"), (CustomerColumns.TaxId, PersonCpf))));
        Assert.Equal((CustomerColumns.TaxId, ImportCodes.TaxIdShape), Single(MapLead((LeadSheet.Kind, "F"), (CustomerColumns.TaxId, "123"))));
        Assert.Equal((LeadSheet.Lead, ImportCodes.Malformed), Single(MapLead((LeadSheet.Kind, "F"), (LeadSheet.Lead, "L-1"))));
        Assert.Equal((CustomerColumns.Street, ImportCodes.SectionIncomplete), Single(MapLead((LeadSheet.Kind, "F"), (CustomerColumns.City, "Recife"))));
        var foreigner = MapLead((LeadSheet.Kind, "E"), (CustomerColumns.TaxId, "P-123")).AsT0.Form;
        Assert.Equal((PersonKind.Estrangeiro, null, "P-123"), (foreigner.Kind, foreigner.TaxId, foreigner.ForeignId));

        var id = Guid.NewGuid().ToString();
        var sheet = LeadSheet.For(LeadHeaders).AsT0;
        Assert.True(sheet.Map(new SheetRow(2, [id, "F"])).IsT0);
        var duplicate = Assert.Single(sheet.Map(new SheetRow(3, [id, "F"])).AsT1);
        Assert.Equal((3, LeadSheet.Lead, ImportCodes.DuplicateId), (duplicate.Row, duplicate.Column, duplicate.Code));
    }

    private static (string?, string) Single<T>(OneOf.OneOf<T, IReadOnlyList<ImportProblem>> mapped)
    {
        var problem = Assert.Single(mapped.AsT1);
        return (problem.Column, problem.Code);
    }

    [Theory]
    [InlineData(ImportFormat.Csv)]
    [InlineData(ImportFormat.Xlsx)]
    public void A_contact_export_re_imports_onto_the_same_contact_and_changes_nothing(ImportFormat format)
    {
        var owner = new AccountId(Guid.NewGuid());
        var contact = Contact.Create(new ContactId(Guid.NewGuid()), Tenant, owner,
            new ContactForm("João Souza", "Comprador", "Compras", PersonCpf, new LocalDate(1980, 2, 29), [new PhoneForm(PhoneType.Mobile, "(11) 98888-7777")],
                [new EmailForm("joao@exemplo.com.br")]), Ana, Clock).AsT0;
        using var sheet = Read(o => ContactSheet.Write(o, format, [contact]), format);
        var row = ContactSheet.For(sheet.Headers).AsT0.Map(Assert.Single(sheet.ReadRows())).AsT0;

        Assert.Equal((contact.Id, (RegistrationRef)owner), (row.Id, row.Owner));
        var before = contact.History.Entries.Count;
        Assert.Empty(contact.Update(row.Form, Ana, Clock).AsT0);
        Assert.Equal(before, contact.History.Entries.Count);
    }

    [Fact]
    public void A_contact_row_belongs_to_one_lead_or_one_account_and_its_birthday_is_a_date()
    {
        var headers = ContactSheet.Columns.Select(c => c.Header).ToList();
        var sheet = ContactSheet.For(headers).AsT0;
        var lead = Guid.NewGuid().ToString();
        var account = Guid.NewGuid().ToString();
        Assert.Equal((ContactSheet.Lead, ImportCodes.OwnerAmbiguous), Single(sheet.Map(new SheetRow(2, [null, null, null, "Ana"]))));
        Assert.Equal((ContactSheet.Lead, ImportCodes.OwnerAmbiguous), Single(sheet.Map(new SheetRow(2, [null, lead, account, "Ana"]))));
        Assert.Equal((ContactSheet.Birthday, ImportCodes.Malformed), Single(sheet.Map(new SheetRow(2, [null, lead, null, "Ana", null, null, null, "30/02/1990"]))));
        Assert.Equal(new LocalDate(1990, 1, 30), sheet.Map(new SheetRow(2, [null, null, account, "Ana", null, null, null, "32903"])).AsT0.Form.Birthday);
        // Two contacts of the same lead: the owner's id repeats, a contact's may not.
        var contact = Guid.NewGuid().ToString();
        Assert.True(sheet.Map(new SheetRow(3, [contact, lead, null, "Bia"])).IsT0);
        Assert.Equal((ContactSheet.Contact, ImportCodes.DuplicateId), Single(sheet.Map(new SheetRow(4, [contact, lead, null, "Caio"]))));
        Assert.Equal((1, ContactSheet.Name, ImportCodes.ColumnMissing), ContactSheet.For(["Contato"]).AsT1.Select(p => (p.Row, p.Column, p.Code)).Single());
    }

    [Fact]
    public void The_lgpd_export_holds_every_record_about_a_cpf_and_only_the_persons_part_of_a_company()
    {
        var lead = PersonLead();
        var company = CustomerSheet.For([.. CustomerColumns.All.Select(c => c.Header)]).AsT0.Map(new SheetRow(2, [.. CustomerColumns.Example])).AsT0.Form;
        var buyer = Account.Register(new AccountId(Guid.NewGuid()), Tenant, Valid(company, RegistrationKind.Account), Ana, Clock);
        var other = Account.Register(new AccountId(Guid.NewGuid()), Tenant,
            Valid(company with { ResponsiblePeople = [new ResponsiblePersonForm("Outro", null, "111.444.777-35")] }, RegistrationKind.Account), Ana, Clock);
        var contact = Contact.Create(new ContactId(Guid.NewGuid()), Tenant, lead.Id, new ContactForm("Ana Lima", Cpf: PersonCpf), Ana, Clock).AsT0;
        var cpf = Cpf.Parse(PersonCpf).AsT0;

        var records = PersonDataExport.About(cpf, [lead], [buyer, other], [contact]);
        Assert.Equal([("Lead", lead.Id.Value.ToString()), ("Responsável em conta", buyer.Id.Value.ToString()), ("Contato", contact.Id.Value.ToString())],
            records.Select(r => (r.Kind, r.Id)));

        var output = new MemoryStream();
        PersonDataExport.Write(output, cpf, Clock.GetCurrentInstant(), records);
        var bytes = output.ToArray();
        List<SheetRow> Rows(string name)
        {
            using var sheet = ImportFile.Open(new MemoryStream(bytes), ImportFormat.Xlsx, name).AsT0;
            return [.. sheet.ReadRows()];
        }
        Assert.Equal(["529.982.247-25", "2026-12-01T13:00:00Z", "3"], Rows("Pedido").Take(3).Select(r => r[1]));
        var data = Rows("Dados");
        Assert.Contains(data, r => r[0] == "Lead" && r[2] == "tax_id" && r[3] == "52998224725");
        Assert.Contains(data, r => r[0] == "Responsável em conta" && r[2] == "responsible_people[0].name" && r[3] == "Maria Souza");
        Assert.DoesNotContain(data, r => r[3] == "Comercial Exemplo Ltda"); // the company's own data is not the person's
        Assert.Contains(data, r => r[0] == "Contato" && r[2] == "name" && r[3] == "Ana Lima");
        var history = Rows("Histórico");
        Assert.Contains(history, r => r[0] == "Lead" && r[4] == "legal_name" && r[5] is null && r[6] == "Ana Lima" && r[3] == Ana.Value.ToString());
        Assert.All(history.Where(r => r[0] == "Responsável em conta"), r => Assert.StartsWith("responsible_people[0].", r[4], StringComparison.Ordinal));
    }
}
