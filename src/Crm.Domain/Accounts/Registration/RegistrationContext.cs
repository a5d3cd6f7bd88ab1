using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Problems;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// What the rules need besides the form: the tenant's settings, whether a lead or an account is saved, which record is being
/// edited, who owns the short name (the answer of <see cref="IShortNameRegistry"/>), and optionally a duplicate check, so
/// that duplicate CPFs/CNPJs are reported together with every other problem.
/// </summary>
/// <param name="Settings">The tenant's settings.</param>
/// <param name="Kind">Lead or account.</param>
/// <param name="Self">The record being edited; null when creating.</param>
/// <param name="ShortNameOwner">Who already holds the short name; null when free.</param>
/// <param name="CheckDuplicates">Turns the registration's keys into duplicate problems, e.g.
/// <c>keys =&gt; index.Find(keys, self).ToProblems("account")</c>.</param>
public sealed record RegistrationContext(
    AccountSettings Settings,
    RegistrationKind Kind,
    RegistrationRef? Self = null,
    RegistrationRef? ShortNameOwner = null,
    Func<DuplicateKeys, IReadOnlyList<Problem>>? CheckDuplicates = null)
{
    /// <summary>The prefix of this context's problem codes: <c>lead</c> or <c>account</c>.</summary>
    public string Subject => Kind == RegistrationKind.Lead ? "lead" : "account";
}
