using Crm.Domain.Service.Occurrences;
using Crm.Domain.Texts;
using NodaTime;
using static Crm.Domain.Tests.Service.ServiceFixture;

namespace Crm.Domain.Tests.Service;

public class OccurrenceTests
{
    [Fact]
    public void Opening_keeps_the_form_takes_the_reason_target_and_records_every_given_field()
    {
        var form = FullForm();
        var occurrence = Open(Clock(), form);

        Assert.Equal(OccurrenceStatus.Open, occurrence.Status);
        Assert.Equal(Start, occurrence.OpenedAt);
        Assert.Equal(Operator, occurrence.OpenedBy);
        Assert.Equal((form.Account, form.Contact, ServiceChannel.Phone, "RECL", "SERV-100", form.Attendant, OccurrencePriority.High),
            (occurrence.Account, occurrence.Contact, occurrence.Channel, occurrence.Reason, occurrence.Product, occurrence.Attendant, occurrence.Priority));
        Assert.Equal(Duration.FromHours(4), occurrence.ResponseTarget);
        Assert.Equal(Start + Duration.FromHours(4), occurrence.ResponseDue);
        Assert.Null(occurrence.AnsweredAt);
        Assert.Null(occurrence.ClosedAt);
        Assert.Equal(["status", "account", "contact", "channel", "reason", "response_target", "product", "attendant", "priority", "description"],
            occurrence.History.Select(h => h.Field));
        Assert.All(occurrence.History, h => Assert.Null(h.OldValue));
        Assert.All(occurrence.History, h => Assert.Equal((Start, Operator), (h.At, h.By)));
    }

    [Fact]
    public void Opening_without_priority_is_normal_and_the_reason_code_is_matched_ignoring_case_and_spaces()
    {
        var occurrence = Open(Clock(), Form(" recl "));

        Assert.Equal(OccurrencePriority.Normal, occurrence.Priority);
        Assert.Equal("RECL", occurrence.Reason);
        Assert.Null(occurrence.Attendant);
    }

    [Fact]
    public void Opening_reports_every_problem_with_the_form()
    {
        var form = new OccurrenceForm(default, null, " ", "Cobrança\0indevida", Product: new string('P', TextLimits.MasterDataCode + 1));

        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form, Settings(), Operator, Clock());

        Assert.Equal(
            [OccurrenceCodes.AccountRequired, OccurrenceCodes.ChannelRequired, OccurrenceCodes.ReasonRequired,
                TextCodes.ControlCharacter, TextCodes.TooLong],
            Codes(outcome));
    }

    [Fact]
    public void Opening_refuses_an_unknown_channel_priority_or_reason()
    {
        var form = Form("NAOEXISTE") with { Channel = (ServiceChannel)99, Priority = (OccurrencePriority)99 };

        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form, Settings(), Operator, Clock());

        Assert.Equal([OccurrenceCodes.ChannelUnknown, OccurrenceCodes.ReasonUnknown, OccurrenceCodes.PriorityUnknown], Codes(outcome));
    }

    [Fact]
    public void An_inactive_reason_cannot_be_given_to_a_new_occurrence()
    {
        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, Form("ANTIGO"), Settings(), Operator, Clock());

        Assert.Equal([OccurrenceCodes.ReasonInactive], Codes(outcome));
    }

    [Fact]
    public void Mandatory_fields_of_the_settings_are_required_each_under_its_own_code()
    {
        var settings = Settings(OccurrenceField.Contact, OccurrenceField.Product, OccurrenceField.Attendant, OccurrenceField.Priority);

        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, Form(), settings, Operator, Clock());

        Assert.Equal(
            ["occurrence.contact.required", "occurrence.product.required", "occurrence.attendant.required", "occurrence.priority.required"],
            Codes(outcome));
        Assert.Equal(["contact", "product", "attendant", "priority"], outcome.Problems.Select(p => p.Field));
        Assert.True(Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, FullForm(), settings, Operator, Clock()).IsValid);
    }

    [Fact]
    public void Answering_stops_the_response_time_and_closing_follows()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        clock.Advance(Duration.FromMinutes(90));
        var answerer = User();

        var answered = occurrence.Respond(" Boleto reemitido. ", answerer, clock);
        clock.Advance(Duration.FromHours(30));
        var closed = occurrence.Close("Cliente confirmou o pagamento.", answerer, clock);

        Assert.True(answered.IsValid);
        Assert.True(closed.IsValid);
        Assert.Equal(OccurrenceStatus.Closed, occurrence.Status);
        Assert.Equal("Boleto reemitido.", occurrence.Answer);
        Assert.Equal(Start + Duration.FromMinutes(90), occurrence.AnsweredAt);
        Assert.Equal(Start + Duration.FromMinutes(90 + 30 * 60), occurrence.ClosedAt);
        Assert.Equal(Duration.FromMinutes(90), occurrence.ResponseTime);
        Assert.False(occurrence.IsBreached(Start + Duration.FromDays(365)));
        Assert.Equal(["answer", "status", "resolution", "status"], occurrence.History.TakeLast(4).Select(h => h.Field));
        Assert.Equal(("Answered", "Closed"), (closed.AsT0.OldValue, closed.AsT0.NewValue));
        Assert.Equal(answerer, closed.AsT0.By);
    }

    [Fact]
    public void An_open_occurrence_breaches_once_its_reason_target_has_passed()
    {
        var occurrence = Open(Clock());

        Assert.False(occurrence.IsBreached(Start + Duration.FromHours(4)));
        Assert.True(occurrence.IsBreached(Start + Duration.FromHours(4) + Duration.Epsilon));
        Assert.Equal(Duration.Zero, occurrence.Waiting(Start - Duration.FromHours(1)));
        Assert.Null(occurrence.ResponseTime);
    }

    [Fact]
    public void A_late_answer_stays_breached()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        clock.Advance(Duration.FromHours(5));
        occurrence.Respond("Resolvido.", Operator, clock);

        Assert.True(occurrence.IsBreached(clock.GetCurrentInstant()));
        Assert.Equal(Duration.FromHours(5), occurrence.ResponseTime);
    }

    [Fact]
    public void Illegal_transitions_are_problems_and_change_nothing()
    {
        var clock = Clock();
        var occurrence = Open(clock);

        Assert.Equal([OccurrenceCodes.NotAnswered], Codes(occurrence.Close(null, Operator, clock)));
        Assert.Equal([OccurrenceCodes.AnswerRequired], Codes(occurrence.Respond("  ", Operator, clock)));
        occurrence.Respond("Ok.", Operator, clock);
        Assert.Equal([OccurrenceCodes.NotOpen], Codes(occurrence.Respond("De novo.", Operator, clock)));
        occurrence.Close(null, Operator, clock);
        var entries = occurrence.History.Count;
        Assert.Equal([OccurrenceCodes.Closed], Codes(occurrence.Close(null, Operator, clock)));
        Assert.Equal([OccurrenceCodes.Closed], Codes(occurrence.Respond("Mais uma.", Operator, clock)));
        Assert.Equal([OccurrenceCodes.Closed], Codes(occurrence.Revise(FullForm(), Settings(), Operator, clock)));
        Assert.Equal(entries, occurrence.History.Count);
        Assert.Equal(OccurrenceStatus.Closed, occurrence.Status);
        Assert.Null(occurrence.Resolution);
    }

    [Fact]
    public void Revising_records_only_the_fields_that_changed_with_their_old_values()
    {
        var clock = Clock();
        var form = Form();
        var occurrence = Open(clock, form);
        clock.Advance(Duration.FromMinutes(5));
        var newAttendant = User();

        var revised = occurrence.Revise(form with { Attendant = newAttendant, Priority = OccurrencePriority.Urgent, Reason = "duv" }, Settings(), Operator, clock);

        Assert.Equal(
            [("reason", "RECL", "DUV"), ("response_target", "0:04:00:00", "1:00:00:00"), ("attendant", null, newAttendant.Value.ToString()), ("priority", "Normal", "Urgent")],
            revised.AsT0.Select(h => (h.Field, h.OldValue, h.NewValue)));
        Assert.Equal(Duration.FromDays(1), occurrence.ResponseTarget);
        Assert.All(revised.AsT0, h => Assert.Equal(Start + Duration.FromMinutes(5), h.At));
    }

    [Fact]
    public void Keeping_a_reason_that_became_inactive_keeps_its_target()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        var later = OccurrenceSettings.Create([new ServiceReason("RECL", "Reclamação", Duration.FromHours(1), Active: false)], []).AsT0;

        var revised = occurrence.Revise(Form() with { Account = occurrence.Account, Description = "Outra descrição." }, later, Operator, clock);

        Assert.Equal(["description"], revised.AsT0.Select(h => h.Field));
        Assert.Equal(Duration.FromHours(4), occurrence.ResponseTarget);
    }

    [Fact]
    public void An_answered_occurrence_can_still_be_revised_and_its_answer_instant_stays()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        clock.Advance(Duration.FromHours(1));
        occurrence.Respond("Ok.", Operator, clock);
        clock.Advance(Duration.FromHours(1));

        var revised = occurrence.Revise(FullForm() with { Account = occurrence.Account }, Settings(), Operator, clock);

        Assert.True(revised.IsValid);
        Assert.Equal(Start + Duration.FromHours(1), occurrence.AnsweredAt);
        Assert.Equal(OccurrenceStatus.Answered, occurrence.Status);
    }

    [Fact]
    public void A_clock_that_steps_back_never_puts_the_answer_before_the_opening()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        clock.Reset(Start - Duration.FromHours(3));

        occurrence.Respond("Ok.", Operator, clock);
        occurrence.Close(null, Operator, clock);

        Assert.Equal(Start, occurrence.AnsweredAt);
        Assert.Equal(Start, occurrence.ClosedAt);
        Assert.Equal(Duration.Zero, occurrence.ResponseTime);
    }

    [Fact]
    public void Revising_reports_problems_without_changing_anything()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        var entries = occurrence.History.Count;

        var outcome = occurrence.Revise(Form("ANTIGO") with { Description = "" }, Settings(), User(), clock);

        Assert.Equal([OccurrenceCodes.ReasonInactive, OccurrenceCodes.DescriptionRequired], Codes(outcome));
        Assert.Equal(entries, occurrence.History.Count);
        Assert.Equal("RECL", occurrence.Reason);
    }

    [Fact]
    public void Assigning_records_the_new_attendant_changes_nothing_for_the_same_one_and_is_refused_once_closed()
    {
        var clock = Clock();
        var occurrence = Open(clock);
        var attendant = User();

        var first = occurrence.Assign(attendant, Operator, clock).AsT0;
        var again = occurrence.Assign(attendant, Operator, clock).AsT0;
        var back = occurrence.Assign(null, Operator, clock).AsT0;
        occurrence.Respond("ok", Operator, clock);
        occurrence.Close(null, Operator, clock);
        var closed = occurrence.Assign(attendant, Operator, clock);

        Assert.Equal(("attendant", null, attendant.Value.ToString()), (first.Single().Field, first[0].OldValue, first[0].NewValue));
        Assert.Empty(again);
        Assert.Equal((attendant.Value.ToString(), null), (back.Single().OldValue, back[0].NewValue));
        Assert.Equal([OccurrenceCodes.Closed], Codes(closed));
    }

    [Fact]
    public void A_complaint_reason_marks_the_occurrence_and_a_restored_one_is_the_same_occurrence()
    {
        var clock = Clock();
        var settings = OccurrenceSettings.Create([new ServiceReason("RECL", "Reclamação", Duration.FromHours(4), IsComplaint: true),
            new ServiceReason("DUV", "Dúvida", Duration.FromDays(1))], []).AsT0;
        var occurrence = Open(clock, FullForm(), settings);
        clock.Advance(Duration.FromHours(5));
        occurrence.Respond("Resposta", Operator, clock);

        var restored = Occurrence.Restore(occurrence.Id, occurrence.Tenant, occurrence.OpenedBy, occurrence.OpenedAt,
            new OccurrenceForm(occurrence.Account, occurrence.Channel, occurrence.Reason, occurrence.Description, occurrence.Contact, occurrence.Product,
                occurrence.Attendant, occurrence.Priority),
            occurrence.ResponseTarget, occurrence.IsComplaint, occurrence.Status, occurrence.AnsweredAt, occurrence.Answer, occurrence.ClosedAt,
            occurrence.Resolution, occurrence.History);

        Assert.True(occurrence.IsComplaint);
        Assert.False(Open(clock, Form("DUV"), settings).IsComplaint);
        Assert.Equal((occurrence.Status, occurrence.ResponseTime, true), (restored.Status, restored.ResponseTime, restored.IsBreached(Start)));
        Assert.Equal(occurrence.History, restored.History);
        Assert.True(OccurrenceSettings.Default.Find("RECL")!.IsComplaint);
    }
}
