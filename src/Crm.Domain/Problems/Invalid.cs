namespace Crm.Domain.Problems;

/// <summary>
/// The failure case of the domain's result unions: every problem found, never only the first.
/// </summary>
public sealed record Invalid
{
    /// <summary>Creates the failure from the problems found; at least one is required.</summary>
    public Invalid(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            throw new ArgumentException("An Invalid result needs at least one problem.", nameof(problems));
        Problems = problems;
    }

    /// <summary>Creates the failure from one or more problems.</summary>
    public Invalid(Problem first, params Problem[] more) : this([first, .. more]) { }

    /// <summary>Every problem found, in the order they were detected.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Problems);
}
