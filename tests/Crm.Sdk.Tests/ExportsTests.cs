using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk.Imports;
using Crm.Sdk.Matrices;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Exports through a session: the import's own columns (a file re-imports to the same data), the user's visibility, the Export permission, LGPD.</summary>
public sealed class ExportsTests
{
    private static readonly List<string> Headers = [.. CustomerColumns.All.Select(c => c.Header)];
    private const string PersonCpf = "529.982.247-25";

    /// <summary>A customer row of the template's example (its responsible person has <see cref="PersonCpf"/>), with or without its sales table.</summary>
    private static string?[] Customer(int seed, bool salesTable = false)
    {
        string?[] cells = [.. CustomerColumns.Example];
        cells[Headers.IndexOf(CustomerColumns.ExternalCode)] = $"C{seed}";
        cells[Headers.IndexOf(CustomerColumns.TaxId)] = Forms.CnpjOf(seed);
        cells[Headers.IndexOf(CustomerColumns.ShortName)] = $"EXP{seed}";
        cells[Headers.IndexOf(CustomerColumns.LegalName)] = $"Exportada {seed} Ltda";
        if (!salesTable)
            foreach (var column in new[] { CustomerColumns.SalesTable, CustomerColumns.BillingLocation, CustomerColumns.Warehouse })
                cells[Headers.IndexOf(column)] = null;
        return cells;
    }

    private static MemoryStream Customers(params string?[][] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Xlsx, CustomerColumns.All, rows);
        output.Position = 0;
        return output;
    }

    private static List<SheetRow> Rows(MemoryStream file, ImportFormat format, out IReadOnlyList<string> headers)
    {
        file.Position = 0;
        using var sheet = ImportFile.Open(new MemoryStream(file.ToArray()), format).AsT0;
        headers = sheet.Headers;
        return [.. sheet.ReadRows()];
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_customer_export_re_imports_to_the_same_accounts_whether_they_were_imported_or_typed(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        Ok(await diretor.Imports.CustomersAsync(Customers(Customer(1, salesTable: true), Customer(2)), ImportFormat.Xlsx));
        var typed = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(3) with { ClientType = "1" }));
        await using var before = host.Open();
        var stored = before.Accounts.AsEnumerable().Select(a => (a.Id, a.Data.Snapshot())).OrderBy(a => a.Id.Value).ToList();

        foreach (var format in new[] { ImportFormat.Xlsx, ImportFormat.Csv })
        {
            var file = new MemoryStream();
            var summary = Ok(await diretor.Exports.CustomersAsync(file, format));
            var again = Ok(await diretor.Imports.CustomersAsync(new MemoryStream(file.ToArray()), format));

            Assert.Equal(new ExportSummary("customers", format, 3), summary);
            Assert.Equal((3, 0, 0, 3, 0), (again.Read, again.Created, again.Updated, again.Unchanged, again.Invalid));
            var rows = Rows(file, format, out var headers);
            var origin = headers.ToList().IndexOf(CustomerColumns.Origin);
            var code = headers.ToList().IndexOf(CustomerColumns.ExternalCode);
            Assert.Contains(rows, r => r[origin] == ExportsModule.CrmOrigin && r[code] == typed.Id.Value.ToString());
            Assert.Contains(rows, r => r[code] == "C1" && r[headers.ToList().IndexOf(CustomerColumns.SalesTable)] == "TAB01");
        }
        await using var after = host.Open();
        Assert.Equal(stored, after.Accounts.AsEnumerable().Select(a => (a.Id, a.Data.Snapshot())).OrderBy(a => a.Id.Value).ToList());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_export_of_several_pages_with_ties_on_the_name_holds_every_account_once(string provider)
    {
        await using var host = await Create(provider);
        await using (var db = host.Open())
        {
            var context = new Crm.Domain.Accounts.Registration.RegistrationContext(Crm.Domain.Accounts.Configuration.AccountSettings.Default,
                Crm.Domain.Accounts.Configuration.RegistrationKind.Account);
            for (var i = 1; i <= 2 * ExportsModule.PageSize + 1; i++)
                db.Accounts.Add(Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), host.Tenant,
                    Crm.Domain.Accounts.Registration.RegistrationRules.Validate(Forms.Company(i, owner: host.Diretor) with { LegalName = "Empate Ltda" }, context).AsT0,
                    host.Diretor, host.Engine.Clock));
            Assert.True((await db.SaveAsync()).IsSaved);
        }

        var file = new MemoryStream();
        var summary = Ok(await host.As(host.Diretor).Exports.CustomersAsync(file, ImportFormat.Csv));

        var rows = Rows(file, ImportFormat.Csv, out var headers);
        var code = headers.ToList().IndexOf(CustomerColumns.ExternalCode);
        Assert.Equal((2 * ExportsModule.PageSize + 1, 2 * ExportsModule.PageSize + 1), (summary.Rows, rows.Count));
        Assert.Equal(rows.Count, rows.Select(r => r[code]).Distinct().Count());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_export_holds_only_what_the_user_sees_and_a_user_without_export_gets_nothing_written(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        Ok(await diretor.Accounts.RegisterAsync(Forms.Company(1, owner: host.Diretor)));
        Ok(await diretor.Accounts.RegisterAsync(Forms.Company(2, owner: host.Usuario)));
        Ok(await diretor.Accounts.RegisterAsync(Forms.Company(3, owner: host.Outro)));
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(4, owner: host.Usuario)));
        Ok(await diretor.Contacts.AddAsync(lead.Id, new ContactForm("Ana da Equipe")));
        var hidden = Ok(await diretor.Leads.RegisterAsync(Forms.Company(5, owner: host.Outro)));
        Ok(await diretor.Contacts.AddAsync(hidden.Id, new ContactForm("Bruno de Fora")));

        // The Coordenador manages the Usuário: its own and the Usuário's records, not Outro's nor the Diretor's.
        var coordenador = host.As(host.Coordenador);
        var customers = new MemoryStream();
        var contacts = new MemoryStream();
        Assert.Equal(1, Ok(await coordenador.Exports.CustomersAsync(customers, ImportFormat.Csv)).Rows);
        Assert.Equal(1, Ok(await coordenador.Exports.ContactsAsync(contacts, ImportFormat.Csv)).Rows);
        var legalName = Rows(customers, ImportFormat.Csv, out var headers)[0][headers.ToList().IndexOf(CustomerColumns.LegalName)];
        Assert.Equal("Comercial Exemplo 2 Ltda", legalName);
        Assert.Equal("Ana da Equipe", Rows(contacts, ImportFormat.Csv, out var contactHeaders)[0][contactHeaders.ToList().IndexOf(ContactSheet.Name)]);

        var nothing = new MemoryStream();
        var denied = Assert.IsType<Denied>((await host.As(host.Usuario).Exports.CustomersAsync(nothing, ImportFormat.Xlsx)).Value);
        Assert.Equal((Crm.Domain.Access.Module.Accounts, Crm.Domain.Access.Permission.Export), (denied.Module, denied.Action & Crm.Domain.Access.Permission.Export));
        Assert.Equal(0, nothing.Length);
        Assert.True((await host.As(host.Usuario).Exports.PersonAsync(PersonCpf, nothing)).IsT3);
        Assert.Equal(0, nothing.Length);

        // Counted in the log, with no record's data in it.
        var logged = Assert.Single(host.Logs.Lines, l => l.Event.Id == 1010 && Equals(l.Values["UseCase"], "exports.customers"));
        Assert.Equal(1, logged.Values["Rows"]);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains("Comercial Exemplo", StringComparison.Ordinal));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_lead_and_a_contact_export_re_import_to_the_same_records(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(1)));
        Ok(await diretor.Leads.RegisterAsync(Forms.Company(2) with { TaxId = null, ShortName = null }));
        Ok(await diretor.Contacts.AddAsync(lead.Id, new ContactForm("Carla Dias", "Compradora", "Compras", PersonCpf,
            new NodaTime.LocalDate(1990, 5, 17), [new PhoneForm(PhoneType.Mobile, "(11) 98888-7777")], [new EmailForm("carla@exemplo.com.br")])));
        Ok(await diretor.Contacts.AddAsync(lead.Id, new ContactForm("Davi Souza")));
        await using var before = host.Open();
        var stored = (before.Leads.AsEnumerable().OrderBy(l => l.Id.Value).Select(l => l.Snapshot()).ToList(), before.Contacts.AsEnumerable().OrderBy(c => c.Id.Value).Select(c => c.Snapshot()).ToList());

        foreach (var format in new[] { ImportFormat.Xlsx, ImportFormat.Csv })
        {
            var leads = new MemoryStream();
            var contacts = new MemoryStream();
            Assert.Equal(2, Ok(await diretor.Exports.LeadsAsync(leads, format)).Rows);
            Assert.Equal(2, Ok(await diretor.Exports.ContactsAsync(contacts, format)).Rows);
            var leadsAgain = Ok(await diretor.Imports.LeadsAsync(new MemoryStream(leads.ToArray()), format));
            var contactsAgain = Ok(await diretor.Imports.ContactsAsync(new MemoryStream(contacts.ToArray()), format));

            Assert.Equal((2, 0, 0, 2, 0), (leadsAgain.Read, leadsAgain.Created, leadsAgain.Updated, leadsAgain.Unchanged, leadsAgain.Invalid));
            Assert.Equal((2, 0, 0, 2, 0), (contactsAgain.Read, contactsAgain.Created, contactsAgain.Updated, contactsAgain.Unchanged, contactsAgain.Invalid));
        }
        await using var after = host.Open();
        Assert.Equal(stored.Item1, after.Leads.AsEnumerable().OrderBy(l => l.Id.Value).Select(l => l.Snapshot()).ToList());
        Assert.Equal(stored.Item2, after.Contacts.AsEnumerable().OrderBy(c => c.Id.Value).Select(c => c.Snapshot()).ToList());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_matrix_export_re_imports_as_the_same_matrix_and_an_unknown_name_is_invalid(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var rules = Enumerable.Range(0, 3).Select(i => new MatrixRule<IpiRule>($"ipi-{i}", new MatrixKey { NcmPrefix = $"84{i}" }, new IpiRule("50", 5m + i))).ToList();
        var before = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary.Version;
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(before, rules)));
        var stored = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10));

        var file = new MemoryStream();
        Assert.Equal(stored.Rules.Count, Ok(await diretor.Exports.MatrixAsync("ipi", file, ImportFormat.Csv)).Rows);
        var again = Ok(await diretor.Imports.MatrixAsync("ipi", new MatrixImportFile(new MemoryStream(file.ToArray()), ImportFormat.Csv)));

        Assert.Equal((0, 0, stored.Rules.Count, 0, (long?)null), (again.Added, again.Replaced, again.Unchanged, again.Removed, again.Version));
        Assert.True((await diretor.Exports.MatrixAsync("nope", new MemoryStream(), ImportFormat.Csv)).IsT1);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_export_finds_the_cpf_as_a_responsible_person_and_a_contact_only_in_records_the_user_sees(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        // The example customer names PersonCpf as its responsible person; the Diretor owns it (outside the Coordenador's team).
        Ok(await diretor.Imports.CustomersAsync(Customers(Customer(1)), ImportFormat.Xlsx));
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(2, owner: host.Usuario)));
        Ok(await diretor.Contacts.AddAsync(lead.Id, new ContactForm("Maria Souza", Cpf: PersonCpf)));
        Ok(await diretor.Contacts.AddAsync(lead.Id, new ContactForm("Outra Pessoa", Cpf: "111.444.777-35")));

        var all = new MemoryStream();
        var team = new MemoryStream();
        var byDiretor = Ok(await diretor.Exports.PersonAsync(PersonCpf, all));
        var byCoordenador = Ok(await host.As(host.Coordenador).Exports.PersonAsync(PersonCpf, team));

        Assert.Equal(new ExportSummary("person", ImportFormat.Xlsx, 2), byDiretor);
        Assert.Equal(1, byCoordenador.Rows);
        var kinds = Sheet(all, "Dados").Select(r => r[0]).Distinct().ToList();
        Assert.Equal(["Responsável em conta", "Contato"], kinds);
        Assert.Equal(["Contato"], Sheet(team, "Dados").Select(r => r[0]).Distinct());
        Assert.DoesNotContain(Sheet(all, "Dados"), r => r[3] == "Outra Pessoa");
        Assert.All(Assert.IsType<Crm.Domain.Problems.Invalid>((await diretor.Exports.PersonAsync("123", new MemoryStream())).Value).Problems,
            p => Assert.Equal("cpf", p.Field));
    }

    private static List<SheetRow> Sheet(MemoryStream workbook, string name)
    {
        using var sheet = ImportFile.Open(new MemoryStream(workbook.ToArray()), ImportFormat.Xlsx, name).AsT0;
        return [.. sheet.ReadRows()];
    }
}
