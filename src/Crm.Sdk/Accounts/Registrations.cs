using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Accounts;

/// <summary>
/// Validates a lead or account form against the tenant's settings and the database: the short name's owner and the
/// duplicate check are read from the tenant's rows (indexed columns), then the domain's rules run with their answers.
/// </summary>
internal static class Registrations
{
    /// <summary>
    /// The form as valid data, or <see cref="Duplicate"/> (it repeats a CPF/CNPJ or short name), or <see cref="Invalid"/>.
    /// <paramref name="predecessor"/> is the lead an account is converted from: its short name passes to the account.
    /// </summary>
    public static async Task<CrmResult<ValidRegistration>> ValidateAsync(CrmDbContext db, RegistrationForm form, RegistrationKind kind,
        RegistrationRef? self, CancellationToken cancellationToken, RegistrationRef? predecessor = null)
    {
        var settings = await SettingsAsync(db, cancellationToken).ConfigureAwait(false);
        var owner = await ShortNameOwnerAsync(db, form.ShortName, cancellationToken).ConfigureAwait(false);
        if (owner is not null && owner.Equals(predecessor))
            owner = null;
        var context = new RegistrationContext(settings, kind, self, owner);
        var result = RegistrationRules.Validate(form, context);
        var existing = new List<RegistrationRef>();
        if (owner is not null && !owner.Equals(self))
            existing.Add(owner);
        if (result.TryPickT0(out var valid, out _))
        {
            var matches = await SameTaxIdAsync(db, kind, valid.Data.TaxId, self, cancellationToken).ConfigureAwait(false);
            if (matches.Count > 0)
            {
                existing.AddRange(matches);
                var report = kind == RegistrationKind.Account
                    ? new DuplicateReport<AccountId>([.. matches.Select(m => new DuplicateMatch<AccountId>(m.AsT1, DuplicateRule.SameTaxId, valid.Data.TaxId!.ToString()))]).ToProblems(context.Subject)
                    : new DuplicateReport<LeadId>([.. matches.Select(m => new DuplicateMatch<LeadId>(m.AsT0, DuplicateRule.SameTaxId, valid.Data.TaxId!.ToString()))]).ToProblems(context.Subject);
                result = RegistrationRules.Validate(form, context with { CheckDuplicates = _ => report });
            }
        }
        return result.Match<CrmResult<ValidRegistration>>(
            ok => ok,
            invalid => invalid.Problems.Any(IsDuplicate) ? new Duplicate(existing, invalid.Problems) : invalid);
    }

    /// <summary>The tenant's registration settings.</summary>
    public static Task<AccountSettings> SettingsAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AccountSettings.Default);
    }

    private static bool IsDuplicate(Problem problem) =>
        problem.Severity == Severity.Error && (problem.Code.EndsWith(".tax_id.duplicate", StringComparison.Ordinal)
            || problem.Code.EndsWith("short_name.duplicate", StringComparison.Ordinal));

    /// <summary>The lead or account holding the short name of <paramref name="text"/> (compared by <see cref="ShortName.Key"/>).</summary>
    private static async Task<RegistrationRef?> ShortNameOwnerAsync(CrmDbContext db, string? text, CancellationToken cancellationToken)
    {
        if (ShortName.From(text) is not { } name)
            return null;
        var key = name.Key;
        var account = await db.Accounts.Where(a => EF.Property<string?>(a, CrmQueries.ShortName)!.ToUpper() == key)
            .Select(a => (AccountId?)a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (account is { } accountId)
            return accountId;
        var lead = await db.Leads.Where(l => EF.Property<string?>(l, CrmQueries.ShortName)!.ToUpper() == key)
            .Select(l => (LeadId?)l.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return lead is { } leadId ? leadId : null;
    }

    /// <summary>The other records of <paramref name="kind"/> with the same CPF/CNPJ.</summary>
    private static async Task<List<RegistrationRef>> SameTaxIdAsync(CrmDbContext db, RegistrationKind kind, TaxId? taxId,
        RegistrationRef? self, CancellationToken cancellationToken)
    {
        if (taxId is null)
            return [];
        var digits = taxId.Digits;
        List<RegistrationRef> found = kind == RegistrationKind.Account
            ? [.. (await db.Accounts.Where(a => EF.Property<string?>(a, CrmQueries.TaxId) == digits).Select(a => a.Id).Take(10)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(id => (RegistrationRef)id)]
            : [.. (await db.Leads.Where(l => EF.Property<string?>(l, CrmQueries.TaxId) == digits).Select(l => l.Id).Take(10)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(id => (RegistrationRef)id)];
        return [.. found.Where(r => !r.Equals(self))];
    }
}
