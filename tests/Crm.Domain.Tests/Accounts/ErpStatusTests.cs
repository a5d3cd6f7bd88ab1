using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using NodaTime;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

public class ErpStatusTests
{
    private static readonly LocalDate Today = new(2026, 11, 22);
    private static readonly IntegratedWithErp Customer = new("1234", new LocalDate(2020, 1, 10));

    [Theory]
    [InlineData(IntegrationSystem.Erp, ErpSituation.Active, "Ativo ERP", StatusColour.Green)]
    [InlineData(IntegrationSystem.Erp, ErpSituation.Inactive, "Inativo ERP", StatusColour.Red)]
    [InlineData(IntegrationSystem.Erp, ErpSituation.NotIntegrated, "Não integrado ERP", StatusColour.Yellow)]
    [InlineData(IntegrationSystem.Gp, ErpSituation.Active, "Ativo GP", StatusColour.Green)]
    [InlineData(IntegrationSystem.Gp, ErpSituation.Inactive, "Inativo GP", StatusColour.Red)]
    [InlineData(IntegrationSystem.Gp, ErpSituation.NotIntegrated, "Não integrado GP", StatusColour.Yellow)]
    public void Labels_and_colours_follow_the_seed(IntegrationSystem system, ErpSituation situation, string label, StatusColour colour)
    {
        var status = new ErpStatus(system, situation);

        Assert.Equal((label, colour), (status.Label, status.Colour));
    }

    [Theory]
    [InlineData("2026-05-22", 6, ErpSituation.Active)] // exactly 6 months: still within the limit
    [InlineData("2026-05-21", 6, ErpSituation.Inactive)]
    [InlineData("2026-11-22", 0, ErpSituation.Active)]
    [InlineData("2026-10-21", 0, ErpSituation.Inactive)]
    [InlineData("2027-01-01", 3, ErpSituation.Active)] // a purchase dated in the future counts as recent
    public void An_erp_customer_is_inactive_after_more_than_the_months_inactive_without_buying(string lastPurchase, int months,
        ErpSituation expected) =>
        Assert.Equal(expected, ErpStatus.Of(IntegrationSystem.Erp, Customer, LocalDate.FromDateTime(DateTime.Parse(lastPurchase, CultureInfo.InvariantCulture)), months, Today).Situation);

    [Fact]
    public void A_customer_that_never_bought_counts_from_its_integration()
    {
        var recent = new IntegratedWithErp("77", new LocalDate(2026, 10, 1));

        Assert.Equal(ErpSituation.Active, ErpStatus.Of(IntegrationSystem.Erp, recent, null, 6, Today).Situation);
        Assert.Equal(ErpSituation.Inactive, ErpStatus.Of(IntegrationSystem.Erp, Customer, null, 6, Today).Situation);
    }

    [Fact]
    public void A_not_integrated_account_and_every_lead_are_not_integrated()
    {
        Assert.Equal(ErpSituation.NotIntegrated, ErpStatus.Of(IntegrationSystem.Erp, IntegrationState.None, Today, 6, Today).Situation);
        Assert.Equal("Não integrado GP", Lead.ErpStatus(IntegrationSystem.Gp).Label);
    }

    [Fact]
    public void A_gp_account_follows_its_term()
    {
        Assert.Equal(ErpSituation.Active, ErpStatus.Of(IntegrationSystem.Gp, new IntegratedWithGp("9", true), null, 1, Today).Situation);
        Assert.Equal(ErpSituation.Inactive, ErpStatus.Of(IntegrationSystem.Gp, new IntegratedWithGp("9", false), Today, 1, Today).Situation);
    }

    [Fact]
    public void Only_gp_accounts_without_an_active_term_send_their_changes_to_gp()
    {
        Assert.True(((IntegrationState)new IntegratedWithGp("9", HasActiveTerm: false)).SendsChangesToGp);
        Assert.False(((IntegrationState)new IntegratedWithGp("9", HasActiveTerm: true)).SendsChangesToGp);
        Assert.False(((IntegrationState)Customer).SendsChangesToGp);
        Assert.False(IntegrationState.None.SendsChangesToGp);
    }

    [Fact]
    public void Negative_months_inactive_is_a_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ErpStatus.Of(IntegrationSystem.Erp, Customer, Today, -1, Today));

    [Property]
    public Property More_months_allowed_never_makes_a_customer_less_active() =>
        Prop.ForAll(Gen.Choose(0, 4000).ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), (daysAgo, months) =>
        {
            var last = Today.PlusDays(-daysAgo);
            var strict = ErpStatus.Of(IntegrationSystem.Erp, Customer, last, months, Today).Situation;
            var lenient = ErpStatus.Of(IntegrationSystem.Erp, Customer, last, months + 1, Today).Situation;
            return strict == ErpSituation.Active ? lenient == ErpSituation.Active : true;
        });
}
