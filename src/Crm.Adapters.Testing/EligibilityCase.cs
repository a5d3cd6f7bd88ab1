using Crm.Domain.Accounts;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Testing;

/// <summary>An account that breaks some rules, and exactly the codes the adapter must report for it, all at once.</summary>
/// <param name="Name">What the case shows, for failure messages.</param>
/// <param name="Account">The account.</param>
/// <param name="Context">The context to evaluate it in.</param>
/// <param name="Codes">Every code expected, no more, no less.</param>
/// <param name="Adapter">The adapter to evaluate with, when the case needs other options (a parameter turned off).</param>
public sealed record EligibilityCase(string Name, Account Account, EligibilityContext Context, IReadOnlyCollection<string> Codes,
    IErpAdapter? Adapter = null);
