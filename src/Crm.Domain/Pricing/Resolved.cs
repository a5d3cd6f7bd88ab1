using Crm.Domain.Matrices;
using Crm.Domain.Problems;

namespace Crm.Domain.Pricing;

/// <summary>
/// What a source answered for a line: a value with the id of the rule that produced it, nothing (no rule applies),
/// or problems that explain better than "no rule" why it could not answer (e.g. an interstate ICMS rate without the product's origin).
/// </summary>
/// <typeparam name="T">The resolved value.</typeparam>
public readonly record struct Resolution<T>
{
    private readonly IReadOnlyList<Problem>? problems;

    private Resolution(bool found, T value, string ruleId, IReadOnlyList<Problem>? problems)
    {
        Found = found;
        Value = value;
        RuleId = ruleId;
        this.problems = problems;
    }

    /// <summary>True when a rule applied.</summary>
    public bool Found { get; }

    /// <summary>The value; meaningful only when <see cref="Found"/>.</summary>
    public T Value { get; }

    /// <summary>The id of the rule that produced the value, quoted by the breakdown.</summary>
    public string RuleId { get; } = "";

    /// <summary>Why nothing was found, when the source can say; empty otherwise.</summary>
    public IReadOnlyList<Problem> Problems => problems ?? [];

    /// <summary>No rule applies.</summary>
    public static Resolution<T> None => default;

    /// <summary>A value produced by rule <paramref name="ruleId"/>.</summary>
    public static Resolution<T> Of(T value, string ruleId) => new(true, value, ruleId, null);

    /// <summary>No value, for the reasons given.</summary>
    public static Resolution<T> Failed(IReadOnlyList<Problem> problems) => new(false, default!, "", problems);
}

/// <summary>
/// Where the pricing pipeline gets one kind of value for a line: a price, a percentage, a tax's parameters.
/// Every concrete matrix is one (see <see cref="MatrixResolver{TPayload, T}"/> and <see cref="MatrixSources"/>);
/// so is any other source an integration prefers, such as price tables read from the ERP.
/// </summary>
/// <typeparam name="T">What is resolved.</typeparam>
public interface IResolver<T>
{
    /// <summary>Resolves the value for <paramref name="context"/>.</summary>
    Resolution<T> Resolve(MatrixContext context);
}

/// <summary>A <see cref="Matrix{TPayload}"/> seen as a resolver: the most specific rule's payload, mapped to what the pipeline needs.</summary>
/// <typeparam name="TPayload">The matrix payload.</typeparam>
/// <typeparam name="T">What the pipeline needs from it.</typeparam>
/// <param name="matrix">The matrix.</param>
/// <param name="map">
/// Maps the winning rule's payload and id to the value (tax parameters take the id as their <c>Source</c>); null when
/// the rule does not say (e.g. a minimum-value rule with only an order minimum).
/// </param>
public sealed class MatrixResolver<TPayload, T>(Matrix<TPayload> matrix, Func<TPayload, string, T?> map) : IResolver<T>, IPrefetching
    where TPayload : IMatrixPayload<TPayload>
    where T : struct
{
    /// <inheritdoc />
    public Resolution<T> Resolve(MatrixContext context) =>
        matrix.TryFind(context, out var payload, out var id) && map(payload, id) is { } value ? Resolution<T>.Of(value, id) : Resolution<T>.None;

    int IPrefetching.Prefetch(ReadOnlySpan<MatrixContext> contexts) => matrix.Prefetch(contexts);
}
