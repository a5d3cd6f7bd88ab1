using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Domain.Tests.Service.ServiceFixture;

namespace Crm.Domain.Tests.Service;

public class OccurrenceProperties
{
    // A step: move the clock by some minutes (possibly backwards), then try one operation:
    // 0 answer, 1 close, 2 revise (change priority and attendant), 3 answer with no text (always refused).
    private static readonly Arbitrary<(int Minutes, int Operation)[]> Journeys =
        Gen.ArrayOf(from minutes in Gen.Choose(-600, 60 * 24 * 3) from operation in Gen.Choose(0, 3) select (minutes, operation)).ToArbitrary();

    private static readonly OccurrenceField[] Configurable = Enum.GetValues<OccurrenceField>();

    [Property(MaxTest = 300)]
    public Property Any_sequence_of_operations_keeps_opened_before_answered_before_closed() => Prop.ForAll(Journeys, steps =>
    {
        var clock = Clock();
        var occurrence = Open(clock);
        foreach (var (minutes, operation) in steps)
        {
            clock.Advance(Duration.FromMinutes(minutes));
            _ = operation switch
            {
                0 => occurrence.Respond("Resposta.", Operator, clock).IsValid,
                1 => occurrence.Close(null, Operator, clock).IsValid,
                2 => occurrence.Revise(Form() with { Account = occurrence.Account, Priority = OccurrencePriority.High, Attendant = User() },
                    Settings(), Operator, clock).IsValid,
                _ => occurrence.Respond(null, Operator, clock).IsValid,
            };
        }
        var statusMatchesInstants = occurrence.Status switch
        {
            OccurrenceStatus.Open => occurrence.AnsweredAt is null && occurrence.ClosedAt is null,
            OccurrenceStatus.Answered => occurrence.AnsweredAt is not null && occurrence.ClosedAt is null,
            _ => occurrence.AnsweredAt is not null && occurrence.ClosedAt is not null,
        };
        var history = occurrence.History;
        return statusMatchesInstants
               && occurrence.OpenedAt <= (occurrence.AnsweredAt ?? Instant.MaxValue)
               && (occurrence.AnsweredAt ?? occurrence.OpenedAt) <= (occurrence.ClosedAt ?? Instant.MaxValue)
               && history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At)
               && history.Count(h => h.Field == "status") == 1 + (int)occurrence.Status;
    });

    [Property(MaxTest = 300)]
    public Property Breach_is_monotonic_in_time(PositiveInt targetMinutes, NonNegativeInt answerAfter, int first, NonNegativeInt gap, bool answered)
    {
        var settings = OccurrenceSettings.Create([new ServiceReason("R", "Motivo", Duration.FromMinutes(targetMinutes.Get))], []).AsT0;
        var clock = Clock();
        var occurrence = Open(clock, Form("R"), settings);
        if (answered)
        {
            clock.Advance(Duration.FromMinutes(answerAfter.Get));
            occurrence.Respond("Ok.", Operator, clock);
        }
        var earlier = Start + Duration.FromMinutes(first);
        var later = earlier + Duration.FromMinutes(gap.Get);
        return (!occurrence.IsBreached(earlier) || occurrence.IsBreached(later)).ToProperty()
            .And(occurrence.Waiting(earlier) <= occurrence.Waiting(later));
    }

    [Property(MaxTest = 300)]
    public Property A_form_missing_k_mandatory_fields_yields_exactly_k_problems(bool[] mandatoryMask, bool[] missingMask)
    {
        var mandatory = Configurable.Where((_, i) => i < mandatoryMask.Length && mandatoryMask[i]).ToArray();
        var missing = Configurable.Where((_, i) => i < missingMask.Length && missingMask[i]).ToHashSet();
        var full = FullForm();
        var form = full with
        {
            Contact = missing.Contains(OccurrenceField.Contact) ? null : full.Contact,
            Product = missing.Contains(OccurrenceField.Product) ? " " : full.Product,
            Attendant = missing.Contains(OccurrenceField.Attendant) ? null : full.Attendant,
            Priority = missing.Contains(OccurrenceField.Priority) ? null : full.Priority,
        };

        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form, Settings(mandatory), Operator, Clock());

        var expected = mandatory.Where(missing.Contains).Select(OccurrenceCodes.Required).ToArray();
        return Codes(outcome).SequenceEqual(expected).Label($"expected [{string.Join(", ", expected)}], got [{string.Join(", ", Codes(outcome))}]");
    }

    [Property(MaxTest = 100)]
    public Property Revising_with_the_same_form_records_nothing(bool withContact, bool withAttendant)
    {
        var clock = Clock();
        var form = Form() with
        {
            Contact = withContact ? new ContactId(Guid.NewGuid()) : null,
            Attendant = withAttendant ? User() : null,
        };
        var occurrence = Open(clock, form);

        var revised = occurrence.Revise(form, Settings(), Operator, clock);

        return (revised.IsValid && revised.AsT0.Count == 0).ToProperty();
    }
}
