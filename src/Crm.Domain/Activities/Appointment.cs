using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Activities;

/// <summary>
/// A meeting or call booked with a customer (<i>compromisso</i>, seed 001) about an account, an opportunity, an occurrence
/// or a card: what, when, where, whose. It is scheduled, then held or cancelled; until then it can be rescheduled.
/// </summary>
public sealed class Appointment
{
    private Appointment(AppointmentId id, TenantId tenant, ActivitySubject subject, UserId owner, Instant createdAt)
    {
        Id = id;
        Tenant = tenant;
        Subject = subject;
        Owner = owner;
        CreatedAt = createdAt;
    }

    /// <summary>The appointment's id.</summary>
    public AppointmentId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>What it is about.</summary>
    public ActivitySubject Subject { get; }

    /// <summary>The user who attends it.</summary>
    public UserId Owner { get; }

    /// <summary>When it was booked.</summary>
    public Instant CreatedAt { get; }

    /// <summary>What it is for.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Where it takes place, when said.</summary>
    public string? Location { get; private set; }

    /// <summary>When it starts.</summary>
    public Instant Start { get; private set; }

    /// <summary>When it ends (after <see cref="Start"/>).</summary>
    public Instant End { get; private set; }

    /// <summary>Scheduled, held or cancelled.</summary>
    public AppointmentStatus Status { get; private set; }

    /// <summary>When it was marked held or cancelled; null while scheduled.</summary>
    public Instant? SettledAt { get; private set; }

    /// <summary>Books an appointment, or returns every problem with its title, location and interval.</summary>
    /// <param name="id">Its id (minted by the engine).</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="title">What it is for.</param>
    /// <param name="start">When it starts.</param>
    /// <param name="end">When it ends.</param>
    /// <param name="owner">Who attends it.</param>
    /// <param name="location">Where, optionally.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Appointment> Schedule(AppointmentId id, TenantId tenant, ActivitySubject subject, string? title,
        Instant start, Instant end, UserId owner, string? location, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = Check(title, start, end, location);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var appointment = new Appointment(id, tenant, subject, owner, clock.GetCurrentInstant());
        appointment.Set(title!, start, end, location);
        return appointment;
    }

    /// <summary>An appointment as stored, rebuilt without running the rules again.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="owner">Who attends it.</param>
    /// <param name="createdAt">When it was booked.</param>
    /// <param name="title">What it is for.</param>
    /// <param name="start">When it starts.</param>
    /// <param name="end">When it ends.</param>
    /// <param name="location">Where.</param>
    /// <param name="status">Its status.</param>
    /// <param name="settledAt">When it was held or cancelled.</param>
    public static Appointment Restore(AppointmentId id, TenantId tenant, ActivitySubject subject, UserId owner, Instant createdAt,
        string title, Instant start, Instant end, string? location, AppointmentStatus status, Instant? settledAt)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var appointment = new Appointment(id, tenant, subject, owner, createdAt) { Status = status, SettledAt = settledAt };
        appointment.Set(title, start, end, location);
        return appointment;
    }

    /// <summary>Changes the title, interval and location of a scheduled appointment, or returns every problem.</summary>
    /// <param name="title">What it is for.</param>
    /// <param name="start">When it starts.</param>
    /// <param name="end">When it ends.</param>
    /// <param name="location">Where, optionally.</param>
    public Outcome<Appointment> Reschedule(string? title, Instant start, Instant end, string? location)
    {
        var problems = new ProblemCollector();
        if (Status != AppointmentStatus.Scheduled)
            problems.Add(NotScheduled());
        problems.AddRange(Check(title, start, end, location).Items);
        if (problems.HasProblems)
            return problems.ToInvalid();
        Set(title!, start, end, location);
        return this;
    }

    /// <summary>Marks a scheduled appointment held.</summary>
    /// <param name="clock">The clock.</param>
    public Outcome<Appointment> MarkHeld(IClock clock) => Settle(AppointmentStatus.Held, clock);

    /// <summary>Cancels a scheduled appointment.</summary>
    /// <param name="clock">The clock.</param>
    public Outcome<Appointment> Cancel(IClock clock) => Settle(AppointmentStatus.Cancelled, clock);

    private Outcome<Appointment> Settle(AppointmentStatus status, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Status != AppointmentStatus.Scheduled)
            return new Invalid(NotScheduled());
        Status = status;
        SettledAt = clock.GetCurrentInstant();
        return this;
    }

    private void Set(string title, Instant start, Instant end, string? location)
    {
        Title = title.Trim();
        Start = start;
        End = end;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
    }

    private static ProblemCollector Check(string? title, Instant start, Instant end, string? location)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(title))
            problems.Add(new("title", ActivityCodes.TitleRequired, "Informe o assunto do compromisso."));
        problems.Check(title?.Trim(), "title", TextLimits.AppointmentTitle);
        problems.Check(location?.Trim(), "location", TextLimits.AppointmentLocation);
        if (end <= start)
            problems.Add(new("end", ActivityCodes.EndNotAfterStart, "O compromisso deve terminar depois de começar."));
        return problems;
    }

    private Problem NotScheduled() =>
        new("status", ActivityCodes.NotScheduled, Status == AppointmentStatus.Held ? "O compromisso já foi realizado." : "O compromisso foi cancelado.");
}
