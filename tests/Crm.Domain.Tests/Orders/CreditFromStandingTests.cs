using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Orders;
using Crm.Domain.Tests.Catalog;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Domain.Tests.Orders;

/// <summary>Release's credit position built from the account's stored ERP standing.</summary>
public class CreditFromStandingTests
{
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 11, 22, 3, 0);

    [Fact]
    public void The_position_takes_the_limit_and_its_expiry_and_adds_the_open_orders_to_the_open_balance()
    {
        var standing = new ErpStanding(ErpSituation.Active, null, 50_000m, new LocalDate(2027, 6, 30), 12_000m, ReadAt);

        var credit = CreditPosition.From(standing, 3_000m).AsT0;

        Assert.Equal(new CreditPosition(50_000m, 15_000m, new LocalDate(2027, 6, 30)), credit);
        Assert.Equal(35_000m, credit.Available);
    }

    [Fact]
    public void A_standing_without_limit_or_open_balance_names_each_missing_part()
    {
        var mega = new ErpStanding(ErpSituation.Active, null, null, null, null, ReadAt);
        var datasul = new ErpStanding(ErpSituation.Active, null, 8_000m, null, null, ReadAt);

        Assert.Equal([OrderCodes.CreditLimitUnknown, OrderCodes.OpenBalanceUnknown],
            CreditPosition.From(mega, 0m).AsT1.Problems.Select(p => p.Code));
        Assert.Equal((OrderCodes.OpenBalanceUnknown, "credit.open_balance"),
            (Assert.Single(CreditPosition.From(datasul, 0m).AsT1.Problems).Code, CreditPosition.From(datasul, 0m).AsT1.Problems[0].Field));
    }

    [Fact]
    public void An_expired_limit_from_the_erp_blocks_release()
    {
        var standing = new ErpStanding(ErpSituation.Active, null, 1_000_000m, CatalogFixture.Date.PlusDays(-1), 0m, ReadAt);
        var order = ReleaseTests.Approved(0, OrderFixture.Item("P1", 50m));

        var decision = OrderRelease.ByOrder(order, CreditPosition.From(standing, 0m).AsT0, CatalogFixture.Built(), CatalogFixture.Date);

        Assert.Equal(OrderCodes.CreditExpired, Assert.Single(decision.Reasons).Code);
        Assert.True(OrderRelease.ByOrder(order, CreditPosition.From(standing with { CreditLimitExpiresOn = null }, 0m).AsT0,
            CatalogFixture.Built(), CatalogFixture.Date).Released);
    }

    [Fact]
    public void A_customer_the_erp_blocks_is_not_released_whatever_credit_is_left()
    {
        var standing = new ErpStanding(ErpSituation.Active, null, 1_000_000m, null, 0m, ReadAt) { Blocked = true };

        var problem = Assert.Single(CreditPosition.From(standing, 0m).AsT1.Problems);

        Assert.Equal((OrderCodes.CustomerBlocked, "credit.blocked"), (problem.Code, problem.Field));
        Assert.True(CreditPosition.From(standing with { Blocked = false }, 0m).IsT0);
        Assert.False(standing.SaysTheSameAs(standing with { Blocked = null }));
    }

    // Whatever the amounts, what is left equals the limit minus the ERP's open balance minus the CRM's open orders.
    [Property(MaxTest = 100)]
    public bool Available_credit_is_the_limit_less_the_open_balance_less_the_open_orders(int limitCents, int balanceCents, NonNegativeInt ordersCents)
    {
        var standing = new ErpStanding(null, null, limitCents / 100m, null, balanceCents / 100m, ReadAt);
        var credit = CreditPosition.From(standing, ordersCents.Get / 100m).AsT0;
        return credit.Available == limitCents / 100m - balanceCents / 100m - ordersCents.Get / 100m;
    }
}
