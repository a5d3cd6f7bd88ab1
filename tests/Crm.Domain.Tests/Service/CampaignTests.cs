using Crm.Domain.Identity;
using Crm.Domain.Service.CallCenter;
using Crm.Domain.Texts;
using NodaTime;
using static Crm.Domain.Tests.Service.ServiceFixture;

namespace Crm.Domain.Tests.Service;

public class CampaignTests
{
    private static Campaign NewCampaign(IClock clock, CampaignKind kind = CampaignKind.Collection) =>
        Campaign.Create(new CampaignId(Guid.NewGuid()), Tenant, " Cobrança maio ", kind, Operator, clock).AsT0;

    [Fact]
    public void Creating_a_campaign_keeps_its_name_kind_and_author()
    {
        var campaign = NewCampaign(Clock(), CampaignKind.Telesales);

        Assert.Equal(("Cobrança maio", CampaignKind.Telesales, Operator, Start), (campaign.Name, campaign.Kind, campaign.CreatedBy, campaign.CreatedAt));
        Assert.Null(campaign.ClosedAt);
        Assert.Empty(campaign.Targets);
    }

    [Fact]
    public void Creating_reports_every_problem_with_name_and_kind()
    {
        var blank = Campaign.Create(new CampaignId(Guid.NewGuid()), Tenant, " ", (CampaignKind)7, Operator, Clock());
        var longName = Campaign.Create(new CampaignId(Guid.NewGuid()), Tenant, new string('c', TextLimits.CampaignName + 1), CampaignKind.Telemarketing, Operator, Clock());

        Assert.Equal([CampaignCodes.NameRequired, CampaignCodes.KindUnknown], Codes(blank));
        Assert.Equal([TextCodes.TooLong], Codes(longName));
    }

    [Fact]
    public void A_contact_is_called_until_an_attempt_finishes_it()
    {
        var clock = Clock();
        var campaign = NewCampaign(clock);
        var target = campaign.AddTarget(new AccountId(Guid.NewGuid()), new ContactId(Guid.NewGuid())).AsT0;

        campaign.RecordAttempt(target.Id, AttemptOutcome.NoAnswer, null, Operator, clock);
        clock.Advance(Duration.FromHours(2));
        campaign.RecordAttempt(target.Id, AttemptOutcome.CallBack, " Ligar após as 14h ", Operator, clock);
        Assert.False(target.IsFinished);
        clock.Advance(Duration.FromHours(3));
        var success = campaign.RecordAttempt(target.Id, AttemptOutcome.Succeeded, "Prometeu pagar dia 10.", Operator, clock);

        Assert.True(target.IsFinished);
        Assert.Equal(new CallAttempt(Start + Duration.FromHours(5), Operator, AttemptOutcome.Succeeded, "Prometeu pagar dia 10."), success.AsT0);
        Assert.Equal([null, "Ligar após as 14h", "Prometeu pagar dia 10."], target.Attempts.Select(a => a.Note));
        Assert.Equal([CampaignCodes.TargetFinished], Codes(campaign.RecordAttempt(target.Id, AttemptOutcome.NoAnswer, null, Operator, clock)));
        Assert.Equal(3, target.Attempts.Count);
    }

    [Theory]
    [InlineData(AttemptOutcome.NoAnswer, false)]
    [InlineData(AttemptOutcome.Busy, false)]
    [InlineData(AttemptOutcome.CallBack, false)]
    [InlineData(AttemptOutcome.WrongNumber, true)]
    [InlineData(AttemptOutcome.Refused, true)]
    [InlineData(AttemptOutcome.Succeeded, true)]
    public void Which_outcomes_finish_a_contact(AttemptOutcome outcome, bool finishes) =>
        Assert.Equal(finishes, new CallAttempt(Start, Operator, outcome, null).Finishes);

    [Fact]
    public void Each_account_and_contact_pair_is_called_once_per_campaign()
    {
        var campaign = NewCampaign(Clock());
        var account = new AccountId(Guid.NewGuid());
        var contact = new ContactId(Guid.NewGuid());

        campaign.AddTarget(account, contact);
        campaign.AddTarget(account, null);

        Assert.Equal([CampaignCodes.TargetDuplicate], Codes(campaign.AddTarget(account, contact)));
        Assert.Equal([CampaignCodes.TargetDuplicate], Codes(campaign.AddTarget(account, null)));
        Assert.Equal([CampaignCodes.AccountRequired], Codes(campaign.AddTarget(default, contact)));
        Assert.Equal(2, campaign.Targets.Count);
    }

    [Fact]
    public void An_attempt_reports_every_problem()
    {
        var clock = Clock();
        var campaign = NewCampaign(clock);

        var outcome = campaign.RecordAttempt(new CampaignTargetId(Guid.NewGuid()), (AttemptOutcome)9, "a\u0007b", Operator, clock);

        Assert.Equal([CampaignCodes.TargetNotFound, CampaignCodes.OutcomeUnknown, TextCodes.ControlCharacter], Codes(outcome));
    }

    [Fact]
    public void A_closed_campaign_takes_no_contacts_and_no_calls()
    {
        var clock = Clock();
        var campaign = NewCampaign(clock);
        var target = campaign.AddTarget(new AccountId(Guid.NewGuid()), null).AsT0;
        clock.Advance(Duration.FromDays(1));

        Assert.Equal(Start + Duration.FromDays(1), campaign.Close(clock).AsT0);
        Assert.Equal([CampaignCodes.Closed], Codes(campaign.Close(clock)));
        Assert.Equal([CampaignCodes.Closed], Codes(campaign.AddTarget(new AccountId(Guid.NewGuid()), null)));
        Assert.Equal([CampaignCodes.Closed], Codes(campaign.RecordAttempt(target.Id, AttemptOutcome.Busy, null, Operator, clock)));
        Assert.Empty(target.Attempts);
    }
}
