// The embedding sample of the README: its "## Embedding", "## Tax and commercial matrices", "## Catalog and orders" and
// "## Scheduled jobs and the ERP inbound" and "## Customer service and activities" sections show the five regions below,
// and tests/Crm.Cli.Tests/EmbeddingSampleTests.cs runs this program and fails when the README and the region differ.
// <embedding>
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Activities;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using Crm.Domain.Service.Occurrences;
using Crm.Domain.Tenancy;
using Crm.Persistence; // UseSqlite, UsePostgres: the provider packages' extensions
using Crm.Sdk;
using Crm.Sdk.Activities;
using Crm.Sdk.Matrices;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

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
// <matrices>
// The tax matrices orders are priced with, stored per tenant (module Pricing): ICMS 18 % inside SP, IPI not taxed,
// PIS/COFINS, CBS/IBS 2026. A change is based on the matrix's version (0: never saved).
var icms = (await session.Matrices.SaveAsync(new MatrixChange<IcmsRule>(0,
    new MatrixRule<IcmsRule>("icms-sp", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m))))).AsT0;
await session.Matrices.SaveAsync(new MatrixChange<IpiRule>(0, new MatrixRule<IpiRule>("ipi", MatrixKey.Any, new IpiRule("53"))));
await session.Matrices.SaveAsync(new MatrixChange<PisCofinsRule>(0, new MatrixRule<PisCofinsRule>("pis-cofins", MatrixKey.Any, PisCofinsRule.NonCumulative())));
await session.Matrices.SaveAsync(new MatrixChange<CbsIbsRule>(0, new MatrixRule<CbsIbsRule>("cbs-ibs", MatrixKey.Any, CbsIbsRule.Test2026)));

// All or nothing: every configuration error comes back naming its rule and field, and nothing is written.
var refused = await session.Matrices.SaveAsync(new MatrixChange<IcmsRule>(icms.Version,
    new MatrixRule<IcmsRule>("icms-ba", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA }, new IcmsRule("01", 7m))));
Console.WriteLine($"matrix: {refused.Outcome}: {string.Join("; ", refused.Problems.Select(p => $"{p.Field} {p.Code}"))}");
// A change based on a version someone else already changed: a Conflict.
var stale = await session.Matrices.SaveAsync(new MatrixChange<IcmsRule>(0, new MatrixRule<IcmsRule>("icms-sp", MatrixKey.Any, new IcmsRule("00", 17m))));
Console.WriteLine($"stale: {stale.Outcome}");
// </matrices>
// <orders>
// The company's catalog, saved in a batch: all or nothing, every problem listed (here: none).
await session.Catalog.SaveAsync(new CatalogData
{
    Products = [new Product { Code = "CAFE", Description = "Café torrado 500 g", BaseUnit = "UN", Fiscal = new FiscalData("0901.21.00"), MultipleQuantity = 2 }],
    Warehouses = [new Warehouse("01", "Central")],
    Prices = [new ListPrice("VAREJO", "CAFE", 18.90m)],
    Stock = [new StockEntry("CAFE", "01", 100m)],
});

// An order for the customer: each change is checked by the sale rules and priced; problems name item, code and reason.
var today = engine.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).Date;
var header = new OrderHeader
{
    Customer = saved.Id, CustomerCode = "C1", IssueDate = today, Seller = marina, SellerRole = "", Establishment = "01",
    PriceTable = "VAREJO", Warehouse = "01", PaymentCondition = "30D", OriginUf = Uf.SP, DestinationUf = Uf.SP,
};
var order = (await session.Orders.CreateAsync(header)).AsT0;
var added = (await session.Orders.AddItemsAsync(order.Id, order.Version, [new ItemInput { Product = "CAFE", Quantity = 3 }])).AsT0;
Console.WriteLine($"items: {string.Join("; ", added.Problems)}");       // 3 is not a multiple of 2
var changed = (await session.Orders.ChangeItemAsync(order.Id, added.Version, added.Items[0].Id,
    new ItemInput { Product = "CAFE", Quantity = 4, Warehouse = "01" })).AsT0;
var submitted = (await session.Orders.SubmitAsync(order.Id, changed.Version)).AsT0;

// Release reads the customer's credit as the ERP last told it (a host's pull records it), and the catalog's stock.
await session.Accounts.RecordErpStandingAsync(saved.Id, "C1", new ErpStanding(ErpSituation.Active, null, 5_000m, null, 0m, engine.Clock.GetCurrentInstant()));
var released = (await session.Orders.ReleaseAsync(order.Id, submitted.Version)).AsT0;
Console.WriteLine($"order: {released.Status}, total {changed.Totals?.Total}, ERP: {released.Erp.Status}");
var proposal = (await session.Orders.ProposalAsync(order.Id)).AsT0;   // a printable HTML document
Console.WriteLine($"proposal: {proposal.Length > 0}");
// </orders>
// <jobs>
// The periodic jobs, for a host's own scheduler (with a generic host, set CrmOptions.Jobs and a hosted scheduler runs
// them per tenant, one process at a time). Each is logged and measured like a use case; outcomes are values.
// This tenant integrates with no ERP, so the pull reads nothing; CRM1003 recomputes every account's situation.
var pulled = (await engine.Jobs.PullErpStandingsAsync(tenant)).AsT0;
var recomputed = (await engine.Jobs.RecomputeErpSituationsAsync(tenant, IntegrationSystem.Erp, 6,
    DateTimeZoneProviders.Tzdb["America/Sao_Paulo"])).AsT0;
var cleaned = (await engine.Jobs.DeleteSentMessagesAsync(tenant, TimeSpan.FromDays(30))).AsT0;   // delivered rows only
Console.WriteLine($"jobs: {pulled.Read} standing(s) pulled, {recomputed.Accounts} account(s) recomputed, {cleaned.ErpMessages} sent message(s) deleted");
// </jobs>
// <service>
// Customer service (module Service): an occurrence by phone with one of the tenant's reasons (RECL, a complaint to answer
// within a day, until the tenant saves its own), answered and closed; each step in its history.
var opened = (await session.Service.OpenAsync(new OccurrenceForm(saved.Id, ServiceChannel.Phone, "RECL", "Entrega atrasada"))).AsT0;
var answered = (await session.Service.AnswerAsync(opened.Id, opened.Version, "Nova data: amanhã")).AsT0;
await session.Service.CloseAsync(opened.Id, answered.Version, "Entregue");
var occurrence = (await session.Service.GetAsync(opened.Id)).AsT0;
Console.WriteLine($"occurrence: {occurrence.Occurrence.Status}, breached: {occurrence.Breached}, {occurrence.Occurrence.History.Count} history entries");

// Activities on the account (or on an opportunity, occurrence or card the user sees): a visit and a follow-up.
var subject = new ActivitySubject.Account(saved.Id);
var visit = engine.Clock.GetCurrentInstant() + Duration.FromDays(1);
await session.Activities.ScheduleAsync(subject, new AppointmentForm("Visita", visit, visit + Duration.FromHours(1)));
await session.Activities.RecordFollowUpAsync(subject, "Cliente pediu o catálogo");

// Everything that happened to the account, latest first, as far as the user may see it.
var timeline = (await session.Accounts.TimelineAsync(saved.Id)).AsT0;
Console.WriteLine($"timeline: {string.Join(", ", timeline.Select(e => e.Kind).Distinct().Order())}");
// </service>
