using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using OneOf;

namespace Crm.Sdk;

/// <summary>
/// The outcome of a use case: its success value (<typeparamref name="T"/>, named after what happened, e.g.
/// <c>AccountRegistered</c>), or why nothing was written: <see cref="Invalid"/> (every problem of the input),
/// <see cref="Duplicate"/>, <see cref="Denied"/> (module and action), <see cref="NotFound"/> (absent or not visible),
/// <see cref="Conflict"/> (someone saved the record since it was read). Expected failures are never exceptions, and a
/// failed use case never leaves a partial write.
/// </summary>
/// <typeparam name="T">The success value.</typeparam>
public sealed class CrmResult<T> : OneOfBase<T, Invalid, Duplicate, Denied, NotFound, Conflict>
{
    private CrmResult(OneOf<T, Invalid, Duplicate, Denied, NotFound, Conflict> value) : base(value) { }

    /// <summary>A success.</summary>
    public static implicit operator CrmResult<T>(T value) => new(value);

    /// <summary>Invalid input.</summary>
    public static implicit operator CrmResult<T>(Invalid value) => new(value);

    /// <summary>A duplicate.</summary>
    public static implicit operator CrmResult<T>(Duplicate value) => new(value);

    /// <summary>A denial.</summary>
    public static implicit operator CrmResult<T>(Denied value) => new(value);

    /// <summary>Not found.</summary>
    public static implicit operator CrmResult<T>(NotFound value) => new(value);

    /// <summary>A concurrency conflict.</summary>
    public static implicit operator CrmResult<T>(Conflict value) => new(value);

    /// <summary>A success, for the values the implicit conversion cannot take (interfaces).</summary>
    public static CrmResult<T> Of(T value) => new(value);

    /// <summary>True on success.</summary>
    public bool Succeeded => IsT0;

    /// <summary>The outcome's name, as logs and metrics tag it: <c>success</c>, <c>invalid</c>, <c>duplicate</c>, <c>denied</c>, <c>not_found</c>, <c>conflict</c>.</summary>
    public string Outcome => Index switch
    {
        0 => "success",
        1 => "invalid",
        2 => "duplicate",
        3 => "denied",
        4 => "not_found",
        _ => "conflict",
    };

    /// <summary>Every problem of a failure, as a form shows them (the warnings of a duplicate included); empty on success.</summary>
    public IReadOnlyList<Problem> Problems => Match(
        _ => [], invalid => invalid.Problems, duplicate => duplicate.Problems, denied => [denied.ToProblem()],
        notFound => [notFound.ToProblem()], conflict => [conflict.ToProblem()]);

    /// <summary>The same failure as a result of another success type (a use case passing on a refusal).</summary>
    internal CrmResult<TOther> Failure<TOther>() => Match<CrmResult<TOther>>(
        _ => throw new InvalidOperationException("A success is not a failure."),
        invalid => invalid, duplicate => duplicate, denied => denied, notFound => notFound, conflict => conflict);
}
