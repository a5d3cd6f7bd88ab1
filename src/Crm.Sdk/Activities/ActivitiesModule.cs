using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence.Activities;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Activities;

/// <summary>
/// Appointments and follow-ups (module <see cref="Module.Activities"/>) on accounts, opportunities, occurrences and cards:
/// the subject must exist and be visible to the user (else <see cref="NotFound"/>). An appointment is visible to whoever
/// sees its subject and to the users whose scope holds its owner; a user's agenda lists its owner's appointments over a
/// range. Scheduling, rescheduling, holding and cancelling tell the owner (and its manager, never the actor); a follow-up
/// tells the subject's responsible user.
/// </summary>
public sealed class ActivitiesModule
{
    private readonly CrmSession _session;

    internal ActivitiesModule(CrmSession session) => _session = session;

    /// <summary>Books an appointment about <paramref name="subject"/> (Activities › Include); every problem of the form listed.</summary>
    public Task<CrmResult<AppointmentSaved>> ScheduleAsync(ActivitySubject subject, AppointmentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(form);
        var id = new AppointmentId(Guid.NewGuid());
        return _session.RunAsync("activities.schedule", Module.Activities, Permission.Include, async work =>
        {
            var owner = form.Owner ?? work.User;
            if (work.CheckPlacement(Module.Activities, Permission.Include, owner, null, null) is { } denied)
                return denied;
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is not { } facts)
                return Subjects.Missing(subject);
            var problems = await OwnerProblemsAsync(work, owner, subject).ConfigureAwait(false);
            var scheduled = Appointment.Schedule(id, work.Tenant, subject, form.Title, form.Start, form.End, owner, form.Location, work.Clock);
            if (Refusals.With(scheduled, problems) is { } invalid)
                return invalid;
            var appointment = scheduled.AsT0;
            var row = AppointmentRow.From(appointment, facts.Account);
            work.Db.Appointments.Add(row);
            return await SaveAsync(work, row, appointment, facts, MovementKind.Created).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Moves a scheduled appointment to another time or place (Activities › Edit), based on <paramref name="version"/>; the
    /// owner stays (a form naming another owner is refused).
    /// </summary>
    public Task<CrmResult<AppointmentSaved>> RescheduleAsync(AppointmentId id, long version, AppointmentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync("activities.reschedule", id, version, a => form.Owner is { } owner && owner != a.Owner
                ? new Invalid(new Problem("owner", ActivityCodes.OwnerChanged, "Remarcar não troca o responsável: cancele e agende para o outro usuário."))
                : a.Reschedule(form.Title, form.Start, form.End, form.Location),
            MovementKind.Rescheduled, cancellationToken);
    }

    /// <summary>Marks a scheduled appointment held (Activities › Edit).</summary>
    public Task<CrmResult<AppointmentSaved>> MarkHeldAsync(AppointmentId id, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync("activities.held", id, version, a => a.MarkHeld(_session.Clock), MovementKind.Completed, cancellationToken);

    /// <summary>Cancels a scheduled appointment (Activities › Edit).</summary>
    public Task<CrmResult<AppointmentSaved>> CancelAsync(AppointmentId id, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync("activities.cancel", id, version, a => a.Cancel(_session.Clock), MovementKind.Cancelled, cancellationToken);

    /// <summary>Records a follow-up about <paramref name="subject"/> (Activities › Include), with the date of the next contact when planned.</summary>
    public Task<CrmResult<FollowUpRecorded>> RecordFollowUpAsync(ActivitySubject subject, string note, LocalDate? nextContact = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var id = new FollowUpId(Guid.NewGuid());
        return _session.RunAsync("activities.follow_up", Module.Activities, Permission.Include, async work =>
        {
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is not { } facts)
                return Subjects.Missing(subject);
            if (!FollowUp.Record(id, work.Tenant, subject, note, nextContact, work.User, work.Clock).TryPickT0(out var followUp, out var invalid))
                return invalid;
            work.Db.FollowUps.Add(FollowUpRow.From(followUp, facts.Account));
            if (facts.Responsible is { } responsible)
                await work.NotifyAsync(new MovementNotice(MovementSubject.FollowUp, id.Value.ToString(), facts.Title, MovementKind.Created,
                    nextContact is { } next ? $"Próximo contato: {NoticeFormats.Day.Format(next)}" : null, responsible, facts.Company, facts.Branch)).ConfigureAwait(false);
            var saved = await work.SaveAsync(new FollowUpRecorded(id)).ConfigureAwait(false);
            if (saved.Succeeded)
            {
                var (kind, subjectId) = SubjectColumns.Of(subject);
                ActivitiesLog.FollowUpRecorded(work.Engine.Logger, id.Value, kind.ToString(), subjectId, work.User.Value, work.Tenant.Value);
            }
            return saved;
        }, cancellationToken);
    }

    /// <summary>The appointments and follow-ups of a visible <paramref name="subject"/> (Activities › View).</summary>
    public Task<CrmResult<SubjectActivities>> ForSubjectAsync(ActivitySubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _session.RunAsync<SubjectActivities>("activities.for_subject", Module.Activities, Permission.View, async work =>
        {
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is null)
                return Subjects.Missing(subject);
            var (kind, id) = SubjectColumns.Of(subject);
            var appointments = await work.Db.Appointments.Where(a => a.SubjectKind == kind && a.SubjectId == id).OrderBy(a => a.Start).ThenBy(a => a.Id)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            var followUps = await work.Db.FollowUps.AsNoTracking().Where(f => f.SubjectKind == kind && f.SubjectId == id)
                .OrderByDescending(f => f.At).ThenBy(f => f.Id).ToListAsync(work.Cancellation).ConfigureAwait(false);
            return new SubjectActivities([.. appointments.Select(a => Read(work, a))], [.. followUps.Select(f => f.ToFollowUp())]);
        }, cancellationToken);
    }

    /// <summary>
    /// The agenda of <paramref name="user"/> (the session's user when null; it must be in the user's scope): its appointments
    /// that overlap [<paramref name="from"/>, <paramref name="to"/>), by start (Activities › View).
    /// </summary>
    public Task<CrmResult<IReadOnlyList<AppointmentRead>>> AgendaAsync(Instant from, Instant to, UserId? user = null, CancellationToken cancellationToken = default) =>
        _session.RunAsync("activities.agenda", Module.Activities, Permission.View, async work =>
        {
            var owner = user ?? work.User;
            if (!work.Access.Sees(owner, null, null))
                return CrmAccess.OutOfScope(Module.Activities, Permission.View);
            if (to <= from)
                return new Invalid(new Problem("to", ActivityCodes.EndNotAfterStart, "O fim do período deve ser depois do início."));
            var rows = await work.Db.Appointments.Where(a => a.Owner == owner && a.Start < to && a.End > from).OrderBy(a => a.Start).ThenBy(a => a.Id)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<AppointmentRead>>.Of([.. rows.Select(a => Read(work, a))]);
        }, cancellationToken);

    private Task<CrmResult<AppointmentSaved>> ChangeAsync(string useCase, AppointmentId id, long version, Func<Appointment, Outcome<Appointment>> change,
        MovementKind kind, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Activities, Permission.Edit, async work =>
        {
            if (await work.Db.Appointments.SingleOrDefaultAsync(a => a.Id == id, work.Cancellation).ConfigureAwait(false) is not { } row)
                return new NotFound("appointment", id.Value);
            var subject = SubjectColumns.ToSubject(row.SubjectKind, row.SubjectId);
            var facts = await Subjects.FindAsync(work, subject).ConfigureAwait(false);
            if (facts is null && !work.Access.Sees(row.Owner, null, null))
                return new NotFound("appointment", id.Value);
            var appointment = row.ToAppointment();
            if (change(appointment).TryPickT1(out var invalid, out _))
                return invalid;
            row.Write(appointment);
            work.Expect(row, version);
            return await SaveAsync(work, row, appointment, facts, kind).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task<CrmResult<AppointmentSaved>> SaveAsync(UnitOfWork work, AppointmentRow row, Appointment appointment, SubjectFacts? facts,
        MovementKind kind)
    {
        // In the zone the notification e-mails are written in (CrmOptions.Notifications.TimeZone).
        var zone = work.Engine.Options().Notifications.Zone ?? DateTimeZone.Utc;
        var when = NoticeFormats.DayTime.Format(appointment.Start.InZone(zone).LocalDateTime);
        await work.NotifyAsync(new MovementNotice(MovementSubject.Appointment, appointment.Id.Value.ToString(), appointment.Title, kind,
            $"{when}{(appointment.Location is { } where ? $", {where}" : "")}", appointment.Owner, facts?.Company, facts?.Branch)).ConfigureAwait(false);
        var saved = await work.SaveAsync(row, version => new AppointmentSaved(appointment.Id, appointment.Status, version)).ConfigureAwait(false);
        if (saved.Succeeded)
            ActivitiesLog.AppointmentSaved(work.Engine.Logger, appointment.Id.Value, row.SubjectKind.ToString(), row.SubjectId, appointment.Status.ToString(),
                work.User.Value, work.Tenant.Value);
        return saved;
    }


    private static AppointmentRead Read(UnitOfWork work, AppointmentRow row) => new(row.ToAppointment(), row.Account, work.VersionOf(row));

    // The owner attends the appointment: an active user who sees what it is about (it is told of it by e-mail).
    private static async Task<List<Problem>> OwnerProblemsAsync(UnitOfWork work, UserId owner, ActivitySubject subject)
    {
        if (!await work.IsActiveUserAsync(owner).ConfigureAwait(false))
            return [new Problem("owner", ActivityCodes.OwnerUnknown, "O responsável pelo compromisso não é um usuário ativo do tenant.")];
        return await Subjects.FindAsync(work, subject, await work.AccessOfAsync(owner).ConfigureAwait(false)).ConfigureAwait(false) is null
            ? [new Problem("owner", ActivityCodes.OwnerCannotSee, "O responsável pelo compromisso não vê o registro de que ele trata.")]
            : [];
    }
}
