// The embedding sample of the README: the README's "## Embedding" section shows the region between the markers below,
// and tests/Crm.Cli.Tests/EmbeddingSampleTests.cs runs this program and fails when the README and the region differ.
// <embedding>
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence; // UseSqlite, UsePostgres: the provider packages' extensions
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;

// One registration: the engine and its SQLite file (PostgreSQL, ERP adapters and plugins are options of the same call).
var services = new ServiceCollection().AddCrm(crm => crm.UseSqlite("crm.db"));
await using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<CrmEngine>();
await engine.MigrateAsync();                                   // creates or upgrades the database; safe at every start

// A tenant (a new one at each run) with its standard roles and support user; a Diretora and a Usuária arrive.
var tenant = new TenantId(Guid.NewGuid());
var provisioned = (await engine.Tenants.ProvisionAsync(tenant, "Alimentos Exemplo", Package.Freemium)).AsT0;
var steps = provisioned.Steps.Select(s => s.Step).ToList();
var roles = steps.OfType<CreateRoleStep>().ToDictionary(s => s.Role.Name, s => s.Role.Id);
var support = steps.OfType<CreateSupportUserStep>().Single().User.Id;
var (marina, ana) = (new UserId(Guid.NewGuid()), new UserId(Guid.NewGuid()));
await engine.Tenants.AddUserAsync(tenant, marina, "marina", "Marina Diretora");
await engine.Tenants.AssignRolesAsync(tenant, support, marina, [roles[StandardRoles.Diretor.Name]]);
await engine.Tenants.AddUserAsync(tenant, ana, "ana", "Ana Vendedora");
await engine.Tenants.AssignRolesAsync(tenant, support, ana, [roles[StandardRoles.Usuario.Name]]);

// Every use case runs in a session bound to a tenant and a user: authorized, validated against the database (CPF/CNPJ
// and short name unique in the tenant) and saved in one transaction with its history. Outcomes are values, not exceptions.
var session = engine.Session(tenant, marina);
var form = new RegistrationForm
{
    Kind = PersonKind.Juridica,
    LegalName = "Cliente Exemplo Ltda",
    ShortName = "EXEMPLO",
    TaxId = "11.222.333/0001-81",
    Addresses = [new AddressForm(AddressKind.Correspondence, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308")],
    Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7000")],
    Emails = [new EmailForm("contato@cliente-exemplo.com.br")],
};
var registered = await session.Accounts.RegisterAsync(form);   // AccountSaved | Invalid | Duplicate | Denied | NotFound | Conflict
if (!registered.TryPickT0(out var saved, out _))
    throw new InvalidOperationException(string.Join("; ", registered.Problems));
var read = (await session.Accounts.GetAsync(saved.Id)).AsT0;
Console.WriteLine($"registered: {read.Account.Data.LegalName} ({read.Account.Data.ShortName}), CNPJ {read.Account.Data.TaxId}, version {read.Version}");

// The same CNPJ again: a Duplicate naming the account it repeats; nothing written.
var again = await session.Accounts.RegisterAsync(form with { ShortName = "OUTRO" });
Console.WriteLine($"again: {again.Outcome}: {string.Join("; ", again.Problems.Select(p => p.Code))}");

// A Usuária may not merge accounts (merging deletes one): a Denied naming the module and the action.
var denied = await engine.Session(tenant, ana).Accounts.MergeAsync(saved.Id, saved.Id);
Console.WriteLine($"ana merges: {denied.Outcome}: {denied.AsT3.Module} {denied.AsT3.Action}");
// </embedding>
