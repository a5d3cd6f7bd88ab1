using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Funnel.Opportunities;
using Crm.Persistence.Access;
using Crm.Persistence.Activities;
using Crm.Persistence.Outbox;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Crm.Sdk.Service;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Accounts;

/// <summary>What happened to an account, as its timeline names it.</summary>
public enum TimelineKind
{
    /// <summary>The account's registration changed (the detail names the fields); its first entry is the registration itself.</summary>
    Registration,
    /// <summary>An opportunity was opened.</summary>
    OpportunityOpened,
    /// <summary>An opportunity entered another stage (won and lost stages included).</summary>
    OpportunityMoved,
    /// <summary>A task was added to an opportunity.</summary>
    TaskAdded,
    /// <summary>A task of an opportunity was done.</summary>
    TaskDone,
    /// <summary>An appointment was booked (the detail says when it takes place).</summary>
    AppointmentScheduled,
    /// <summary>An appointment was held or cancelled.</summary>
    AppointmentSettled,
    /// <summary>A follow-up was recorded.</summary>
    FollowUp,
    /// <summary>An occurrence was opened.</summary>
    OccurrenceOpened,
    /// <summary>An occurrence was answered.</summary>
    OccurrenceAnswered,
    /// <summary>An occurrence was closed.</summary>
    OccurrenceClosed,
    /// <summary>A sales order was created or changed status.</summary>
    Order,
    /// <summary>A document was attached.</summary>
    Document,
    /// <summary>A message about the account reached the ERP.</summary>
    ErpMessage,
}

/// <summary>One thing that happened to an account.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What.</param>
/// <param name="Title">What it concerns (the opportunity's title, the appointment's, the document's name, ...).</param>
/// <param name="Detail">More, when there is more: the stage entered, the fields changed, the new status.</param>
/// <param name="Record">The id of the record it concerns.</param>
/// <param name="By">Who did it, when known.</param>
public sealed record TimelineEntry(Instant At, TimelineKind Kind, string Title, string? Detail, Guid Record, UserId? By);

// One time-ordered list of everything that happened to an account, built from each module's own records: only what the
// user may see (the account visible; opportunities and orders whose owner is in its scope; each module's part only with
// that module's View permission).
public sealed partial class AccountsModule
{
    /// <summary>
    /// A page of the timeline of account <paramref name="id"/> (Accounts › View), the latest first (ties in a stable order):
    /// registration changes, opportunities and their moves, tasks, appointments, follow-ups, occurrences, orders,
    /// documents and ERP messages sent. Built in memory from the account's records, so its cost grows with the account's history.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<TimelineEntry>>> TimelineAsync(AccountId id, int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        _session.RunAsync("accounts.timeline", Module.Accounts, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } bad)
                return bad;
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } account)
                return new NotFound("account", id.Value);
            var entries = new List<TimelineEntry>();
            entries.AddRange(account.History.Entries.GroupBy(e => (e.At, e.By)).Select(g => new TimelineEntry(g.Key.At, TimelineKind.Registration,
                account.Data.LegalName, string.Join(", ", g.Select(e => TimelineLabels.Field(e.Field)).Distinct()), id.Value, g.Key.By)));
            if (work.Access.Allows(Module.Opportunities, Permission.View))
                await OpportunitiesAsync(work, id, entries).ConfigureAwait(false);
            if (work.Access.Allows(Module.Activities, Permission.View))
                await ActivitiesAsync(work, id, entries).ConfigureAwait(false);
            if (work.Access.Allows(Module.Service, Permission.View))
                await OccurrencesAsync(work, id, entries).ConfigureAwait(false);
            if (work.Access.Allows(Module.Orders, Permission.View))
                await OrdersAsync(work, id, entries).ConfigureAwait(false);
            if (work.Access.Allows(Module.Documents, Permission.View))
            {
                var documents = await work.Db.Documents.AsNoTracking().Where(d => d.Account == id).ToListAsync(work.Cancellation).ConfigureAwait(false);
                var visible = await VisibleSubjectsAsync(work, documents.Select(d => (d.SubjectKind, d.SubjectId))).ConfigureAwait(false);
                entries.AddRange(documents.Where(d => visible.Contains((d.SubjectKind, d.SubjectId)))
                    .Select(d => new TimelineEntry(d.AddedAt, TimelineKind.Document, d.Name, PortugueseLabels.Of(d.Kind), d.Id, d.AddedBy)));
            }
            entries.AddRange((await work.Db.Outbox.AsNoTracking().Where(m => m.Account == id && m.Status == OutboxStatus.Sent)
                    .ToListAsync(work.Cancellation).ConfigureAwait(false))
                .Select(m => new TimelineEntry(m.SentAt ?? m.UpdatedAt, TimelineKind.ErpMessage, $"{m.Erp} {m.Resource}", PortugueseLabels.Of(m.Operation), m.Id, m.CreatedBy)));
            return CrmResult<IReadOnlyList<TimelineEntry>>.Of([.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Record)
                .Skip(skip).Take(take)]);
        }, cancellationToken);

    private static async Task OpportunitiesAsync(UnitOfWork work, AccountId id, List<TimelineEntry> entries)
    {
        var opportunities = (await work.Db.Opportunities.AsNoTracking().Where(o => o.Account == id).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .Where(o => work.Access.Sees(o.Owner, null, null)).ToList();
        var pipelineIds = opportunities.Select(o => o.Pipeline).Distinct().ToList();
        var stages = (await work.Db.Pipelines.AsNoTracking().Where(p => pipelineIds.Contains(p.Id)).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .SelectMany(p => p.Stages).ToDictionary(s => s.Id, s => s.Name);
        foreach (var o in opportunities)
        {
            var record = o.Id.Value;
            entries.Add(new TimelineEntry(o.CreatedAt, TimelineKind.OpportunityOpened, o.Title, stages.GetValueOrDefault(o.History[0].Stage), record, o.Owner));
            entries.AddRange(o.History.Skip(1).Select(v => new TimelineEntry(v.Entered, TimelineKind.OpportunityMoved, o.Title, stages.GetValueOrDefault(v.Stage), record, null)));
            foreach (var task in o.Tasks)
            {
                entries.Add(new TimelineEntry(task.CreatedAt, TimelineKind.TaskAdded, task.Title, o.Title, task.Id.Value, task.Assignee));
                if (task.DoneAt is { } done)
                    entries.Add(new TimelineEntry(done, TimelineKind.TaskDone, task.Title, o.Title, task.Id.Value, task.Assignee));
            }
        }
    }

    private static async Task ActivitiesAsync(UnitOfWork work, AccountId id, List<TimelineEntry> entries)
    {
        // When an appointment takes place, in the zone notifications are written in.
        var zone = work.Engine.Options().Notifications.Zone ?? DateTimeZone.Utc;
        var appointments = await work.Db.Appointments.AsNoTracking().Where(a => a.Account == id).ToListAsync(work.Cancellation).ConfigureAwait(false);
        var followUps = await work.Db.FollowUps.AsNoTracking().Where(f => f.Account == id).ToListAsync(work.Cancellation).ConfigureAwait(false);
        var visible = await VisibleSubjectsAsync(work, appointments.Select(a => (a.SubjectKind, a.SubjectId))
            .Concat(followUps.Select(f => (f.SubjectKind, f.SubjectId)))).ConfigureAwait(false);
        foreach (var a in appointments.Where(a => visible.Contains((a.SubjectKind, a.SubjectId))))
        {
            entries.Add(new TimelineEntry(a.CreatedAt, TimelineKind.AppointmentScheduled, a.Title,
                NoticeFormats.DayTime.Format(a.Start.InZone(zone).LocalDateTime), a.Id.Value, a.Owner));
            if (a.SettledAt is { } settled)
                entries.Add(new TimelineEntry(settled, TimelineKind.AppointmentSettled, a.Title, PortugueseLabels.Of(a.Status), a.Id.Value, a.Owner));
        }
        entries.AddRange(followUps.Where(f => visible.Contains((f.SubjectKind, f.SubjectId)))
            .Select(f => new TimelineEntry(f.At, TimelineKind.FollowUp, f.Note,
                f.NextContact is { } next ? $"Próximo contato: {NoticeFormats.Day.Format(next)}" : null, f.Id.Value, f.By)));
    }

    /// <summary>
    /// Which of the subjects of an account's activities and documents the user sees: the account itself and its occurrences
    /// (the account is visible), opportunities whose owner is in the user's scope, cards of boards released to it.
    /// </summary>
    private static async Task<HashSet<(SubjectKind, Guid)>> VisibleSubjectsAsync(UnitOfWork work, IEnumerable<(SubjectKind Kind, Guid Id)> subjects)
    {
        var all = subjects.ToHashSet();
        var visible = all.Where(s => s.Kind is SubjectKind.Account or SubjectKind.Occurrence).ToHashSet();
        var opportunityIds = all.Where(s => s.Kind == SubjectKind.Opportunity).Select(s => new OpportunityId(s.Id)).ToList();
        if (opportunityIds.Count > 0)
            foreach (var (opportunity, owner) in (await work.Db.Opportunities.AsNoTracking().Where(o => opportunityIds.Contains(o.Id))
                         .Select(o => new { o.Id, o.Owner }).ToListAsync(work.Cancellation).ConfigureAwait(false)).Select(o => (o.Id, o.Owner)))
                if (work.Access.Sees(owner, null, null))
                    visible.Add((SubjectKind.Opportunity, opportunity.Value));
        var cardIds = all.Where(s => s.Kind == SubjectKind.Card).Select(s => new CardId(s.Id)).ToList();
        if (cardIds.Count > 0)
            foreach (var card in await work.Db.Cards.VisibleTo(work.Access.Scope!, work.Db).Where(c => cardIds.Contains(c.Id)).Select(c => c.Id)
                         .ToListAsync(work.Cancellation).ConfigureAwait(false))
                visible.Add((SubjectKind.Card, card.Value));
        return visible;
    }

    private static async Task OccurrencesAsync(UnitOfWork work, AccountId id, List<TimelineEntry> entries)
    {
        foreach (var o in await work.Db.Occurrences.AsNoTracking().Where(o => o.Account == id).ToListAsync(work.Cancellation).ConfigureAwait(false))
        {
            var title = ServiceModule.TitleOf(o.Reason, o.Description);
            entries.Add(new TimelineEntry(o.OpenedAt, TimelineKind.OccurrenceOpened, title, PortugueseLabels.Of(o.Channel), o.Id.Value, o.OpenedBy));
            if (o.AnsweredAt is { } answered)
                entries.Add(new TimelineEntry(answered, TimelineKind.OccurrenceAnswered, title, o.AnsweredLate == true ? "fora do prazo" : "no prazo", o.Id.Value, o.Attendant));
            if (o.ClosedAt is { } closed)
                entries.Add(new TimelineEntry(closed, TimelineKind.OccurrenceClosed, title, o.Resolution, o.Id.Value, o.Attendant));
        }
    }

    private static async Task OrdersAsync(UnitOfWork work, AccountId id, List<TimelineEntry> entries)
    {
        var orders = await work.Db.SalesOrders.AsNoTracking().VisibleTo(work.Access.Scope!).Where(o => o.Customer == id)
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        foreach (var order in orders)
            entries.AddRange(order.ReadHistory()
                .Where(h => h.Field == "status")
                .Select(h => new TimelineEntry(h.At, TimelineKind.Order, $"Pedido {order.Id.Value.ToString()[..8]}", TimelineLabels.OrderStatus(h.NewValue), order.Id.Value, h.By)));
    }
}
