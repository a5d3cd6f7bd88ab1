using Crm.Domain.Accounts;
using Crm.Domain.Problems;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// An ERP's eligibility rules. <see cref="Evaluate"/> runs every rule and reports every failure together; the problem list
/// is created only at the first failure, so an eligible account costs no allocation.
/// </summary>
public sealed class EligibilityRules
{
    private readonly EligibilityRule[] _rules;

    /// <summary>Creates the set; codes are unique.</summary>
    public EligibilityRules(IEnumerable<EligibilityRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        if (_rules.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Rule code {twice.Key} is declared twice.", nameof(rules));
    }

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<EligibilityRule> All => _rules;

    /// <summary>Eligible, or the problems of every rule <paramref name="account"/> fails.</summary>
    public EligibilityResult Evaluate(Account account, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new ProblemCollector();
        foreach (var rule in _rules)
            if (!rule.IsMet(account, context))
                problems.Add(new Problem(rule.Field, rule.Code, rule.MessageFor(account, context)));
        return problems.HasProblems ? problems.ToInvalid() : EligibilityResult.Eligible;
    }
}
