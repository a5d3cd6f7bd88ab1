using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Problems;
using Crm.Persistence;
using Crm.Persistence.Duplicates;

namespace Crm.Sdk.Accounts;

/// <summary>
/// Validates a lead or account form against the tenant's stored settings and the database: the short name's owner
/// (<see cref="DatabaseShortNames"/>) and the duplicate check (<see cref="DatabaseDuplicates"/>, against live accounts
/// and open leads) are index seeks, then the domain's rules run with their answers.
/// </summary>
internal static class Registrations
{
    /// <summary>
    /// The form as valid data (its warnings include the duplicate alerts), or <see cref="Duplicate"/> (it repeats a CPF/CNPJ
    /// or a short name; every other problem listed too), or <see cref="Invalid"/>. <paramref name="self"/> is the record
    /// being edited, or the lead being converted (its own CPF/CNPJ and short name pass to the account).
    /// </summary>
    public static async Task<CrmResult<ValidRegistration>> ValidateAsync(CrmDbContext db, RegistrationForm form, RegistrationKind kind,
        RegistrationRef? self, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AccountsAsync(cancellationToken).ConfigureAwait(false);
        RegistrationRef? owner = ShortName.From(form.ShortName) is { } name
            ? await new DatabaseShortNames(db).FindOwnerAsync(db.Tenant, name, cancellationToken).ConfigureAwait(false)
            : null;
        if (owner is not null && owner.Equals(self))
            owner = null;
        var context = new RegistrationContext(settings, kind, self);
        // The data is needed for the duplicate keys: found without the short-name owner, so that a taken short name alone
        // does not hide a duplicate CPF/CNPJ.
        var duplicates = RegistrationRules.Validate(form, context).TryPickT0(out var data, out _)
            ? await new DatabaseDuplicates(db).FindAsync(data.Data, self, cancellationToken).ConfigureAwait(false)
            : null;
        var result = RegistrationRules.Validate(form, context with
        {
            ShortNameOwner = owner,
            CheckDuplicates = duplicates is null ? null : _ => duplicates.ToProblems(context.Subject),
        });
        if (result.TryPickT0(out var valid, out var invalid))
            return valid;
        if (!invalid.Problems.Any(IsDuplicate))
            return invalid;
        IEnumerable<RegistrationRef> existing = [
            .. owner is null ? [] : new[] { owner },
            .. duplicates?.Accounts.Matches.Where(m => m.Rule.Blocks()).Select(m => (RegistrationRef)m.Id) ?? [],
            .. duplicates?.Leads.Matches.Where(m => m.Rule.Blocks()).Select(m => (RegistrationRef)m.Id) ?? []];
        return new Duplicate([.. existing.Distinct()], invalid.Problems);
    }

    private static bool IsDuplicate(Problem problem) =>
        problem.Severity == Severity.Error && (problem.Code.EndsWith(".tax_id.duplicate", StringComparison.Ordinal)
            || problem.Code.EndsWith("short_name.duplicate", StringComparison.Ordinal));
}
