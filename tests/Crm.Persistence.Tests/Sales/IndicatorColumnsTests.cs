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
/// The columns the indicators group on, written by the saves of their aggregates: registration instants of accounts and
/// leads, an opportunity's current stage, and one row per order item (only changed items rewritten).
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
        var account = Records.Account(Tenant, 1);
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
        clock.Advance(Duration.FromDays(2));
        await using (var write = db.Open(Tenant))
        {
            var stored = await write.Opportunities.SingleAsync();
            Assert.True(stored.MoveTo(pipeline, pipeline.Stages[2].Id, clock).IsT0);
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
}
