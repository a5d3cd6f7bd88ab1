using System.Globalization;
using AngleSharp.Html.Parser;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Catalog;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Outbox;
using Crm.Sdk.Accounts;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>The catalog and sales orders through the engine: from a batch of products to an order released and sent to the ERP.</summary>
public sealed class SalesTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_catalog_batch_with_problems_writes_nothing_and_lists_each_and_a_usuario_may_not_save_one(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var diretor = sales.Host.As(sales.Host.Diretor);
        var bad = new CatalogData
        {
            Products = [SalesFixture.Product("NOVO", "Novo", "123"), SalesFixture.Product("NB-14", "Notebook renomeado", "8471.30.12")],
            Prices = [new ListPrice("T1", "NOPE", 1m)],
            Stock = [new StockEntry("MOUSE", "ZZ", 1m)],
            Lots = [new Lot("MOUSE", "A1", new string('L', 21), 1m)],
        };

        var refused = await diretor.Catalog.SaveAsync(bad);
        var denied = await sales.Host.As(sales.Host.Usuario).Catalog.SaveAsync(SalesFixture.Catalog());

        var fields = Assert.IsType<Crm.Domain.Problems.Invalid>(refused.Value).Problems.Select(p => (p.Field, p.Code)).ToHashSet();
        Assert.Contains(("products[0].fiscal.ncm", CatalogCodes.Ncm), fields);
        Assert.Contains(("prices[0].product", CatalogCodes.UnknownReference), fields);
        Assert.Contains(("stock[0]", CatalogCodes.UnknownReference), fields);
        Assert.Contains(("lots[0].code", Crm.Domain.Texts.TextCodes.TooLong), fields);
        Assert.Equal(Denied.PermissionCode, Assert.IsType<Denied>(denied.Value).Code);
        var page = Ok(await sales.Host.As(sales.Host.Usuario).Catalog.ListAsync(0, 10));
        Assert.Equal(["CABO", "KIT-ESC", "MOUSE", "NB-14", "OLD"], page.Select(p => p.Code));
        var notebook = Ok(await sales.Host.As(sales.Host.Usuario).Catalog.GetAsync("NB-14"));
        Assert.Equal("Notebook 14\"", notebook.Products[0].Description);
        Assert.Equal(["CABO"], notebook.Products[0].Similar);
        Assert.Equal([3_300m, 3_500m], notebook.Prices.Select(p => p.Amount).Order());
        var missing = Assert.IsType<NotFound>((await sales.Host.As(sales.Host.Usuario).Catalog.GetAsync("NB-15")).Value);
        Assert.Equal(("NB-15", "product.not_found"), (missing.Key, missing.Code));
        Assert.Contains("NB-15", missing.ToProblem().Message, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_order_goes_from_draft_through_approval_and_release_to_the_erp_and_comes_back_sent(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var seller = host.As(host.Usuario);
        var customer = await sales.CustomerAsync(1, host.Usuario);
        var created = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, host.Usuario)));

        var added = Ok(await seller.Orders.AddItemsAsync(created.Id, created.Version,
            [SalesFixture.Item("KIT-ESC", 1m), SalesFixture.Item("MOUSE", 3m)]));

        // The kit became its components; three mice are not a multiple of two: a problem naming the item, its product and code.
        Assert.Equal(["NB-14", "MOUSE", "MOUSE"], added.Items.Select(i => i.Product));
        var odd = Assert.Single(added.Problems, p => p.Problem.Code == OrderCodes.NotMultiple);
        Assert.Equal((3, "MOUSE"), (odd.Item, odd.Product));
        Assert.Contains(added.Problems, p => p.Problem.Severity == Crm.Domain.Problems.Severity.Error);

        var cancelled = Ok(await seller.Orders.CancelItemAsync(created.Id, added.Version, added.Items[2].Id, "quantidade errada"));
        Assert.DoesNotContain(cancelled.Problems, p => p.Problem.Severity == Crm.Domain.Problems.Severity.Error);
        var discounted = Ok(await seller.Orders.ChangeItemAsync(created.Id, cancelled.Version, added.Items[0].Id,
            SalesFixture.Item("NB-14", 1m, discount: 12m) with { Warehouse = "A1" }));
        var submitted = Ok(await seller.Orders.SubmitAsync(created.Id, discounted.Version));
        Assert.Equal(SalesOrderStatus.AwaitingApproval, submitted.Status);
        Assert.Contains(submitted.PendingApprovals, a => a.Item == added.Items[0].Id && a.Discount == 12m);

        var own = await seller.Orders.ApproveAsync(created.Id, submitted.Version, added.Items[0].Id, "eu mesmo");
        Assert.Contains(own.Problems, p => p.Code == OrderCodes.OwnApproval);
        var coordinator = host.As(host.Coordenador);
        var version = submitted.Version;
        OrderMoved? approved = null;
        foreach (var pending in submitted.PendingApprovals)
            version = (approved = Ok(await coordinator.Orders.ApproveAsync(created.Id, version, pending.Item, "cliente estratégico"))).Version;
        Assert.Equal(SalesOrderStatus.Approved, approved!.Status);

        var released = Ok(await coordinator.Orders.ReleaseAsync(created.Id, version));
        Assert.Equal((SalesOrderStatus.Released, ErpHandoffStatus.Queued), (released.Status, released.Erp.Status));
        await using (var db = host.Open())
        {
            var messages = await db.Outbox.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync();
            Assert.Equal([null, created.Id], messages.Select(m => m.Order));
        }

        await host.Engine.Outbox.DispatchPendingAsync();
        await host.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal([null, created.Id], sales.Erp.Received.Select(m => m.Order));
        Assert.Contains(customer.Value.ToString(), sales.Erp.Received.Last().Body, StringComparison.Ordinal); // the adapter had the stored customer
        var read = Ok(await seller.Orders.GetAsync(created.Id));
        Assert.Equal(SalesOrderStatus.Sent, read.Order.Status);
        Assert.Contains(read.Order.History, h => h.Field == "erp_number" && h.NewValue == "PV2");
        var history = Ok(await seller.Orders.HistoryAsync(created.Id));
        Assert.Contains(history, h => h.Field.EndsWith(".approval", StringComparison.Ordinal) && h.By == host.Coordenador);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Only_a_user_whose_role_may_approve_a_discount_may_reject_it(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var host = sales.Host;
        var seller = host.As(host.Usuario);
        var order = await PricedOrderAsync(sales, seller, SalesFixture.Item("NB-14", 1m, discount: 20m));
        var submitted = Ok(await seller.Orders.SubmitAsync(order.Id, order.Version));
        var pending = Assert.Single(submitted.PendingApprovals).Item;

        // The coordinator approves up to 15 %: 20 % is neither its to approve nor to reject; the director's 30 % reaches it.
        var coordinator = await host.As(host.Coordenador).Orders.RejectAsync(order.Id, submitted.Version, pending, "margem baixa");
        var approve = await host.As(host.Coordenador).Orders.ApproveAsync(order.Id, submitted.Version, pending, "ok");
        var own = await seller.Orders.RejectAsync(order.Id, submitted.Version, pending, "desisto");
        var still = Ok(await seller.Orders.GetAsync(order.Id));
        var rejected = Ok(await host.As(host.Diretor).Orders.RejectAsync(order.Id, submitted.Version, pending, "margem baixa"));

        Assert.Equal(OrderCodes.ApproverLimit, Assert.Single(Assert.IsType<Invalid>(coordinator.Value).Problems).Code);
        Assert.Equal(OrderCodes.ApproverLimit, Assert.Single(Assert.IsType<Invalid>(approve.Value).Problems).Code);
        Assert.Contains(Assert.IsType<Invalid>(own.Value).Problems, p => p.Code == OrderCodes.OwnApproval);
        Assert.Equal((SalesOrderStatus.AwaitingApproval, submitted.Version), (still.Order.Status, still.Version));
        Assert.Equal(SalesOrderStatus.Rejected, rejected.Status);
        var decided = Assert.Single(Ok(await seller.Orders.GetAsync(order.Id)).Order.Approvals);
        Assert.Equal((ApprovalStatus.Rejected, host.Diretor, "margem baixa"), (decided.Status, decided.DecidedBy!.Value, decided.Reason));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_stored_commission_and_negotiation_matrices_price_the_next_order(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var diretor = sales.Host.As(sales.Host.Diretor);
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<CommissionRule>(0, [new("comissao", MatrixKey.Any, new CommissionRule(2.5m))])));
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<NegotiationRule>(0, [new("cenario-mouse", new MatrixKey { Product = "MOUSE" }, new NegotiationRule("ACESSORIOS", "T2"))])));
        var seller = sales.Host.As(sales.Host.Usuario);

        var order = await PricedOrderAsync(sales, seller, SalesFixture.Item("NB-14", 2m), SalesFixture.Item("MOUSE", 4m));

        // 2 × 3,500.00 = 7,000.00 at 2.5 %; the mouse's scenario sells from table T2, the order from T1.
        var items = Ok(await seller.Orders.GetAsync(order.Id)).Order.Items;
        Assert.Equal((2.5m, 175m), (items[0].Values!.CommissionRate, items[0].Values!.Commission));
        var wrongTable = Assert.Single(order.Problems, p => p.Problem.Code == OrderCodes.NegotiationPriceTable);
        Assert.Equal((2, "MOUSE"), (wrongTable.Item, wrongTable.Product));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_customer_s_last_quotes_and_favourites_come_from_its_orders_the_user_sees(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var host = sales.Host;
        var seller = host.As(host.Usuario);
        var customer = await sales.CustomerAsync(31, host.Usuario);
        async Task<OrderChecked> Place(params ItemInput[] items)
        {
            var created = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, host.Usuario)));
            return Ok(await seller.Orders.AddItemsAsync(created.Id, created.Version, items));
        }
        var first = await Place(SalesFixture.Item("NB-14", 1m), SalesFixture.Item("MOUSE", 2m));
        var second = await Place(SalesFixture.Item("NB-14", 2m) with { NewPrice = 3_400m });
        var cancelled = await Place(SalesFixture.Item("CABO", 1m), SalesFixture.Item("MOUSE", 4m));
        Ok(await seller.Orders.CancelAsync(cancelled.Id, cancelled.Version, "desistiu"));

        var quotes = Ok(await seller.Orders.LastQuotesAsync(customer, "NB-14"));
        var favourites = Ok(await seller.Orders.FavouritesAsync(customer, 5));
        var hidden = await host.As(host.Outro).Orders.FavouritesAsync(customer);
        var denied = await host.As(host.SemPapel).Orders.LastQuotesAsync(customer, "NB-14");

        Assert.Equal([3_400m, 3_500m], quotes.Select(q => q.UnitPrice).Order());
        Assert.Equal(new[] { first.Id.Value, second.Id.Value }.Order(), quotes.Select(q => q.Order.Value).Order());
        Assert.Equal(["NB-14", "MOUSE"], favourites); // the cancelled order's CABO and MOUSE do not count
        Assert.IsType<NotFound>(hidden.Value);
        Assert.IsType<Denied>(denied.Value);
        Assert.Equal(Paging.TakeCode, Assert.Single((await seller.Orders.FavouritesAsync(customer, 0)).Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_proposal_is_html_whose_items_add_up_to_the_order_total_with_the_text_encoded(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var seller = sales.Host.As(sales.Host.Usuario);
        var order = await PricedOrderAsync(sales, seller, SalesFixture.Item("NB-14", 2m), SalesFixture.Item("MOUSE", 4m), SalesFixture.Item("NB-14", 1m, "CX"));
        var freight = Ok(await seller.Orders.ApportionFreightAsync(order.Id, order.Version, 100.01m));

        var html = Ok(await seller.Orders.ProposalAsync(order.Id));

        var document = new HtmlParser().ParseDocument(html);
        decimal Value(AngleSharp.Dom.IElement cell) => decimal.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture);
        var items = document.QuerySelectorAll("tr.item");
        Assert.Equal(3, items.Length);
        var total = Value(document.QuerySelector("table.totals td.total")!);
        Assert.Equal(freight.Totals!.Value.Total, total);
        Assert.Equal(total, items.Sum(row => Value(row.QuerySelector("td.total")!)));
        Assert.Equal(100.01m, items.Sum(row => Value(row.QuerySelector("td.freight")!)));
        Assert.Equal(Value(document.QuerySelector("table.totals td.ipi")!), items.Sum(row => Value(row.QuerySelector("td.ipi")!)));
        Assert.Contains("Entregar <no> horário & comercial", document.QuerySelector("table.header")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<no>", html, StringComparison.Ordinal);
        Assert.Contains("30D", document.QuerySelector("p.payment")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Release_by_customer_frees_what_the_credit_covers_oldest_first_and_blocks_the_rest_and_no_standing_blocks_all(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        // One notebook costs 3,500.00 + 10 % IPI = 3,850.00; the credit left is 5,000.00 - 500.00.
        var customer = await sales.CustomerAsync(2, host.Diretor, limit: 5_000m, openBalance: 500m);
        var first = await ApprovedAsync(diretor, customer);
        var second = await ApprovedAsync(diretor, customer);
        var unknown = await sales.CustomerAsync(3, host.Diretor, limit: null);
        var third = await ApprovedAsync(diretor, unknown);

        var released = Ok(await diretor.Orders.ReleaseCustomerAsync(customer));
        var blocked = Ok(await diretor.Orders.ReleaseAsync(third.Id, third.Version));

        // Same issue date: the domain takes them by id, so "oldest" is the lower id.
        var (earlier, later) = first.Id.Value.CompareTo(second.Id.Value) < 0 ? (first.Id, second.Id) : (second.Id, first.Id);
        Assert.Equal(SalesOrderStatus.Released, released.Single(r => r.Id == earlier).Status);
        Assert.Equal(SalesOrderStatus.Blocked, released.Single(r => r.Id == later).Status);
        Assert.Equal(OrderCodes.CreditLimit, Assert.Single(released.Single(r => r.Id == later).Reasons).Code);
        Assert.Equal(ErpHandoffStatus.NotIntegrated, released.Single(r => r.Id == earlier).Erp.Status);
        Assert.Equal((SalesOrderStatus.Blocked, OrderCodes.CreditLimitUnknown), (blocked.Status, Assert.Single(blocked.Reasons).Code));
        // The released order's credit counts against the next release of the same customer.
        var again = Ok(await diretor.Orders.ReleaseAsync(later, released.Single(r => r.Id == later).Version));
        Assert.Equal(SalesOrderStatus.Blocked, again.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_adapter_that_does_not_send_orders_parks_the_order_with_its_code_and_holds_nothing_back(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: false);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(4, host.Diretor);
        var order = await ApprovedAsync(diretor, customer);

        var released = Ok(await diretor.Orders.ReleaseAsync(order.Id, order.Version));
        var report = await host.Engine.Outbox.DispatchPendingAsync();
        var account = Ok(await diretor.Accounts.GetAsync(customer));
        Ok(await diretor.Accounts.UpdateAsync(customer, account.Version, Forms.Company(4, host.Diretor) with { ClientType = "REV", TradeName = "Mudou" }));
        var later = await host.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal((SalesOrderStatus.Released, ErpHandoffStatus.NotSupported, "integration.orders_unsupported"),
            (released.Status, released.Erp.Status, released.Erp.Code));
        await using var db = host.Open();
        var parked = await db.Outbox.AsNoTracking().SingleAsync(m => m.Order == order.Id);
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.StartsWith("integration.orders_unsupported", parked.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 1), (report.Sent, later.Sent)); // the customer, then its change: the parked order holds neither back
        Assert.DoesNotContain(sales.Erp.Received, m => m.Order is not null);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1108);
        var requeued = await diretor.Outbox.RequeueAsync(parked.Id);
        Assert.Equal(OrdersNotSupported.Code, Assert.Single(Assert.IsType<Invalid>(requeued.Value).Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_order_the_erp_adapter_refuses_is_not_released_and_nothing_is_queued(string provider)
    {
        var problem = new Problem("payment_condition", "protheus.order.too_long", "C5_CONDPAG tem no máximo 3 caracteres.");
        await using var sales = await SalesHost.Create(provider, ordersSupported: true, checkOrder: _ => new Invalid(problem));
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(5, host.Diretor);
        var order = await ApprovedAsync(diretor, customer);

        var refused = await diretor.Orders.ReleaseAsync(order.Id, order.Version);

        Assert.Equal(problem, Assert.Single(Assert.IsType<Invalid>(refused.Value).Problems));
        Assert.Equal(SalesOrderStatus.Approved, Ok(await diretor.Orders.GetAsync(order.Id)).Order.Status);
        await using var db = host.Open();
        Assert.False(await db.Outbox.AnyAsync(m => m.Order == order.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_order_the_adapter_refuses_by_the_time_it_is_sent_is_parked_with_the_problems_and_not_sent(string provider)
    {
        var problem = new Problem("carrier", "protheus.order.too_long", "C5_TRANSP tem no máximo 6 caracteres.");
        var refuse = false; // the adapter's options change after the release
        await using var sales = await SalesHost.Create(provider, ordersSupported: true, checkOrder: order => refuse ? new Invalid(problem) : order);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(32, host.Diretor);
        var order = await ApprovedAsync(diretor, customer);
        Assert.Equal(ErpHandoffStatus.Queued, Ok(await diretor.Orders.ReleaseAsync(order.Id, order.Version)).Erp.Status);

        refuse = true;
        await host.Engine.Outbox.DispatchPendingAsync();
        await host.Engine.Outbox.DispatchPendingAsync();

        Assert.DoesNotContain(sales.Erp.Received, m => m.Order == order.Id);
        Assert.Equal(SalesOrderStatus.Released, Ok(await diretor.Orders.GetAsync(order.Id)).Order.Status);
        await using var db = host.Open();
        var parked = await db.Outbox.AsNoTracking().SingleAsync(m => m.Order == order.Id);
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.Contains("protheus.order.too_long", parked.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("C5_TRANSP", parked.LastError, StringComparison.Ordinal); // codes only: messages quote field values
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_order_no_longer_released_when_its_message_is_sent_is_parked_not_sent(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(33, host.Diretor);
        var order = await ApprovedAsync(diretor, customer);
        Ok(await diretor.Orders.ReleaseAsync(order.Id, order.Version));
        await using (var db = host.Open()) // cancelled after the message was read for sending (a race the cancel's own parking misses)
            await db.SalesOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, SalesOrderStatus.Cancelled));

        await host.Engine.Outbox.DispatchPendingAsync();
        await host.Engine.Outbox.DispatchPendingAsync();

        Assert.DoesNotContain(sales.Erp.Received, m => m.Order == order.Id);
        await using var check = host.Open();
        var parked = await check.Outbox.AsNoTracking().SingleAsync(m => m.Order == order.Id);
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.StartsWith(OrdersModule.CancelledBeforeSending, parked.LastError, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Orders_are_seen_by_their_seller_and_its_managers_only_refused_without_permission_and_conflict_on_a_stale_version(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var host = sales.Host;
        var customer = await sales.CustomerAsync(5, host.Usuario);
        var seller = host.As(host.Usuario);
        var created = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, host.Usuario)));
        Ok(await seller.Orders.AddItemsAsync(created.Id, created.Version, [SalesFixture.Item("NB-14", 1m)]));

        Assert.IsType<NotFound>((await host.As(host.Outro).Orders.GetAsync(created.Id)).Value);
        Assert.IsType<NotFound>((await host.As(host.Outro).Orders.CreateAsync(SalesFixture.Header(customer, host.Outro))).Value);
        Assert.Equal(created.Id, Assert.Single(Ok(await host.As(host.Coordenador).Orders.ListAsync(0, 10))).Id);
        Assert.Empty(Ok(await host.As(host.Outro).Orders.ListAsync(0, 10)));
        Assert.Equal(Denied.PermissionCode, Assert.IsType<Denied>((await host.As(host.SemPapel).Orders.ListAsync(0, 10)).Value).Code);
        Assert.IsType<Conflict>((await seller.Orders.AddItemsAsync(created.Id, created.Version, [SalesFixture.Item("MOUSE", 2m)])).Value);
        var read = Ok(await seller.Orders.GetAsync(created.Id));
        Assert.Single(read.Order.Items);
        Assert.Equal("CRM - Usuário", read.Order.Header.SellerRole);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_copy_compared_with_its_original_shows_exactly_the_edits_made(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var seller = sales.Host.As(sales.Host.Usuario);
        var order = await PricedOrderAsync(sales, seller, SalesFixture.Item("NB-14", 2m), SalesFixture.Item("MOUSE", 4m));

        var copy = Ok(await seller.Orders.CopyAsync(order.Id));
        var untouched = Ok(await seller.Orders.CompareAsync(copy.Id));
        var items = Ok(await seller.Orders.GetAsync(copy.Id)).Order.Items;
        Ok(await seller.Orders.ChangeItemAsync(copy.Id, copy.Version, items[1].Id, SalesFixture.Item("MOUSE", 6m) with { Warehouse = "A1" }));
        var compared = Ok(await seller.Orders.CompareAsync(copy.Id));

        Assert.Empty(untouched);
        var difference = Assert.Single(compared);
        Assert.Equal(("items[2].quantity", "4", "6"), (difference.Field, difference.Original, difference.Copy));
    }

    private static async Task<OrderChecked> PricedOrderAsync(SalesHost sales, CrmSession seller, params ItemInput[] items)
    {
        var customer = await sales.CustomerAsync(9, seller.User);
        var created = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, seller.User)));
        var added = Ok(await seller.Orders.AddItemsAsync(created.Id, created.Version, items));
        Assert.True(added.Totals is not null, string.Join("\n", added.Problems));
        return added;
    }

    [Theory, SqliteData, PostgresData]
    public async Task Release_by_customer_stages_each_released_order_for_the_erp_in_its_own_place_and_a_catalog_save_keeps_quota_use(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(6, host.Diretor, limit: 100_000m);
        var first = await ApprovedAsync(diretor, customer, quota: "Q-NB");
        var second = await ApprovedAsync(diretor, customer);

        var released = Ok(await diretor.Orders.ReleaseCustomerAsync(customer));

        Assert.All(released, r => Assert.Equal((SalesOrderStatus.Released, ErpHandoffStatus.Queued), (r.Status, r.Erp.Status)));
        await using var db = host.Open();
        var staged = await db.Outbox.AsNoTracking().Where(m => m.Account == customer).OrderBy(m => m.Sequence).ToListAsync();
        Assert.Equal(staged.Count, staged.Select(m => m.Sequence).Distinct().Count());
        Assert.Equal(new[] { first.Id.Value, second.Id.Value }.Order(), staged.Where(m => m.Order != null).Select(m => m.Order!.Value.Value).Order());
        // The quota the released orders used stays used when the catalog is saved again.
        var used = (await db.Quotas.AsNoTracking().SingleAsync(q => q.Code == "Q-NB")).Consumed;
        Assert.Equal(1m, used);
        Ok(await diretor.Catalog.SaveAsync(SalesFixture.Catalog()));
        await using var again = host.Open();
        Assert.Equal(used, (await again.Quotas.AsNoTracking().SingleAsync(q => q.Code == "Q-NB")).Consumed);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Only_settings_editors_record_an_erp_standing_and_its_code_is_checked(string provider)
    {
        await using var sales = await SalesHost.Create(provider);
        var host = sales.Host;
        var customer = await sales.CustomerAsync(7, host.Usuario, limit: null);
        var standing = new ErpStanding(ErpSituation.Active, null, 1_000_000m, null, 0m, Instant.FromUtc(2026, 11, 22, 8, 0));

        var seller = await host.As(host.Usuario).Accounts.RecordErpStandingAsync(customer, "C007", standing);
        var blank = await host.As(host.Diretor).Accounts.RecordErpStandingAsync(customer, " ", standing);
        var control = await host.As(host.Diretor).Accounts.RecordErpStandingAsync(customer, "C\u0007", standing);

        Assert.IsType<Denied>(seller.Value);
        Assert.Equal(AccountsModule.ErpCodeInvalid, Assert.Single(Assert.IsType<Invalid>(blank.Value).Problems).Code);
        Assert.Equal(AccountsModule.ErpCodeInvalid, Assert.Single(Assert.IsType<Invalid>(control.Value).Problems).Code);
        Assert.Null(Ok(await host.As(host.Diretor).Accounts.GetAsync(customer)).Account.ErpStanding);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_released_order_cancelled_before_sending_never_reaches_the_erp_and_a_sent_one_cannot_be_cancelled(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(8, host.Diretor);
        var cancelled = await ApprovedAsync(diretor, customer);
        var releasedToCancel = Ok(await diretor.Orders.ReleaseAsync(cancelled.Id, cancelled.Version));

        var cancel = Ok(await diretor.Orders.CancelAsync(cancelled.Id, releasedToCancel.Version, "cliente desistiu"));
        await host.Engine.Outbox.DispatchPendingAsync();

        Assert.Equal(SalesOrderStatus.Cancelled, cancel.Status);
        Assert.DoesNotContain(sales.Erp.Received, m => m.Order == cancelled.Id);
        await using (var db = host.Open())
        {
            var parked = await db.Outbox.AsNoTracking().SingleAsync(m => m.Order == cancelled.Id);
            Assert.Equal(OutboxStatus.Parked, parked.Status);
            Assert.StartsWith(OrdersModule.CancelledBeforeSending, parked.LastError, StringComparison.Ordinal);
        }
        var sent = await ApprovedAsync(diretor, customer);
        var releasedSent = Ok(await diretor.Orders.ReleaseAsync(sent.Id, sent.Version));
        await host.Engine.Outbox.DispatchPendingAsync();
        var read = Ok(await diretor.Orders.GetAsync(sent.Id));
        var late = await diretor.Orders.CancelAsync(sent.Id, read.Version, "tarde demais");
        Assert.Equal(OrdersModule.AlreadyInErp, Assert.Single(Assert.IsType<Invalid>(late.Value).Problems).Code);
        Assert.Equal(SalesOrderStatus.Sent, Ok(await diretor.Orders.GetAsync(sent.Id)).Order.Status);
        Assert.Equal(SalesOrderStatus.Released, releasedSent.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_order_sent_before_the_erp_standing_was_read_is_not_counted_twice(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(9, host.Diretor, limit: 10_000m);
        var first = await ApprovedAsync(diretor, customer);
        Ok(await diretor.Orders.ReleaseAsync(first.Id, first.Version));
        await host.Engine.Outbox.DispatchPendingAsync();
        await host.Engine.Outbox.DispatchPendingAsync();
        Assert.Equal(SalesOrderStatus.Sent, Ok(await diretor.Orders.GetAsync(first.Id)).Order.Status);

        // Read after the send, the ERP's open balance holds the first order: 10,000.00 - 3,850.00 leaves room for one more.
        var code = Ok(await diretor.Accounts.GetAsync(customer)).Account.Integration.AsT1.ErpCode;
        Ok(await diretor.Accounts.RecordErpStandingAsync(customer, code,
            new ErpStanding(ErpSituation.Active, null, 10_000m, null, 3_850m, Instant.FromUtc(2100, 1, 1, 0, 0))));
        var second = await ApprovedAsync(diretor, customer);
        var released = Ok(await diretor.Orders.ReleaseAsync(second.Id, second.Version));

        Assert.Equal(SalesOrderStatus.Released, released.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_clean_up_keeps_orders_sent_after_the_standing_was_read_so_release_still_counts_them(string provider)
    {
        await using var sales = await SalesHost.Create(provider, ordersSupported: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(9, host.Diretor, limit: 10_000m);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var sent = await ApprovedAsync(diretor, customer);
            Ok(await diretor.Orders.ReleaseAsync(sent.Id, sent.Version));
            await host.Engine.Outbox.DispatchPendingAsync();
            await host.Engine.Outbox.DispatchPendingAsync();
            host.Time.Advance(TimeSpan.FromDays(1));
        }
        host.Time.Advance(TimeSpan.FromDays(2));

        Ok(await host.Engine.Jobs.DeleteSentMessagesAsync(host.Tenant, TimeSpan.FromDays(1)));
        var kept = await OrderRowsAsync(host);
        var third = await ApprovedAsync(diretor, customer);
        var released = Ok(await diretor.Orders.ReleaseAsync(third.Id, third.Version));

        // The standing was read before both sends: 10,000.00 holds the two 3,850.00 orders, not a third.
        Assert.Equal(2, kept);
        Assert.NotEqual(SalesOrderStatus.Released, released.Status);
        // Once a read after the sends holds them in the ERP's open balance, the clean-up may delete them.
        var code = Ok(await diretor.Accounts.GetAsync(customer)).Account.Integration.AsT1.ErpCode;
        Ok(await diretor.Accounts.RecordErpStandingAsync(customer, code,
            new ErpStanding(ErpSituation.Active, null, 10_000m, null, 7_700m, host.Engine.Clock.GetCurrentInstant())));
        host.Time.Advance(TimeSpan.FromDays(2));
        Ok(await host.Engine.Jobs.DeleteSentMessagesAsync(host.Tenant, TimeSpan.FromDays(1)));
        Assert.Equal(1, await OrderRowsAsync(host)); // the account's last message stays
    }

    private static async Task<int> OrderRowsAsync(TestHost host)
    {
        await using var db = host.Open();
        return await db.Outbox.CountAsync(m => m.Order != null);
    }

    private static async Task<OrderMoved> ApprovedAsync(CrmSession diretor, Crm.Domain.Identity.AccountId customer, string? quota = null)
    {
        var created = Ok(await diretor.Orders.CreateAsync(SalesFixture.Header(customer, diretor.User)));
        var added = Ok(await diretor.Orders.AddItemsAsync(created.Id, created.Version, [SalesFixture.Item("NB-14", 1m) with { Quota = quota }]));
        Assert.Equal(3_850m, added.Totals!.Value.Total);
        var submitted = Ok(await diretor.Orders.SubmitAsync(created.Id, added.Version));
        Assert.Equal(SalesOrderStatus.Approved, submitted.Status);
        return submitted;
    }
}
