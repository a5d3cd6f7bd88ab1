using Crm.Domain.Access;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Persistence.Access;
using Crm.Persistence.Orders;
using Crm.Persistence.Outbox;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Orders;

/// <summary>
/// Sales orders (module <see cref="Module.Orders"/>) through a session, from a draft to the ERP. A user sees the orders it
/// sells and those of the sellers and customers' companies/branches in its scope (others are <see cref="NotFound"/>);
/// every change is based on the version read (<see cref="Crm.Persistence.Concurrency.Conflict"/> otherwise), checked by the
/// domain's sale rules against the catalog and the tenant's matrices, recalculated, and saved in one transaction with its
/// history. Sale problems come back as values naming item, code and message.
/// </summary>
public sealed class OrdersModule
{
    private readonly CrmSession _session;

    internal OrdersModule(CrmSession session) => _session = session;

    /// <summary>
    /// Opens a draft for a customer the user sees (permission Include). The seller must be inside the user's scope; the
    /// seller's role (its first role, the approval matrix's role) replaces <see cref="OrderHeader.SellerRole"/>. A blank
    /// <see cref="OrderHeader.PriceTable"/> takes the customer's sales table for the header's warehouse and billing location
    /// (<see cref="SalesTableOfAsync"/>).
    /// </summary>
    public Task<CrmResult<OrderSaved>> CreateAsync(OrderHeader header, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = new SalesOrderId(Guid.NewGuid());
        return _session.RunAsync("orders.create", Module.Orders, Permission.Include, async work =>
        {
            if (await AccountsModule.FindAsync(work, header.Customer).ConfigureAwait(false) is not { } account)
                return new NotFound("account", header.Customer.Value);
            if (work.CheckPlacement(Module.Orders, Permission.Include, header.Seller, account.Data.Company, account.Data.Branch) is { } denied)
                return denied;
            var roles = await OrderWork.RoleNamesAsync(work, header.Seller).ConfigureAwait(false);
            var priced = await SalesTableOfAsync(work, header, account).ConfigureAwait(false);
            var created = SalesOrder.Create(id, work.Tenant, priced with { SellerRole = roles.FirstOrDefault() ?? "" }, work.User, work.Clock.GetCurrentInstant());
            if (!created.TryPickT0(out var order, out var invalid))
                return invalid;
            var row = SalesOrderRow.From(order, account.Data.Company, account.Data.Branch);
            work.Db.SalesOrders.Add(row);
            return await work.SaveAsync(row, version => new OrderSaved(id, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// <paramref name="header"/>, its blank price table taken from the customer's sales tables (stored by the customer import,
    /// per billing location and warehouse): the one bound to the header's warehouse and billing location, or, with no billing
    /// location, the one table all the warehouse's bindings name; with no binding there, the account's own price table (a
    /// typed form's, the ERP's). None found (or several bindings' tables) leaves it blank, which the order's rules refuse.
    /// </summary>
    private static async Task<OrderHeader> SalesTableOfAsync(UnitOfWork work, OrderHeader header, Crm.Domain.Accounts.Account customer)
    {
        if (!string.IsNullOrWhiteSpace(header.PriceTable))
            return header;
        var tables = await work.Db.AccountSalesTables.AsNoTracking()
            .Where(b => b.Account == header.Customer && b.Warehouse == header.Warehouse && (header.BillingLocation == null || b.BillingLocation == header.BillingLocation))
            .Select(b => b.PriceTable).Distinct().ToListAsync(work.Cancellation).ConfigureAwait(false);
        return tables.Count switch
        {
            1 => header with { PriceTable = tables[0] },
            0 when customer.Data.PriceTable is { } own => header with { PriceTable = own.Value },
            _ => header,
        };
    }

    /// <summary>Adds items to a draft (kits expanded into their components), then recalculates it (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> AddItemsAsync(SalesOrderId id, long version, IReadOnlyList<ItemInput> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return EditAsync("orders.add_items", id, version, items.Select(i => i.Product),
            (order, context, by, at) => order.AddItems(items, context.Catalog, by, at), cancellationToken);
    }

    /// <summary>Changes an open item (same product), then recalculates (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> ChangeItemAsync(SalesOrderId id, long version, OrderItemId item, ItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return EditAsync("orders.change_item", id, version, [input.Product],
            (order, context, by, at) => One(order.ChangeItem(item, input, context.Catalog, by, at)), cancellationToken);
    }

    /// <summary>Gives an item a new unit price (novo preço), kept on every recalculation; then recalculates (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> NewPriceAsync(SalesOrderId id, long version, OrderItemId item, decimal? price, CancellationToken cancellationToken = default) =>
        EditAsync("orders.new_price", id, version, null, (order, context, by, at) =>
            order.Items.FirstOrDefault(i => i.Id == item) is { } found
                ? One(order.ChangeItem(item, InputOf(found) with { NewPrice = price }, context.Catalog, by, at))
                : new Invalid(new Problem("item", OrderCodes.ItemNotFound, $"Item {item.Value} não está no pedido.")), cancellationToken);

    /// <summary>Cancels an item with its reason, then recalculates (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> CancelItemAsync(SalesOrderId id, long version, OrderItemId item, string reason, CancellationToken cancellationToken = default) =>
        EditAsync("orders.cancel_item", id, version, null, (order, _, by, at) => One(order.CancelItem(item, reason, by, at)), cancellationToken);

    /// <summary>
    /// Replaces the header of a draft (same customer, seller and price table rules as <see cref="CreateAsync"/>), then
    /// recalculates (permission Edit).
    /// </summary>
    public Task<CrmResult<OrderChecked>> ChangeHeaderAsync(SalesOrderId id, long version, OrderHeader header, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        return _session.RunAsync("orders.change_header", Module.Orders, Permission.Edit, async work =>
        {
            if (await AccountsModule.FindAsync(work, header.Customer).ConfigureAwait(false) is not { } account)
                return new NotFound("account", header.Customer.Value);
            if (work.CheckPlacement(Module.Orders, Permission.Edit, header.Seller, account.Data.Company, account.Data.Branch) is { } denied)
                return denied;
            var role = (await OrderWork.RoleNamesAsync(work, header.Seller).ConfigureAwait(false)).FirstOrDefault() ?? "";
            var priced = await SalesTableOfAsync(work, header, account).ConfigureAwait(false);
            return await EditAsync(work, id, version, null, (order, _, by, at) =>
                None(order.ChangeHeader(priced with { SellerRole = role }, by, at)),
                row => (row.Company, row.Branch) = (account.Data.Company, account.Data.Branch)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the document freight, apportioned over the items by value (the cents add up exactly); null takes it from the freight
    /// matrix. Then recalculates (permission Edit).
    /// </summary>
    public Task<CrmResult<OrderChecked>> ApportionFreightAsync(SalesOrderId id, long version, decimal? amount, CancellationToken cancellationToken = default) =>
        EditAsync("orders.freight", id, version, null, (order, _, by, at) => None(order.ApportionFreight(amount, by, at)), cancellationToken);

    /// <summary>Sets the document discount, apportioned over the items by value; then recalculates (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> ApportionDiscountAsync(SalesOrderId id, long version, decimal amount, CancellationToken cancellationToken = default) =>
        EditAsync("orders.discount", id, version, null, (order, _, by, at) => None(order.ApportionDiscount(amount, by, at)), cancellationToken);

    /// <summary>Recalculates a draft with today's catalog, prices and matrices (permission Edit).</summary>
    public Task<CrmResult<OrderChecked>> RecalculateAsync(SalesOrderId id, long version, CancellationToken cancellationToken = default) =>
        EditAsync("orders.recalculate", id, version, null, (_, _, _, _) => Outcome<IReadOnlyList<OrderItem>>.FromValue([]), cancellationToken);

    /// <summary>
    /// Submits a priced draft without sale errors (permission Edit): items whose discount is above the seller's alçada wait for
    /// approval, otherwise the order is approved.
    /// </summary>
    public Task<CrmResult<OrderMoved>> SubmitAsync(SalesOrderId id, long version, CancellationToken cancellationToken = default) =>
        MoveAsync("orders.submit", id, version, async (work, order, at) =>
        {
            var context = await OrderWork.ContextAsync(work, order).ConfigureAwait(false);
            return context.TryPickT0(out var sale, out var broken) ? Done(order.Submit(sale, work.User, at)) : broken;
        }, cancellationToken);

    /// <summary>
    /// Approves an item's discount (permission Edit): one of the user's roles must allow it in the approval matrix, and a
    /// seller never approves its own order. The order is approved when no approval is left pending.
    /// </summary>
    public Task<CrmResult<OrderMoved>> ApproveAsync(SalesOrderId id, long version, OrderItemId item, string? reason = null, CancellationToken cancellationToken = default) =>
        DecideAsync("orders.approve", id, version, (order, role, sale, by, at) => order.Approve(item, role, sale, reason, by, at), cancellationToken);

    /// <summary>
    /// Rejects an item's discount with its reason (permission Edit); the order goes to Rejected. Only a user who may approve the
    /// discount may reject it (one of its roles allows it in the approval matrix; never the seller of the order).
    /// </summary>
    public Task<CrmResult<OrderMoved>> RejectAsync(SalesOrderId id, long version, OrderItemId item, string reason, CancellationToken cancellationToken = default) =>
        DecideAsync("orders.reject", id, version, (order, role, sale, by, at) => order.Reject(item, role, sale, reason, by, at), cancellationToken);

    private Task<CrmResult<OrderMoved>> DecideAsync(string useCase, SalesOrderId id, long version,
        Func<SalesOrder, string, SaleContext, UserId, Instant, Outcome<ItemApproval>> decide, CancellationToken cancellationToken) =>
        MoveAsync(useCase, id, version, async (work, order, at) =>
        {
            var context = await OrderWork.ContextAsync(work, order).ConfigureAwait(false);
            if (!context.TryPickT0(out var sale, out var broken))
                return broken;
            var roles = await OrderWork.RoleNamesAsync(work, work.User).ConfigureAwait(false);
            Invalid? refused = null;
            // Each role the approver holds, until one may decide the discount (a refused attempt changes nothing).
            foreach (var role in roles.DefaultIfEmpty(""))
            {
                if (decide(order, role, sale, work.User, at).TryPickT0(out _, out var invalid))
                    return null;
                refused = invalid;
            }
            return refused;
        }, cancellationToken);

    /// <summary>
    /// Cancels the order with its reason (permission Edit). A released order whose ERP message still waits in the outbox has
    /// that message parked (<see cref="CancelledBeforeSending"/>), so it never reaches the ERP, and gives back what it took of
    /// its quotas; one already being sent or sent is refused (<see cref="AlreadyInErp"/>): cancel it in the ERP.
    /// </summary>
    public Task<CrmResult<OrderMoved>> CancelAsync(SalesOrderId id, long version, string reason, CancellationToken cancellationToken = default) =>
        _session.RunAsync("orders.cancel", Module.Orders, Permission.Edit, async work =>
        {
            if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(id);
            work.Expect(row, version);
            var order = row.ToOrder();
            var released = order.Status == SalesOrderStatus.Released;
            await using var transaction = await SaleLocks.BeginAsync(work).ConfigureAwait(false);
            var messages = await work.Db.Outbox.Where(m => m.Order == order.Id && m.Status != OutboxStatus.Parked).ToListAsync(work.Cancellation)
                .ConfigureAwait(false);
            if (messages.Any(m => m.Status != OutboxStatus.Pending))
                return new Invalid(new Problem("status", AlreadyInErp, "O pedido já foi (ou está sendo) enviado ao ERP: cancele-o no ERP."));
            var at = work.Clock.GetCurrentInstant();
            if (Done(order.Cancel(reason, work.User, at)) is { } invalid)
                return invalid;
            foreach (var message in messages)
                (message.Status, message.LastError, message.UpdatedAt) = (OutboxStatus.Parked, $"{CancelledBeforeSending}: pedido cancelado antes do envio.", at);
            if (released)
                await OrderReleases.ReturnQuotasAsync(work, order).ConfigureAwait(false);
            row.Write(order);
            var saved = await work.SaveAsync(row, saved => Moved(order, saved)).ConfigureAwait(false);
            if (saved.Succeeded)
                await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
            return saved;
        }, cancellationToken);

    /// <summary>Cancelling an order the ERP already has (or is receiving).</summary>
    public const string AlreadyInErp = "order.cancel.in_erp";

    /// <summary>The parked outbox message of an order cancelled before it was sent.</summary>
    public const string CancelledBeforeSending = "order.cancelled";

    /// <summary>Takes a submitted, rejected, approved or blocked order back to draft (permission Edit).</summary>
    public Task<CrmResult<OrderMoved>> ReopenAsync(SalesOrderId id, long version, CancellationToken cancellationToken = default) =>
        MoveAsync("orders.reopen", id, version, (work, order, at) => Task.FromResult(Done(order.Reopen(work.User, at))), cancellationToken);

    /// <summary>
    /// Evaluates an approved (or blocked) order for release (permission Edit): the customer's credit from its ERP standing (limit,
    /// open balance plus the customer's other released orders), the stock of the catalog less what other released orders not
    /// yet sent to the ERP hold, and what orders sent after the catalog's stock was counted hold (<c>StockRow.ImportedAt</c>), the
    /// quotas' balance, and the delivery dates up to <paramref name="deliveriesUntil"/> (null: any). Released, it goes to the
    /// ERP through the outbox in the same transaction. Releases of one customer, and of orders of the same products, run one at
    /// a time.
    /// </summary>
    public Task<CrmResult<OrderReleased>> ReleaseAsync(SalesOrderId id, long version, LocalDate? deliveriesUntil = null, CancellationToken cancellationToken = default) =>
        _session.RunAsync("orders.release", Module.Orders, Permission.Edit, async work =>
        {
            if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(id);
            work.Expect(row, version);
            var released = await OrderReleases.ReleaseAsync(work, row.Customer, () => Task.FromResult<IReadOnlyList<SalesOrderRow>>([row]), deliveriesUntil)
                .ConfigureAwait(false);
            return released.TryPickT0(out var outcomes, out _) ? outcomes[0] : released.Failure<OrderReleased>();
        }, cancellationToken);

    /// <summary>
    /// Release by customer (seed 002, permission Edit): every approved or blocked order of <paramref name="customer"/> the user
    /// sees, oldest first, each taking its credit and stock from the next ones; released orders go to the ERP. One transaction.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<OrderReleased>>> ReleaseCustomerAsync(AccountId customer, LocalDate? deliveriesUntil = null, CancellationToken cancellationToken = default) =>
        _session.RunAsync("orders.release_customer", Module.Orders, Permission.Edit, async work =>
        {
            if (await AccountsModule.FindAsync(work, customer).ConfigureAwait(false) is null)
                return new NotFound("account", customer.Value);
            return await OrderReleases.ReleaseAsync(work, customer, async () =>
                await work.Db.SalesOrders.VisibleTo(work.Access.Scope!).Where(o => o.Customer == customer
                        && (o.Status == SalesOrderStatus.Approved || o.Status == SalesOrderStatus.Blocked))
                    .ToListAsync(work.Cancellation).ConfigureAwait(false),
                deliveriesUntil).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Copies an order into a new draft with its open items (permission Include); compare them with <see cref="CompareAsync"/>.</summary>
    public Task<CrmResult<OrderSaved>> CopyAsync(SalesOrderId id, CancellationToken cancellationToken = default)
    {
        var copyId = new SalesOrderId(Guid.NewGuid());
        return _session.RunAsync("orders.copy", Module.Orders, Permission.Include, async work =>
        {
            if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(id);
            var copy = row.ToOrder().Copy(copyId, work.User, work.Clock.GetCurrentInstant());
            var copied = SalesOrderRow.From(copy, row.Company, row.Branch);
            work.Db.SalesOrders.Add(copied);
            return await work.SaveAsync(copied, version => new OrderSaved(copyId, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>What was edited in a copy since it was made: each header field and item that differs from the original (permission View).</summary>
    public Task<CrmResult<IReadOnlyList<OrderDifference>>> CompareAsync(SalesOrderId copy, CancellationToken cancellationToken = default) =>
        _session.RunAsync("orders.compare", Module.Orders, Permission.View, async work =>
        {
            if (await OrderWork.FindAsync(work, copy).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(copy);
            var order = row.ToOrder();
            if (order.CopiedFrom is not { } source || await OrderWork.FindAsync(work, source).ConfigureAwait(false) is not { } original)
                return new Invalid(new Problem("copied_from", "order.not_a_copy", "O pedido não é cópia de um pedido que você vê."));
            return CrmResult<IReadOnlyList<OrderDifference>>.Of(OrderComparison.Compare(original.ToOrder(), order));
        }, cancellationToken);

    /// <summary>An order with its stored version (permission View).</summary>
    public Task<CrmResult<OrderRead>> GetAsync(SalesOrderId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<OrderRead>("orders.get", Module.Orders, Permission.View, async work =>
            await OrderWork.FindAsync(work, id).ConfigureAwait(false) is { } row
                ? new OrderRead(row.ToOrder(), work.VersionOf(row))
                : OrderWork.Missing(id), cancellationToken);

    /// <summary>An order's history, oldest first: every change with who and when (permission View).</summary>
    public Task<CrmResult<IReadOnlyList<HistoryEntry>>> HistoryAsync(SalesOrderId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<IReadOnlyList<HistoryEntry>>("orders.history", Module.Orders, Permission.View, async work =>
            await OrderWork.FindAsync(work, id).ConfigureAwait(false) is { } row
                ? CrmResult<IReadOnlyList<HistoryEntry>>.Of(row.ToOrder().History)
                : OrderWork.Missing(id), cancellationToken);

    /// <summary>
    /// A page of the orders the user sees, newest issue date first (permission View); at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<OrderListRow>>> ListAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync<IReadOnlyList<OrderListRow>>("orders.list", Module.Orders, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var page = await work.Db.SalesOrders.AsNoTracking().VisibleTo(work.Access.Scope!)
                .OrderByDescending(o => o.IssueDate).ThenBy(o => o.Id).Skip(skip).Take(take)
                .Select(o => new OrderListRow(o.Id, o.Customer, o.Seller, o.Status, o.IssueDate, o.Total))
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<OrderListRow>>.Of(page);
        }, cancellationToken);

    /// <summary>How many of a customer's newest orders <see cref="LastQuotesAsync"/> and <see cref="FavouritesAsync"/> look at.</summary>
    public const int HistoryOrders = 200;

    /// <summary>
    /// The latest <paramref name="count"/> prices <paramref name="customer"/> was quoted for <paramref name="product"/> (últimas
    /// cotações), newest first, from its orders the user sees that hold the product — at most the newest
    /// <see cref="HistoryOrders"/> of them; cancelled orders and items left out (permission View).
    /// </summary>
    public Task<CrmResult<IReadOnlyList<LastQuote>>> LastQuotesAsync(AccountId customer, string product, int count = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        return CustomerOrdersAsync("orders.last_quotes", customer, count, work => work.Db.SalesOrderItems.AsNoTracking()
            .Where(i => i.Product == product && i.IsOpen).Select(i => i.Order),
            orders => CustomerHistory.LastQuotes(orders, product, count), cancellationToken);
    }

    /// <summary>
    /// The <paramref name="count"/> products found in most of <paramref name="customer"/>'s orders the user sees (favoritos), most
    /// frequent first, then by code — from its newest <see cref="HistoryOrders"/> orders, cancelled ones and items left out
    /// (permission View). Derived from the orders: nothing is stored for them.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<string>>> FavouritesAsync(AccountId customer, int count = 10, CancellationToken cancellationToken = default) =>
        CustomerOrdersAsync("orders.favourites", customer, count, null, orders => CustomerHistory.Favourites(orders, count), cancellationToken);

    // The customer's newest visible, not cancelled orders (only those among `holding`, when given), read whole.
    private Task<CrmResult<IReadOnlyList<T>>> CustomerOrdersAsync<T>(string useCase, AccountId customer, int count,
        Func<UnitOfWork, IQueryable<SalesOrderId>>? holding, Func<IReadOnlyList<SalesOrder>, IReadOnlyList<T>> answer, CancellationToken cancellationToken) =>
        _session.RunAsync<IReadOnlyList<T>>(useCase, Module.Orders, Permission.View, async work =>
        {
            if (Paging.Check(0, count) is { } invalid)
                return invalid;
            if (await AccountsModule.FindAsync(work, customer).ConfigureAwait(false) is null)
                return new NotFound("account", customer.Value);
            var orders = work.Db.SalesOrders.AsNoTracking().VisibleTo(work.Access.Scope!)
                .Where(o => o.Customer == customer && o.Status != SalesOrderStatus.Cancelled);
            if (holding?.Invoke(work) is { } ids)
                orders = orders.Where(o => ids.Contains(o.Id));
            var rows = await orders.OrderByDescending(o => o.IssueDate).ThenByDescending(o => o.Id).Take(HistoryOrders)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<T>>.Of(answer([.. rows.Select(r => r.ToOrder())]));
        }, cancellationToken);

    /// <summary>The printable proposal of an order (permission View): an HTML document with header, items, taxes per item, totals and payment condition.</summary>
    public Task<CrmResult<string>> ProposalAsync(SalesOrderId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<string>("orders.proposal", Module.Orders, Permission.View, async work =>
        {
            if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(id);
            var order = row.ToOrder();
            var account = await work.Db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == order.Header.Customer, work.Cancellation).ConfigureAwait(false);
            var context = await OrderWork.ContextAsync(work, order).ConfigureAwait(false);
            if (!context.TryPickT0(out var sale, out var broken))
                return broken;
            return Proposal.Render(order, account?.Data.LegalName, order.Check(sale).Pricing, work.Access.Tenant?.Name, code => sale.Catalog.Find(code)?.Description);
        }, cancellationToken);

    private delegate Outcome<IReadOnlyList<OrderItem>> Edit(SalesOrder order, SaleContext context, UserId by, Instant at);

    private Task<CrmResult<OrderChecked>> EditAsync(string useCase, SalesOrderId id, long version, IEnumerable<string>? products, Edit edit,
        CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Orders, Permission.Edit, work => EditAsync(work, id, version, products, edit), cancellationToken);

    // Edit, then recalculate with the same context: the answer lists the order's sale problems after the change.
    private static async Task<CrmResult<OrderChecked>> EditAsync(UnitOfWork work, SalesOrderId id, long version, IEnumerable<string>? products,
        Edit edit, Action<SalesOrderRow>? placed = null)
    {
        if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
            return OrderWork.Missing(id);
        work.Expect(row, version);
        var order = row.ToOrder();
        var context = await OrderWork.ContextAsync(work, order, products).ConfigureAwait(false);
        if (!context.TryPickT0(out var sale, out var broken))
            return broken;
        var at = work.Clock.GetCurrentInstant();
        if (!edit(order, sale, work.User, at).TryPickT0(out var items, out var invalid))
            return invalid;
        if (!order.Recalculate(sale, work.User, at).TryPickT0(out var check, out invalid))
            return invalid;
        row.Write(order);
        placed?.Invoke(row);
        return await work.SaveAsync(row, saved => new OrderChecked(id, saved, items, OrderWork.Describe(order, check.Problems), order.Totals)).ConfigureAwait(false);
    }

    private Task<CrmResult<OrderMoved>> MoveAsync(string useCase, SalesOrderId id, long version,
        Func<UnitOfWork, SalesOrder, Instant, Task<Invalid?>> move, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Orders, Permission.Edit, async work =>
        {
            if (await OrderWork.FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return OrderWork.Missing(id);
            work.Expect(row, version);
            var order = row.ToOrder();
            if (await move(work, order, work.Clock.GetCurrentInstant()).ConfigureAwait(false) is { } invalid)
                return invalid;
            row.Write(order);
            return await work.SaveAsync(row, saved => Moved(order, saved)).ConfigureAwait(false);
        }, cancellationToken);

    private static OrderMoved Moved(SalesOrder order, long version) =>
        new(order.Id, version, order.Status, [.. order.Approvals.Where(a => a.Status == ApprovalStatus.Pending)]);

    private static Invalid? Done<T>(Outcome<T> outcome) => outcome.TryPickT0(out _, out var invalid) ? null : invalid;

    private static Outcome<IReadOnlyList<OrderItem>> One(Outcome<OrderItem> outcome) =>
        outcome.Match(item => Outcome<IReadOnlyList<OrderItem>>.FromValue([item]), invalid => invalid);

    private static Outcome<IReadOnlyList<OrderItem>> None<T>(Outcome<T> outcome) =>
        outcome.Match(_ => Outcome<IReadOnlyList<OrderItem>>.FromValue([]), invalid => invalid);

    private static ItemInput InputOf(OrderItem item) => new()
    {
        Product = item.Product, Quantity = item.Quantity, Unit = item.Unit, Discount = item.Discount, NewPrice = item.NewPrice,
        Warehouse = item.Warehouse, Lot = item.Lot, Quota = item.Quota, BillingDate = item.BillingDate, PromiseDate = item.PromiseDate,
        Schedule = item.Schedule,
    };
}
