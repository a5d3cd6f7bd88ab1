using Crm.Domain.Accounts.History;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Taxes;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>
/// A sales order (seeds 002, 003): header, items, document freight and discount, the approvals of discounts above the
/// seller's alçada, its status and history. Items and header change only in <see cref="SalesOrderStatus.Draft"/>; any change
/// drops the item values of the last pricing, so submission and release always see a recalculated order. Every change is
/// in <see cref="History"/> with who and when; invalid operations return every problem and change nothing.
/// </summary>
public sealed class SalesOrder
{
    private readonly List<OrderItem> _items = [];
    private readonly List<ItemApproval> _approvals = [];
    private readonly List<HistoryEntry> _history = [];

    private SalesOrder(SalesOrderId id, TenantId tenant, OrderHeader header)
    {
        Id = id;
        Tenant = tenant;
        Header = header;
    }

    /// <summary>The order's id.</summary>
    public SalesOrderId Id { get; }

    /// <summary>The owning tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>The header.</summary>
    public OrderHeader Header { get; private set; }

    /// <summary>Where it is in its life.</summary>
    public SalesOrderStatus Status { get; private set; }

    /// <summary>Every item, cancelled ones included, in item order.</summary>
    public IReadOnlyList<OrderItem> Items => _items;

    /// <summary>The approvals asked at the last submission (aba alçadas).</summary>
    public IReadOnlyList<ItemApproval> Approvals => _approvals;

    /// <summary>Every change, oldest first (aba histórico do pedido).</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The document freight apportioned over the items by value; null to take it from the freight matrix.</summary>
    public decimal? Freight { get; private set; }

    /// <summary>The document discount apportioned over the items by value.</summary>
    public decimal Discount { get; private set; }

    /// <summary>The order this one is a copy of.</summary>
    public SalesOrderId? CopiedFrom { get; private set; }

    /// <summary>The totals of the last pricing; null when an edit came after it.</summary>
    public OrderTotals? Totals { get; private set; }

    /// <summary>The reasons of the last release evaluation that blocked it; empty otherwise.</summary>
    public IReadOnlyList<Problem> BlockReasons { get; private set; } = [];

    /// <summary>True when every open item carries the values of a pricing made after the last edit.</summary>
    public bool IsPriced => Totals is not null;

    /// <summary>The open items grouped by billing date (else promise date), earliest first, undated last.</summary>
    public IReadOnlyList<DateGroup> DateGroups() =>
        _items.Where(i => i.IsOpen).GroupBy(i => i.GroupDate).OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => new DateGroup(g.Key, g.ToArray())).ToArray();

    /// <summary>
    /// What the open items take from each quota they name, in base units: what storage adds to <see cref="Catalog.Quota.Consumed"/>
    /// when the order is released (and gives back when a released order is cancelled).
    /// </summary>
    public IReadOnlyDictionary<string, decimal> QuotaUse() =>
        _items.Where(i => i is { IsOpen: true, Quota: not null, BaseQuantity: not null })
            .GroupBy(i => i.Quota!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.BaseQuantity!.Value), StringComparer.Ordinal);

    /// <summary>Opens a draft order, or returns every problem of the header.</summary>
    /// <param name="id">Its id (minted by the engine).</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="header">The header.</param>
    /// <param name="by">Who opens it.</param>
    /// <param name="at">When.</param>
    public static Outcome<SalesOrder> Create(SalesOrderId id, TenantId tenant, OrderHeader header, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = header.Validate();
        if (problems.HasProblems)
            return problems.ToInvalid();
        var order = new SalesOrder(id, tenant, header);
        order.Record(by, at, "status", null, nameof(SalesOrderStatus.Draft));
        return order;
    }

    /// <summary>
    /// The load path (storage, through InternalsVisibleTo): an order as stored, without re-running any rule. Items, approvals
    /// and history in their stored order.
    /// </summary>
    internal static SalesOrder Restore(
        SalesOrderId id, TenantId tenant, OrderHeader header, SalesOrderStatus status, IEnumerable<OrderItem> items, IEnumerable<ItemApproval> approvals,
        IEnumerable<HistoryEntry> history, decimal? freight, decimal discount, SalesOrderId? copiedFrom, OrderTotals? totals, IReadOnlyList<Problem> blockReasons)
    {
        var order = new SalesOrder(id, tenant, header)
        {
            Status = status, Freight = freight, Discount = discount, CopiedFrom = copiedFrom, Totals = totals, BlockReasons = blockReasons,
        };
        order._items.AddRange(items);
        order._approvals.AddRange(approvals);
        order._history.AddRange(history);
        return order;
    }

    /// <summary>Replaces the header of a draft, recording each field that changed.</summary>
    /// <param name="header">The new header.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<IReadOnlyList<HistoryEntry>> ChangeHeader(OrderHeader header, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = header.Validate();
        Editable(ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var before = _history.Count;
        foreach (var ((field, old), (_, now)) in Header.Fields().Zip(header.Fields()))
            if (old != now)
                Record(by, at, $"header.{field}", old, now);
        Header = header;
        Stale();
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(_history.Skip(before).ToArray());
    }

    /// <summary>
    /// Adds items (one, or a batch: inclusão avançada), all or none: a kit becomes one item per component, its quantity
    /// multiplied through (the kit's unit must be its base unit). Returns the items added, or every problem of every input
    /// (<c>inputs[k].…</c>). Sale problems (stock, lots, quotas…) are not refused here: <see cref="Check"/> reports them.
    /// </summary>
    /// <param name="inputs">The items to add.</param>
    /// <param name="catalog">The catalog, for units and kits.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<IReadOnlyList<OrderItem>> AddItems(IReadOnlyList<ItemInput> inputs, ProductCatalog catalog, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new ProblemCollector();
        Editable(ref problems);
        for (var k = 0; k < inputs.Count; k++)
            Validate(inputs[k], catalog, $"inputs[{k}]", ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var added = new List<OrderItem>();
        foreach (var input in inputs)
        {
            var product = catalog.Find(input.Product)!;
            if (!product.IsKit)
            {
                added.Add(Add(Build(input, catalog, null, NextNumber()), by, at));
                continue;
            }
            foreach (var component in catalog.Expand(product.Code, input.Quantity))
                added.Add(Add(Build(input with { Product = component.Product, Quantity = component.Quantity, Unit = null, NewPrice = null, Lot = null, Quota = null, Schedule = [] },
                    catalog, product.Code, NextNumber()), by, at));
        }
        Stale();
        return Outcome<IReadOnlyList<OrderItem>>.FromValue(added);
    }

    /// <summary>Replaces what the seller entered for an open item of a draft (quantity, unit, discount, new price, lot, dates…); its product stays.</summary>
    /// <param name="item">The item.</param>
    /// <param name="input">The new values; <see cref="ItemInput.Product"/> must be the item's.</param>
    /// <param name="catalog">The catalog, for the unit's factor.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<OrderItem> ChangeItem(OrderItemId item, ItemInput input, ProductCatalog catalog, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new ProblemCollector();
        Editable(ref problems);
        var index = OpenIndex(item, ref problems);
        if (index >= 0 && !string.Equals(_items[index].Product, input.Product, StringComparison.Ordinal))
            problems.Add(new("product", OrderCodes.ItemInput, "O produto de um item não muda: cancele-o e inclua outro."));
        Validate(input, catalog, "item", ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var old = _items[index];
        var changed = Build(input, catalog, old.Kit, old.Number) with { Id = old.Id, CopiedFrom = old.CopiedFrom };
        RecordFields(old, changed, by, at);
        _items[index] = changed;
        Stale();
        return changed;
    }

    /// <summary>Cancels an open item of a draft with its reason (cancelamento de item); it stays in the order, out of every total.</summary>
    /// <param name="item">The item.</param>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<OrderItem> CancelItem(OrderItemId item, string? reason, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        Editable(ref problems);
        var index = OpenIndex(item, ref problems);
        Reason(reason, ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var old = _items[index];
        var cancelled = old with { Status = ItemStatus.Cancelled, StatusReason = reason!.Trim(), Values = null };
        RecordFields(old, cancelled, by, at);
        _items[index] = cancelled;
        Stale();
        return cancelled;
    }

    /// <summary>Sets the document freight (rateio de frete), apportioned over the items by value at the next <see cref="Recalculate"/>; null to take it from the freight matrix.</summary>
    /// <param name="amount">The freight, in cents.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<decimal?> ApportionFreight(decimal? amount, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        Editable(ref problems);
        if (amount is { } value)
            Amount("freight", value, ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        Record(by, at, "freight", Text(Freight), Text(amount));
        Freight = amount;
        Stale();
        return amount;
    }

    /// <summary>Sets the document discount (rateio de desconto), apportioned over the items by value at the next <see cref="Recalculate"/>.</summary>
    /// <param name="amount">The discount, in cents.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<decimal> ApportionDiscount(decimal amount, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        Editable(ref problems);
        Amount("discount", amount, ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        Record(by, at, "discount", Text(Discount), Text(amount));
        Discount = amount;
        Stale();
        return amount;
    }

    /// <summary>Every sale problem of the order now, and its pricing when that succeeded; changes nothing.</summary>
    /// <param name="context">The catalog, pricing sources, margins and today.</param>
    public SaleCheck Check(SaleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SaleRules.Check(this, context);
    }

    /// <summary>
    /// Recalculation (recálculo) of a draft: checks the sale rules and, when the pricing succeeds, keeps each open item's
    /// values (with its share of the document freight and discount) and the totals. Returns the check (its problems included).
    /// </summary>
    /// <param name="context">The catalog, pricing sources, margins and today.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<SaleCheck> Recalculate(SaleContext context, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        Editable(ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var check = Check(context);
        Stale();
        if (check.Pricing is { } pricing)
        {
            var line = 0;
            for (var i = 0; i < _items.Count; i++)
                if (_items[i].IsOpen)
                    _items[i] = _items[i] with { Values = SaleRules.Values(pricing.Lines[line++]) };
            Totals = pricing.Totals;
            if (Freight is null && pricing.Totals.Freight > 0m)
                Record(by, at, "freight_matrix", null, $"{Text(pricing.Totals.Freight)} ({pricing.FreightRuleId})");
            Record(by, at, "total", null, Text(pricing.Totals.Total));
        }
        return check;
    }

    /// <summary>
    /// Submits a priced draft: refused while a sale problem stops it. Each open item whose discount (the seller's discount
    /// and a new price below the table price, compounded) is above the seller's alçada — the lower of the role's limit in
    /// the approval matrix and the product's own — waits for approval (<see cref="SalesOrderStatus.AwaitingApproval"/>);
    /// without such items the order is <see cref="SalesOrderStatus.Approved"/>.
    /// </summary>
    /// <param name="context">The catalog, pricing sources (the approval matrix), margins and today.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<SalesOrderStatus> Submit(SaleContext context, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new ProblemCollector();
        if (Status != SalesOrderStatus.Draft)
            problems.Add(TransitionProblem(SalesOrderStatus.AwaitingApproval));
        else if (!IsPriced)
            problems.Add(new("order", OrderCodes.NotPriced, "Recalcule o pedido antes de enviá-lo."));
        if (!problems.HasProblems && Check(context) is { HasErrors: true } check)
            problems.AddRange(check.Problems.Where(p => p.Severity == Severity.Error));
        if (problems.HasProblems)
            return problems.ToInvalid();
        _approvals.Clear();
        foreach (var item in _items.Where(i => i.IsOpen))
        {
            var discount = item.Values!.SellerDiscount(item.Discount);
            var limit = Limit(Header.SellerRole, item, context, withProduct: true);
            if (discount > limit)
            {
                _approvals.Add(new ItemApproval(item.Id, discount, limit));
                Record(by, at, $"items[{item.Number}].approval", null, $"{nameof(ApprovalStatus.Pending)}: {Text(discount)} % > {Text(limit)} %");
            }
        }
        Move(_approvals.Count > 0 ? SalesOrderStatus.AwaitingApproval : SalesOrderStatus.Approved, by, at);
        return Status;
    }

    /// <summary>
    /// Approves an item's discount: the approver's role must allow it in the approval matrix, and the seller cannot approve
    /// their own order. When no approval is left pending, the order is approved.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="approverRole">The approver's role.</param>
    /// <param name="context">The pricing sources (the approval matrix).</param>
    /// <param name="reason">A note, optional.</param>
    /// <param name="by">The approver.</param>
    /// <param name="at">When.</param>
    public Outcome<ItemApproval> Approve(OrderItemId item, string approverRole, SaleContext context, string? reason, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        var index = DecidableIndex(item, approverRole, context, by, ref problems);
        problems.CheckCharacters(reason, "reason", multiLine: true);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var approval = Decide(index, ApprovalStatus.Approved, reason, by, at);
        if (_approvals.TrueForAll(a => a.Status == ApprovalStatus.Approved))
            Move(SalesOrderStatus.Approved, by, at);
        return approval;
    }

    /// <summary>
    /// Rejects an item's discount with its reason; the order goes to <see cref="SalesOrderStatus.Rejected"/>. Who may approve
    /// the discount may reject it, no one else: the approver's role must reach it in the approval matrix, as for <see cref="Approve"/>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="approverRole">The approver's role.</param>
    /// <param name="context">The pricing sources (the approval matrix).</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="by">The approver.</param>
    /// <param name="at">When.</param>
    public Outcome<ItemApproval> Reject(OrderItemId item, string approverRole, SaleContext context, string? reason, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        var index = DecidableIndex(item, approverRole, context, by, ref problems);
        Reason(reason, ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var approval = Decide(index, ApprovalStatus.Rejected, reason!.Trim(), by, at);
        Move(SalesOrderStatus.Rejected, by, at);
        return approval;
    }

    /// <summary>Applies a release evaluation (<see cref="OrderRelease"/>): released, or blocked with its reasons.</summary>
    /// <param name="decision">The evaluation of this order.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<SalesOrderStatus> ApplyRelease(ReleaseDecision decision, UserId by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Order != Id)
            throw new ArgumentException("The decision is about another order.", nameof(decision));
        var target = decision.Released ? SalesOrderStatus.Released : SalesOrderStatus.Blocked;
        if (!SalesOrderStatuses.CanMove(Status, target))
            return new Invalid(TransitionProblem(target));
        BlockReasons = decision.Released ? [] : decision.Reasons;
        foreach (var reason in BlockReasons)
            Record(by, at, "block", null, $"{reason.Code}: {reason.Message}");
        Move(target, by, at);
        return Status;
    }

    /// <summary>Records that the ERP accepted the released order.</summary>
    /// <param name="erpNumber">The order's number in the ERP.</param>
    /// <param name="by">Who (the dispatcher's user).</param>
    /// <param name="at">When.</param>
    public Outcome<SalesOrderStatus> MarkSent(string erpNumber, UserId by, Instant at)
    {
        if (!SalesOrderStatuses.CanMove(Status, SalesOrderStatus.Sent))
            return new Invalid(TransitionProblem(SalesOrderStatus.Sent));
        Record(by, at, "erp_number", null, erpNumber);
        Move(SalesOrderStatus.Sent, by, at);
        return Status;
    }

    /// <summary>Cancels the order with its reason.</summary>
    /// <param name="reason">Why; required.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<SalesOrderStatus> Cancel(string? reason, UserId by, Instant at)
    {
        var problems = new ProblemCollector();
        if (!SalesOrderStatuses.CanMove(Status, SalesOrderStatus.Cancelled))
            problems.Add(TransitionProblem(SalesOrderStatus.Cancelled));
        Reason(reason, ref problems);
        if (problems.HasProblems)
            return problems.ToInvalid();
        Record(by, at, "cancel_reason", null, reason!.Trim());
        Move(SalesOrderStatus.Cancelled, by, at);
        return Status;
    }

    /// <summary>Takes a submitted, rejected, approved or blocked order back to draft to edit it; its approvals are asked again at the next submission.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public Outcome<SalesOrderStatus> Reopen(UserId by, Instant at)
    {
        if (!SalesOrderStatuses.CanMove(Status, SalesOrderStatus.Draft))
            return new Invalid(TransitionProblem(SalesOrderStatus.Draft));
        _approvals.Clear();
        BlockReasons = [];
        Move(SalesOrderStatus.Draft, by, at);
        return Status;
    }

    /// <summary>
    /// A draft copy (cópia de pedido) with the same header, document amounts and open items (new ids, each remembering the
    /// item it copies); it must be recalculated. <see cref="OrderComparison.Compare"/> lists what was edited since.
    /// </summary>
    /// <param name="id">The copy's id (minted by the engine).</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    public SalesOrder Copy(SalesOrderId id, UserId by, Instant at)
    {
        var copy = new SalesOrder(id, Tenant, Header) { Freight = Freight, Discount = Discount, CopiedFrom = Id };
        copy.Record(by, at, "status", null, nameof(SalesOrderStatus.Draft));
        copy.Record(by, at, "copied_from", null, Id.Value.ToString());
        var number = 0;
        foreach (var item in _items.Where(i => i.IsOpen))
            copy._items.Add(item with { Id = OrderItemId.New(), Number = ++number, CopiedFrom = item.Id, Values = null });
        return copy;
    }

    private static void Validate(ItemInput input, ProductCatalog catalog, string at, ref ProblemCollector problems)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (catalog.Find(input.Product) is not { } product)
        {
            problems.Add(new($"{at}.product", OrderCodes.UnknownProduct, $"Produto {input.Product} não cadastrado."));
            return;
        }
        if (input.Quantity <= 0m)
            problems.Add(new($"{at}.quantity", OrderCodes.ItemInput, $"Quantidade {input.Quantity} deve ser maior que zero."));
        if (input.Discount is < 0m or >= 100m)
            problems.Add(new($"{at}.discount", OrderCodes.ItemInput, $"Desconto {input.Discount} % fora do intervalo [0, 100)."));
        if (input.NewPrice <= 0m)
            problems.Add(new($"{at}.new_price", OrderCodes.ItemInput, $"Novo preço {input.NewPrice} deve ser maior que zero."));
        if (product.IsKit && input.Unit is { } unit && unit != product.BaseUnit)
            problems.Add(new($"{at}.unit", OrderCodes.ItemInput, $"Um kit é vendido na unidade {product.BaseUnit}."));
        if (input.Schedule.Any(d => d.Quantity <= 0m))
            problems.Add(new($"{at}.schedule", OrderCodes.ItemInput, "Cada data da programação precisa de quantidade maior que zero."));
        problems.Check(input.Unit, $"{at}.unit", TextLimits.QuantityUnit);
        foreach (var (text, name) in new[] { (input.Warehouse, "warehouse"), (input.Lot, "lot"), (input.Quota, "quota") })
            problems.Check(text, $"{at}.{name}", TextLimits.MasterDataCode);
    }

    private OrderItem Build(ItemInput input, ProductCatalog catalog, string? kit, int number)
    {
        var product = catalog.Find(input.Product)!;
        var unit = input.Unit ?? product.BaseUnit;
        return new OrderItem
        {
            Id = OrderItemId.New(),
            Number = number,
            Product = product.Code,
            Unit = unit,
            Quantity = input.Quantity,
            BaseQuantity = product.FactorOf(unit) is { } factor ? input.Quantity * factor : null,
            Warehouse = input.Warehouse ?? Header.Warehouse,
            Discount = input.Discount,
            NewPrice = input.NewPrice,
            Lot = input.Lot,
            Quota = input.Quota,
            BillingDate = input.BillingDate,
            PromiseDate = input.PromiseDate,
            Schedule = input.Schedule,
            Kit = kit,
        };
    }

    private int NextNumber() => (_items.Count == 0 ? 0 : _items[^1].Number) + 1;

    private OrderItem Add(OrderItem item, UserId by, Instant at)
    {
        _items.Add(item);
        Record(by, at, $"items[{item.Number}]", null, $"{item.Product} {OrderItem.Text(item.Quantity)} {item.Unit}" + (item.Kit is { } kit ? $" (kit {kit})" : ""));
        return item;
    }

    private void RecordFields(OrderItem old, OrderItem now, UserId by, Instant at)
    {
        foreach (var ((field, before), (_, after)) in old.Fields().Zip(now.Fields()))
            if (before != after)
                Record(by, at, $"items[{old.Number}].{field}", before, after);
    }

    private decimal Limit(string role, OrderItem item, SaleContext context, bool withProduct)
    {
        var product = context.Catalog.Find(item.Product);
        var resolution = context.Pricing.MaximumDiscount?.Resolve(Header.Context() with
        {
            Role = role,
            Product = item.Product,
            ProductLine = product?.Line,
            Unit = item.Unit,
            Quantity = item.Quantity,
        }) ?? Resolution<decimal>.None;
        var limit = resolution.Found ? resolution.Value : 0m;
        return withProduct && product?.MaximumDiscountRate is { } own ? Math.Min(limit, own) : limit;
    }

    /// <summary>The pending approval of <paramref name="item"/> when <paramref name="by"/>, in <paramref name="approverRole"/>, may decide it.</summary>
    private int DecidableIndex(OrderItemId item, string approverRole, SaleContext context, UserId by, ref ProblemCollector problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = PendingIndex(item, by, ref problems);
        if (index >= 0)
        {
            var limit = Limit(approverRole, _items.First(i => i.Id == item), context, withProduct: false);
            if (_approvals[index].Discount > limit)
                problems.Add(new("approver", OrderCodes.ApproverLimit,
                    $"O papel {approverRole} aprova até {Text(limit)} %; o item tem {Text(_approvals[index].Discount)} %."));
        }
        return index;
    }

    private int PendingIndex(OrderItemId item, UserId by, ref ProblemCollector problems)
    {
        if (Status != SalesOrderStatus.AwaitingApproval)
        {
            problems.Add(new("status", OrderCodes.Transition, $"O pedido não aguarda aprovação (situação {Status})."));
            return -1;
        }
        if (by == Header.Seller)
            problems.Add(new("approver", OrderCodes.OwnApproval, "O vendedor não aprova o próprio pedido."));
        var index = _approvals.FindIndex(a => a.Item == item && a.Status == ApprovalStatus.Pending);
        if (index < 0)
            problems.Add(new("item", OrderCodes.NoPendingApproval, "O item não tem aprovação pendente."));
        return index;
    }

    private ItemApproval Decide(int index, ApprovalStatus status, string? reason, UserId by, Instant at)
    {
        var approval = _approvals[index] with { Status = status, DecidedBy = by, DecidedAt = at, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() };
        _approvals[index] = approval;
        var number = _items.First(i => i.Id == approval.Item).Number;
        Record(by, at, $"items[{number}].approval", nameof(ApprovalStatus.Pending), approval.Reason is { } why ? $"{status}: {why}" : status.ToString());
        return approval;
    }

    private int OpenIndex(OrderItemId item, ref ProblemCollector problems)
    {
        var index = _items.FindIndex(i => i.Id == item && i.IsOpen);
        if (index < 0)
            problems.Add(new("item", OrderCodes.ItemNotFound, "Item não encontrado ou cancelado."));
        return index;
    }

    private void Editable(ref ProblemCollector problems)
    {
        if (Status != SalesOrderStatus.Draft)
            problems.Add(new("status", OrderCodes.NotEditable, $"O pedido só pode ser alterado em digitação (situação {Status})."));
    }

    private static void Reason(string? reason, ref ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(reason))
            problems.Add(new("reason", OrderCodes.ReasonRequired, "Informe o motivo."));
        problems.Check(reason?.Trim(), "reason", TextLimits.OrderObservations, multiLine: true);
    }

    private static void Amount(string field, decimal amount, ref ProblemCollector problems)
    {
        var check = new ProblemCollector();
        Apportionment.CheckAmount(ref check, field, amount);
        problems.AddRange(check.Items.Select(p => p with { Code = OrderCodes.Apportionment, Message = $"{p.Message} ({p.Code})" }));
    }

    private Problem TransitionProblem(SalesOrderStatus target) =>
        new("status", OrderCodes.Transition, $"O pedido não pode passar de {Status} para {target}.");

    private void Move(SalesOrderStatus status, UserId by, Instant at)
    {
        Record(by, at, "status", Status.ToString(), status.ToString());
        Status = status;
    }

    /// <summary>An edit: the values of the last pricing no longer hold.</summary>
    private void Stale()
    {
        Totals = null;
        for (var i = 0; i < _items.Count; i++)
            if (_items[i].Values is not null)
                _items[i] = _items[i] with { Values = null };
    }

    private void Record(UserId by, Instant at, string field, string? before, string? after) =>
        _history.Add(new HistoryEntry(at, by, field, before, after, isSecret: false));

    private static string? Text(decimal? value) => value is { } v ? OrderItem.Text(v) : null;
}
