using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Domain.Texts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Activities;

public class AppointmentTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly UserId Owner = new(Guid.NewGuid());
    private static readonly FollowUpId Id = new(Guid.NewGuid());
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 8, 0);
    private static readonly ActivitySubject Subject = new ActivitySubject.Account(new AccountId(Guid.NewGuid()));

    private static Outcome Schedule(string? title = "Visita técnica", int startHours = 2, int endHours = 3, string? location = null) =>
        new(Appointment.Schedule(new AppointmentId(Guid.NewGuid()), Tenant, Subject, title,
            Now + Duration.FromHours(startHours), Now + Duration.FromHours(endHours), Owner, location, new FakeClock(Now)));

    private sealed record Outcome(Crm.Domain.Problems.Outcome<Appointment> Value)
    {
        public Appointment Appointment => Value.AsT0;

        public string[] Codes => Value.Problems.Select(p => p.Code).ToArray();
    }

    [Fact]
    public void Scheduling_keeps_what_when_where_and_whose()
    {
        var appointment = Schedule(" Visita técnica ", location: " Matriz ").Appointment;

        Assert.Equal(("Visita técnica", "Matriz", AppointmentStatus.Scheduled, Owner, Subject, Now),
            (appointment.Title, appointment.Location, appointment.Status, appointment.Owner, appointment.Subject, appointment.CreatedAt));
        Assert.Equal((Now + Duration.FromHours(2), Now + Duration.FromHours(3)), (appointment.Start, appointment.End));
        Assert.Null(appointment.SettledAt);
    }

    [Fact]
    public void Scheduling_reports_every_problem()
    {
        Assert.Equal([ActivityCodes.TitleRequired, TextCodes.TooLong, ActivityCodes.EndNotAfterStart],
            Schedule(" ", 3, 3, new string('L', TextLimits.AppointmentLocation + 1)).Codes);
        Assert.Equal([TextCodes.TooLong], Schedule(new string('T', TextLimits.AppointmentTitle + 1)).Codes);
    }

    [Property(MaxTest = 200)]
    public Property An_appointment_is_accepted_exactly_when_it_ends_after_it_starts(int start, int end) =>
        (Schedule("Reunião", start % 100_000, end % 100_000).Value.IsValid == end % 100_000 > start % 100_000).ToProperty();

    [Fact]
    public void Only_a_scheduled_appointment_is_held_cancelled_or_rescheduled()
    {
        var clock = new FakeClock(Now + Duration.FromHours(4));
        var held = Schedule().Appointment;
        var cancelled = Schedule().Appointment;

        Assert.True(held.Reschedule("Visita remarcada", Now + Duration.FromDays(1), Now + Duration.FromDays(1) + Duration.FromHours(1), null).IsValid);
        Assert.True(held.MarkHeld(clock).IsValid);
        Assert.True(cancelled.Cancel(clock).IsValid);

        Assert.Equal(("Visita remarcada", AppointmentStatus.Held, (Instant?)clock.GetCurrentInstant()), (held.Title, held.Status, held.SettledAt));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        foreach (var appointment in new[] { held, cancelled })
        {
            Assert.Equal([ActivityCodes.NotScheduled], appointment.MarkHeld(clock).Problems.Select(p => p.Code));
            Assert.Equal([ActivityCodes.NotScheduled], appointment.Cancel(clock).Problems.Select(p => p.Code));
            Assert.Equal([ActivityCodes.NotScheduled, ActivityCodes.EndNotAfterStart],
                appointment.Reschedule("X", Now, Now, null).Problems.Select(p => p.Code));
        }
        Assert.Equal("Visita remarcada", held.Title);
    }

    [Fact]
    public void A_follow_up_keeps_its_note_and_next_contact_and_needs_a_note()
    {
        var subject = new ActivitySubject.Occurrence(new OccurrenceId(Guid.NewGuid()));
        var clock = new FakeClock(Now);

        var followUp = FollowUp.Record(Id, Tenant, subject, " Cliente pediu retorno na sexta. ", new LocalDate(2026, 6, 5), Owner, clock).AsT0;
        var empty = FollowUp.Record(Id, Tenant, subject, "\n", null, Owner, clock);
        var control = FollowUp.Record(Id, Tenant, subject, "ok\u0001", null, Owner, clock);

        Assert.Equal(new FollowUp(Id, Tenant, subject, "Cliente pediu retorno na sexta.", new LocalDate(2026, 6, 5), Owner, Now), followUp);
        Assert.Equal([ActivityCodes.NoteRequired], empty.Problems.Select(p => p.Code));
        Assert.Equal([TextCodes.ControlCharacter], control.Problems.Select(p => p.Code));
    }
}
