using Crm.Domain.Problems;

namespace Crm.Domain.Matrices;

/// <summary>What a matrix resolves to (a rate, a factor, a limit…), with the facts the matrix needs about it.</summary>
/// <typeparam name="TSelf">The payload type itself.</typeparam>
public interface IMatrixPayload<TSelf> where TSelf : IMatrixPayload<TSelf>
{
    /// <summary>The matrix's name in problem fields and messages, e.g. <c>icms</c>.</summary>
    static abstract string MatrixName { get; }

    /// <summary>The dimensions the matrix's rules may bind; a rule binding another one is a configuration error.</summary>
    static abstract DimensionSet Dimensions { get; }

    /// <summary>Every problem of this payload, reported on fields below <paramref name="field"/> (e.g. <c>icms[R1]</c>).</summary>
    IEnumerable<Problem> Validate(string field);
}

/// <summary>One row of a matrix: a stable id, the key it applies to, and what it resolves to.</summary>
/// <typeparam name="TPayload">What the matrix resolves to.</typeparam>
public sealed record MatrixRule<TPayload>
{
    /// <summary>Creates a rule; the id is checked when the matrix is built.</summary>
    public MatrixRule(string Id, MatrixKey Key, TPayload Payload)
    {
        ArgumentNullException.ThrowIfNull(Key);
        ArgumentNullException.ThrowIfNull(Payload);
        this.Id = Id;
        this.Key = Key;
        this.Payload = Payload;
    }

    /// <summary>The stable id, quoted by every result this rule produces.</summary>
    public string Id { get; }

    /// <summary>The dimensions, NCM prefix and ranges the rule applies to.</summary>
    public MatrixKey Key { get; }

    /// <summary>What the rule resolves to.</summary>
    public TPayload Payload { get; }
}
