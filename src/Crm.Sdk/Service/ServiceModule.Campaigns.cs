using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Service.CallCenter;
using Crm.Persistence.Access;
using Crm.Persistence.Service;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Service;

/// <summary>One contact to add to a campaign.</summary>
/// <param name="Account">The account to call (must be visible to the user).</param>
/// <param name="Contact">One of its contact people; null for the account's main number.</param>
public sealed record CampaignTargetForm(AccountId Account, ContactId? Contact = null);

// Call-center campaigns (seed 002): telemarketing, telesales and collections. A campaign belongs to the tenant (every
// user with Service › View sees the list); the accounts added to it must be visible to the user who adds them.
public sealed partial class ServiceModule
{
    /// <summary>Creates a running campaign (Service › Include), or returns the problems with its name and kind.</summary>
    public Task<CrmResult<CampaignSaved>> CreateCampaignAsync(string name, CampaignKind kind, CancellationToken cancellationToken = default)
    {
        var id = new CampaignId(Guid.NewGuid());
        return _session.RunAsync("service.campaign.create", Module.Service, Permission.Include, async work =>
        {
            if (!Campaign.Create(id, work.Tenant, name, kind, work.User, work.Clock).TryPickT0(out var campaign, out var invalid))
                return invalid;
            work.Db.StageCampaign(campaign);
            return await SaveCampaignAsync(work, campaign, version => new CampaignSaved(id, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds contacts to call (Service › Edit), based on <paramref name="version"/>; every problem listed (field
    /// <c>targets[i].…</c>), nothing added unless all can be. An account the user does not see is <see cref="NotFound"/>.
    /// </summary>
    public Task<CrmResult<TargetsAdded>> AddTargetsAsync(CampaignId id, long version, IReadOnlyList<CampaignTargetForm> targets,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return ChangeCampaignAsync("service.campaign.add_targets", id, version, async (work, campaign) =>
        {
            foreach (var account in targets.Select(t => t.Account).Where(a => a.Value != Guid.Empty).Distinct())
                if (await AccountsModule.FindAsync(work, account).ConfigureAwait(false) is null)
                    return new NotFound("account", account.Value);
            var problems = new List<Problem>();
            var added = new List<CampaignTargetId>();
            for (var i = 0; i < targets.Count; i++)
            {
                var path = $"targets[{i}]";
                if (targets[i] is { Contact: { } contact, Account: var account } && account.Value != Guid.Empty
                    && !await IsContactOfAsync(work, contact, account).ConfigureAwait(false))
                    problems.Add(new Problem($"{path}.contact", CampaignCodes.ContactNotOfAccount, "O contato não pertence à conta informada."));
                campaign.AddTarget(targets[i].Account, targets[i].Contact).Switch(
                    target => added.Add(target.Id),
                    invalid => problems.AddRange(invalid.Problems.Select(p => p with { Field = $"{path}.{p.Field}" })));
            }
            return problems.Count > 0 ? new Invalid(problems) : CrmResult<IReadOnlyList<CampaignTargetId>>.Of(added);
        }, (added, version) => new TargetsAdded(added, version), cancellationToken);
    }

    /// <summary>
    /// Records a call to one of the campaign's contacts (Service › Edit). It needs no version: calls to different contacts
    /// do not clash; two users saving calls to the same campaign at the same instant make the later one a
    /// <see cref="Crm.Persistence.Concurrency.Conflict"/> (record it again).
    /// </summary>
    public Task<CrmResult<AttemptRecorded>> RecordAttemptAsync(CampaignId id, CampaignTargetId target, AttemptOutcome outcome, string? note = null,
        CancellationToken cancellationToken = default) =>
        ChangeCampaignAsync("service.campaign.attempt", id, null, async (work, campaign) =>
        {
            // A contact of an account the user does not see is not the user's to call.
            if (campaign.Targets.FirstOrDefault(t => t.Id == target) is { } called
                && await AccountsModule.FindAsync(work, called.Account).ConfigureAwait(false) is null)
                return new NotFound("campaign_target", target.Value);
            return campaign.RecordAttempt(target, outcome, note, work.User, work.Clock).TryPickT0(out var attempt, out var invalid)
                ? CrmResult<CallAttempt>.Of(attempt)
                : invalid;
        }, (attempt, version) => new AttemptRecorded(attempt, attempt.Finishes, version), cancellationToken,
            work => ServiceLog.AttemptRecorded(work.Engine.Logger, id.Value, target.Value, outcome.ToString(), work.User.Value, work.Tenant.Value));

    /// <summary>Closes a campaign (Service › Edit): no more contacts or calls.</summary>
    public Task<CrmResult<CampaignSaved>> CloseCampaignAsync(CampaignId id, long version, CancellationToken cancellationToken = default) =>
        ChangeCampaignAsync("service.campaign.close", id, version, (work, campaign) => Task.FromResult(
            campaign.Close(work.Clock).TryPickT1(out var invalid, out var at) ? (CrmResult<NodaTime.Instant>)invalid : at),
            (_, saved) => new CampaignSaved(id, saved), cancellationToken);

    /// <summary>
    /// Campaign <paramref name="id"/> with its contacts and calls (Service › View): only the contacts of accounts the user
    /// sees (their calls and notes are about those customers).
    /// </summary>
    public Task<CrmResult<CampaignRead>> CampaignAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<CampaignRead>("service.campaign.get", Module.Service, Permission.View, async work =>
        {
            if (await work.Db.LoadCampaignAsync(id, work.Cancellation).ConfigureAwait(false) is not { } campaign)
                return new NotFound("campaign", id.Value);
            var accounts = campaign.Targets.Select(t => t.Account).Distinct().ToList();
            var visible = (await work.Db.Accounts.VisibleTo(work.Access.Scope!).Where(a => accounts.Contains(a.Id)).Select(a => a.Id)
                .ToListAsync(work.Cancellation).ConfigureAwait(false)).ToHashSet();
            var shown = Campaign.Restore(campaign.Id, campaign.Tenant, campaign.Name, campaign.Kind, campaign.CreatedBy, campaign.CreatedAt,
                campaign.ClosedAt, campaign.Targets.Where(t => visible.Contains(t.Account)));
            return new CampaignRead(shown, work.VersionOf(work.Db.Campaigns.Local.Single(c => c.Id == id)));
        }, cancellationToken);

    /// <summary>A page of the tenant's campaigns with their progress, the latest created first (Service › View).</summary>
    public Task<CrmResult<IReadOnlyList<CampaignProgress>>> CampaignsAsync(int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        _session.RunAsync("service.campaigns", Module.Service, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } bad)
                return bad;
            var rows = await work.Db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(skip).Take(take)
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<CampaignProgress>>.Of([.. rows.Select(c =>
                new CampaignProgress(c.Id, c.Name, c.Kind, c.CreatedAt, c.ClosedAt, c.Targets, c.Finished, c.Succeeded, c.Attempts))]);
        }, cancellationToken);

    private Task<CrmResult<TResult>> ChangeCampaignAsync<TChange, TResult>(string useCase, CampaignId id, long? version,
        Func<UnitOfWork, Campaign, Task<CrmResult<TChange>>> change, Func<TChange, long, TResult> success, CancellationToken cancellationToken,
        Action<UnitOfWork>? saved = null) =>
        _session.RunAsync(useCase, Module.Service, Permission.Edit, async work =>
        {
            if (await work.Db.LoadCampaignAsync(id, work.Cancellation).ConfigureAwait(false) is not { } campaign)
                return new NotFound("campaign", id.Value);
            var changed = await change(work, campaign).ConfigureAwait(false);
            if (!changed.TryPickT0(out var value, out _))
                return changed.Failure<TResult>();
            if (version is { } expected)
                work.Expect(work.Db.Campaigns.Local.Single(c => c.Id == id), expected);
            work.Db.StageCampaign(campaign);
            var result = await SaveCampaignAsync(work, campaign, version => success(value, version)).ConfigureAwait(false);
            if (result.Succeeded)
                saved?.Invoke(work);
            return result;
        }, cancellationToken);

    private static Task<CrmResult<T>> SaveCampaignAsync<T>(UnitOfWork work, Campaign campaign, Func<long, T> success) =>
        work.SaveAsync(work.Db.Campaigns.Local.Single(c => c.Id == campaign.Id), success);
}
