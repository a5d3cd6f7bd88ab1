using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>The account may be sent to the ERP.</summary>
public sealed record Eligible
{
    /// <summary>The single value.</summary>
    public static Eligible Instance { get; } = new();

    private Eligible() { }
}

/// <summary>Whether an account may be sent to an ERP: eligible, or every unmet rule at once.</summary>
public sealed class EligibilityResult : OneOfBase<Eligible, Invalid>
{
    private EligibilityResult(OneOf<Eligible, Invalid> value) : base(value) { }

    /// <summary>The eligible result, shared: evaluating an eligible account allocates nothing.</summary>
    public static EligibilityResult Eligible { get; } = new(Eligibility.Eligible.Instance);

    /// <summary>Eligible.</summary>
    public static implicit operator EligibilityResult(Eligible value) => Eligible;

    /// <summary>Not eligible.</summary>
    public static implicit operator EligibilityResult(Invalid value) => new(value);

    /// <summary>True when the account may be sent.</summary>
    public bool IsEligible => IsT0;

    /// <summary>The unmet rules; empty when eligible.</summary>
    public IReadOnlyList<Problem> Problems => TryPickT1(out var invalid, out _) ? invalid.Problems : [];
}
