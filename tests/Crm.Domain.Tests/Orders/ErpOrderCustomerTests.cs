using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Tests.Accounts;
using Crm.Domain.Tests.Catalog;
using static Crm.Domain.Tests.Orders.OrderFixture;

namespace Crm.Domain.Tests.Orders;

/// <summary>A released order's ERP message carries its customer's account, so an adapter can name the ERP's customer.</summary>
public class ErpOrderCustomerTests
{
    private static SalesOrder Released()
    {
        var order = Priced(Order(Item("P1", 2m)));
        order.Submit(Context(), Seller, At);
        order.ApplyRelease(OrderRelease.ByOrder(order, new CreditPosition(10_000m, 0m), CatalogFixture.Built(), CatalogFixture.Date), Seller, At);
        return order;
    }

    [Fact]
    public void The_message_carries_the_order_customers_account()
    {
        var customer = AccountTests.NewAccount(id: Customer);

        var erp = ErpOrder.From(Released(), customer).AsT0;

        Assert.Same(customer, erp.CustomerAccount);
        Assert.Null(ErpOrder.From(Released()).AsT0.CustomerAccount);
    }

    [Fact]
    public void Another_account_is_refused_and_an_unreleased_order_still_is()
    {
        var stranger = AccountTests.NewAccount(id: new Identity.AccountId(Guid.NewGuid()));

        Assert.Equal(OrderCodes.CustomerMismatch, Assert.Single(ErpOrder.From(Released(), stranger).Problems).Code);
        Assert.Equal(OrderCodes.Transition,
            Assert.Single(ErpOrder.From(Priced(Order(Item("P1", 2m))), AccountTests.NewAccount(id: Customer)).Problems).Code);
    }
}
