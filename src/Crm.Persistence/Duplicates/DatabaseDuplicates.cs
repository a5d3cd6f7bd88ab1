using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Duplicates;

/// <summary>What a registration would duplicate among the tenant's accounts and among its leads.</summary>
/// <param name="Accounts">The matching accounts.</param>
/// <param name="Leads">The matching leads.</param>
public sealed record RegistrationDuplicates(DuplicateReport<AccountId> Accounts, DuplicateReport<LeadId> Leads)
{
    /// <summary>True when a blocking rule (same CPF/CNPJ) fired against an account or a lead: the save must be refused.</summary>
    public bool IsBlocked => Accounts.IsBlocked || Leads.IsBlocked;

    /// <summary>The matches as problems of a registration (<see cref="DuplicateReport{TId}.ToProblems"/>), accounts first.</summary>
    /// <param name="subject">The problem codes' prefix: <c>lead</c> or <c>account</c>.</param>
    public IReadOnlyList<Problem> ToProblems(string subject) => [.. Accounts.ToProblems(subject), .. Leads.ToProblems(subject)];
}

/// <summary>
/// The domain's duplicate rules (<see cref="DuplicateRule"/>) answered by the database for one registration, against the
/// session tenant's live accounts (not merged away) and open leads: each key the rules compare is a row of
/// <c>DuplicateKeys</c> written with its record, so the check is one index seek per key, whatever the tenant's size.
/// The same answers as a <see cref="DuplicateIndex{TId}"/> over the same records.
/// </summary>
/// <param name="db">The tenant's unit of work.</param>
public sealed class DatabaseDuplicates(CrmDbContext db)
{
    /// <summary>
    /// Every live account and open lead sharing a key with <paramref name="data"/>, once per rule that fired, except
    /// <paramref name="self"/> (the record being edited or converted). Records added to this unit of work and not yet
    /// saved are not seen.
    /// </summary>
    /// <param name="data">The registration's validated data.</param>
    /// <param name="self">The record being edited; null when registering a new one.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<RegistrationDuplicates> FindAsync(RegistrationData data, RegistrationRef? self = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var keys = DuplicateKeyTexts.Of(data);
        if (keys.Count == 0)
            return new(DuplicateReport<AccountId>.None, DuplicateReport<LeadId>.None);
        var texts = keys.Select(k => k.Key).ToList();
        var rows = db.Preloaded?.RowsOf(texts) ?? await db.Set<DuplicateKeyRow>().AsNoTracking().Where(r => texts.Contains(r.Key))
            .Select(r => new PreloadedKeys.Row(r.Key, r.Kind, r.Record)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<DuplicateMatch<AccountId>>();
        var leads = new List<DuplicateMatch<LeadId>>();
        // In the order of the keys (tax id, CNPJ root, e-mails, phones, names), one match per record and rule.
        foreach (var key in keys)
            foreach (var row in rows.Where(r => r.Key == key.Key))
            {
                if (row.Kind == RecordKind.Account)
                    Collect(accounts, new AccountId(row.Record), key, self);
                else
                    Collect(leads, new LeadId(row.Record), key, self);
            }
        return new(Report(accounts), Report(leads));
    }

    private static void Collect<TId>(List<DuplicateMatch<TId>> matches, TId id, DuplicateKeyText key, RegistrationRef? self)
        where TId : struct
    {
        if (self is not null && self.Value.Equals(id))
            return;
        if (!matches.Exists(m => m.Id.Equals(id) && m.Rule == key.Rule))
            matches.Add(new DuplicateMatch<TId>(id, key.Rule, key.Shown));
    }

    private static DuplicateReport<TId> Report<TId>(List<DuplicateMatch<TId>> matches)
        where TId : struct =>
        matches.Count == 0 ? DuplicateReport<TId>.None : new DuplicateReport<TId>(matches);
}
