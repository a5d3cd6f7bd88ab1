using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Persistence.Orders;
using Crm.Persistence.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Sales;

/// <summary>
/// The columns the indicators group on, written by the saves of their aggregates: registration instants and client types
/// of accounts and leads, an opportunity's current stage and latest stage entry, a contact's reach and opt-in days, and
/// one row per order item carrying its order's status, date and visibility columns (only changed items rewritten).
/// </summary>
public sealed class IndicatorColumnsTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    [Theory, SqliteData, PostgresData]
    public async Task Accounts_and_leads_keep_their_registration_instant_and_opportunities_their_current_stage(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var account = Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), Tenant,
            Records.Valid(Records.Company(1) with { ClientType = "REV" }, RegistrationKind.Account), Records.Ana, clock);
        var lead = Records.Lead(Tenant, 2);
        var pipeline = DefaultPipeline.Create(Tenant, null, null).AsT0;
        var opportunity = Opportunity.Open(Tenant, pipeline, new OpportunityDraft("Venda", account.Id, Records.Ana), OpportunitySettings.Default, clock)
            .AsT0.Opportunity;
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            write.Leads.Add(lead);
            write.Pipelines.Add(pipeline);
            write.Opportunities.Add(opportunity);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var first = db.Open(Tenant))
        {
            Assert.Equal("REV", await first.Accounts.Select(a => EF.Property<string?>(a, CrmQueries.ClientType)).SingleAsync());
            Assert.Equal(opportunity.History[0].Entered, await first.Opportunities.Select(o => EF.Property<Instant>(o, CrmQueries.LatestStageEntry)).SingleAsync());
        }
        clock.Advance(Duration.FromDays(2));
        await using (var write = db.Open(Tenant))
        {
            var stored = await write.Opportunities.SingleAsync();
            Assert.True(stored.MoveTo(pipeline, pipeline.Stages[2].Id, clock).IsT0);
            var customer = await write.Accounts.SingleAsync();
            Assert.True(customer.Update(Records.Valid(Records.Company(1) with { ClientType = null }, RegistrationKind.Account), Records.Ana, clock).IsT0);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        Assert.Equal(account.History.Entries[0].At, await read.Accounts.Select(a => EF.Property<Instant?>(a, CrmQueries.RegisteredAt)).SingleAsync());
        Assert.Equal(lead.History.Entries[0].At, await read.Leads.Select(l => EF.Property<Instant?>(l, CrmQueries.RegisteredAt)).SingleAsync());
        Assert.Equal(1, await read.Accounts.CountAsync(a => EF.Property<Instant?>(a, CrmQueries.RegisteredAt) < clock.GetCurrentInstant()));
        var current = await read.Opportunities
            .Select(o => new { Stage = EF.Property<StageId>(o, CrmQueries.CurrentStage), At = EF.Property<Instant>(o, CrmQueries.StageEnteredAt) }).SingleAsync();
        Assert.Equal((pipeline.Stages[2].Id, clock.GetCurrentInstant()), (current.Stage, current.At));
        Assert.Equal(1, await read.Opportunities.CountAsync(o => EF.Property<StageId>(o, CrmQueries.CurrentStage) == pipeline.Stages[2].Id));
        Assert.Equal(clock.GetCurrentInstant(), await read.Opportunities.Select(o => EF.Property<Instant>(o, CrmQueries.LatestStageEntry)).SingleAsync());
        Assert.Null(await read.Accounts.Select(a => EF.Property<string?>(a, CrmQueries.ClientType)).SingleAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contacts_reach_and_opt_in_days_follow_its_saves_and_leave_with_it(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var account = Records.Account(Tenant, 1);
        var (email, phone) = (new EmailForm("compras@exemplo.com.br"), new PhoneForm(PhoneType.Mobile, "(11) 98765-4321"));
        var contact = Contact.Create(new ContactId(Guid.NewGuid()), Tenant, account.Id, new ContactForm("Maria", Phones: [], Emails: [email],
            Marketing: [new MarketingConsent(MarketingChannel.Email, true, new LocalDate(2026, 11, 10), "site"),
                new MarketingConsent(MarketingChannel.Phone, false, new LocalDate(2026, 11, 10), "site")]), Records.Ana, clock).AsT0;
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            write.Contacts.Add(contact);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        Assert.Equal((true, false, new LocalDate(2026, 11, 10), (LocalDate?)null, (LocalDate?)null), await ColumnsAsync(db));

        await using (var write = db.Open(Tenant))
        {
            var stored = await write.Contacts.SingleAsync();
            Assert.True(stored.Update(new ContactForm("Maria", Phones: [phone], Emails: [],
                Marketing: [new MarketingConsent(MarketingChannel.Email, false, new LocalDate(2026, 11, 20), "telefone"),
                    new MarketingConsent(MarketingChannel.Mail, true, new LocalDate(2026, 11, 21), "contrato")]), Records.Ana, clock).IsT0);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        // The opt-out empties the e-mail day; the new mail opt-in has its own.
        Assert.Equal((false, true, (LocalDate?)null, (LocalDate?)null, new LocalDate(2026, 11, 21)), await ColumnsAsync(db));

        await using (var write = db.Open(Tenant))
        {
            write.Contacts.Remove(await write.Contacts.SingleAsync());
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(0, await read.Contacts.CountAsync(c => EF.Property<bool>(c, CrmQueries.HasPhone)
            || EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Mail)) != null));
    }

    private static async Task<(bool, bool, LocalDate?, LocalDate?, LocalDate?)> ColumnsAsync(TestDatabase db)
    {
        await using var read = db.Open(Tenant);
        var row = await read.Contacts.Select(c => new
        {
            HasEmail = EF.Property<bool>(c, CrmQueries.HasEmail),
            HasPhone = EF.Property<bool>(c, CrmQueries.HasPhone),
            Email = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Email)),
            Phone = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Phone)),
            Mail = EF.Property<LocalDate?>(c, CrmQueries.OptIn(MarketingChannel.Mail)),
        }).SingleAsync();
        return (row.HasEmail, row.HasPhone, row.Email, row.Phone, row.Mail);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_orders_items_are_rows_kept_in_step_with_its_saves(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
        var seller = new UserId(Guid.NewGuid());
        var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), Tenant, SalesFixture.Header(new AccountId(Guid.NewGuid()), seller) with { SellerRole = "CRM - Usuário" }, seller, At).AsT0;
        Assert.True(order.AddItems([SalesFixture.Item("NB-14", 1m), SalesFixture.Item("MOUSE", 2m)], catalog, seller, At).IsValid);
        await using (var write = db.Open(Tenant))
        {
            write.SalesOrders.Add(SalesOrderRow.From(order, null, null));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var write = db.Open(Tenant))
        {
            var row = await write.SalesOrders.SingleAsync();
            var stored = row.ToOrder();
            var mouse = stored.Items.Single(i => i.Product == "MOUSE");
            Assert.True(stored.CancelItem(mouse.Id, "Cliente desistiu", seller, At).IsValid);
            row.Write(stored);
            Assert.True((await write.SaveAsync()).IsSaved);
            // Only the cancelled item's row was written: the notebook's is still the one the first save inserted.
            Assert.Equal(EntityState.Unchanged, write.ChangeTracker.Entries<SalesOrderItemRow>().Single(e => e.Entity.Product == "MOUSE").State);
        }

        await using var read = db.Open(Tenant);
        var items = await read.SalesOrderItems.OrderBy(i => i.Product).ToListAsync();
        Assert.Equal([("MOUSE", 2m, false), ("NB-14", 1m, true)], items.Select(i => (i.Product, i.Quantity, i.IsOpen)));
        Assert.All(items, i => Assert.Equal(order.Id, i.Order));
        await using var other = db.Open(new TenantId(Guid.NewGuid()));
        Assert.Empty(await other.SalesOrderItems.ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_orders_item_rows_carry_its_status_date_seller_and_unit_through_every_save(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
        var (seller, other) = (new UserId(Guid.NewGuid()), new UserId(Guid.NewGuid()));
        var (company, branch) = (new CompanyId(Guid.NewGuid()), new BranchId(Guid.NewGuid()));
        var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), Tenant, SalesFixture.Header(new AccountId(Guid.NewGuid()), seller) with { SellerRole = "CRM - Usuário" }, seller, At).AsT0;
        Assert.True(order.AddItems([SalesFixture.Item("NB-14", 1m), SalesFixture.Item("MOUSE", 2m)], catalog, seller, At).IsValid);
        await using (var write = db.Open(Tenant))
        {
            write.SalesOrders.Add(SalesOrderRow.From(order, company, null));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        var issued = order.Header.IssueDate;
        Assert.Equal([(order.Status, issued, seller, (CompanyId?)company, (BranchId?)null)], await HeadersAsync(db));

        // An item added later takes the order's columns too.
        await using (var write = db.Open(Tenant))
        {
            var row = await write.SalesOrders.SingleAsync();
            var stored = row.ToOrder();
            Assert.True(stored.AddItems([SalesFixture.Item("MOUSE", 5m)], catalog, seller, At).IsValid);
            row.Write(stored);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        Assert.Equal([(order.Status, issued, seller, (CompanyId?)company, (BranchId?)null)], await HeadersAsync(db));

        // The order's own columns change, its items do not: every item row follows.
        await using (var write = db.Open(Tenant))
        {
            var row = await write.SalesOrders.SingleAsync();
            (row.Status, row.IssueDate, row.Seller, row.Branch) = (SalesOrderStatus.Released, issued.PlusDays(3), other, branch);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(3, await read.SalesOrderItems.CountAsync());
        Assert.Equal([(SalesOrderStatus.Released, issued.PlusDays(3), other, (CompanyId?)company, (BranchId?)branch)], await HeadersAsync(db));
    }

    private static async Task<List<(SalesOrderStatus, LocalDate, UserId, CompanyId?, BranchId?)>> HeadersAsync(TestDatabase db)
    {
        await using var read = db.Open(Tenant);
        var items = await read.SalesOrderItems.ToListAsync();
        return [.. items.Select(i => (i.Status, i.IssueDate, i.Seller, i.Company, i.Branch)).Distinct()];
    }
}
