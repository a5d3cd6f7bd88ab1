using Crm.Domain.Catalog;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;
using Crm.Domain.Tests.Catalog;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

public class SalesOrderTests
{
    [Fact]
    public void Creating_an_order_reports_every_missing_header_field()
    {
        var header = Header() with { CustomerCode = " ", PriceTable = "", Warehouse = "", Attachments = [new OrderAttachment("a.pdf", "")] };
        var problems = Codes(SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), Tenant, header, Seller, At).Problems);
        Assert.Equal(
            [("customer_code", OrderCodes.Required), ("price_table", OrderCodes.Required), ("warehouse", OrderCodes.Required), ("attachments[0]", OrderCodes.Required)],
            problems);
    }

    [Fact]
    public void A_kit_is_added_as_its_components_and_a_batch_is_all_or_nothing()
    {
        var order = Order(Item("P1", 1m), Item("KIT", 3m));
        Assert.Equal([("P1", 1m, null), ("P1", 6m, "KIT"), ("BEER", 3m, "KIT")], order.Items.Select(i => (i.Product, i.Quantity, i.Kit)));
        Assert.Equal([1, 2, 3], order.Items.Select(i => i.Number));

        var refused = order.AddItems([Item("P1", 1m), Item("NOPE", 1m), Item("BEER", 0m), Item("KIT", 1m, "CX")], CatalogFixture.Built(), Seller, At);
        Assert.Equal(
            [("inputs[1].product", OrderCodes.UnknownProduct), ("inputs[2].quantity", OrderCodes.ItemInput), ("inputs[3].unit", OrderCodes.ItemInput)],
            Codes(refused.Problems));
        Assert.Equal(3, order.Items.Count);
    }

    [Fact]
    public void Recalculation_keeps_each_items_values_and_any_edit_drops_them()
    {
        var order = Priced(Order(Item("P1", 2m), Item("BEER", 12m)));
        Assert.True(order.IsPriced);
        var p1 = order.Items[0].Values!;
        Assert.Equal((100m, 100m, 200m), (p1.ListPrice, p1.UnitPrice, p1.Products));
        // BEER: list 10.00, promotion price 9.00 → 10 % off
        Assert.Equal((10m, 9m), (order.Items[1].Values!.ListPrice, order.Items[1].Values!.UnitPrice));
        Assert.Equal(order.Items.Sum(i => i.Values!.Total), order.Totals!.Value.Total);

        order.ChangeItem(order.Items[0].Id, Item("P1", 3m), CatalogFixture.Built(), Seller, At);
        Assert.False(order.IsPriced);
        Assert.All(order.Items, i => Assert.Null(i.Values));
        Assert.Contains(order.History, h => h is { Field: "items[1].quantity", OldValue: "2", NewValue: "3" });
    }

    [Fact]
    public void A_new_price_replaces_the_table_price_and_counts_as_the_sellers_discount()
    {
        var order = Priced(Order(Item("P1", 1m) with { NewPrice = 90m }, Item("BEER", 12m) with { NewPrice = 12m }));
        Assert.Equal((100m, 90m, 90m), (order.Items[0].Values!.TablePrice, order.Items[0].Values!.UnitPrice, order.Items[0].Values!.Products));
        // a new price replaces the promotion too
        Assert.Equal(12m, order.Items[1].Values!.UnitPrice);
        order.Submit(Context(), Seller, At);
        var approval = Assert.Single(order.Approvals);
        Assert.Equal((order.Items[0].Id, 10m, 5m), (approval.Item, approval.Discount, approval.SellerLimit));
    }

    [Fact]
    public void Freight_and_discount_are_apportioned_by_value_to_the_cent()
    {
        var order = Order(Item("P1", 1m), Item("P1", 1m), Item("P1", 1m));
        order.ApportionFreight(68m, Seller, At);
        order.ApportionDiscount(10m, Seller, At);
        Priced(order);
        // TAXES.md §1.1: cut to the cent, the residual to the last item
        Assert.Equal([22.66m, 22.66m, 22.68m], order.Items.Select(i => i.Values!.Freight));
        Assert.Equal([3.33m, 3.33m, 3.34m], order.Items.Select(i => i.Values!.Discount));
        Assert.Equal((68m, 10m), (order.Totals!.Value.Freight, order.Totals!.Value.Discount));

        Assert.Equal(OrderCodes.Apportionment, Assert.Single(order.ApportionFreight(-1m, Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.Apportionment, Assert.Single(order.ApportionDiscount(0.001m, Seller, At).Problems).Code);
    }

    [Fact]
    public void A_cancelled_item_needs_a_reason_and_leaves_every_total()
    {
        var order = Order(Item("P1", 1m), Item("BEER", 12m));
        var item = order.Items[1].Id;
        Assert.Equal(OrderCodes.ReasonRequired, Assert.Single(order.CancelItem(item, " ", Seller, At).Problems).Code);
        var cancelled = order.CancelItem(item, "Cliente desistiu", Seller, At).AsT0;
        Assert.Equal((ItemStatus.Cancelled, "Cliente desistiu"), (cancelled.Status, cancelled.StatusReason));
        Priced(order);
        Assert.Equal(order.Items[0].Values!.Total, order.Totals!.Value.Total);
        Assert.Equal(OrderCodes.ItemNotFound, Assert.Single(order.CancelItem(item, "de novo", Seller, At).Problems).Code);
    }

    [Fact]
    public void A_copy_compared_with_its_original_lists_exactly_the_edits()
    {
        var catalog = CatalogFixture.Built();
        var original = Order(Item("P1", 2m), Item("BEER", 12m), Item("SLOW", 1m));
        original.CancelItem(original.Items[2].Id, "sem prazo", Seller, At);
        var copy = original.Copy(new SalesOrderId(Guid.NewGuid()), Seller, At);
        Assert.Equal(original.Id, copy.CopiedFrom);
        Assert.Equal(2, copy.Items.Count);
        Assert.Empty(OrderComparison.Compare(original, copy));

        copy.ChangeHeader(copy.Header with { PaymentCondition = "60D" }, Seller, At);
        copy.ChangeItem(copy.Items[0].Id, Item("P1", 4m) with { Discount = 2m }, catalog, Seller, At);
        copy.CancelItem(copy.Items[1].Id, "trocado", Seller, At);
        copy.AddItems([Item("SLOW", 5m)], catalog, Seller, At);
        copy.ApportionFreight(10m, Seller, At);
        Assert.Equal(
        [
            new OrderDifference("header.payment_condition", "30D", "60D"),
            new OrderDifference("document.freight", null, "10"),
            new OrderDifference("items[1].quantity", "2", "4"),
            new OrderDifference("items[1].discount", "0", "2"),
            new OrderDifference("items[2].status", "Open", "Cancelled"),
            new OrderDifference("items[2].status_reason", null, "trocado"),
            new OrderDifference("items[+3]", null, "SLOW 5 UN"),
        ], OrderComparison.Compare(original, copy));
    }

    [Fact]
    public void Item_groups_by_billing_date()
    {
        var d1 = CatalogFixture.Date.PlusDays(5);
        var order = Order(Item("P1", 1m) with { BillingDate = d1 }, Item("BEER", 12m), Item("SLOW", 1m) with { PromiseDate = d1 }, Item("P1", 1m) with { BillingDate = CatalogFixture.Date });
        Assert.Equal([(CatalogFixture.Date, 1), (d1, 2), ((NodaTime.LocalDate?)null, 1)], order.DateGroups().Select(g => (g.Date, g.Items.Count)));
    }

    [Fact]
    public void A_discount_above_the_sellers_alcada_waits_for_a_role_that_may_approve_it()
    {
        var order = Priced(Order(Item("P1", 1m) with { Discount = 10m }, Item("BEER", 12m) with { Discount = 5m }));
        Assert.Equal(SalesOrderStatus.AwaitingApproval, order.Submit(Context(), Seller, At).AsT0);
        var pending = Assert.Single(order.Approvals);
        Assert.Equal((10m, 5m, ApprovalStatus.Pending), (pending.Discount, pending.SellerLimit, pending.Status));

        var other = new Identity.UserId(Guid.NewGuid());
        Assert.Equal(OrderCodes.OwnApproval, Assert.Single(order.Approve(pending.Item, "manager", Context(), null, Seller, At).Problems).Code);
        Assert.Equal(OrderCodes.ApproverLimit, Assert.Single(order.Approve(pending.Item, "seller", Context(), null, other, At).Problems).Code);
        var approved = order.Approve(pending.Item, "manager", Context(), "cliente estratégico", Manager, At).AsT0;
        Assert.Equal((ApprovalStatus.Approved, Manager, "cliente estratégico"), (approved.Status, approved.DecidedBy!.Value, approved.Reason));
        Assert.Equal(SalesOrderStatus.Approved, order.Status);
        Assert.Contains(order.History, h => h is { Field: "items[1].approval", NewValue: "Approved: cliente estratégico" } && h.By == Manager);
    }

    [Fact]
    public void A_product_with_its_own_alcada_lowers_the_sellers_limit_and_a_rejection_needs_a_reason()
    {
        var data = CatalogFixture.Data();
        var catalog = ProductCatalog.Build(data with { Products = [.. data.Products.Select(p => p.Code == "P1" ? p with { MaximumDiscountRate = 2m } : p)] }).AsT0;
        var context = Context(catalog);
        var order = Order(Item("P1", 1m) with { Discount = 3m });
        order.Recalculate(context, Seller, At);
        order.Submit(context, Seller, At);
        var pending = Assert.Single(order.Approvals);
        Assert.Equal(2m, pending.SellerLimit);
        Assert.Equal(OrderCodes.ReasonRequired, Assert.Single(order.Reject(pending.Item, "manager", context, null, Manager, At).Problems).Code);
        Assert.Equal(ApprovalStatus.Rejected, order.Reject(pending.Item, "manager", context, "margem baixa", Manager, At).AsT0.Status);
        Assert.Equal(SalesOrderStatus.Rejected, order.Status);
        Assert.Equal(SalesOrderStatus.Draft, order.Reopen(Seller, At).AsT0);
        Assert.Empty(order.Approvals);
    }

    [Fact]
    public void A_role_that_may_not_approve_a_discount_may_not_reject_it_either()
    {
        var order = Priced(Order(Item("P1", 1m) with { Discount = 10m }));
        order.Submit(Context(), Seller, At);
        var pending = Assert.Single(order.Approvals);
        var other = new Identity.UserId(Guid.NewGuid());

        var refused = order.Reject(pending.Item, "seller", Context(), "não", other, At);
        var own = order.Reject(pending.Item, "manager", Context(), "não", Seller, At);

        Assert.Equal(OrderCodes.ApproverLimit, Assert.Single(refused.Problems).Code);
        Assert.Equal(OrderCodes.OwnApproval, Assert.Single(own.Problems).Code);
        Assert.Equal((SalesOrderStatus.AwaitingApproval, ApprovalStatus.Pending), (order.Status, Assert.Single(order.Approvals).Status));
        Assert.Equal(ApprovalStatus.Rejected, order.Reject(pending.Item, "manager", Context(), "margem baixa", Manager, At).AsT0.Status);
    }

    [Fact]
    public void Submission_needs_a_recalculated_order_without_sale_errors()
    {
        var order = Order(Item("P1", 151m));
        Assert.Equal(OrderCodes.NotPriced, Assert.Single(order.Submit(Context(), Seller, At).Problems).Code);
        order.Recalculate(Context(), Seller, At);
        Assert.Contains(order.Submit(Context(), Seller, At).Problems, p => p.Code == OrderCodes.NoStock);
        Assert.Equal(SalesOrderStatus.Draft, order.Status);
    }

    [Fact]
    public void Only_a_released_order_goes_to_the_erp_and_adapters_without_orders_say_so()
    {
        var order = Priced(Order(Item("P1", 2m)));
        Assert.Equal(OrderCodes.Transition, Assert.Single(ErpOrder.From(order).Problems).Code);
        order.Submit(Context(), Seller, At);
        order.ApplyRelease(OrderRelease.ByOrder(order, new CreditPosition(10_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date), Seller, At);
        var erp = ErpOrder.From(order).AsT0;
        var item = Assert.Single(erp.Items);
        Assert.Equal(("P1", 2m, 100m, 200m, "A1"), (item.Product, item.Quantity, item.UnitPrice, item.Value, item.Warehouse));
        Assert.Equal(order.Totals!.Value.Total, erp.Total);
        var values = order.Items[0].Values!;
        Assert.Equal((values.Freight, values.Insurance, values.OtherExpenses), (item.Freight, item.Insurance, item.OtherExpenses));
        Assert.Same(values.Taxes, item.Taxes);
        Assert.Equal(values.SalesTaxes, item.Taxes!.Icms.Value + item.Taxes.Pis.Value + item.Taxes.Cofins.Value);

        IErpAdapter adapter = new NoOrdersAdapter();
        Assert.Equal("integration.orders_unsupported", adapter.PrepareOrder(erp).AsT1.Problem.Code);
        Assert.Same(erp, adapter.CheckOrder(erp).AsT0);
    }

    private sealed class NoOrdersAdapter : IErpAdapter
    {
        public AdapterDescriptor Descriptor { get; } = new(ErpId.Of("legacy"), "Legacy", ErpCapabilities.None);
        public IReadOnlyList<Integration.Eligibility.EligibilityRule> Rules => throw new NotSupportedException();
        public FieldLimits Limits => throw new NotSupportedException();
        public Domain.Accounts.Configuration.ErpFieldRequirements FieldRequirements => throw new NotSupportedException();
        public Integration.Eligibility.EligibilityResult Evaluate(Domain.Accounts.Account account, Integration.Eligibility.EligibilityContext context) => throw new NotSupportedException();
        public ErpMessage Prepare(Domain.Accounts.Account account) => throw new NotSupportedException();
        public Domain.Accounts.Registration.RegistrationForm ToForm(string body) => throw new NotSupportedException();
        public ErpCustomerState ReadState(string body, NodaTime.LocalDate today) => throw new NotSupportedException();
    }
}

public class TaxableUnitTests
{
    // A box of 12 whose IPI pauta is per unit: the order tells the pricer qTrib / qCom from the catalog's taxable unit.
    [Fact]
    public void An_order_taxes_ipi_pauta_per_taxable_unit_of_the_catalog()
    {
        var data = CatalogFixture.Data();
        var catalog = ProductCatalog.Build(data with
        {
            Products = [.. data.Products.Select(p => p.Code == "P1" ? p with { Fiscal = p.Fiscal with { TaxableUnit = "UN" } } : p)],
        }).AsT0;
        var pricing = Sources(catalog) with
        {
            Ipi = Pricing.PricingFixture.Resolver(("ipi-pauta", Domain.Matrices.MatrixKey.Any, Domain.Taxes.IpiParameters.PerUnit(0.50m, "ipi-pauta"))),
        };
        var check = Order(Item("P1", 2m, "CX")).Check(Context(catalog, pricing: pricing));
        Assert.Equal(new Domain.Taxes.TaxLine(24m, 0.50m, 12.00m, "ipi-pauta"), check.Pricing!.Lines[0].Taxes.Ipi);
    }
}
