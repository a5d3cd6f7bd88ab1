using Crm.Domain.Identity;
using Crm.Domain.Service.CallCenter;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Domain.Tests.Service.ServiceFixture;

namespace Crm.Domain.Tests.Service;

public class CampaignProperties
{
    // A call: move the clock (possibly backwards), call target 0..2, with one of the outcomes.
    private static readonly Arbitrary<(int Minutes, int Target, AttemptOutcome Outcome)[]> Calls =
        Gen.ArrayOf(
            from minutes in Gen.Choose(-120, 600)
            from target in Gen.Choose(0, 2)
            from outcome in Gen.Elements(Enum.GetValues<AttemptOutcome>())
            select (minutes, target, outcome)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Attempts_stop_at_the_first_finishing_outcome_and_never_go_back_in_time() => Prop.ForAll(Calls, calls =>
    {
        var clock = Clock();
        var campaign = Campaign.Create(new CampaignId(Guid.NewGuid()), Tenant, "Televendas", CampaignKind.Telesales, Operator, clock).AsT0;
        var targets = Enumerable.Range(0, 3).Select(_ => campaign.AddTarget(new AccountId(Guid.NewGuid()), null).AsT0).ToArray();
        var accepted = new int[3];
        var acceptedOnlyOpenContacts = true;
        foreach (var (minutes, target, outcome) in calls)
        {
            clock.Advance(Duration.FromMinutes(minutes));
            var finishedBefore = targets[target].IsFinished;
            var recorded = campaign.RecordAttempt(targets[target].Id, outcome, null, Operator, clock).IsValid;
            acceptedOnlyOpenContacts &= recorded != finishedBefore;
            if (recorded)
                accepted[target]++;
        }
        var all = targets.SelectMany(t => t.Attempts).OrderBy(a => a.At).ToList();
        return acceptedOnlyOpenContacts
               && targets.All(t => t.Attempts.Take(t.Attempts.Count - 1).All(a => !a.Finishes))
               && targets.Select(t => t.Attempts.Count).SequenceEqual(accepted)
               && targets.All(t => t.Attempts.Zip(t.Attempts.Skip(1)).All(p => p.First.At <= p.Second.At))
               && all.TrueForAll(a => a.At >= campaign.CreatedAt);
    });
}
