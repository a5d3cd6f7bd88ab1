using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Registry;

/// <summary>
/// The outcome of parsing a registry document: the value, or <see cref="Invalid"/> naming every problem
/// (codes in <see cref="RegistryCodes"/>).
/// </summary>
/// <typeparam name="T">The document type.</typeparam>
public sealed class ParseResult<T> : OneOfBase<T, Invalid>
{
    private ParseResult(OneOf<T, Invalid> input) : base(input) { }

    /// <summary>A successfully parsed value.</summary>
    public static implicit operator ParseResult<T>(T value) => new(value);

    /// <summary>A failed parse.</summary>
    public static implicit operator ParseResult<T>(Invalid invalid) => new(invalid);

    /// <summary>True when the input parsed.</summary>
    public bool IsValid => IsT0;

    /// <summary>The problems; empty when the parse succeeded.</summary>
    public IReadOnlyList<Problem> Problems => IsT1 ? AsT1.Problems : [];
}
