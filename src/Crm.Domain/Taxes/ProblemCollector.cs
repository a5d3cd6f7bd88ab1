using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>Gathers every problem of a validation; allocates nothing while the input is valid.</summary>
internal struct ProblemCollector
{
    private List<Problem>? problems;

    public readonly bool HasProblems => problems is not null;

    public readonly IEnumerable<Problem> Items => problems ?? [];

    public readonly Invalid ToInvalid() => new(problems ?? throw new InvalidOperationException("No problems were collected."));

    public void Add(Problem problem) => (problems ??= []).Add(problem);

    public void Add(string field, string code, string message) => Add(new Problem(field, code, message));

    /// <summary>Adds problems found on a part of the input, their fields prefixed with where that part sits.</summary>
    public void AddRange(IEnumerable<Problem> more, string prefix = "")
    {
        foreach (var problem in more)
            Add(prefix.Length == 0 ? problem : problem with { Field = prefix + problem.Field });
    }

    public void NotNegative(string field, decimal value)
    {
        if (value < 0m)
            Add(field, TaxCodes.Negative, $"{field} = {value} não pode ser negativo.");
    }

    /// <summary>A monetary amount: not negative and in cents.</summary>
    public void Cents(string field, decimal value) => Places(field, value, 2);

    /// <summary>A value not negative and with at most <paramref name="places"/> decimal places.</summary>
    public void Places(string field, decimal value, int places)
    {
        NotNegative(field, value);
        if (value.Scale > places && decimal.Round(value, places) != value) // a value of that scale or less fits: skip the rounding
            Add(field, TaxCodes.Precision, $"{field} = {value} tem mais de {places} casas decimais.");
    }

    /// <summary>A percentage in [0, 100).</summary>
    public void Percent(string field, decimal value)
    {
        if (value is < 0m or >= 100m)
            Add(field, TaxCodes.RateRange, $"{field} = {value} % está fora do intervalo [0, 100).");
    }
}
