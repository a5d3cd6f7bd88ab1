using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Problems;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Duplicates;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

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
    public static async Task<CrmResult<ValidRegistration>> ValidateAsync(UnitOfWork work, RegistrationForm form, RegistrationKind kind,
        RegistrationRef? self) =>
        await ValidateAsync(work, Check(form, await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false), kind, self)).ConfigureAwait(false);

    /// <summary>
    /// The rules' first pass over <paramref name="form"/>, without the database: a batch checks every row so, reads the
    /// duplicate keys of the valid ones ahead in one go (<see cref="Crm.Persistence.Duplicates.RegistrationKeys.PreloadAsync"/>),
    /// then finishes each with <see cref="ValidateAsync(UnitOfWork, FirstPass)"/>.
    /// </summary>
    public static FirstPass Check(RegistrationForm form, AccountSettings settings, RegistrationKind kind, RegistrationRef? self)
    {
        var context = new RegistrationContext(settings, kind, self);
        return new FirstPass(form, context, RegistrationRules.Validate(form, context));
    }

    /// <summary>A form, its rules' context and the rules' answer without the database's short names and duplicates.</summary>
    public sealed record FirstPass(RegistrationForm Form, RegistrationContext Context, RegistrationResult Result)
    {
        /// <summary>The data when the first pass found it valid (its duplicate keys); null otherwise.</summary>
        public RegistrationData? Data => Result.TryPickT0(out var valid, out _) ? valid.Data : null;
    }

    /// <summary><see cref="ValidateAsync(UnitOfWork, RegistrationForm, RegistrationKind, RegistrationRef?)"/> from its first pass.</summary>
    public static async Task<CrmResult<ValidRegistration>> ValidateAsync(UnitOfWork work, FirstPass pass)
    {
        var (db, cancellationToken) = (work.Db, work.Cancellation);
        var (form, context, self) = (pass.Form, pass.Context, pass.Context.Self);
        RegistrationRef? owner = ShortName.From(form.ShortName) is { } name
            ? await new DatabaseShortNames(db).FindOwnerAsync(db.Tenant, name, cancellationToken).ConfigureAwait(false)
            : null;
        if (owner is not null && owner.Equals(self))
            owner = null;
        // The data is needed for the duplicate keys: found without the short-name owner, so that a taken short name alone
        // does not hide a duplicate CPF/CNPJ.
        var first = pass.Result;
        var duplicates = first.TryPickT0(out var data, out _)
            ? await new DatabaseDuplicates(db).FindAsync(data.Data, self, cancellationToken).ConfigureAwait(false)
            : null;
        // Nothing the second pass would add (no short-name owner, no match): the first pass is the answer.
        if (duplicates is not null && owner is null && duplicates.Accounts.Matches.Count == 0 && duplicates.Leads.Matches.Count == 0)
            return data;
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
        // Each problem once: several records matching the same value (an account and a lead) raise the same one.
        return new Duplicate(await VisibleAsync(work, [.. existing.Distinct()]).ConfigureAwait(false), [.. invalid.Problems.Distinct()]);
    }

    // The records a duplicate names, less those outside the user's scope: their ids are not the user's to know (the
    // problems still say the value is taken).
    private static async Task<IReadOnlyList<RegistrationRef>> VisibleAsync(UnitOfWork work, List<RegistrationRef> existing)
    {
        var scope = work.Access.Scope!;
        var accounts = existing.Where(r => r.IsT1).Select(r => r.AsT1).ToList();
        var leads = existing.Where(r => r.IsT0).Select(r => r.AsT0).ToList();
        var seen = new HashSet<RegistrationRef>();
        if (accounts.Count > 0)
            seen.UnionWith((await work.Db.Accounts.VisibleTo(scope).Where(a => accounts.Contains(a.Id)).Select(a => a.Id)
                .ToListAsync(work.Cancellation).ConfigureAwait(false)).Select(id => (RegistrationRef)id));
        if (leads.Count > 0)
            seen.UnionWith((await work.Db.Leads.VisibleTo(scope).Where(l => leads.Contains(l.Id)).Select(l => l.Id)
                .ToListAsync(work.Cancellation).ConfigureAwait(false)).Select(id => (RegistrationRef)id));
        return [.. existing.Where(seen.Contains)];
    }

    private static bool IsDuplicate(Problem problem) =>
        problem.Severity == Severity.Error && (problem.Code.EndsWith(".tax_id.duplicate", StringComparison.Ordinal)
            || problem.Code.EndsWith("short_name.duplicate", StringComparison.Ordinal));
}
