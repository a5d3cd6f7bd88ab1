using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Activities;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Activities;

/// <summary>What an activity or a document needs to know of its subject: who answers for it, which account it concerns, where.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Title">What users call it (the account's legal name, the opportunity's title, ...).</param>
/// <param name="Account">The account it concerns; null for a card whose prospect is not (yet) an account.</param>
/// <param name="Responsible">The user who answers for it (owner, attendant, seller), told of its activities.</param>
/// <param name="Company">The company of its account, when known.</param>
/// <param name="Branch">The branch of its account, when known.</param>
internal sealed record SubjectFacts(ActivitySubject Subject, string Title, AccountId? Account, UserId? Responsible, CompanyId? Company, BranchId? Branch);

/// <summary>
/// Finds the subject of an activity or a document when it exists and the session's user (or <c>access</c>'s: an
/// appointment's owner) sees it; otherwise null (not found).
/// </summary>
internal static class Subjects
{
    public static async Task<SubjectFacts?> FindAsync(UnitOfWork work, ActivitySubject subject, CrmAccess? access = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var db = work.Db;
        var who = access ?? work.Access;
        if (who.Scope is null)
            return null;
        switch (subject)
        {
            case ActivitySubject.Account a:
                var account = await db.Accounts.VisibleTo(who.Scope!).AsNoTracking().SingleOrDefaultAsync(x => x.Id == a.Id, work.Cancellation).ConfigureAwait(false);
                return account is null ? null
                    : new SubjectFacts(subject, account.Data.LegalName, account.Id, account.Data.Owner, account.Data.Company, account.Data.Branch);
            case ActivitySubject.Opportunity o:
                var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == o.Id, work.Cancellation).ConfigureAwait(false);
                if (opportunity is null || !who.Sees(opportunity.Owner, null, null))
                    return null;
                var place = await PlaceAsync(work, opportunity.Account).ConfigureAwait(false);
                return new SubjectFacts(subject, opportunity.Title, opportunity.Account, opportunity.Owner, place.Company, place.Branch);
            case ActivitySubject.Occurrence c:
                var occurrence = await db.Occurrences.VisibleTo(who.Scope!, db).AsNoTracking()
                    .SingleOrDefaultAsync(x => x.Id == c.Id, work.Cancellation).ConfigureAwait(false);
                return occurrence is null ? null
                    : new SubjectFacts(subject, Service.ServiceModule.TitleOf(occurrence.Reason, occurrence.Description), occurrence.Account,
                        occurrence.Attendant ?? occurrence.OpenedBy, occurrence.Company, occurrence.Branch);
            case ActivitySubject.Card k:
                var card = await db.Cards.VisibleTo(who.Scope!, db).AsNoTracking()
                    .SingleOrDefaultAsync(x => x.Id == k.Id && x.DeletedAt == null, work.Cancellation).ConfigureAwait(false);
                if (card is null)
                    return null;
                var converted = card.Prospect is { } lead
                    ? await db.Leads.AsNoTracking().Where(l => l.Id == lead).Select(l => l.ConvertedTo).SingleOrDefaultAsync(work.Cancellation).ConfigureAwait(false)
                    : null;
                var where = converted is { } id ? await PlaceAsync(work, id).ConfigureAwait(false) : default;
                return new SubjectFacts(subject, card.Name, converted, card.Seller, where.Company, where.Branch);
            default:
                throw new ArgumentOutOfRangeException(nameof(subject));
        }
    }

    /// <summary>The refusal of a subject that does not exist or is not visible: <c>account.not_found</c>, <c>card.not_found</c>, ...</summary>
    public static NotFound Missing(ActivitySubject subject)
    {
        var (kind, id) = SubjectColumns.Of(subject);
        return new NotFound(kind.ToString().ToLowerInvariant(), id);
    }

    private static async Task<(CompanyId? Company, BranchId? Branch)> PlaceAsync(UnitOfWork work, AccountId account)
    {
        var found = await work.Db.Accounts.AsNoTracking().Where(a => a.Id == account)
            .Select(a => new { Company = EF.Property<CompanyId?>(a, CrmQueries.Company), Branch = EF.Property<BranchId?>(a, CrmQueries.Branch) })
            .SingleOrDefaultAsync(work.Cancellation).ConfigureAwait(false);
        return (found?.Company, found?.Branch);
    }
}
