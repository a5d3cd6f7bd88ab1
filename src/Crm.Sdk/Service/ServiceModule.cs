using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Service;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Service;

/// <summary>
/// Customer service (module <see cref="Module.Service"/>): occurrences opened against the tenant's occurrence settings,
/// assigned, answered and closed, each change in the occurrence's history; and the call-center campaigns. An occurrence is
/// visible when its account is; opening one needs its account visible. Each opening, assignment, answer and closing stages
/// the notification e-mails of the attendant (else the account's owner) and that user's manager, never the actor.
/// </summary>
public sealed partial class ServiceModule
{
    private readonly CrmSession _session;

    internal ServiceModule(CrmSession session) => _session = session;

    /// <summary>The tenant's active reasons, for a form to offer (Service › View); the settings themselves are <c>session.Settings</c>'.</summary>
    public Task<CrmResult<IReadOnlyList<ServiceReason>>> ReasonsAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("service.reasons", Module.Service, Permission.View, async work =>
            CrmResult<IReadOnlyList<ServiceReason>>.Of([.. (await work.Db.Settings.OccurrencesAsync(work.Cancellation).ConfigureAwait(false)).Reasons.Where(r => r.Active)]),
            cancellationToken);

    /// <summary>
    /// Opens an occurrence (Service › Include): the form is checked against the tenant's settings (reason, mandatory fields),
    /// the contact must be one of the account's and the attendant an active user, every problem listed at once. An account
    /// the user does not see is <see cref="NotFound"/>.
    /// </summary>
    public Task<CrmResult<OccurrenceSaved>> OpenAsync(OccurrenceForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = new OccurrenceId(Guid.NewGuid());
        return _session.RunAsync("service.open", Module.Service, Permission.Include, async work =>
        {
            var account = form.Account.Value == Guid.Empty ? null : await AccountsModule.FindAsync(work, form.Account).ConfigureAwait(false);
            if (form.Account.Value != Guid.Empty && account is null)
                return new NotFound("account", form.Account.Value);
            var settings = await work.Db.Settings.OccurrencesAsync(work.Cancellation).ConfigureAwait(false);
            var people = await CheckPeopleAsync(work, form, account).ConfigureAwait(false);
            var opened = Occurrence.Open(id, work.Tenant, form, settings, work.User, work.Clock);
            if (Refusals.With(opened, people) is { } invalid)
                return invalid;
            var occurrence = opened.AsT0;
            var row = OccurrenceRow.From(occurrence, account!.Data.Company, account.Data.Branch);
            work.Db.Occurrences.Add(row);
            await work.NotifyAsync(Notice(occurrence, row, MovementKind.Created, $"Motivo: {occurrence.Reason}", account.Data.Owner)).ConfigureAwait(false);
            var saved = await work.SaveAsync(row, version => new OccurrenceSaved(id, occurrence.Status, version)).ConfigureAwait(false);
            if (saved.Succeeded)
                Log(work, occurrence);
            return saved;
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the editable fields of an occurrence not closed (Service › Edit), based on <paramref name="version"/>;
    /// checked as an opening is, each changed field recorded.
    /// </summary>
    public Task<CrmResult<OccurrenceSaved>> ReviseAsync(OccurrenceId id, long version, OccurrenceForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync("service.revise", id, version, async (work, occurrence) =>
        {
            var account = form.Account.Value == Guid.Empty ? null : await AccountsModule.FindAsync(work, form.Account).ConfigureAwait(false);
            if (form.Account.Value != Guid.Empty && account is null)
                return new NotFound("account", form.Account.Value);
            var settings = await work.Db.Settings.OccurrencesAsync(work.Cancellation).ConfigureAwait(false);
            var people = await CheckPeopleAsync(work, form, account).ConfigureAwait(false);
            var revised = occurrence.Revise(form, settings, work.User, work.Clock);
            if (Refusals.With(revised, people) is { } invalid)
                return invalid;
            // A revision that changed nothing tells nobody.
            return CrmResult<MovementKind?>.Of(revised.AsT0.Count > 0 ? MovementKind.Updated : null);
        }, cancellationToken);
    }

    /// <summary>
    /// Gives an occurrence not closed to <paramref name="attendant"/> (null: back to nobody's queue) (Service › Edit); the new
    /// attendant is told. An unknown or inactive user is refused.
    /// </summary>
    public Task<CrmResult<OccurrenceSaved>> AssignAsync(OccurrenceId id, long version, UserId? attendant, CancellationToken cancellationToken = default) =>
        ChangeAsync("service.assign", id, version, async (work, occurrence) =>
        {
            if (attendant is { } user && await AttendantProblemAsync(work, user,
                    await AccountsModule.FindAsync(work, occurrence.Account).ConfigureAwait(false)).ConfigureAwait(false) is { } unknown)
                return new Invalid(unknown);
            var assigned = occurrence.Assign(attendant, work.User, work.Clock);
            return assigned.TryPickT1(out var invalid, out var changes) ? invalid
                : CrmResult<MovementKind?>.Of(changes.Count > 0 && attendant is not null ? MovementKind.Assigned : null);
        }, cancellationToken);

    /// <summary>Records the answer given to the customer (Service › Edit): the response time stops and is judged against the target.</summary>
    public Task<CrmResult<OccurrenceSaved>> AnswerAsync(OccurrenceId id, long version, string answer, CancellationToken cancellationToken = default) =>
        ChangeAsync("service.answer", id, version, (work, occurrence) =>
        {
            var answered = occurrence.Respond(answer, work.User, work.Clock);
            return Task.FromResult(answered.TryPickT1(out var invalid, out _)
                ? (CrmResult<MovementKind?>)invalid
                : CrmResult<MovementKind?>.Of(MovementKind.Answered));
        }, cancellationToken);

    /// <summary>Closes an answered occurrence (Service › Edit), optionally saying how it was resolved; after that nothing on it changes.</summary>
    public Task<CrmResult<OccurrenceSaved>> CloseAsync(OccurrenceId id, long version, string? resolution = null, CancellationToken cancellationToken = default) =>
        ChangeAsync("service.close", id, version, (work, occurrence) => Task.FromResult(
            occurrence.Close(resolution, work.User, work.Clock).TryPickT1(out var invalid, out _)
                ? (CrmResult<MovementKind?>)invalid
                : CrmResult<MovementKind?>.Of(MovementKind.Closed)), cancellationToken);

    /// <summary>Occurrence <paramref name="id"/> with its history and stored version (Service › View); not visible is <see cref="NotFound"/>.</summary>
    public Task<CrmResult<OccurrenceRead>> GetAsync(OccurrenceId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("service.get", Module.Service, Permission.View, work =>
        {
            var now = work.Clock.GetCurrentInstant();
            return work.ReadAsync(FindAsync(work, id), (row, version) =>
            {
                var occurrence = row.ToOccurrence();
                return new OccurrenceRead(occurrence, version, occurrence.IsBreached(now));
            }, Missing(id));
        }, cancellationToken);

    /// <summary>
    /// A page of the occurrences the user sees that match <paramref name="filter"/> (Service › View), the latest opened
    /// first; breach is judged at the instant of the list.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<OccurrenceLine>>> ListAsync(OccurrenceFilter filter, int skip = 0, int take = 50,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _session.RunAsync("service.list", Module.Service, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } bad)
                return bad;
            var now = work.Clock.GetCurrentInstant();
            var query = work.Db.Occurrences.VisibleTo(work.Access.Scope!, work.Db).AsNoTracking();
            if (filter.Status is { } status)
                query = query.Where(o => o.Status == status);
            if (filter.Account is { } account)
                query = query.Where(o => o.Account == account);
            if (filter.Attendant is { } attendant)
                query = query.Where(o => o.Attendant == attendant);
            if (filter.OpenedFrom is { } from)
                query = query.Where(o => o.OpenedAt >= from);
            if (filter.OpenedTo is { } to)
                query = query.Where(o => o.OpenedAt < to);
            if (filter.Breached == true)
                query = query.Where(o => o.AnsweredLate == true || (o.AnsweredAt == null && o.ResponseDue < now));
            else if (filter.Breached == false)
                query = query.Where(o => o.AnsweredLate == false || (o.AnsweredAt == null && o.ResponseDue >= now));
            var rows = await query.OrderByDescending(o => o.OpenedAt).ThenBy(o => o.Id).Skip(skip).Take(take)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<OccurrenceLine>>.Of([.. rows.Select(o => new OccurrenceLine(o.Id, o.Account, o.Channel, o.Reason,
                o.Priority, o.Status, o.Attendant, o.OpenedAt, o.ResponseDue, o.AnsweredAt, o.ClosedAt,
                o.AnsweredLate ?? o.ResponseDue < now))]);
        }, cancellationToken);
    }

    /// <summary>What an occurrence is called in e-mails and timelines: its reason and the start of its description.</summary>
    internal static string TitleOf(string reason, string description)
    {
        var firstLine = description.Split('\n', 2)[0].Trim();
        var title = $"{reason}: {firstLine}";
        return title.Length <= 120 ? title : string.Concat(title.AsSpan(0, 119), "…");
    }

    internal static Task<OccurrenceRow?> FindAsync(UnitOfWork work, OccurrenceId id) =>
        work.Db.Occurrences.VisibleTo(work.Access.Scope!, work.Db).SingleOrDefaultAsync(o => o.Id == id, work.Cancellation);

    private static NotFound Missing(OccurrenceId id) => new("occurrence", id.Value);

    // Loads the visible occurrence, applies the change, rewrites its row (the account's company/branch as they are now),
    // stages the notice the change calls for and saves, based on the version the user read.
    private Task<CrmResult<OccurrenceSaved>> ChangeAsync(string useCase, OccurrenceId id, long version,
        Func<UnitOfWork, Occurrence, Task<CrmResult<MovementKind?>>> change, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Service, Permission.Edit, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return Missing(id);
            var occurrence = row.ToOccurrence();
            var changed = await change(work, occurrence).ConfigureAwait(false);
            if (!changed.TryPickT0(out var kind, out _))
                return changed.Failure<OccurrenceSaved>();
            var account = await work.Db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == occurrence.Account, work.Cancellation).ConfigureAwait(false);
            row.Write(occurrence, account?.Data.Company, account?.Data.Branch);
            work.Expect(row, version);
            if (kind is { } movement)
                await work.NotifyAsync(Notice(occurrence, row, movement, Detail(occurrence, movement), account?.Data.Owner)).ConfigureAwait(false);
            var result = await work.SaveAsync(row, saved => new OccurrenceSaved(id, occurrence.Status, saved)).ConfigureAwait(false);
            if (result.Succeeded)
            {
                Log(work, occurrence);
                if (kind == MovementKind.Answered)
                    ServiceLog.OccurrenceAnswered(work.Engine.Logger, occurrence.Id.Value, (long)occurrence.ResponseTime!.Value.TotalSeconds,
                        (long)occurrence.ResponseTarget.TotalSeconds, occurrence.IsBreached(occurrence.AnsweredAt!.Value));
            }
            return result;
        }, cancellationToken);

    private static string? Detail(Occurrence occurrence, MovementKind kind) => kind switch
    {
        MovementKind.Answered => $"Resposta: {occurrence.Answer}",
        MovementKind.Closed => occurrence.Resolution is { } resolution ? $"Solução: {resolution}" : null,
        _ => $"Motivo: {occurrence.Reason}",
    };

    // The attendant answers for it; an occurrence in nobody's queue is the account owner's concern.
    private static MovementNotice Notice(Occurrence occurrence, OccurrenceRow row, MovementKind kind, string? detail, UserId? accountOwner) =>
        new(MovementSubject.Occurrence, occurrence.Id.Value.ToString(), TitleOf(occurrence.Reason, occurrence.Description), kind, detail,
            occurrence.Attendant ?? accountOwner ?? occurrence.OpenedBy, row.Company, row.Branch);

    private static void Log(UnitOfWork work, Occurrence occurrence) =>
        ServiceLog.OccurrenceMoved(work.Engine.Logger, occurrence.Id.Value, occurrence.Status.ToString(), occurrence.Reason, work.User.Value, work.Tenant.Value);

    // The people a form names: the contact must be one of the account's; the attendant an active user who sees the account
    // (it is told of the occurrence by e-mail, its description included).
    private static async Task<List<Problem>> CheckPeopleAsync(UnitOfWork work, OccurrenceForm form, Crm.Domain.Accounts.Account? account)
    {
        var problems = new List<Problem>();
        if (form.Contact is { } contact && form.Account.Value != Guid.Empty && !await IsContactOfAsync(work, contact, form.Account).ConfigureAwait(false))
            problems.Add(new Problem("contact", OccurrenceCodes.ContactNotOfAccount, "O contato não pertence à conta informada."));
        if (form.Attendant is { } attendant && await AttendantProblemAsync(work, attendant, account).ConfigureAwait(false) is { } unknown)
            problems.Add(unknown);
        return problems;
    }

    /// <summary>True when <paramref name="contact"/> is one of <paramref name="account"/>'s contact people.</summary>
    internal static Task<bool> IsContactOfAsync(UnitOfWork work, ContactId contact, AccountId account) =>
        work.Db.Contacts.AsNoTracking().AnyAsync(c => c.Id == contact && EF.Property<AccountId?>(c, CrmQueries.OwnerAccount) == account, work.Cancellation);

    private static async Task<Problem?> AttendantProblemAsync(UnitOfWork work, UserId attendant, Crm.Domain.Accounts.Account? account)
    {
        if (!await work.IsActiveUserAsync(attendant).ConfigureAwait(false))
            return new Problem("attendant", OccurrenceCodes.AttendantUnknown, "O atendente não é um usuário ativo do tenant.");
        var sees = account is null
            || (await work.AccessOfAsync(attendant).ConfigureAwait(false)).Sees(account.Data.Owner, account.Data.Company, account.Data.Branch);
        return sees ? null : new Problem("attendant", OccurrenceCodes.AttendantCannotSee, "O atendente não vê a conta do cliente.");
    }
}
