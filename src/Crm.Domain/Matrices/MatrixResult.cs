using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Matrices;

/// <summary>The outcome of building a matrix: the matrix, or every configuration error found (codes in <see cref="MatrixCodes"/>).</summary>
/// <typeparam name="TMatrix">The matrix type.</typeparam>
public sealed class MatrixResult<TMatrix> : OneOfBase<TMatrix, Invalid>
{
    private MatrixResult(OneOf<TMatrix, Invalid> input) : base(input) { }

    /// <summary>A matrix that was built.</summary>
    public static implicit operator MatrixResult<TMatrix>(TMatrix matrix) => new(matrix);

    /// <summary>A matrix with configuration errors.</summary>
    public static implicit operator MatrixResult<TMatrix>(Invalid invalid) => new(invalid);

    /// <summary>True when the matrix was built.</summary>
    public bool IsValid => IsT0;

    /// <summary>The configuration errors; empty when the matrix was built.</summary>
    public IReadOnlyList<Problem> Problems => IsT1 ? AsT1.Problems : [];
}
