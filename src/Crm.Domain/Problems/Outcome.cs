using OneOf;

namespace Crm.Domain.Problems;

/// <summary>
/// The outcome of every domain operation that can fail in an expected way: the value, or
/// <see cref="Invalid"/> naming every problem found (never only the first).
/// </summary>
/// <typeparam name="T">The value of a success; <see cref="OneOf.Types.Success"/> when there is none.</typeparam>
public sealed class Outcome<T> : OneOfBase<T, Invalid>
{
    private Outcome(OneOf<T, Invalid> input) : base(input) { }

    /// <summary>A success.</summary>
    public static implicit operator Outcome<T>(T value) => new(value);

    /// <summary>A failure.</summary>
    public static implicit operator Outcome<T>(Invalid invalid) => new(invalid);

    /// <summary>A success; for value types the implicit conversion cannot reach (interfaces such as <see cref="IReadOnlyList{T}"/>).</summary>
    public static Outcome<T> FromValue(T value) => new(value);

    /// <summary>The success value mapped by <paramref name="map"/>; a failure stays as it is.</summary>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) =>
        Match(value => Outcome<TResult>.FromValue(map(value)), invalid => invalid);

    /// <summary>True on success.</summary>
    public bool IsValid => IsT0;

    /// <summary>The problems; empty on success.</summary>
    public IReadOnlyList<Problem> Problems => IsT1 ? AsT1.Problems : [];
}
