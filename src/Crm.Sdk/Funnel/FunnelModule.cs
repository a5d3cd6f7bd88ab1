using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Funnel;

/// <summary>
/// The sales funnel (module <see cref="Module.Opportunities"/>): pipelines, and opportunities created, moved, won and lost
/// with their stage automations applied in the same transaction. An opportunity is visible when its owner is in the user's
/// scope; its account must be visible to create it. A stage automation that promotes the account is an account edit (Accounts ›
/// Edit, the account visible), checked before anything is written. Each creation, move, win and loss stages the notification
/// e-mails of the opportunity's owner and its manager (never the actor) in the same transaction. Pipelines are configuration:
/// creating one needs Settings › Include.
/// </summary>
public sealed class FunnelModule
{
    private readonly CrmSession _session;

    internal FunnelModule(CrmSession session) => _session = session;

    /// <summary>Creates a pipeline with <paramref name="stages"/> (Settings › Include); every problem of the stages listed.</summary>
    public Task<CrmResult<PipelineSaved>> CreatePipelineAsync(string name, IReadOnlyList<StageDefinition> stages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return _session.RunAsync("funnel.create_pipeline", Module.Settings, Permission.Include, async work =>
        {
            if (!Pipeline.Create(work.Tenant, name, stages).TryPickT0(out var pipeline, out var invalid))
                return invalid;
            work.Db.Pipelines.Add(pipeline);
            return await work.SaveAsync(pipeline, version => new PipelineSaved(pipeline.Id, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The tenant's pipelines, by name (Opportunities › View).</summary>
    public Task<CrmResult<IReadOnlyList<Pipeline>>> PipelinesAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("funnel.pipelines", Module.Opportunities, Permission.View, async work =>
            CrmResult<IReadOnlyList<Pipeline>>.Of(await work.Db.Pipelines.AsNoTracking().OrderBy(p => p.Name).ToListAsync(work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// Opens an opportunity in <paramref name="pipeline"/>'s entry stage (Opportunities › Include), validated against the
    /// tenant's opportunity settings; the account must be visible and the owner in the user's scope. When the entry stage
    /// promotes the account, that is an account edit: without Accounts › Edit the whole creation is <see cref="Denied"/>.
    /// </summary>
    public Task<CrmResult<OpportunityMoved>> CreateAsync(PipelineId pipeline, OpportunityDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return _session.RunAsync("funnel.create", Module.Opportunities, Permission.Include, async work =>
        {
            if (work.CheckPlacement(Module.Opportunities, Permission.Include, draft.Owner, null, null) is { } denied)
                return denied;
            if (await work.Db.Pipelines.SingleOrDefaultAsync(p => p.Id == pipeline, work.Cancellation).ConfigureAwait(false) is not { } stored)
                return new NotFound("pipeline", pipeline.Value);
            if (await AccountsModule.FindAsync(work, draft.Account).ConfigureAwait(false) is not { } account)
                return new NotFound("account", draft.Account.Value);
            var settings = await work.Db.Settings.OpportunitiesAsync(work.Cancellation).ConfigureAwait(false);
            if (!Opportunity.Open(work.Tenant, stored, draft, settings, work.Clock).TryPickT0(out var opened, out var invalid))
                return invalid;
            work.Db.Opportunities.Add(opened.Opportunity);
            return await EnterAsync(work, opened.Opportunity, stored, account, opened.Entered).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Opportunity <paramref name="id"/> with its stored version (Opportunities › View).</summary>
    public Task<CrmResult<OpportunityRead>> GetAsync(OpportunityId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("funnel.get", Module.Opportunities, Permission.View, work =>
            work.ReadAsync(FindAsync(work, id), (found, version) => new OpportunityRead(found, version), new NotFound("opportunity", id.Value)), cancellationToken);

    /// <summary>
    /// Moves opportunity <paramref name="id"/> to <paramref name="stage"/> (Opportunities › Edit), based on
    /// <paramref name="version"/>; the lost stage needs a <paramref name="reason"/>. The stage's automations are applied in
    /// the same transaction (<see cref="OpportunityMoved.AccountPromotedTo"/>); a promotion is an account edit: without
    /// Accounts › Edit, or with the account outside the user's scope, the whole move is <see cref="Denied"/> (module
    /// Accounts, action Edit) and nothing is written.
    /// </summary>
    public Task<CrmResult<OpportunityMoved>> MoveAsync(OpportunityId id, long version, StageId stage, string? reason = null,
        CancellationToken cancellationToken = default) =>
        ChangeStageAsync("funnel.move", id, version, (o, p, clock) => o.MoveTo(p, stage, clock, reason), cancellationToken);

    /// <summary>Moves opportunity <paramref name="id"/> to its pipeline's won stage (Opportunities › Edit).</summary>
    public Task<CrmResult<OpportunityMoved>> WinAsync(OpportunityId id, long version, string? reason = null, CancellationToken cancellationToken = default) =>
        ChangeStageAsync("funnel.win", id, version, (o, p, clock) => o.Win(p, clock, reason), cancellationToken);

    /// <summary>Moves opportunity <paramref name="id"/> to its pipeline's lost stage, with the reason (Opportunities › Edit).</summary>
    public Task<CrmResult<OpportunityMoved>> LoseAsync(OpportunityId id, long version, string reason, CancellationToken cancellationToken = default) =>
        ChangeStageAsync("funnel.lose", id, version, (o, p, clock) => o.Lose(p, reason, clock), cancellationToken);

    /// <summary>
    /// Adds a task to opportunity <paramref name="id"/> (Opportunities › Edit), based on <paramref name="version"/>; the
    /// assignee must be an active user in the user's scope and is told (with its manager, never the actor).
    /// </summary>
    public Task<CrmResult<OpportunityTaskAdded>> AddTaskAsync(OpportunityId id, long version, string title, NodaTime.LocalDate due, UserId assignee,
        CancellationToken cancellationToken = default) =>
        _session.RunAsync("funnel.add_task", Module.Opportunities, Permission.Edit, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } opportunity)
                return new NotFound("opportunity", id.Value);
            if (work.CheckPlacement(Module.Opportunities, Permission.Edit, assignee, null, null) is { } denied)
                return denied;
            var unknown = await work.IsActiveUserAsync(assignee).ConfigureAwait(false) ? null
                : new Crm.Domain.Problems.Problem("assignee", "task.assignee.unknown", "O responsável pela tarefa não é um usuário ativo do tenant.");
            var added = opportunity.AddTask(title, due, assignee, work.Clock);
            if (Refusals.With(added, unknown is null ? [] : [unknown]) is { } invalid)
                return invalid;
            var task = added.AsT0;
            work.Expect(opportunity, version);
            var account = await work.Db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == opportunity.Account, work.Cancellation).ConfigureAwait(false);
            await work.NotifyAsync(new MovementNotice(MovementSubject.Task, task.Id.Value.ToString(), task.Title, MovementKind.Assigned,
                $"Oportunidade {opportunity.Title}, prazo {NoticeFormats.Day.Format(due)}", assignee, account?.Data.Company, account?.Data.Branch)).ConfigureAwait(false);
            return await work.SaveAsync(opportunity, saved => new OpportunityTaskAdded(id, task, saved)).ConfigureAwait(false);
        }, cancellationToken);

    private Task<CrmResult<OpportunityMoved>> ChangeStageAsync(string useCase, OpportunityId id, long version,
        Func<Opportunity, Pipeline, NodaTime.IClock, Crm.Domain.Problems.Outcome<StageEntered>> move, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Opportunities, Permission.Edit, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } opportunity)
                return new NotFound("opportunity", id.Value);
            var pipeline = await work.Db.Pipelines.SingleAsync(p => p.Id == opportunity.Pipeline, work.Cancellation).ConfigureAwait(false);
            var account = await work.Db.Accounts.SingleOrDefaultAsync(a => a.Id == opportunity.Account, work.Cancellation).ConfigureAwait(false);
            if (!move(opportunity, pipeline, work.Clock).TryPickT0(out var entered, out var invalid))
                return invalid;
            work.Expect(opportunity, version);
            return await EnterAsync(work, opportunity, pipeline, account, entered).ConfigureAwait(false);
        }, cancellationToken);

    // Applies the stage's account promotion (when it is one) and saves the opportunity and the account together.
    private static async Task<CrmResult<OpportunityMoved>> EnterAsync(UnitOfWork work, Opportunity opportunity, Pipeline pipeline,
        Account? account, StageEntered entered)
    {
        MasterDataCode? promoted = null;
        foreach (var change in entered.Effects.OfType<StageEffect.ChangeAccountType>())
            if (account is not null && Promotes(pipeline, account.Data.AccountType, change.AccountType, entered.To))
            {
                if (await CheckAccountEditAsync(work, account).ConfigureAwait(false) is { } denied)
                    return denied;
                var form = account.Data.ToForm() with { AccountType = change.AccountType.Value };
                var checkedForm = await Registrations.ValidateAsync(work, form, RegistrationKind.Account, account.Id).ConfigureAwait(false);
                if (!checkedForm.TryPickT0(out var valid, out _))
                    return checkedForm.Failure<OpportunityMoved>();
                if (account.Update(valid, work.User, work.Clock).TryPickT1(out var frozen, out _))
                    return frozen;
                // A new account type can make the account integrate (or change what the ERP holds): the ERP hears of it.
                await work.SendToErpAsync(account).ConfigureAwait(false);
                promoted = change.AccountType;
            }
        await work.NotifyAsync(Notice(opportunity, pipeline, account, entered)).ConfigureAwait(false);
        return await work.SaveAsync(opportunity, version =>
            new OpportunityMoved(opportunity.Id, entered.From, entered.To, opportunity.Status, version, promoted, entered.Effects)).ConfigureAwait(false);
    }

    /// <summary>
    /// What the responsible user (the opportunity's owner) and its manager are told: created, moved to a stage, won or lost
    /// (with the reason), the stage named in the detail.
    /// </summary>
    private static MovementNotice Notice(Opportunity opportunity, Pipeline pipeline, Account? account, StageEntered entered)
    {
        var stage = pipeline.Stages.First(s => s.Id == entered.To);
        var kind = stage.Outcome switch
        {
            StageOutcome.Won => MovementKind.Won,
            StageOutcome.Lost => MovementKind.Lost,
            _ => entered.From is null ? MovementKind.Created : MovementKind.StageChanged,
        };
        var detail = opportunity.CloseReason is { Length: > 0 } reason && stage.Outcome != StageOutcome.Open
            ? $"Etapa: {stage.Name}. Motivo: {reason}"
            : $"Etapa: {stage.Name}";
        return new MovementNotice(MovementSubject.Opportunity, opportunity.Id.Value.ToString(), opportunity.Title, kind, detail,
            opportunity.Owner, account?.Data.Company, account?.Data.Branch);
    }

    /// <summary>
    /// Null when the user may edit <paramref name="account"/> (Accounts › Edit, the account in its scope): a stage's
    /// promotion is an account edit. Otherwise the denial, and the use case writes nothing.
    /// </summary>
    private static async Task<Denied?> CheckAccountEditAsync(UnitOfWork work, Account account) =>
        work.Access.Check(Module.Accounts, Permission.Access | Permission.Edit)
        ?? (await AccountsModule.FindAsync(work, account.Id).ConfigureAwait(false) is null
            ? new Denied(Module.Accounts, Permission.Access | Permission.Edit, Denied.ScopeCode,
                "A automação da etapa alteraria uma conta fora da sua visibilidade.")
            : null);

    /// <summary>
    /// Whether giving the account <paramref name="target"/> (the type of stage <paramref name="entered"/>) is a promotion: the
    /// pipeline's stages rank the types they promote to (a later stage, a higher type), and the account's current type must
    /// rank below the entered stage — re-entering an earlier stage never demotes a customer.
    /// </summary>
    internal static bool Promotes(Pipeline pipeline, MasterDataCode? current, MasterDataCode target, StageId entered)
    {
        if (current == target)
            return false;
        var stages = pipeline.Stages;
        var targetRank = stages.ToList().FindIndex(s => s.Id == entered);
        var currentRank = current is { } type ? stages.ToList().FindLastIndex(s => s.PromoteAccountTo == type) : -1;
        return currentRank < targetRank;
    }

    /// <summary>The opportunity, tracked, when it exists and its owner is in the user's scope.</summary>
    private static async Task<Opportunity?> FindAsync(UnitOfWork work, OpportunityId id)
    {
        var opportunity = await work.Db.Opportunities.SingleOrDefaultAsync(o => o.Id == id, work.Cancellation).ConfigureAwait(false);
        return opportunity is not null && work.Access.Sees(opportunity.Owner, null, null) ? opportunity : null;
    }
}
