using Crm.Domain.Problems;

namespace Crm.Sdk;

/// <summary>
/// The pages every list use case returns: <c>skip</c> rows passed over, at most <c>take</c> returned, in a stable order
/// (each list names its own, ending with the id), and never more than <see cref="MaxPageSize"/> rows at once.
/// </summary>
public static class Paging
{
    /// <summary>The most rows one page returns.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The code of a negative <c>skip</c>.</summary>
    public const string SkipCode = "page.skip.negative";

    /// <summary>The code of a <c>take</c> below 1 or above <see cref="MaxPageSize"/>.</summary>
    public const string TakeCode = "page.take.out_of_range";

    /// <summary>Null when <paramref name="skip"/> and <paramref name="take"/> ask for a valid page; otherwise each problem.</summary>
    internal static Invalid? Check(int skip, int take)
    {
        var problems = new List<Problem>();
        if (skip < 0)
            problems.Add(new Problem("skip", SkipCode, "O deslocamento da página não pode ser negativo."));
        if (take is < 1 or > MaxPageSize)
            problems.Add(new Problem("take", TakeCode, $"O tamanho da página vai de 1 a {MaxPageSize}."));
        return problems.Count > 0 ? new Invalid(problems) : null;
    }
}
