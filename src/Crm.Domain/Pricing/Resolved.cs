using Crm.Domain.Matrices;

namespace Crm.Domain.Pricing;

/// <summary>A value a matrix resolved for a line, with the id of the rule that produced it.</summary>
/// <typeparam name="T">The resolved value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="RuleId">The rule's stable id, quoted by the breakdown.</param>
public readonly record struct Resolved<T>(T Value, string RuleId);

/// <summary>
/// Where the pricing pipeline gets one kind of value for a line: a price, a percentage, a tax's parameters.
/// Every concrete matrix is one (see <see cref="MatrixResolver{TPayload, T}"/>); so is any other source an
/// integration prefers, such as prices read from the ERP.
/// </summary>
/// <typeparam name="T">What is resolved.</typeparam>
public interface IResolver<T>
{
    /// <summary>Resolves the value for <paramref name="context"/>; false when no rule applies.</summary>
    bool TryResolve(MatrixContext context, out Resolved<T> resolved);
}

/// <summary>A <see cref="Matrix{TPayload}"/> seen as a resolver: the most specific rule's payload, mapped to what the pipeline needs.</summary>
/// <typeparam name="TPayload">The matrix payload.</typeparam>
/// <typeparam name="T">What the pipeline needs from it.</typeparam>
/// <param name="matrix">The matrix.</param>
/// <param name="map">Maps the winning rule's payload to the value.</param>
public sealed class MatrixResolver<TPayload, T>(Matrix<TPayload> matrix, Func<TPayload, T> map) : IResolver<T>
    where TPayload : IMatrixPayload<TPayload>
{
    /// <inheritdoc />
    public bool TryResolve(MatrixContext context, out Resolved<T> resolved)
    {
        if (matrix.Find(context) is { } rule)
        {
            resolved = new Resolved<T>(map(rule.Payload), rule.Id);
            return true;
        }
        resolved = default;
        return false;
    }
}
