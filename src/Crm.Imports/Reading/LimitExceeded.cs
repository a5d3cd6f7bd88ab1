namespace Crm.Imports.Reading;

/// <summary>Thrown inside a reader when a bound is crossed; <see cref="Sheet"/> turns it into a <see cref="FileProblem"/> and never lets it out.</summary>
internal sealed class LimitExceeded(FileProblem problem) : Exception(problem.Message)
{
    public FileProblem Problem { get; } = problem;
}
