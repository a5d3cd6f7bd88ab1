using Crm.Domain.Service.CallCenter;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Service;

/// <summary>
/// Reads a campaign with its contacts and calls, and stages its changes for the unit of work's next save: new contacts
/// and calls as new rows (calls are never rewritten), the contacts' summaries and the campaign's counts updated.
/// </summary>
public static class CampaignStore
{
    /// <summary>The campaign with <paramref name="id"/>, tracked; null when the tenant has none.</summary>
    public static async Task<Campaign?> LoadCampaignAsync(this CrmDbContext db, CampaignId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Campaigns.FindAsync([db.Tenant, id], cancellationToken).ConfigureAwait(false) is not { } row)
            return null;
        var targets = await db.CampaignTargets.Where(t => t.Campaign == id).OrderBy(t => t.Position).ToListAsync(cancellationToken).ConfigureAwait(false);
        var attempts = (await db.CallAttempts.Where(a => a.Campaign == id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.Target);
        return Campaign.Restore(row.Id, row.Tenant, row.Name, row.Kind, row.CreatedBy, row.CreatedAt, row.ClosedAt, targets.Select(t =>
            CampaignTarget.Restore(t.Id, t.Account, t.Contact, attempts[t.Id].OrderBy(a => a.Number)
                .Select(a => new CallAttempt(a.At, a.By, a.Outcome, a.Note)))));
    }

    /// <summary>Stages <paramref name="campaign"/> (new, or loaded by <see cref="LoadCampaignAsync"/> in this unit of work).</summary>
    public static void StageCampaign(this CrmDbContext db, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaign);
        var row = db.Campaigns.Local.FirstOrDefault(c => c.Id == campaign.Id);
        if (row is null)
        {
            row = new CampaignRow { Tenant = campaign.Tenant, Id = campaign.Id, Name = campaign.Name, Kind = campaign.Kind,
                CreatedBy = campaign.CreatedBy, CreatedAt = campaign.CreatedAt };
            db.Campaigns.Add(row);
        }
        row.ClosedAt = campaign.ClosedAt;
        row.Targets = campaign.Targets.Count;
        row.Finished = campaign.Targets.Count(t => t.IsFinished);
        row.Succeeded = campaign.Targets.Count(t => t.Attempts.Count > 0 && t.Attempts[^1].Outcome == AttemptOutcome.Succeeded);
        row.Attempts = campaign.Targets.Sum(t => t.Attempts.Count);
        var stored = db.CampaignTargets.Local.Where(t => t.Campaign == campaign.Id).ToDictionary(t => t.Id);
        for (var position = 0; position < campaign.Targets.Count; position++)
        {
            var target = campaign.Targets[position];
            if (!stored.TryGetValue(target.Id, out var targetRow))
            {
                targetRow = new CampaignTargetRow { Tenant = campaign.Tenant, Id = target.Id, Campaign = campaign.Id, Position = position,
                    Account = target.Account, Contact = target.Contact };
                db.CampaignTargets.Add(targetRow);
            }
            for (var number = targetRow.Attempts + 1; number <= target.Attempts.Count; number++)
            {
                var attempt = target.Attempts[number - 1];
                db.CallAttempts.Add(new CallAttemptRow { Tenant = campaign.Tenant, Target = target.Id, Number = number, Campaign = campaign.Id,
                    At = attempt.At, By = attempt.By, Outcome = attempt.Outcome, Note = attempt.Note });
            }
            targetRow.Attempts = target.Attempts.Count;
            targetRow.LastOutcome = target.Attempts.Count > 0 ? target.Attempts[^1].Outcome : null;
            targetRow.LastAttemptAt = target.Attempts.Count > 0 ? target.Attempts[^1].At : null;
            targetRow.IsFinished = target.IsFinished;
        }
    }
}
