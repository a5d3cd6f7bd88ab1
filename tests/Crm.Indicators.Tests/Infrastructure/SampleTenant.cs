using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Catalog;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Orders;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Service;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Indicators.Tests.Infrastructure;

/// <summary>
/// A small tenant whose every indicator is worked out by hand in the tests. Period: November 2026 in São Paulo (UTC−3),
/// previous period 2026-10-02..2026-10-31, the one before 2026-09-02..2026-10-01. A Diretor; a Coordenador over Rep1 and
/// Rep2; Rep3 outside the team. Accounts (owner, registered): A1 (Rep1, Nov 5), A2 (Rep1, Oct 10), A3 (Rep1, Sep 15),
/// B1 (Rep2, Nov 20), C1 (Rep3, Nov 30 23:30 local = Dec 1 02:30 UTC), D1 (Diretor, Aug 1) — A1 and A2 of client type
/// REV, B1 of CF, the others of none; leads L1 (Rep1, Nov 2) and
/// L2 (Rep3, Oct 5). The orders, contacts and opportunities are listed where they are added.
/// </summary>
public sealed class SampleTenant
{
    public static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public static IndicatorPeriod November => IndicatorPeriod.Of(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30), SaoPaulo).AsT0;

    public required TenantId Tenant { get; init; }
    public required UserId Diretor { get; init; }
    public required UserId Coordenador { get; init; }
    public required UserId Rep1 { get; init; }
    public required UserId Rep2 { get; init; }
    public required UserId Rep3 { get; init; }

    /// <summary>The orders as priced by the domain, by name (O1..O7).</summary>
    public required IReadOnlyDictionary<string, SalesOrder> Orders { get; init; }

    public required Pipeline Pipeline { get; init; }

    /// <summary>The present the service indicators are asked at: after every instant of the sample.</summary>
    public static readonly Instant Now = Instant.FromUtc(2027, 1, 15, 12, 0);

    public static async Task<VisibilityScope> ScopeAsync(CrmDbContext db, UserId user) => (await db.ScopeOfAsync(user)).AsT0;

    public decimal Total(string order) => Orders[order].Totals!.Value.Total;

    /// <summary>The priced total of <paramref name="product"/>'s open items in <paramref name="orders"/>.</summary>
    public decimal ValueOf(string product, params string[] orders) =>
        orders.SelectMany(o => Orders[o].Items).Where(i => i.Product == product && i.IsOpen).Sum(i => i.Values!.Total);

    public static async Task<SampleTenant> SeedAsync(TestDatabase db)
    {
        var tenant = new TenantId(Guid.NewGuid());
        await new TenantProvisioning(db.Database).ProvisionAsync(tenant, "Distribuidora", Package.Freemium, null);
        await using var write = db.Open(tenant);
        var roles = await write.Roles.ToDictionaryAsync(r => r.Name, r => r.Id);
        var company = new CompanyId(Guid.NewGuid());
        User Person(string login, StandardRole role)
        {
            var user = User.Arrive(new UserId(Guid.NewGuid()), tenant, login, login, null, Package.Freemium).AsT0;
            user.AssignRoles([roles[role.Name]]);
            user.AllowCompanies([new CompanyBranch(company, null)]);
            write.Users.Add(user);
            return user;
        }
        var diretor = Person("diretor", StandardRoles.Diretor);
        var coordenador = Person("coordenador", StandardRoles.Coordenador);
        var rep1 = Person("rep1", StandardRoles.Usuario);
        var rep2 = Person("rep2", StandardRoles.Usuario);
        var rep3 = Person("rep3", StandardRoles.Usuario);
        var hierarchy = Hierarchy.Of([.. await write.Users.ToListAsync(), diretor, coordenador, rep1, rep2, rep3]).AsT0;
        coordenador.ReportTo(diretor.Id, hierarchy);
        rep1.ReportTo(coordenador.Id, hierarchy);
        rep2.ReportTo(coordenador.Id, hierarchy);

        var seed = 0;
        Account Account(User owner, Instant registered, ErpSituation situation = ErpSituation.NotIntegrated, string? clientType = null)
        {
            var account = Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), tenant,
                Valid(Company(++seed, owner.Id, company) with { ClientType = clientType }, RegistrationKind.Account), owner.Id, new FakeClock(registered));
            if (situation != ErpSituation.NotIntegrated)
                account.Apply(new ErpStatusChange(account.Id, new ErpStatus(IntegrationSystem.Erp, ErpSituation.NotIntegrated),
                    new ErpStatus(IntegrationSystem.Erp, situation)));
            write.Accounts.Add(account);
            return account;
        }
        Lead Lead(User owner, Instant registered)
        {
            var lead = Crm.Domain.Accounts.Lead.Register(new LeadId(Guid.NewGuid()), tenant,
                Valid(Company(++seed, owner.Id, company), RegistrationKind.Lead), owner.Id, new FakeClock(registered));
            write.Leads.Add(lead);
            return lead;
        }
        var a1 = Account(rep1, Noon(2026, 11, 5), ErpSituation.Active, "REV");
        var a2 = Account(rep1, Noon(2026, 10, 10), ErpSituation.Inactive, "REV");
        var a3 = Account(rep1, Noon(2026, 9, 15), ErpSituation.Active);
        var b1 = Account(rep2, Noon(2026, 11, 20), clientType: "CF");
        var c1 = Account(rep3, Instant.FromUtc(2026, 12, 1, 2, 30));
        Account(diretor, Noon(2026, 8, 1));
        var l1 = Lead(rep1, Noon(2026, 11, 2));
        Lead(rep3, Noon(2026, 10, 5));

        // Contacts: A1's with e-mail and phone (e-mail opt-in Nov 10); A2's with e-mail (e-mail opt-in Oct 15, phone opt-out);
        // C1's with a phone (phone opt-in Sep 1); L1's with neither (mail opt-in Nov 30).
        void Contact(RegistrationRef owner, bool email, bool phone, params MarketingConsent[] consents)
        {
            var form = new ContactForm($"Contato {++seed}",
                Phones: phone ? [new PhoneForm(PhoneType.Mobile, "(11) 98765-4321")] : [],
                Emails: email ? [new EmailForm($"contato{seed}@exemplo.com.br")] : [],
                Marketing: consents);
            write.Contacts.Add(Crm.Domain.Accounts.Contacts.Contact.Create(new ContactId(Guid.NewGuid()), tenant, owner, form, rep1.Id,
                new FakeClock(Noon(2026, 11, 1))).AsT0);
        }
        Contact(a1.Id, email: true, phone: true, new MarketingConsent(MarketingChannel.Email, true, new LocalDate(2026, 11, 10), "site"));
        Contact(a2.Id, email: true, phone: false, new MarketingConsent(MarketingChannel.Email, true, new LocalDate(2026, 10, 15), "site"),
            new MarketingConsent(MarketingChannel.Phone, false, new LocalDate(2026, 10, 15), "site"));
        Contact(c1.Id, email: false, phone: true, new MarketingConsent(MarketingChannel.Phone, true, new LocalDate(2026, 9, 1), "telefone"));
        Contact(l1.Id, email: false, phone: false, new MarketingConsent(MarketingChannel.Mail, true, new LocalDate(2026, 11, 30), "contrato"));

        // Orders, priced by the fixture's catalog: O1 A1/Rep1 Nov 10 released NB-14 ×1; O2 A2/Rep1 Oct 20 sent MOUSE ×2;
        // O3 A1/Rep1 Oct 5 released NB-14 ×2; O4 B1/Rep2 Nov 15 sent MOUSE ×4; O5 C1/Rep3 Nov 20 released NB-14 ×1;
        // O6 A3/Rep1 Nov 12 draft NB-14 ×5 (no revenue); O7 A3/Rep1 Sep 20 released MOUSE ×2.
        var catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
        var context = SalesFixture.Context(catalog);
        var orders = new Dictionary<string, SalesOrder>();
        void Order(string name, Account customer, User seller, LocalDate issued, SalesOrderStatus status, string product, decimal quantity)
        {
            // Priced on the fixture's day (its prices and promotions), then stored as issued on the day the indicators read.
            var at = Noon(SalesFixture.Today.Year, SalesFixture.Today.Month, SalesFixture.Today.Day);
            var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), tenant, SalesFixture.Header(customer.Id, seller.Id) with { SellerRole = "CRM - Usuário" }, seller.Id, at).AsT0;
            Assert.True(order.AddItems([SalesFixture.Item(product, quantity)], catalog, seller.Id, at).IsValid);
            Assert.NotNull(order.Recalculate(context, seller.Id, at).Match(c => c.Pricing, invalid => throw new Xunit.Sdk.XunitException(invalid.ToString())));
            var row = SalesOrderRow.From(order, company, null);
            (row.Status, row.IssueDate) = (status, issued);
            write.SalesOrders.Add(row);
            orders[name] = order;
        }
        Order("O1", a1, rep1, new LocalDate(2026, 11, 10), SalesOrderStatus.Released, "NB-14", 1m);
        Order("O2", a2, rep1, new LocalDate(2026, 10, 20), SalesOrderStatus.Sent, "MOUSE", 2m);
        Order("O3", a1, rep1, new LocalDate(2026, 10, 5), SalesOrderStatus.Released, "NB-14", 2m);
        Order("O4", b1, rep2, new LocalDate(2026, 11, 15), SalesOrderStatus.Sent, "MOUSE", 4m);
        Order("O5", c1, rep3, new LocalDate(2026, 11, 20), SalesOrderStatus.Released, "NB-14", 1m);
        Order("O6", a3, rep1, new LocalDate(2026, 11, 12), SalesOrderStatus.Draft, "NB-14", 5m);
        Order("O7", a3, rep1, new LocalDate(2026, 9, 20), SalesOrderStatus.Released, "MOUSE", 2m);

        // Opportunities (default pipeline): P1 A1/Rep1 opened Oct 10, Proposta Nov 5, won Nov 20, R$ 1,000; P2 B1/Rep2 opened
        // Nov 3, won Nov 25; P3 C1/Rep3 opened Sep 10, lost Oct 12; P4 A2/Rep1 opened Oct 20, won Oct 25; P5 A3/Rep1 opened
        // Oct 3, won Oct 15, R$ 500.
        var pipeline = DefaultPipeline.Create(tenant, null, null).AsT0;
        write.Pipelines.Add(pipeline);
        void Opportunity(Account account, User owner, Instant opened, decimal? value, params (Instant At, StageId Stage)[] moves)
        {
            var clock = new FakeClock(opened);
            var opportunity = Crm.Domain.Funnel.Opportunities.Opportunity.Open(tenant, pipeline,
                new OpportunityDraft($"Negócio {++seed}", account.Id, owner.Id, value is { } v ? new Money(v, "BRL") : null),
                OpportunitySettings.Default, clock).AsT0.Opportunity;
            foreach (var (at, stage) in moves)
            {
                clock.Reset(at);
                Assert.True(opportunity.MoveTo(pipeline, stage, clock, "motivo").IsT0);
            }
            write.Opportunities.Add(opportunity);
        }
        var proposta = pipeline.Stages.Single(s => s.Name == "Proposta").Id;
        Opportunity(a1, rep1, Noon(2026, 10, 10), 1_000m, (Noon(2026, 11, 5), proposta), (Noon(2026, 11, 20), pipeline.Won.Id));
        Opportunity(b1, rep2, Noon(2026, 11, 3), null, (Noon(2026, 11, 25), pipeline.Won.Id));
        Opportunity(c1, rep3, Noon(2026, 9, 10), 300m, (Noon(2026, 10, 12), pipeline.Lost.Id));
        Opportunity(a2, rep1, Noon(2026, 10, 20), 200m, (Noon(2026, 10, 25), pipeline.Won.Id));
        Opportunity(a3, rep1, Noon(2026, 10, 3), 500m, (Noon(2026, 10, 15), pipeline.Won.Id));

        // Occurrences (reasons of the default settings: RECL complaint due in a day, DUV two days, SOL three):
        // S1 A1 e-mail RECL NB-14 Rep1, Nov 1 (a Sunday), answered in 2 h; S2 A1 e-mail DUV NB-14 Rep1, Nov 3, answered in 4 h;
        // S3 B1 phone RECL MOUSE Rep2, Nov 10, answered in 30 h (late); S4 C1 e-mail RECL, Nov 30, unanswered (due in December);
        // S5 A2 chat SOL Rep1, Oct 15, answered in 1 h; S6 A2 e-mail RECL NB-14 Rep1, Oct 20, unanswered (breached Oct 21);
        // S7 A1 e-mail DUV, Nov 30 23:30 in São Paulo (December in UTC), unanswered.
        void Occurrence(Account account, ServiceChannel channel, string reason, string? product, User? attendant, Instant opened, Duration? answeredAfter)
        {
            var clock = new FakeClock(opened);
            var occurrence = Crm.Domain.Service.Occurrences.Occurrence.Open(new OccurrenceId(Guid.NewGuid()), tenant,
                new OccurrenceForm(account.Id, channel, reason, "Cliente pede retorno", Product: product, Attendant: attendant?.Id),
                OccurrenceSettings.Default, rep1.Id, clock).AsT0;
            if (answeredAfter is { } after)
            {
                clock.Reset(opened + after);
                Assert.True(occurrence.Respond("Respondido", rep1.Id, clock).IsT0);
            }
            write.Occurrences.Add(OccurrenceRow.From(occurrence, company, null));
        }
        Occurrence(a1, ServiceChannel.Email, "RECL", "NB-14", rep1, Noon(2026, 11, 1), Duration.FromHours(2));
        Occurrence(a1, ServiceChannel.Email, "DUV", "NB-14", rep1, Noon(2026, 11, 3), Duration.FromHours(4));
        Occurrence(b1, ServiceChannel.Phone, "RECL", "MOUSE", rep2, Noon(2026, 11, 10), Duration.FromHours(30));
        Occurrence(c1, ServiceChannel.Email, "RECL", null, null, Noon(2026, 11, 30), null);
        Occurrence(a2, ServiceChannel.Chat, "SOL", null, rep1, Noon(2026, 10, 15), Duration.FromHours(1));
        Occurrence(a2, ServiceChannel.Email, "RECL", "NB-14", rep1, Noon(2026, 10, 20), null);
        Occurrence(a1, ServiceChannel.Email, "DUV", null, null, Instant.FromUtc(2026, 12, 1, 2, 30), null);

        Assert.True((await write.SaveAsync()).IsSaved);
        return new SampleTenant
        {
            Tenant = tenant, Diretor = diretor.Id, Coordenador = coordenador.Id, Rep1 = rep1.Id, Rep2 = rep2.Id, Rep3 = rep3.Id,
            Orders = orders, Pipeline = pipeline,
        };
    }

    /// <summary>Noon in UTC (09:00 in São Paulo) of a day.</summary>
    public static Instant Noon(int year, int month, int day) => Instant.FromUtc(year, month, day, 12, 0);

    public static RegistrationForm Company(int seed, UserId owner, CompanyId? company) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Comercial Exemplo {seed} Ltda",
        ShortName = $"EXEMP{seed}",
        TaxId = Enumerable.Range(0, 100).Select(dv => $"{seed:D8}0001{dv:D2}").First(Cnpj.IsValid),
        Owner = owner,
        Company = company,
        Emails = [new EmailForm($"compras{seed}@exemplo.com.br")],
    };

    public static ValidRegistration Valid(RegistrationForm form, RegistrationKind kind) =>
        RegistrationRules.Validate(form, new RegistrationContext(AccountSettings.Default, kind)).Match(
            valid => valid, invalid => throw new Xunit.Sdk.XunitException("Expected valid test data:\n" + invalid));
}
